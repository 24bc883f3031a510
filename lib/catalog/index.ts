import { EXTERNAL_CHAT_NOTICE, type ExternalChatCode } from './external-chat';
import type { CatalogEntry, Notice } from './types';

export type * from './types';
export * from './open-platform';
export { EXTERNAL_CHAT_NOTICE, type ExternalChatCode } from './external-chat';

/** Every notice the plugin's rules follow, in the order of their rules. */
export const NOTICES: readonly Notice[] = [EXTERNAL_CHAT_NOTICE];

/** The error codes of the plugin's notice (the compile-time union; rules and the audit are generic over it). */
export type ErrorCode = ExternalChatCode;

/** Every restricted endpoint of the external-chat notice. */
export const CATALOG: readonly CatalogEntry<ErrorCode>[] = EXTERNAL_CHAT_NOTICE.entries;

/** Paths of the external-chat notice that look restricted but are not. */
export const LOOK_ALIKE_PATHS: readonly string[] = EXTERNAL_CHAT_NOTICE.lookAlikes;

/** The catalog ids of one error-code group of a notice, in catalog order (the `allow` values). */
export function idsOfCode<Code extends number>(notice: Notice<Code>, code: Code): string[] {
  return notice.entries.filter((entry) => entry.code === code).map((entry) => entry.id);
}
