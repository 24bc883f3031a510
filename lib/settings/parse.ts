import { WeakMemo } from '../memo';
import { appKindOf } from '../policy';
import { APP_TYPES, LOCALES, type FeishuSettings } from './types';

/** Thrown when `settings.feishu` is invalid; ESLint shows it as a config error. */
export class FeishuSettingsError extends Error {
  constructor(message: string) {
    super(`eslint-plugin-feishu: ${message}`);
    this.name = 'FeishuSettingsError';
  }
}

const KEYS = ['appType', 'linkedOrganization', 'externalSharing', 'locale', 'apiHosts', 'assumeOpenPlatform', 'reportGuarded'] as const;
export type SettingKey = (typeof KEYS)[number];
type Key = SettingKey;

/**
 * How an error names a setting and its value: `settings.feishu.appType` and
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

/** The spelling of an ESLint config's `settings.feishu`. */
export const CONFIG_SPELLING: SettingsSpelling = {
  key: (key, index) => `settings.feishu.${key}${index === undefined ? '' : `[${index}]`}`,
  name: (key) => key,
  set: (key, value) => `settings.feishu.${key}: ${show(value)}`,
  value: (key, value) => `${key}: ${show(value)}`,
};

export const DEFAULT_SETTINGS: FeishuSettings = Object.freeze({
  appType: undefined,
  linkedOrganization: false,
  externalSharing: false,
  locale: 'en',
  apiHosts: [],
  assumeOpenPlatform: false,
  reportGuarded: false,
  appKind: 'unknown',
});

// One parse per settings object: ESLint hands every file of a config the same object.
const cache = new WeakMemo<object, FeishuSettings>();

/**
 * Reads `settings.feishu` from ESLint's shared settings. Throws a
 * FeishuSettingsError naming `settings.feishu.<key>`, the value given and the
 * values allowed, for unknown keys, wrong types and invalid combinations.
 */
export function readFeishuSettings(sharedSettings: Readonly<Record<string, unknown>> | undefined): FeishuSettings {
  const raw = sharedSettings?.feishu;
  if (raw === undefined) return DEFAULT_SETTINGS;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new FeishuSettingsError(`settings.feishu must be an object; got ${show(raw)}.`);
  }
  return cache.get(raw, () => parseFeishuSettings(raw as Record<string, unknown>, CONFIG_SPELLING));
}

/**
 * Validates one `settings.feishu` object, uncached; errors name the settings
 * as `spelling` writes them. Rules go through readFeishuSettings.
 */
export function parseFeishuSettings(raw: Readonly<Record<string, unknown>>, spelling: SettingsSpelling): FeishuSettings {
  const s = spelling;
  for (const key of Object.keys(raw)) {
    if (!(KEYS as readonly string[]).includes(key)) {
      throw new FeishuSettingsError(
        `${s.key(key as Key)} is not a setting; the settings are ${KEYS.map((k) => s.name(k)).join(', ')}.`,
      );
    }
  }
  const appType = oneOf(raw, 'appType', APP_TYPES, s);
  const linkedOrganization = flag(raw, 'linkedOrganization', s);
  const externalSharing = flag(raw, 'externalSharing', s);
  const locale = oneOf(raw, 'locale', LOCALES, s) ?? 'en';
  const apiHosts = hosts(raw, s);
  const assumeOpenPlatform = flag(raw, 'assumeOpenPlatform', s);
  const reportGuarded = flag(raw, 'reportGuarded', s);

  if (externalSharing && appType === 'store') {
    throw new FeishuSettingsError(
      `${s.set('externalSharing', true)} is not allowed with ${s.value('appType', 'store')} (store apps cannot enable external sharing); ` +
        `remove ${s.name('externalSharing')} or set ${s.value('appType', 'self-built')}.`,
    );
  }
  if (externalSharing && linkedOrganization) {
    throw new FeishuSettingsError(
      `${s.set('externalSharing', true)} is not allowed with ${s.value('linkedOrganization', true)} ` +
        '(the platform does not let an app with linked organizations enable external sharing); keep only one of them.',
    );
  }
  for (const key of ['linkedOrganization', 'externalSharing'] as const) {
    if (raw[key] === true && appType !== 'self-built') {
      throw new FeishuSettingsError(
        `${s.set(key, true)} needs ${s.value('appType', 'self-built')}; got ${s.value('appType', appType)}.`,
      );
    }
  }

  return Object.freeze({
    appType,
    linkedOrganization,
    externalSharing,
    locale,
    apiHosts,
    assumeOpenPlatform,
    reportGuarded,
    appKind: appKindOf(appType, linkedOrganization, externalSharing),
  });
}

function oneOf<T extends string>(
  raw: Readonly<Record<string, unknown>>,
  key: Key,
  allowed: readonly T[],
  spelling: SettingsSpelling,
): T | undefined {
  const value = raw[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new FeishuSettingsError(
      `${spelling.key(key)} must be ${allowed.map((a) => `'${a}'`).join(' or ')}; got ${show(value)}.`,
    );
  }
  return value as T;
}

function flag(raw: Readonly<Record<string, unknown>>, key: Key, spelling: SettingsSpelling): boolean {
  const value = raw[key];
  if (value === undefined) return false;
  if (typeof value !== 'boolean') {
    throw new FeishuSettingsError(`${spelling.key(key)} must be true or false; got ${show(value)}.`);
  }
  return value;
}

// A host name: labels of letters, digits and hyphens, an optional port. No scheme, no path.
const HOST = /^[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9](?:[a-z0-9-]{0,62}))*(?::\d{1,5})?$/;

function hosts(raw: Readonly<Record<string, unknown>>, spelling: SettingsSpelling): readonly string[] {
  const value = raw.apiHosts;
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    throw new FeishuSettingsError(`${spelling.key('apiHosts')} must be an array of host names; got ${show(value)}.`);
  }
  const extra = value.map((host: unknown, index) => {
    if (typeof host !== 'string' || !HOST.test(host.toLowerCase())) {
      throw new FeishuSettingsError(
        `${spelling.key('apiHosts', index)} must be a host name such as 'open.example.com' (no scheme, no path); got ${show(host)}.`,
      );
    }
    return host.toLowerCase();
  });
  return Object.freeze([...new Set(extra)]);
}

export function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (value === undefined) return 'nothing';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
