/** `settings.feishu` after validation (behaviour.md §5). */

export type AppType = 'store' | 'self-built';
export type Locale = 'en' | 'zh-CN';

/**
 * What the platform does to this kind of app in external chats
 * (external-chat-facts.md §5). `unknown` when `appType` is not set.
 */
export type AppKind =
  | 'unknown'
  | 'store'
  | 'self-built'
  | 'self-built-linked-organization'
  | 'self-built-external-sharing';

export interface FeishuSettings {
  readonly appType: AppType | undefined;
  readonly linkedOrganization: boolean;
  readonly externalSharing: boolean;
  readonly locale: Locale;
  /** Lower-cased extra hosts that count as Open Platform evidence, beside BUILT_IN_API_HOSTS. */
  readonly apiHosts: readonly string[];
  readonly assumeOpenPlatform: boolean;
  readonly appKind: AppKind;
}

export const APP_TYPES: readonly AppType[] = ['store', 'self-built'];
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/** Hosts that always count as evidence (behaviour.md §4); `apiHosts` adds to them. */
export const BUILT_IN_API_HOSTS: readonly string[] = ['open.feishu.cn', 'open.larksuite.com', 'open.larkoffice.com'];
