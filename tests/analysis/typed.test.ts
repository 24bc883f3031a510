import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import managementRule from '../../lib/rules/no-external-chat-management-api';
import legacyRule from '../../lib/rules/no-legacy-message-chat-api';
import reactionRule from '../../lib/rules/no-external-chat-reaction-api';
import eventRule from '../../lib/rules/no-legacy-message-event';

// Type-aware linting: one program for the fixture project (the node-sdk's
// types cost about 1.6 s and 460 MB per program), shared by every case here.
const fixture = path.join(__dirname, '../fixtures/typed');
const ruleTester = new RuleTester({
  languageOptions: { parser: tsParser, parserOptions: { project: './tsconfig.json', tsconfigRootDir: fixture } },
});
// Relative: the RuleTester resolves it against tsconfigRootDir.
const filename = 'file.ts';
const legacyEndpoint = 'legacyEndpoint' as const;
const restrictedSdkCall = 'restrictedSdkCall' as const;
const SDK = "import * as lark from '@larksuiteoapi/node-sdk';\ndeclare const client: lark.Client;\n";

ruleTester.run('typed: constants from other files', legacyRule, {
  valid: [
    { filename, code: "import { SAFE_URL, TIMEOUT } from './constants';\nfetch(SAFE_URL, { signal: AbortSignal.timeout(TIMEOUT) });" },
    // A re-export is not a use; the declaring file reports the constant.
    { filename, code: "export { SEND_URL } from './constants';\nimport { SEND_URL } from './constants';\nexport { SEND_URL as URL };" },
    // Only `const` is followed: a `let` may change.
    { filename, code: "import { MUTABLE_URL } from './constants';\nfetch(MUTABLE_URL);" },
    // A function's result is not a constant.
    { filename, code: "import { reactionsUrl } from './constants';\nfetch(reactionsUrl('om_1'));" },
    // A type-only import has no value; a type query is no use of it.
    { filename, code: "import type { SEND_URL } from './constants';\ntype U = typeof SEND_URL;" },
    { filename, code: "import { SEND_URL, API } from './constants';\ntype U = typeof SEND_URL;\nlet members: typeof API.MEMBERS;" },
    // `export default X` hands the value on; the declaring file reports it.
    { filename, code: "import { SEND_URL } from './constants';\nexport default SEND_URL;" },
  ],
  invalid: [
    {
      // A literal, at each use.
      filename,
      code: "import { SEND_URL } from './constants';\naxios.post(SEND_URL, body);\naxios.post(SEND_URL + '?receive_id_type=chat_id', body);",
      errors: [
        { messageId: legacyEndpoint, line: 2, column: 12, endColumn: 20 },
        { messageId: legacyEndpoint, line: 3, column: 12, endColumn: 49 },
      ],
    },
    {
      // A concatenation with an imported base, in the other file and in this one.
      filename,
      code: "import { BASE, CHAT_INFO } from './constants';\nfetch(CHAT_INFO);\nfetch(BASE + '/bot/v4/remove');",
      errors: [
        { messageId: legacyEndpoint, line: 2, column: 7, endColumn: 16 },
        { messageId: legacyEndpoint, line: 3, column: 7, endColumn: 30 },
      ],
    },
    {
      // Members of a plain object, nested, and of a frozen `as const` one.
      filename,
      code: "import { API, FROZEN } from './constants';\nhttp.get(API.MEMBERS);\nhttp.post(API.nested.RECALL);\nhttp.post(FROZEN.DISBAND);",
      errors: [
        { messageId: legacyEndpoint, line: 2, column: 10, endColumn: 21 },
        { messageId: legacyEndpoint, line: 3, column: 11, endColumn: 28 },
        { messageId: legacyEndpoint, line: 4, column: 11, endColumn: 25 },
      ],
    },
    {
      // A namespace import.
      filename,
      code: "import * as urls from './constants';\nfetch(urls.SEND_URL, { method: 'POST' });",
      errors: [{ messageId: legacyEndpoint, line: 2, column: 7, endColumn: 20 }],
    },
    {
      // A host-less constant, in a file with Open Platform evidence.
      filename,
      code: `${SDK}import { HOSTLESS_ADD } from './constants';\nclient.request({ method: 'POST', url: HOSTLESS_ADD });`,
      errors: [{ messageId: legacyEndpoint, line: 4, column: 39, endColumn: 51 }],
    },
  ],
});

