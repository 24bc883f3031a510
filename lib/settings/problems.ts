/**
 * What can be wrong with `settings.feishu`, as data: the rules report every
 * problem in the configured language (lib/messages), the audit command throws
 * them in the words of its flags. Values are kept as given; `show` cuts them
 * when they are written out.
 */

export const SETTING_KEYS = ['appType', 'linkedOrganization', 'externalSharing', 'locale', 'apiHosts', 'assumeOpenPlatform', 'reportGuarded'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** Why an `apiHosts` entry is not a host name. */
export type HostFault =
  /** Not a string. */
  | 'type'
  /** `https://…`, `//…`. */
  | 'scheme'
  /** `host/path`, `host?query`. */
  | 'path'
  /** A port outside 1–65535 (`x.com:0`, `x.com:99999`). */
  | 'port'
  /** An empty label, a character other than letters, digits and `-`, or a label that starts or ends with `-`. */
  | 'label'
  /** A label longer than 63 characters. */
  | 'labelLength'
  /** A name longer than 253 characters. */
  | 'length';

export type SettingsProblem =
  /** `settings.feishu` is not a plain object: `what` says what it is (`an array`, `a Map`, `a Proxy`). */
  | { readonly kind: 'notObject'; readonly what: string; readonly value: unknown }
  | { readonly kind: 'unknownKey'; readonly key: string; readonly suggestion: string | undefined }
  | {
      readonly kind: 'notOneOf';
      readonly key: SettingKey;
      readonly value: unknown;
      readonly allowed: readonly string[];
      readonly suggestion: string | undefined;
    }
  | { readonly kind: 'notBoolean'; readonly key: SettingKey; readonly value: unknown; readonly suggestion: boolean | undefined }
  | { readonly kind: 'notHostList'; readonly key: 'apiHosts'; readonly value: unknown }
  /** `['a.com', , 'b.com']`: an index the array does not have. */
  | { readonly kind: 'hole'; readonly key: 'apiHosts'; readonly index: number }
  | { readonly kind: 'notHost'; readonly key: 'apiHosts'; readonly index: number; readonly value: unknown; readonly fault: HostFault }
  /** `externalSharing: true` with `appType: 'store'`. */
  | { readonly kind: 'storeWithExternalSharing' }
  /** `externalSharing: true` with `linkedOrganization: true`. */
  | { readonly kind: 'linkedWithExternalSharing' }
  /** `linkedOrganization: true` or `externalSharing: true` without `appType: 'self-built'`. */
  | { readonly kind: 'needsSelfBuilt'; readonly key: 'linkedOrganization' | 'externalSharing'; readonly appType: unknown };

/**
 * How a problem names a setting and its value: `settings.feishu.appType` and
 * `appType: 'store'` in a config; `--app-type` and `--app-type store` for the
 * audit command, whose flags mean the same.
 */
export interface SettingsSpelling {
  /** The setting as the subject of a sentence: `settings.feishu.apiHosts[1]`. */
  key(key: SettingKey, index?: number): string;
  /** The setting's name alone, as in `remove externalSharing`. */
  name(key: SettingKey): string;
  /** The setting set to a value, as the subject of a sentence: `settings.feishu.externalSharing: true`. */
  set(key: SettingKey, value: unknown): string;
  /** The setting with a value, inside a sentence: `appType: 'store'`, `appType: nothing`. */
  value(key: SettingKey, value: unknown): string;
}

/** Each setting's flag on the audit's command line, with the same meaning as the `settings.feishu` key. */
export const SETTING_FLAGS: Readonly<Record<SettingKey, string>> = {
  appType: '--app-type',
  linkedOrganization: '--linked-organization',
  externalSharing: '--external-sharing',
  locale: '--locale',
  apiHosts: '--api-host',
  assumeOpenPlatform: '--assume-open-platform',
  reportGuarded: '--report-guarded',
};

/** The spelling of an ESLint config's `settings.feishu`. */
export const CONFIG_SPELLING: SettingsSpelling = {
  key: (key, index) => `settings.feishu.${key}${index === undefined ? '' : `[${index}]`}`,
  name: (key) => key,
  set: (key, value) => `settings.feishu.${key}: ${show(value)}`,
  value: (key, value) => `${key}: ${show(value)}`,
};

// An echoed value is cut here: a 10 MB value is not repeated in a message.
const SHOWN = 80;

/** `value` as a message shows it: `'text'`, JSON, `nothing` when absent; at most 80 characters of it, then `…`. */
export function show(value: unknown): string {
  if (typeof value === 'string') return `'${cut(value)}'`;
  if (value === undefined) return 'nothing';
  if (typeof value === 'bigint') return cut(`${value}n`);
  if (typeof value === 'symbol' || typeof value === 'function') return cut(String(value));
  try {
    return cut(JSON.stringify(value) ?? String(value));
  } catch {
    // A cycle, a BigInt inside, a revoked Proxy.
    return cut(Object.prototype.toString.call(value));
  }
}

/** At most 80 code points, `…` after a cut. */
export function cut(text: string): string {
  if (text.length <= SHOWN) return text;
  // 161 UTF-16 units hold at least 81 code points: enough to know, without reading a huge value whole.
  const points = Array.from(text.slice(0, SHOWN * 2 + 1));
  return points.length <= SHOWN ? text : `${points.slice(0, SHOWN).join('')}…`;
}
