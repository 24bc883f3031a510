/**
 * The shape of one restricted Open Platform endpoint. The catalog is data only:
 * everything a rule, a message or a doc says about an endpoint comes from here.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The error code an external chat answers with; each rule reports one group. */
export type ErrorCode = 232102 | 231021 | 232033;

export interface LocalizedText {
  readonly en: string;
  readonly 'zh-CN': string;
}

/** The im/v1 API that replaces a legacy (历史版本) endpoint. */
export interface Replacement {
  readonly method: HttpMethod;
  /** Path template with `:params`, query included where the replacement needs one. */
  readonly path: string;
  /** node-sdk methods under `client.` (e.g. `im.message.create`). */
  readonly sdkMethods: readonly string[];
  /**
   * True where the replacement fails in external chats too, even with external
   * sharing (urgent, disband): no API does this in an external chat.
   */
  readonly alsoBlocked: boolean;
  /** What changes beyond the URL, where something does. */
  readonly note?: LocalizedText;
}

export interface CatalogEntry {
  /** Stable id, used by the rules' `allow` option. Never renamed once released. */
  readonly id: string;
  readonly code: ErrorCode;
  /** The documented HTTP method(s). Matching is by path; the method only phrases the message. */
  readonly methods: readonly HttpMethod[];
  /** Path template, `/open-apis/...`, with `:params` for single segments. */
  readonly path: string;
  readonly name: LocalizedText;
  /** Official reference page (the breaking-change notice where no page exists). */
  readonly docUrl: string;
  /**
   * node-sdk methods under `client.` that call this endpoint, for im/v1 entries
   * (each also reachable as `client.im.v1.…`): `im.messageReaction.list`,
   * `im.messageReaction.listWithIterator`.
   */
  readonly sdkMethods?: readonly string[];
  /** Legacy entries only: the im/v1 API to migrate to. */
  readonly replacement?: Replacement;
  /** True where a self-built app with external sharing (对外共享) on is still refused. */
  readonly blockedWithExternalSharing: boolean;
  /** Where the notice prints something else (facts §2), what it prints. */
  readonly noticeMisprint?: string;
}
