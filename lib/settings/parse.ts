import {
  APP_TYPES,
  LOCALES,
  type AppKind,
  type AppType,
  type FeishuSettings,
} from './types';

/** Thrown when `settings.feishu` is invalid; ESLint shows it as a config error. */
export class FeishuSettingsError extends Error {
  constructor(message: string) {
    super(`eslint-plugin-feishu: ${message}`);
    this.name = 'FeishuSettingsError';
  }
}

const KEYS = ['appType', 'linkedOrganization', 'externalSharing', 'locale', 'apiHosts', 'assumeOpenPlatform'] as const;
type Key = (typeof KEYS)[number];

export const DEFAULT_SETTINGS: FeishuSettings = Object.freeze({
  appType: undefined,
  linkedOrganization: false,
  externalSharing: false,
  locale: 'en',
  apiHosts: [],
  assumeOpenPlatform: false,
  appKind: 'unknown',
});

// One parse per settings object: ESLint hands every file of a config the same object.
const cache = new WeakMap<object, FeishuSettings>();

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
  let parsed = cache.get(raw);
  if (parsed === undefined) {
    parsed = parse(raw as Record<string, unknown>);
    cache.set(raw, parsed);
  }
  return parsed;
}

function parse(raw: Record<string, unknown>): FeishuSettings {
  for (const key of Object.keys(raw)) {
    if (!(KEYS as readonly string[]).includes(key)) {
      throw new FeishuSettingsError(
        `settings.feishu.${key} is not a setting; the settings are ${KEYS.join(', ')}.`,
      );
    }
  }
  const appType = oneOf(raw, 'appType', APP_TYPES);
  const linkedOrganization = flag(raw, 'linkedOrganization');
  const externalSharing = flag(raw, 'externalSharing');
  const locale = oneOf(raw, 'locale', LOCALES) ?? 'en';
  const apiHosts = hosts(raw);
  const assumeOpenPlatform = flag(raw, 'assumeOpenPlatform');

  if (externalSharing && appType === 'store') {
    throw new FeishuSettingsError(
      "settings.feishu.externalSharing: true is not allowed with appType: 'store' (store apps cannot enable external sharing); " +
        "remove externalSharing or set appType: 'self-built'.",
    );
  }
  if (externalSharing && linkedOrganization) {
    throw new FeishuSettingsError(
      'settings.feishu.externalSharing: true is not allowed with linkedOrganization: true ' +
        '(the platform does not let an app with linked organizations enable external sharing); set one of them to false.',
    );
  }
  for (const key of ['linkedOrganization', 'externalSharing'] as const) {
    if (raw[key] === true && appType !== 'self-built') {
      throw new FeishuSettingsError(
        `settings.feishu.${key}: true needs appType: 'self-built'; got appType: ${show(appType)}.`,
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
    appKind: appKindOf(appType, linkedOrganization, externalSharing),
  });
}

function appKindOf(appType: AppType | undefined, linked: boolean, sharing: boolean): AppKind {
  if (appType === undefined) return 'unknown';
  if (appType === 'store') return 'store';
  if (linked) return 'self-built-linked-organization';
  return sharing ? 'self-built-external-sharing' : 'self-built';
}

function oneOf<T extends string>(raw: Record<string, unknown>, key: Key, allowed: readonly T[]): T | undefined {
  const value = raw[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new FeishuSettingsError(
      `settings.feishu.${key} must be ${allowed.map((a) => `'${a}'`).join(' or ')}; got ${show(value)}.`,
    );
  }
  return value as T;
}

function flag(raw: Record<string, unknown>, key: Key): boolean {
  const value = raw[key];
  if (value === undefined) return false;
  if (typeof value !== 'boolean') {
    throw new FeishuSettingsError(`settings.feishu.${key} must be true or false; got ${show(value)}.`);
  }
  return value;
}

// A host name: labels of letters, digits and hyphens, an optional port. No scheme, no path.
const HOST = /^[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9](?:[a-z0-9-]{0,62}))*(?::\d{1,5})?$/;

function hosts(raw: Record<string, unknown>): readonly string[] {
  const value = raw.apiHosts;
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    throw new FeishuSettingsError(`settings.feishu.apiHosts must be an array of host names; got ${show(value)}.`);
  }
  const extra = value.map((host: unknown, index) => {
    if (typeof host !== 'string' || !HOST.test(host.toLowerCase())) {
      throw new FeishuSettingsError(
        `settings.feishu.apiHosts[${index}] must be a host name such as 'open.example.com' (no scheme, no path); got ${show(host)}.`,
      );
    }
    return host.toLowerCase();
  });
  return Object.freeze([...new Set(extra)]);
}

function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (value === undefined) return 'nothing';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
