/**
 * The kinds of app the platform treats differently in external chats
 * (docs/spec/platform-facts.md#what-each-kind-of-app-can-do). `unknown` when
 * the settings do not say (no `appType`).
 */
export type AppKind =
  | 'unknown'
  | 'store'
  | 'self-built'
  | 'self-built-linked-organization'
  | 'self-built-external-sharing';

/** The kind of app `settings.feishu.appType`, `linkedOrganization` and `externalSharing` describe. */
export function appKindOf(appType: 'store' | 'self-built' | undefined, linkedOrganization: boolean, externalSharing: boolean): AppKind {
  if (appType === undefined) return 'unknown';
  if (appType === 'store') return 'store';
  if (linkedOrganization) return 'self-built-linked-organization';
  return externalSharing ? 'self-built-external-sharing' : 'self-built';
}
