/** Official pages the notice's entries link to (docs/spec/platform-facts.md#error-texts-and-links). */

export const NOTICE_URL =
  'https://open.feishu.cn/document/uAjLw4CM/ugTN1YjL4UTN24CO1UjN/breaking-change/messenger-and-group-chat-apis-in-external-chat';

/** im/v1 reference page, e.g. `imV1Page('chat-tab/create')`. */
export function imV1Page(page: string): string {
  return `https://open.feishu.cn/document/uAjLw4CM/ukTMukTMukTM/reference/im-v1/${page}`;
}

/** Legacy (deprecated section) page by its opaque id, e.g. `legacyPage('uUjNz4SN2MjL1YzM')`. */
export function legacyPage(pageId: string): string {
  return `https://open.feishu.cn/document/ukTMukTMukTM/${pageId}`;
}
