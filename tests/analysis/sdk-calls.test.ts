import { CATALOG } from '../../lib/catalog';
import managementRule from '../../lib/rules/no-external-chat-management-api';
import reactionRule from '../../lib/rules/no-external-chat-reaction-api';
import { createRuleTester, PLAIN_JS } from '../support/rule-tester';

const ruleTester = createRuleTester();
const restrictedSdkCall = 'restrictedSdkCall' as const;

/** Every (resource, method) pair of the catalog, written out by hand from docs/spec/platform-facts.md#restricted-endpoints. */
const REACTION_PAIRS = [
  ['messageReaction', 'create'],
  ['messageReaction', 'delete'],
  ['messageReaction', 'list'],
  ['messageReaction', 'listWithIterator'],
] as const;
const MANAGEMENT_PAIRS = [
  ['chatAnnouncement', 'patch'],
  ['chatAnnouncement', 'get'],
  ['chatManagers', 'addManagers'],
  ['chatManagers', 'deleteManagers'],
  ['chatTab', 'create'],
  ['chatTab', 'deleteTabs'],
  ['chatTab', 'listTabs'],
  ['chatTab', 'sortTabs'],
  ['chatTab', 'updateTabs'],
  ['chatMenuTree', 'create'],
  ['chatMenuTree', 'delete'],
  ['chatMenuTree', 'get'],
  ['chatMenuTree', 'sort'],
  ['chatMenuItem', 'patch'],
  ['chat', 'link'],
] as const;

/** `client.im[.v1].<resource>.<method>(…)`, reported on the method name. */
function pairCases(pairs: readonly (readonly [string, string])[]) {
  return pairs.flatMap(([resource, method]) =>
    ['im', 'im.v1'].map((namespace) => {
      const prefix = `await client.${namespace}.${resource}.`;
      return {
        code: `${prefix}${method}({ path: { id } });`,
        errors: [{ messageId: restrictedSdkCall, line: 1, column: prefix.length + 1, endColumn: prefix.length + 1 + method.length }],
      };
    }),
  );
}

