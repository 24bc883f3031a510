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

export const APP_TYPES: readonly AppType[] = ['store', 'self-built'];
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];
