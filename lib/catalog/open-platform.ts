/**
 * Facts about the Feishu / Lark Open Platform that hold whatever the notice:
 * its hosts and path prefix, its SDKs and where they export what the analysis
 * traces, the words that show code talks to it, and the event envelopes
 * (docs/spec/platform-facts.md#how-code-reaches-the-endpoints). Data only: the
 * analysis reads every platform word from here.
 */

/** The path segment every Open Platform API path starts with. */
export const OPEN_APIS_SEGMENT = 'open-apis';

/** API hosts that always count as Open Platform evidence; `settings.feishu.apiHosts` adds to them. */
export const API_HOSTS: readonly string[] = ['open.feishu.cn', 'open.larksuite.com', 'open.larkoffice.com'];

/** Every official SDK package lives in this npm scope. */
export const SDK_SCOPE = '@larksuiteoapi/';

/** The SDK packages the analysis traces. */
export const SDK_MODULES = {
  /** The official Node SDK: `Client`, `EventDispatcher`, `LarkChannel`, `createLarkChannel`. */
  nodeSdk: '@larksuiteoapi/node-sdk',
  /** The deprecated SDK's request builder. */
  api: '@larksuiteoapi/api',
  /** The deprecated SDK's all-in-one package. */
  allcore: '@larksuiteoapi/allcore',
  /** The deprecated SDK's event package. */
  event: '@larksuiteoapi/event',
  /**
   * The channel package public bots import `LarkChannel` and `createLarkChannel`
   * from; outside the `@larksuiteoapi/` scope. Its helpers mirror node-sdk's
   * LarkChannel (docs/spec/platform-facts.md#how-code-reaches-the-endpoints).
   */
  channel: '@larksuite/channel',
} as const;

/** The modules whose import counts as Open Platform evidence beside the `@larksuiteoapi/` scope. */
export const LARK_MODULES_OUTSIDE_SCOPE: readonly string[] = [SDK_MODULES.channel];

/** What an SDK type stands for when code names it in a type annotation (`client: lark.Client`). */
export type SdkReceiverKind = 'client' | 'eventDispatcher' | 'larkChannel';

/**
 * The SDK types a type annotation can name: a parameter, variable or class field
 * annotated with one of them holds that receiver, read from the annotation's
 * syntax without type information.
 */
export const SDK_RECEIVER_TYPES: readonly { readonly module: string; readonly name: string; readonly kind: SdkReceiverKind }[] = [
  { module: SDK_MODULES.nodeSdk, name: 'Client', kind: 'client' },
  { module: SDK_MODULES.nodeSdk, name: 'EventDispatcher', kind: 'eventDispatcher' },
  { module: SDK_MODULES.nodeSdk, name: 'LarkChannel', kind: 'larkChannel' },
  { module: SDK_MODULES.channel, name: 'LarkChannel', kind: 'larkChannel' },
];

/** The packages whose declarations make a type the SDK's, with type information. */
export const SDK_TYPE_MODULES: readonly string[] = [SDK_MODULES.nodeSdk, SDK_MODULES.channel];

/** The node-sdk namespace of the messenger APIs: `client.im.<resource>` and `client.im.v1.<resource>`. */
export const IM_NAMESPACE = { name: 'im', version: 'v1' } as const;

/** Something a module exports, by its property path, and how code uses it. */
export interface ExportRef {
  readonly module: string;
  /** `['api', 'newRequest']` is `require(module).api.newRequest`. */
  readonly path: readonly string[];
  readonly use: 'call' | 'construct';
}

/** A function of an SDK, found through its imports, or by shape where scope can't see (`this.lark.api.newRequest`). */
interface SdkFunction {
  readonly name: string;
  readonly exports: readonly ExportRef[];
  /** The member written before the name in the shape `X.<member>.<name>(…)`. */
  readonly member: string;
}

/**
 * The deprecated SDK builds requests with `newRequest(path, method, …)` and
 * adds `open-apis/` to a path without it, so its path argument names an
 * endpoint without `open-apis` and without any other evidence.
 */
export const NEW_REQUEST: SdkFunction = {
  name: 'newRequest',
  exports: [
    { module: SDK_MODULES.api, path: ['newRequest'], use: 'call' },
    { module: SDK_MODULES.allcore, path: ['newRequest'], use: 'call' },
    { module: SDK_MODULES.allcore, path: ['api', 'newRequest'], use: 'call' },
  ],
  member: 'api',
};