ruleTester.run('node-sdk calls: reactions', reactionRule, {
  valid: [
    // Not in the notice.
    'client.im.messageReaction.batchQuery({ data });',
    'client.im.v1.messageReaction.batchQuery({ data });',
    // Other resources, and other namespaces.
    'client.im.message.create({ data });',
    'client.im.message.urgentApp({ path });',
    'client.im.chatMembers.create({ path, data });',
    // Without an `im` segment, or another library altogether.
    'api.messageReaction.create({ data });',
    "await slack.client.reactions.add({ channel, name: 'eyes', timestamp });",
    'discord.reactions.create(message, emoji);',
    'const im = getIm(); im.messageReaction.create({ data });',
    // Names only in strings and comments.
    "logger.error('im.messageReaction.create failed', err);",
    '// client.im.messageReaction.create(…)',
    // A reference that is not called.
    'const fn = client.im.messageReaction.create;',
    // LarkChannel helpers on something else.
    'other.addReaction(messageId, "OK");',
    "import { createLarkChannel } from 'some-other-lib';\nconst channel = createLarkChannel(opts);\nchannel.addReaction(id, 'OK');",
    // Allowed, or unblocked by external sharing.
    { code: 'client.im.messageReaction.create({ data });', options: [{ allow: ['im.messageReaction.create'] }] },
    { code: 'client.im.messageReaction.create({ data });', settings: { feishu: { appType: 'self-built', externalSharing: true } } },
  ],
  invalid: [
    ...pairCases(REACTION_PAIRS),
    // Receivers of every shape.
    ...[
      'larkClient',
      'this.client',
      'this.lark!',
      '(client as any)',
      'ctx.sdk',
      'channel.rawClient',
      '(await getClient())',
      'getClient()',
      'deps.clients[0]',
    ].map((receiver) => ({
      code: `${receiver}.im.messageReaction.create({ path: { message_id }, data });`,
      errors: [{ messageId: restrictedSdkCall, column: receiver.length + 21, endColumn: receiver.length + 27 }],
    })),
    {
      code: "(client.im.messageReaction as any).create({ data: { reaction_type: { emoji_type: 'Typing' } } });",
      errors: [{ messageId: restrictedSdkCall, column: 36, endColumn: 42 }],
    },
    // Optional chaining and string keys.
    {
      code: 'await client?.im?.messageReaction?.create?.({ data });',
      errors: [{ messageId: restrictedSdkCall, column: 36, endColumn: 42 }],
    },
    {
      code: 'client.im[`messageReaction`].create({ data });',
      errors: [{ messageId: restrictedSdkCall, column: 30, endColumn: 36 }],
    },
    {
      code: "client['im']['messageReaction']['delete']({ path });",
      errors: [{ messageId: restrictedSdkCall, column: 33, endColumn: 41 }],
    },
    // A chain over several lines: the report lands on the method name.
    {
      code: 'await client\n  .im\n  .v1\n  .messageReaction\n  .create({\n    data,\n  });',
      errors: [{ messageId: restrictedSdkCall, line: 5, column: 4, endLine: 5, endColumn: 10 }],
    },
    // Destructuring and aliases.
    {
      code: 'const { messageReaction } = client.im;\nmessageReaction.create({ data });',
      errors: [{ messageId: restrictedSdkCall, line: 2, column: 17, endColumn: 23 }],
    },
    {
      code: 'const { im } = client;\nawait im.messageReaction.list({ path });',
      errors: [{ messageId: restrictedSdkCall, line: 2, column: 26, endColumn: 30 }],
    },
    {
      code: 'const { messageReaction: reactions } = client.im.v1;\nreactions.delete({ path });',
      errors: [{ messageId: restrictedSdkCall, line: 2, column: 11, endColumn: 17 }],
    },
    {
      code: 'const { im: { v1 } } = client;\nv1.messageReaction.create({ data });',
      errors: [{ messageId: restrictedSdkCall, line: 2, column: 20, endColumn: 26 }],
    },
    {
      code: 'const reactions = client.im.messageReaction;\nreactions.create({ data });\nreactions.create({ data: other });',
      errors: [
        { messageId: restrictedSdkCall, line: 2, column: 11, endColumn: 17 },
        { messageId: restrictedSdkCall, line: 3, column: 11, endColumn: 17 },
      ],
    },
    // A method alias is reported at each call through it.
    {
      code: 'const create = client.im.messageReaction.create;\nawait create({ data });\nawait create({ data: more });',
      errors: [
        { messageId: restrictedSdkCall, line: 2, column: 7, endColumn: 13 },
        { messageId: restrictedSdkCall, line: 3, column: 7, endColumn: 13 },
      ],
    },
    {
      code: 'const react = client.im.messageReaction.create.bind(client.im.messageReaction);\nreact({ data });',
      errors: [{ messageId: restrictedSdkCall, line: 2, column: 1, endColumn: 6 }],
    },
    {
      code: 'const { create, list: listReactions } = client.im.messageReaction;\ncreate({ data });\nlistReactions({ path });',
      errors: [
        { messageId: restrictedSdkCall, line: 2, column: 1, endColumn: 7 },
        { messageId: restrictedSdkCall, line: 3, column: 1, endColumn: 14 },
      ],
    },
    {
      code: 'client.im.messageReaction.create.call(client.im.messageReaction, { data });',
      errors: [{ messageId: restrictedSdkCall, column: 27, endColumn: 33 }],
    },
    // A destructured `{ im }` parameter.
    {
      code: 'async function typing({ im }: Client, messageId: string) {\n  await im.messageReaction.create({ path: { message_id: messageId } });\n}',
      errors: [{ messageId: restrictedSdkCall, line: 2, column: 28, endColumn: 34 }],
    },
    {
      ...PLAIN_JS,
      code: 'const typing = ({ im }) => im.v1.messageReaction.create({ data });',
      errors: [{ messageId: restrictedSdkCall, column: 50, endColumn: 56 }],
    },
    // LarkChannel helpers on a channel the SDK created.
    {
      code: "import { createLarkChannel } from '@larksuiteoapi/node-sdk';\nconst channel = createLarkChannel(opts);\nawait channel.addReaction(messageId, 'Typing');\nawait channel.removeReaction(messageId, reactionId);",
      errors: [
        { messageId: restrictedSdkCall, line: 3, column: 15, endColumn: 26 },
        { messageId: restrictedSdkCall, line: 4, column: 15, endColumn: 29 },
      ],
    },
    {
      code: "import * as lark from '@larksuiteoapi/node-sdk';\nconst channel = new lark.LarkChannel(opts);\nchannel.removeReactionByEmoji(messageId, 'Typing');",
      errors: [{ messageId: restrictedSdkCall, line: 3, column: 9, endColumn: 30 }],
    },
    {
      ...PLAIN_JS,
      code: "const { LarkChannel } = require('@larksuiteoapi/node-sdk');\nnew LarkChannel(opts).addReaction(id, 'OK');",
      languageOptions: { ...PLAIN_JS.languageOptions, parserOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } },
      errors: [{ messageId: restrictedSdkCall, line: 2, column: 23, endColumn: 34 }],
    },
    // The escape hatches go through string evaluation.
    {
      code: "import * as lark from '@larksuiteoapi/node-sdk';\nawait client.httpInstance.post(`https://open.feishu.cn/open-apis/im/v1/messages/${id}/reactions`, body);",
      errors: [{ messageId: 'restrictedEndpoint', line: 2, column: 32, endColumn: 97 }],
    },
    {
      code: "import * as lark from '@larksuiteoapi/node-sdk';\nawait lark.defaultHttpInstance.delete(`https://open.feishu.cn/open-apis/im/v1/messages/${id}/reactions/${rid}`);",
      errors: [{ messageId: 'restrictedEndpoint', line: 2, column: 39, endColumn: 111 }],
    },
    {
      code: "import * as lark from '@larksuiteoapi/node-sdk';\nawait client.request({ method: 'GET', url: `im/v1/messages/${id}/reactions` });",
      errors: [{ messageId: 'restrictedEndpoint', line: 2, column: 44, endColumn: 76 }],
    },
    // allow on one entry of a helper that calls two.
    {
      code: "import { createLarkChannel } from '@larksuiteoapi/node-sdk';\nconst ch = await createLarkChannel(opts);\nch.removeReactionByEmoji(id, 'OK');",
      options: [{ allow: ['im.messageReaction.list'] }],
      errors: [{ messageId: restrictedSdkCall, line: 3, column: 4, endColumn: 25 }],
    },
    // TypeScript's `import x = require(…)`: the module's namespace.
    {
      code: "import lark = require('@larksuiteoapi/node-sdk');\nconst ch = lark.createLarkChannel(opts);\nch.addReaction(id, 'OK');",
      errors: [{ messageId: restrictedSdkCall, line: 3, column: 4, endColumn: 15 }],
    },
  ],
});

