/**
 * The shapes of the catalog. The catalog is data only: everything a rule, a
 * message or a doc says about a Feishu breaking-change notice, its endpoints
 * and its events comes from a `Notice` record (docs/spec/platform-facts.md).
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface LocalizedText {
  readonly en: string;
  readonly 'zh-CN': string;
}

/**
 * A localized sentence with `{name}` placeholders, filled by the policy
 * (`lib/policy/notice-policy.ts`): data, so that a notice needs no code.
 */
export type LocalizedTemplate = LocalizedText;

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

export interface CatalogEntry<Code extends number = number> {
  /** Stable id, used by the rules' `allow` option. Never renamed once released. */
  readonly id: string;
  readonly code: Code;
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
  /** Where the notice prints something else (docs/spec/platform-facts.md#the-notices-misprints), what it prints. */
  readonly noticeMisprint?: string;
}

/** One error code of a notice: the group of endpoints that answer with it. */
export interface ErrorGroup<Code extends number = number> {
  readonly code: Code;
  readonly title: LocalizedText;
  /** The text the platform answers with, where it publishes one. */
  readonly errorText?: LocalizedText;
}

/** A v1 event field and where it is in the replacement event. */
export interface FieldMigration {
  /** The v1 field, read from the event (`data.<field>` in node-sdk, `body.event.<field>` raw). */
  readonly v1: string;
  /** Path in node-sdk's flattened v2 data (`data.<path>`), or undefined without a 1:1 equivalent. */
  readonly nodeSdk: string | undefined;
  /**
   * Path in a raw v2 body from the envelope (`body.<path>`), or undefined
   * without a 1:1 equivalent: the fields of the v1 event move under
   * `event.message` and `event.sender`, the envelope's under `header`.
   */
  readonly raw: string | undefined;
  /** For fields without a 1:1 equivalent: what to do instead. */
  readonly hint?: LocalizedText;
}

/** An event a notice stops pushing, and the event that replaces it. */
export interface LegacyEvent {
  /** The v1 event type (`message`). */
  readonly type: string;
  /** The replacement event type (`im.message.receive_v1`). */
  readonly replacement: string;
  readonly docUrl: string;
  readonly replacementDocUrl: string;
  /** What stops, since `{date}` (the date for the kind of app): the audit's sentence on the event's group. */
  readonly problem: LocalizedTemplate;
  /**
   * The same, short, as a rule's message goes on after what the code does
   * (`register({ message }) subscribes to` …): a clause with `{date}`.
   */
  readonly finding: LocalizedTemplate;
  /** v1 event fields and where they are in the replacement. */
  readonly fieldMigrations: readonly FieldMigration[];
  /** v1 field values renamed in the replacement (`chat_type: 'private'` is `'p2p'`). */
  readonly renamedValues: readonly { readonly field: string; readonly v1: string; readonly v2: string }[];
}

/** When a notice took effect, for each kind of app it names. */
interface CutOver {
  /** Store apps, and self-built apps without linked organizations. */
  readonly default: string;
  /** Self-built apps with linked-organization sharing (关联组织应用共享) on. */
  readonly linkedOrganization: string;
}

/**
 * One Feishu breaking-change notice, as data: what the rules, the messages,
 * the audit and the docs say about it comes from here.
 */
export interface Notice<Code extends number = number> {
  /** Stable id (`external-chat`). */
  readonly id: string;
  readonly title: LocalizedText;
  readonly url: string;
  readonly cutOver: CutOver;
  /** Both dates, for a reader whose kind of app is unknown: `{default}` and `{linkedOrganization}`. */
  readonly allDates: LocalizedTemplate;
  /** What a restricted call does, with `{code}` and `{date}`, short: ends a rule's first sentence. */
  readonly failure: LocalizedTemplate;
  /** The same for a group of calls in the audit, with `{code}` and `{date}`. */
  readonly groupFailure: LocalizedTemplate;
  /** The error-code groups, in the notice's order. */
  readonly groups: readonly ErrorGroup<Code>[];
  /** Every restricted endpoint, grouped by code in the groups' order. */
  readonly entries: readonly CatalogEntry<Code>[];
  /** Paths that look restricted but are not in the notice: they must never match. */
  readonly lookAlikes: readonly string[];
  /** SDK helpers that call restricted endpoints: helper name → catalog ids, in call order. */
  readonly channelHelpers: Readonly<Record<string, readonly string[]>>;
  readonly legacyEvent?: LegacyEvent;
  /**
   * For a notice whose calls fail only in external chats: the names of the test
   * code writes to keep a call away from them (open-platform.ts). A call that
   * runs only when such a test says the chat is not external is guarded
   * (docs/spec/behaviour.md#guarded-and-handled-findings). Without it, no
   * call of the notice is ever guarded; a call can still be handled.
   */
  readonly externalChatTest?: { readonly names: readonly string[] };
}
