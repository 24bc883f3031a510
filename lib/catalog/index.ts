import { CHAT_MANAGEMENT_ENTRIES } from './chat-management';
import { LEGACY_ENTRIES } from './legacy';
import { REACTION_ENTRIES } from './reactions';
import type { CatalogEntry, ErrorCode } from './types';

export type { CatalogEntry, ErrorCode, HttpMethod, LocalizedText, Replacement } from './types';
export { LOOK_ALIKE_PATHS } from './look-alikes';
export { EXTERNAL_SHARING_GUIDE_URL, NOTICE_URL } from './links';
export { CUT_OVER } from './cut-over';
export { ERROR_CODE_ORDER, ERROR_CODES } from './error-codes';
export { LARK_CHANNEL_HELPERS, NODE_SDK_MODULE } from './lark-channel';
export * from './legacy-event';

/** Every restricted endpoint: the single source of truth. */
export const CATALOG: readonly CatalogEntry[] = [
  ...LEGACY_ENTRIES,
  ...REACTION_ENTRIES,
  ...CHAT_MANAGEMENT_ENTRIES,
];

/** The catalog ids of one error-code group, in catalog order (the `allow` enums). */
export function idsOfCode(code: ErrorCode): string[] {
  return CATALOG.filter((entry) => entry.code === code).map((entry) => entry.id);
}