ruleTester.run('node-sdk calls: chat management', managementRule, {
  valid: [
    // The docx announcement API is not restricted.
    'client.docx.chatAnnouncement.get({ path });',
    'client.docx.v1.chatAnnouncement.get({ path });',
    'client.docx.v1.chatAnnouncementBlock.list({ path });',
    // The chat itself and its members are not in the notice.
    ...['get', 'create', 'update', 'delete', 'list', 'search'].map((method) => `client.im.chat.${method}({ path });`),
    'client.im.chatMembers.create({ path, data });',
    'client.im.chatTopNotice.putTopNotice({ path });',
    'client.im.chatModeration.update({ path });',
    // No `im` segment, or another library.
    'api.chatTab.create({ data });',
    'chat.link(url);',
    "sdk.chat.link('https://example.com');",
    "console.info('im.chatTab.create failed');",
    // External sharing unlocks all but the managers.
    { code: 'client.im.chatTab.create({ path, data });', settings: { feishu: { appType: 'self-built', externalSharing: true } } },
  ],
  invalid: [
    ...pairCases(MANAGEMENT_PAIRS),
    {
      code: "client.im['chatTab'].listTabs({ path: { chat_id } });",
      errors: [{ messageId: restrictedSdkCall, column: 22, endColumn: 30 }],
    },
    {
      code: 'const { chatTab: tabs } = client.im.v1;\ntabs.create({ path, data });',
      errors: [{ messageId: restrictedSdkCall, line: 2, column: 6, endColumn: 12 }],
    },
    {
      code: 'const { im } = client;\nim.chatTab.create({ path, data });',
      errors: [{ messageId: restrictedSdkCall, line: 2, column: 12, endColumn: 18 }],
    },
    {
      code: 'await client.im.v1.chatManagers.addManagers({ path, data });',
      settings: { feishu: { appType: 'self-built', externalSharing: true } },
      errors: [{ messageId: restrictedSdkCall, column: 33, endColumn: 44 }],
    },
  ],
});

// Guard: the hand-written pairs above cover the catalog's SDK methods.
const written = new Set([...REACTION_PAIRS, ...MANAGEMENT_PAIRS].map(([r, m]) => `im.${r}.${m}`));
const missing = CATALOG.flatMap((entry) => entry.sdkMethods ?? []).filter((method) => !written.has(method));
if (missing.length > 0) throw new Error(`sdk-calls.test.ts misses ${missing.join(', ')}`);
