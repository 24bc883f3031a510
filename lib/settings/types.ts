import type { AppKind } from '../policy';

/** `settings.feishu` after validation (docs/spec/behaviour.md#settings). */

export type { AppKind } from '../policy';
type AppType = 'store' | 'self-built';
export type Locale = 'en' | 'zh-CN';

export interface FeishuSettings {
  readonly appType: AppType | undefined;
  readonly linkedOrganization: boolean;
  readonly externalSharing: boolean;
  readonly locale: Locale;
  /** Lower-cased extra hosts that count as Open Platform evidence, beside the catalog's API_HOSTS. */
  readonly apiHosts: readonly string[];
  readonly assumeOpenPlatform: boolean;
  /** Report guarded and handled findings too (docs/spec/behaviour.md#guarded-and-handled-findings). */
  readonly reportGuarded: boolean;
  readonly appKind: AppKind;
}

/**
 * `settings.feishu` as users write it: the package exports it as
 * `FeishuSettings` (docs/settings.md). Every key is optional.
 */
export interface FeishuSettingsInput {
  /** The kind of app: a store app (商店应用) or a self-built app (自建应用). Not set: a self-built app's advice, and a hint to set it. */
  appType?: AppType;
  /** A self-built app with linked-organization sharing (关联组织应用共享) on. Needs `appType: 'self-built'`. */
  linkedOrganization?: boolean;
  /** A self-built app with external sharing (对外共享) on: only what stays blocked is reported. Needs `appType: 'self-built'`. */
  externalSharing?: boolean;
  /** The language of messages, suggestions and the comments suggestions insert. Default `'en'`. */
  locale?: Locale;
  /** Extra API hosts of private deployments (`'open.example.com'`, `'gw.example.com:8443'`): Open Platform evidence. */
  apiHosts?: readonly string[];
  /** Every file this config entry matches counts as Open Platform code. */
  assumeOpenPlatform?: boolean;
  /** Report the calls the code guards (a test of the chat's `external`) or handles (a catch of the error code) too. */
  reportGuarded?: boolean;
}

export const APP_TYPES: readonly AppType[] = ['store', 'self-built'];
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];