ruleTester.run('typed: node-sdk receivers', reactionRule, {
  valid: [
    // A look-alike object with a known, non-SDK type.
    { filename, code: "import { ChatOpsClient } from './look-alike';\nconst ops = new ChatOpsClient();\nops.im.messageReaction.create({});" },
    { filename, code: "import { ChatOpsClient } from './look-alike';\nfunction react(client: ChatOpsClient) { return client.im.messageReaction.create({}); }" },
    // Destructured from a look-alike with a known type.
    { filename, code: "import { ChatOpsClient } from './look-alike';\nconst { messageReaction } = new ChatOpsClient().im;\nmessageReaction.create({});" },
    { filename, code: "import { ChatOpsClient } from './look-alike';\nconst { im: { messageReaction } } = new ChatOpsClient();\nmessageReaction.create({});" },
  ],
  invalid: [
    {
      filename,
      code: `${SDK}await client.im.messageReaction.create({ path: { message_id: 'om_1' }, data: { reaction_type: { emoji_type: 'Typing' } } });`,
      errors: [{ messageId: restrictedSdkCall, line: 3, column: 33, endColumn: 39 }],
    },
    {
      filename,
      code: `${SDK}await client.im.v1.messageReaction.list({ path: { message_id: 'om_1' } });`,
      errors: [{ messageId: restrictedSdkCall, line: 3, column: 36, endColumn: 40 }],
    },
    {
      // \`any\` falls back to the structural check.
      filename,
      code: 'declare const anything: any;\nanything.im.messageReaction.create({});',
      errors: [{ messageId: restrictedSdkCall, line: 2, column: 29, endColumn: 35 }],
    },
    {
      // A LarkChannel that scope cannot trace, known by its type.
      filename,
      code: "import type { LarkChannel } from '@larksuiteoapi/node-sdk';\nexport async function typing(channel: LarkChannel, id: string) {\n  await channel.addReaction(id, 'Typing');\n}",
      errors: [{ messageId: restrictedSdkCall, line: 3, column: 17, endColumn: 28 }],
    },
  ],
});

ruleTester.run('typed: node-sdk chat management', managementRule, {
  valid: [{ filename, code: "import { ChatOpsClient } from './look-alike';\nnew ChatOpsClient().im.chatTab.listTabs({});" }],
  invalid: [
    {
      filename,
      code: `${SDK}class Bot {\n  constructor(private readonly lark: lark.Client) {}\n  tabs(chat_id: string) { return this.lark.im.chatTab.listTabs({ path: { chat_id } }); }\n}`,
      errors: [{ messageId: restrictedSdkCall, line: 5, column: 55, endColumn: 63 }],
    },
  ],
});

ruleTester.run('typed: EventDispatcher by type', eventRule, {
  valid: [
    // Another library's dispatcher with a known type.
    {
      filename,
      code: 'class Bus { register(handlers: Record<string, (x: unknown) => void>) { return handlers; } }\nexport function wire(bus: Bus) { bus.register({ message: () => undefined }); }',
    },
  ],
  invalid: [
    {
      // A dispatcher passed in from elsewhere: scope can't trace it, its type can.
      filename,
      code: "import type { EventDispatcher } from '@larksuiteoapi/node-sdk';\nexport function wire(dispatcher: EventDispatcher) {\n  dispatcher.register({ message: async () => undefined });\n}",
      errors: [
        {
          messageId: 'legacyEvent',
          line: 3,
          column: 25,
          suggestions: [
            {
              messageId: 'subscribeReceiveV1',
              output:
                "import type { EventDispatcher } from '@larksuiteoapi/node-sdk';\nexport function wire(dispatcher: EventDispatcher) {\n  dispatcher.register({ 'im.message.receive_v1': async () => undefined });\n}",
            },
          ],
        },
      ],
    },
  ],
});