/**
 * How the deprecated SDK's `Request#url()` (`@larksuiteoapi/api` 1.0.14,
 * `dist/core/request/request.js`) turns `newRequest`'s path into a URL
 * (docs/spec/platform-facts.md#how-code-reaches-the-endpoints): a path that
 * starts with `http` is used as it is; one that starts with `/open-apis` is
 * appended to the domain; anything else becomes `${domain}/open-apis/${path}`,
 * so `'/message/v4/send'` is sent with a doubled slash.
 */
export const NEW_REQUEST_URL = {
  /** A path that starts with this is a URL of its own. */
  absolutePrefix: 'http',
  /** A path that starts with this is appended to the domain as it is. */
  rootedPrefix: `/${OPEN_APIS_SEGMENT}`,
  /** The SDK's default domain, `lark.Domain.FeiShu`. */
  domain: `https://${API_HOSTS[0]}`,
} as const;

/** The deprecated SDK's event registration: `setTypeHandler(conf, '<event type>', handler)`. */
export const TYPE_HANDLER: SdkFunction = {
  name: 'setTypeHandler',
  exports: [
    { module: SDK_MODULES.event, path: ['setTypeHandler'], use: 'call' },
    { module: SDK_MODULES.allcore, path: ['setTypeHandler'], use: 'call' },
    { module: SDK_MODULES.allcore, path: ['event', 'setTypeHandler'], use: 'call' },
  ],
  member: 'event',
};

/** node-sdk's `EventDispatcher`, and its method that subscribes handlers by event type. */
export const EVENT_DISPATCHER = {
  exports: [{ module: SDK_MODULES.nodeSdk, path: ['EventDispatcher'], use: 'construct' }] as readonly ExportRef[],
  register: 'register',
} as const;

/** node-sdk's `LarkChannel`: what creates one. Its helpers are in each notice's `channelHelpers`. */
export const LARK_CHANNEL = {
  name: 'LarkChannel',
  exports: [
    { module: SDK_MODULES.nodeSdk, path: ['createLarkChannel'], use: 'call' },
    { module: SDK_MODULES.nodeSdk, path: ['LarkChannel'], use: 'construct' },
    { module: SDK_MODULES.channel, path: ['createLarkChannel'], use: 'call' },
    { module: SDK_MODULES.channel, path: ['LarkChannel'], use: 'construct' },
  ] as readonly ExportRef[],
} as const;

/**
 * Open Platform words, as names (properties, variables) or inside strings:
 * code that uses one talks to the Open Platform. `open_id` alone is not one
 * (other platforms use it).
 */
export const EVIDENCE_VOCABULARY: readonly string[] = [
  'tenant_access_token',
  'app_access_token',
  'open_chat_id',
  'open_message_id',
  'text_without_at_bot',
  'tenant_key',
];

/**
 * How code tells an external chat (外部群) from an internal one: the im/v1 chat
 * info's `external` field is `true` for an external chat
 * (docs/spec/platform-facts.md#what-each-kind-of-app-can-do). A test of it, by
 * whatever name the code gives it, keeps a call away from external chats
 * (docs/spec/behaviour.md#guarded-and-handled-findings): these are the names
 * that count, as the words a camelCase or snake_case name splits into,
 * lower-cased and joined by one space. Nothing else counts: `external_id`,
 * `externalUserId` or `chatIsExternal` are other words.
 */
export const EXTERNAL_CHAT_TEST = {
  names: ['external', 'is external', 'external chat', 'external group', 'is external chat', 'is external group'],
} as const satisfies { readonly names: readonly string[] };

/** The platform's names: an identifier or module that names one as a word of its own is evidence. */
export const PLATFORM_NAMES: readonly string[] = ['lark', 'feishu'];

/**
 * The v1 event envelope: `{ type: 'event_callback', event: { type: '<event type>', … } }`.
 * Slack's Events API has the same words, so none of them is evidence.
 */
export const V1_ENVELOPE = { type: 'type', callbackType: 'event_callback', event: 'event' } as const;

/** The v2 event envelope: `{ schema: '2.0', header: { event_type, … }, event: { … } }`. */
export const V2_ENVELOPE = { schema: 'schema', schemaVersion: '2.0', header: 'header', eventType: 'event_type' } as const;

/**
 * n8n's expression syntax (docs/spec/platform-facts.md#how-code-reaches-the-endpoints):
 * a parameter value that starts with `=` is an expression, and each `{{…}}` in
 * it is computed at run time.
 */
export const N8N_EXPRESSION = { marker: '=', open: '{{', close: '}}' } as const;
