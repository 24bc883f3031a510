import path from 'node:path';
import * as espree from 'espree';
import legacyRule from '../../lib/rules/no-legacy-message-chat-api';
import managementRule from '../../lib/rules/no-external-chat-management-api';
import reactionRule from '../../lib/rules/no-external-chat-reaction-api';
import eventRule from '../../lib/rules/no-legacy-message-event';
import { createRuleTester } from '../support/rule-tester';

// Constants imported from other files, without type information: fixture
// projects on disk, linted under RuleTester with the real file names.
const fixtures = path.join(__dirname, '../fixtures/cross-file');
const esm = path.join(fixtures, 'esm-ts/src/app.ts');
const cjs = path.join(fixtures, 'cjs-js/app.js');
const workspace = path.join(fixtures, 'monorepo/packages/app/src/bot.ts');
const ruleTester = createRuleTester();
const legacyEndpoint = 'legacyEndpoint' as const;
const restrictedEndpoint = 'restrictedEndpoint' as const;
const restrictedSdkCall = 'restrictedSdkCall' as const;
const CJS = { filename: cjs, languageOptions: { parser: espree, parserOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } } } as const;

ruleTester.run('cross-file: ESM TypeScript', legacyRule, {
  valid: [
    { filename: esm, code: "import { SAFE_URL, TIMEOUT } from './constants/urls';\nfetch(SAFE_URL, { signal: AbortSignal.timeout(TIMEOUT) });" },
    // Re-exports and import specifiers are not uses: the declaring file reports the constant.
    { filename: esm, code: "export { SEND_URL } from './constants/urls';\nimport { SEND_URL } from './constants/urls';\nexport { SEND_URL as URL };" },
    { filename: esm, code: "import { SEND_URL } from './constants/urls';\nexport default SEND_URL;" },
    // Only `const` is followed; a function's result is not a constant.
    { filename: esm, code: "import { MUTABLE_URL, reactionsUrl } from './constants/urls';\nfetch(MUTABLE_URL);\nfetch(reactionsUrl('om_1'));" },
    // A type-only import has no value; a type query is no use.
    { filename: esm, code: "import type { SEND_URL } from './constants/urls';\ntype U = typeof SEND_URL;" },
    { filename: esm, code: "import { SEND_URL, API } from './constants/urls';\ntype U = typeof SEND_URL;\nlet members: typeof API.MEMBERS;" },
    // An import cycle ends: LOOP is nobody's value.
    { filename: esm, code: "import { LOOP } from './cycle-a';\nfetch(LOOP);" },
    // Nothing to resolve: an unresolvable import is an unknown piece.
    { filename: esm, code: "import { SEND_URL } from './missing';\nfetch(SEND_URL);\nfetch(`${SEND_URL}/x`);" },
    // A published package is not followed.
    { filename: esm, code: "import { SEND_URL } from 'published-urls';\nfetch(SEND_URL);" },
    // A host-less constant needs evidence in the importing file.
    { filename: esm, code: "import { HOSTLESS_ADD } from './constants/urls';\nhttp.post(HOSTLESS_ADD);" },
    // A called member is a function, not a string.
    { filename: esm, code: "import { SEND_URL } from './constants/urls';\nSEND_URL.replace('v4', 'v5');" },
  ],
  invalid: [
    {
      // A named import, at each use; the `.js` written for a `.ts` file.
      filename: esm,
      code: "import { SEND_URL } from './constants/urls.js';\naxios.post(SEND_URL, body);\naxios.post(SEND_URL + '?receive_id_type=chat_id', body);",
      errors: [
        { messageId: legacyEndpoint, line: 2, column: 12, endColumn: 20 },
        { messageId: legacyEndpoint, line: 3, column: 12, endColumn: 49 },
      ],
    },
    {
      // An imported base completes a path here; a constant built from an imported base in its own file.
      filename: esm,
      code: "import { BASE, CHAT_INFO } from './constants/urls';\nfetch(CHAT_INFO);\nfetch(BASE + '/bot/v4/remove');",
      errors: [
        { messageId: legacyEndpoint, line: 2, column: 7, endColumn: 16 },
        { messageId: legacyEndpoint, line: 3, column: 7, endColumn: 30 },
      ],
    },
    {
      // Members of an `as const` object, nested, of a frozen one, and a string enum.
      filename: esm,
      code: "import { API, FROZEN, Route } from './constants/urls';\nhttp.get(API.MEMBERS);\nhttp.post(API.nested.RECALL);\nhttp.post(FROZEN.DISBAND);\nhttp.post(Route.Update);",
      errors: [
        { messageId: legacyEndpoint, line: 2, column: 10, endColumn: 21 },
        { messageId: legacyEndpoint, line: 3, column: 11, endColumn: 28 },
        { messageId: legacyEndpoint, line: 4, column: 11, endColumn: 25 },
        { messageId: legacyEndpoint, line: 5, column: 11, endColumn: 23 },
      ],
    },
    {
      // A namespace import and a default import.
      filename: esm,
      code: "import * as urls from './constants/urls';\nimport list from './constants/urls';\nfetch(urls.SEND_URL, { method: 'POST' });\nfetch(list);",
      errors: [
        { messageId: legacyEndpoint, line: 3, column: 7, endColumn: 20 },
        { messageId: legacyEndpoint, line: 4, column: 7, endColumn: 11 },
      ],
    },
    {
      // Barrel re-exports: `export *`, renamed, the default renamed, and a namespace re-export; a directory index.
      filename: esm,
      code: "import { CHAT_INFO, SEND, CHATTER_ADD, urls } from './constants';\nfetch(CHAT_INFO);\nfetch(SEND);\nfetch(CHATTER_ADD);\nfetch(urls.API.MEMBERS);",
      errors: [
        { messageId: legacyEndpoint, line: 2, column: 7, endColumn: 16 },
        { messageId: legacyEndpoint, line: 3, column: 7, endColumn: 11 },
        { messageId: legacyEndpoint, line: 4, column: 7, endColumn: 18 },
        { messageId: legacyEndpoint, line: 5, column: 7, endColumn: 23 },
      ],
    },
    {
      // tsconfig `paths` and `baseUrl`.
      filename: esm,
      code: "import { SEND_URL } from '@consts/urls';\nimport { FROM_A } from '~/cycle-a';\nimport { CHAT_INFO } from 'src/constants';\nfetch(SEND_URL);\nfetch(FROM_A);\nfetch(CHAT_INFO);",
      errors: [
        { messageId: legacyEndpoint, line: 4, column: 7, endColumn: 15 },
        { messageId: legacyEndpoint, line: 5, column: 7, endColumn: 13 },
        { messageId: legacyEndpoint, line: 6, column: 7, endColumn: 16 },
      ],
    },
    {
      // `declare const X: '…'` in a declaration file.
      filename: esm,
      code: "import { DECLARED_SEND } from './constants/declared';\nfetch(DECLARED_SEND);",
      errors: [{ messageId: legacyEndpoint, line: 2, column: 7, endColumn: 20 }],
    },
    {
      // A host-less constant, in a file with Open Platform evidence.
      filename: esm,
      code: "import * as lark from '@larksuiteoapi/node-sdk';\nimport { HOSTLESS_ADD } from './constants/urls';\nnew lark.Client(o).request({ method: 'POST', url: HOSTLESS_ADD });",
      errors: [{ messageId: legacyEndpoint, line: 3, column: 51, endColumn: 63 }],
    },
  ],
});

ruleTester.run('cross-file: CommonJS JavaScript', legacyRule, {
  valid: [
    // A name assigned twice is not a constant.
    { ...CJS, code: "const { TWICE } = require('./lib/urls');\nfetch(TWICE);" },
    // `require` of a published package.
    { ...CJS, code: "const { SEND_URL } = require('published-urls');\nfetch(SEND_URL);" },
    // A CommonJS re-export is not a use.
    { ...CJS, code: "const { SEND_URL } = require('./lib/urls');\nmodule.exports = { SEND_URL };" },
  ],
  invalid: [
    {
      // Destructured, and through the whole module; `exports.X` and `module.exports.X`.
      ...CJS,
      code: "const { SEND_URL } = require('./lib/urls');\nconst urls = require('./lib/urls');\nfetch(SEND_URL);\nfetch(urls.CHAT_INFO);",
      errors: [
        { messageId: legacyEndpoint, line: 3, column: 7, endColumn: 15 },
        { messageId: legacyEndpoint, line: 4, column: 7, endColumn: 21 },
      ],
    },
    {
      // The specifier in backticks without a placeholder: a string written whole (docs/behaviour-decisions.md#backticks-are-quotes).
      ...CJS,
      code: "const { SEND_URL } = require(`./lib/urls`);\nconst CHAT_INFO = require(`./lib/urls`).CHAT_INFO;\nfetch(SEND_URL);\nfetch(CHAT_INFO);",
      errors: [
        { messageId: legacyEndpoint, line: 3, column: 7, endColumn: 15 },
        { messageId: legacyEndpoint, line: 4, column: 7, endColumn: 16 },
      ],
    },
    {
      // `module.exports = { … }`, nested, re-exported whole through a directory index; `require(…).X`.
      ...CJS,
      code: "const routes = require('./lib');\nconst MEMBERS = require('./lib/routes').MEMBERS;\nhttp.get(routes.nested.RECALL);\nhttp.get(MEMBERS);",
      errors: [
        { messageId: legacyEndpoint, line: 3, column: 10, endColumn: 30 },
        { messageId: legacyEndpoint, line: 4, column: 10, endColumn: 17 },
      ],
    },
    {
      // package.json `imports`: `#urls`, and a pattern.
      ...CJS,
      code: "const { SEND_URL } = require('#urls');\nconst { MEMBERS } = require('#routes/routes');\nfetch(SEND_URL);\nfetch(MEMBERS);",
      errors: [
        { messageId: legacyEndpoint, line: 3, column: 7, endColumn: 15 },
        { messageId: legacyEndpoint, line: 4, column: 7, endColumn: 14 },
      ],
    },
    {
      // ESM syntax in a .js file of the same project.
      filename: cjs,
      languageOptions: { parser: espree, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
      code: "import { BASE } from './lib/urls.js';\nfetch(`${BASE}/chat/v4/members`);",
      errors: [{ messageId: legacyEndpoint, line: 2, column: 7, endColumn: 32 }],
    },
  ],
});

ruleTester.run('cross-file: workspace package', reactionRule, {
  valid: [],
  invalid: [
    {
      filename: workspace,
      code: "import { REACTIONS, FEISHU_API } from '@acme/shared';\nfetch(REACTIONS, { method: 'POST' });\nfetch(`${FEISHU_API}/im/v1/messages/${id}/reactions`);",
      errors: [
        { messageId: restrictedEndpoint, line: 2, column: 7, endColumn: 16 },
        { messageId: restrictedEndpoint, line: 3, column: 7, endColumn: 53 },
      ],
    },
  ],
});

ruleTester.run('same file: string enums and CommonJS exports', legacyRule, {
  valid: [
    // An enum with a computed member is not read.
    { code: "enum Api { Base = 'https://open.feishu.cn/open-apis', Other = Base.length }\nfetch(`${Api.Base}/x/v9/y`);" },
  ],
  invalid: [
    {
      // A member that names the endpoint on its own is reported once, at its declaration.
      code: "enum Api { Base = 'https://open.feishu.cn/open-apis', Send = '/open-apis/message/v4/send' }\nfetch(Api.Send);\nfetch(Api.Base + '/chat/v4/info');",
      errors: [
        { messageId: legacyEndpoint, line: 1, column: 62, endColumn: 90 },
        { messageId: legacyEndpoint, line: 3, column: 7, endColumn: 33 },
      ],
    },
    {
      ...CJS,
      code: "exports.BASE = 'https://open.feishu.cn/open-apis';\nexports.SEND = '/open-apis/message/v4/send';\nfetch(exports.SEND);\nfetch(module.exports.BASE + '/chat/v4/info');",
      errors: [
        { messageId: legacyEndpoint, line: 2, column: 16, endColumn: 44 },
        { messageId: legacyEndpoint, line: 4, column: 7, endColumn: 44 },
      ],
    },
    {
      ...CJS,
      code: "module.exports = { BASE: 'https://open.feishu.cn/open-apis' };\nfetch(module.exports.BASE + '/chat/v4/info');",
      errors: [{ messageId: legacyEndpoint, line: 2, column: 7, endColumn: 44 }],
    },
  ],
});

ruleTester.run('n8n expressions', reactionRule, {
  valid: [
    // Without the marker, `=` is a segment of its own.
    { code: "const o = { url: '/im/v1/messages/{{$parameter.id}}/reactions' };" },
  ],
  invalid: [
    {
      code: "import * as lark from '@larksuiteoapi/node-sdk';\nconst options = { method: 'POST', url: '=/im/v1/messages/{{$parameter[\"message_id\"]}}/reactions' };",
      errors: [{ messageId: restrictedEndpoint, line: 2, column: 40 }],
    },
    {
      // Whitespace inside `{{…}}`; a leading `{{…}}` stands for a base.
      code: "const a = '=https://open.feishu.cn/open-apis/im/v1/messages/{{ $json.message_id }}/reactions';\nconst b = '={{$json.base}}/open-apis/im/v1/messages/{{$json.id}}/reactions';",
      errors: [
        { messageId: restrictedEndpoint, line: 1, column: 11 },
        { messageId: restrictedEndpoint, line: 2, column: 11 },
      ],
    },
  ],
});

const CHANNEL_HELPER = "  await channel.addReaction(id, 'Typing');";

ruleTester.run('SDK receivers from annotations', reactionRule, {
  valid: [
    // Another library's LarkChannel.
    { code: `import type { LarkChannel } from './my-channel';\nexport async function typing(channel: LarkChannel, id: string) {\n${CHANNEL_HELPER}\n}` },
    // No annotation, nothing created here.
    { code: `export async function typing(channel, id: string) {\n${CHANNEL_HELPER}\n}` },
  ],
  invalid: [
    {
      code: `import type { LarkChannel } from '@larksuiteoapi/node-sdk';\nexport async function typing(channel: LarkChannel, id: string) {\n${CHANNEL_HELPER}\n}`,
      errors: [{ messageId: restrictedSdkCall, line: 3, column: 17, endColumn: 28 }],
    },
    {
      // `@larksuite/channel`, renamed, optional.
      code: `import { LarkChannel as Channel } from '@larksuite/channel';\nexport async function typing(id: string, channel?: Channel) {\n${CHANNEL_HELPER.replace('channel.', 'channel!.')}\n}`,
      errors: [{ messageId: restrictedSdkCall, line: 3, column: 18, endColumn: 29 }],
    },
    {
      // A class field and a constructor parameter property, through a namespace import.
      code: "import * as lark from '@larksuiteoapi/node-sdk';\nclass Bot {\n  private channel: lark.LarkChannel | undefined;\n  constructor(private readonly other: lark.LarkChannel) {}\n  async typing(id: string) {\n    await this.channel?.addReaction(id, 'Typing');\n    await this.other.removeReaction(id, 'r_1');\n  }\n}",
      errors: [
        { messageId: restrictedSdkCall, line: 6, column: 25, endColumn: 36 },
        { messageId: restrictedSdkCall, line: 7, column: 22, endColumn: 36 },
      ],
    },
    {
      // `createLarkChannel` of `@larksuite/channel` counts like node-sdk's.
      code: "import { createLarkChannel } from '@larksuite/channel';\nconst channel = createLarkChannel({ appId, appSecret });\nawait channel.addReaction(id, 'Typing');",
      errors: [{ messageId: restrictedSdkCall, line: 3, column: 15, endColumn: 26 }],
    },
  ],
});

ruleTester.run('SDK receivers from annotations: EventDispatcher', eventRule, {
  valid: [{ code: "import type { EventDispatcher } from './bus';\nexport function wire(d: EventDispatcher) { d.register({ message: () => undefined }); }" }],
  invalid: [
    {
      code: "import * as lark from '@larksuiteoapi/node-sdk';\nexport function wire(dispatcher: lark.EventDispatcher) {\n  dispatcher.register({ message: async () => undefined });\n}",
      errors: [
        {
          messageId: 'legacyEvent',
          line: 3,
          column: 25,
          suggestions: [
            {
              messageId: 'subscribeReceiveV1',
              output: "import * as lark from '@larksuiteoapi/node-sdk';\nexport function wire(dispatcher: lark.EventDispatcher) {\n  dispatcher.register({ 'im.message.receive_v1': async () => undefined });\n}",
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('cross-file: management through a barrel', managementRule, {
  valid: [],
  invalid: [
    {
      filename: esm,
      code: "import { urls } from './constants';\nconst client = { tabs: () => fetch(`${urls.BASE}/im/v1/chats/${id}/chat_tabs/list_tabs`) };",
      errors: [{ messageId: restrictedEndpoint, line: 2, column: 36, endColumn: 88 }],
    },
  ],
});
