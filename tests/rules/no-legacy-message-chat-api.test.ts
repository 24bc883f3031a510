import { describe, expect, it } from 'vitest';
import { LOOK_ALIKE_PATHS } from '../../lib/catalog';
import rule from '../../lib/rules/no-legacy-message-chat-api';
import { lint } from '../support/lint';
import { restrictedUrls } from '../support/restricted-urls';
import { createRuleTester, PLAIN_JS } from '../support/rule-tester';

const ruleTester = createRuleTester();
const legacyEndpoint = 'legacyEndpoint' as const;

ruleTester.run('no-legacy-message-chat-api', rule, {
  valid: [
    // Look-alikes that the notice does not list.
    ...LOOK_ALIKE_PATHS.map((path) => `fetch('https://open.feishu.cn${path.replaceAll(/:\w+/g, 'x_1')}');`),
    // The other rules' endpoints.
    "fetch('/open-apis/im/v1/messages/om_1/reactions');",
    "fetch('/open-apis/im/v1/chats/oc_1/announcement');",
    // Prose and comments are not calls.
    "logger.error('Failed to call /open-apis/message/v4/send');",
    "throw new Error(`POST /open-apis/chat/v4/info returned ${code}`);",
    "// axios.post('/open-apis/message/v4/send')\nfoo();",
    '/* https://open.feishu.cn/open-apis/bot/v4/add */',
    // An unknown piece never stands for a literal segment.
    'fetch(`/open-apis/message/v4/${action}`);',
    "fetch('/open-apis/chat/v4/' + action);",
    // Host-less paths need Open Platform evidence (a later issue); none is read here.
    "axios.post('/message/v4/send', body);",
    // Only `const` bindings are evaluated: a `let` may change, so it stands for one unknown segment.
    "let action = 'send'; fetch('/open-apis/message/v4/' + action);",
    // A parameter shadowing the const is unknown.
    "const ACTION = 'send';\nfunction post(ACTION) { return fetch('/open-apis/message/v4/' + ACTION); }",
    // Tagged templates return what the tag returns.
    'const q = sql`/open-apis/message/v4/send`;',
    // Regular expressions are not strings.
    String.raw`const re = /\/open-apis\/message\/v4\/send/;`,
    // Numeric addition is not string building.
    "const n = 1 + 2; fetch('/open-apis/chat/v' + n + 'x/info');",
    // allow
    { code: "fetch('/open-apis/message/v4/send');", options: [{ allow: ['message.v4.send'] }] },
    {
      code: "fetch('/open-apis/bot/v4/add'); fetch('/open-apis/bot/v4/add_bot');",
      options: [{ allow: ['bot.v4.add', 'bot.v4.add_bot'] }],
    },
    // Types are not values: a literal type or a template literal type is never sent.
    "type Legacy = '/open-apis/message/v4/send' | '/open-apis/chat/v4/info';",
    'type ChatInfo = `/open-apis/chat/v4/info?chat_id=${string}`;',
    "function post(url: '/open-apis/bot/v4/add'): void {}",
    // Module specifiers are not URLs the code calls.
    "import send from '/open-apis/message/v4/send';",
    "export * from '/open-apis/message/v4/send';",
    "const mod = require('/open-apis/message/v4/send');",
    "const lazy = import('/open-apis/message/v4/send');",
    // …in backticks too (reported by 0.2.14).
    'const mod = require(`/open-apis/message/v4/send`);',
    'const lazy = import(`/open-apis/chat/v4/info`);',
    { ...PLAIN_JS, code: 'const mod = require(`/open-apis/message/v4/send`);' },
    // Plain JavaScript through espree.
    { ...PLAIN_JS, code: "fetch('https://open.feishu.cn/open-apis/message/v4/batch_send');" },
  ],
  invalid: [
    // Every legacy endpoint, as a raw URL.
    ...restrictedUrls(232102).map(([url]) => ({
      code: `axios.post('https://open.feishu.cn${url}', body);`,
      errors: [{ messageId: legacyEndpoint, line: 1, column: 12, endLine: 1, endColumn: 12 + url.length + 24 }],
    })),
    // A string literal with a trailing slash and a query.
    {
      code: "await axios.post('http://open.feishu.cn/open-apis/message/v4/send/?receive_id_type=chat_id', body);",
      errors: [{ messageId: legacyEndpoint, line: 1, column: 18, endColumn: 92 }],
    },
    // A template literal with an unknown base and query.
    {
      code: 'const res = await fetch(`${host}/open-apis/chat/v4/info?chat_id=${chatId}`);',
      errors: [{ messageId: legacyEndpoint, line: 1, column: 25, endColumn: 75 }],
    },
    // An unknown glued to the last segment is read as a query string.
    {
      code: 'fetch(`https://open.feishu.cn/open-apis/chat/v4/members${query}`);',
      errors: [{ messageId: legacyEndpoint, column: 7, endColumn: 65 }],
    },
    // A `+` chain over several lines: one report on the whole chain.
    {
      code: "const url =\n  'https://open.feishu.cn' +\n  '/open-apis/chat/v4/update';",
      errors: [{ messageId: legacyEndpoint, line: 2, column: 3, endLine: 3, endColumn: 30 }],
    },
    // A const base: reported where the path is complete, not at the base.
    {
      code: "const BASE = 'https://open.feishu.cn/open-apis';\naxios.post(BASE + '/bot/v4/add', { chat_id });",
      errors: [{ messageId: legacyEndpoint, line: 2, column: 12, endColumn: 32 }],
    },
    // A const is reported once, at its declaration, however it is used.
    {
      code: [
        "const SEND = 'https://open.feishu.cn/open-apis/message/v4/send';",
        'axios.post(SEND, body);',
        "axios.post(SEND + '?receive_id_type=chat_id', body);",
        'fetch(`${SEND}`);',
        'const AGAIN = SEND;',
        "fetch(AGAIN + '/');",
      ].join('\n'),
      errors: [{ messageId: legacyEndpoint, line: 1, column: 14, endColumn: 64 }],
    },
    // Consts built from consts: reported at the first complete path only.
    {
      code: [
        "const API = 'https://open.feishu.cn/open-apis';",
        "const CHAT = API + '/chat/v4';",
        "const MEMBERS = CHAT + '/members';",
        'fetch(MEMBERS);',
      ].join('\n'),
      errors: [{ messageId: legacyEndpoint, line: 3, column: 17, endColumn: 34 }],
    },
    // A const read inside a function; declared later in the file.
    {
      code: "function recall(id) { return http.post(`${API_BASE}/message/v4/recall`, { message_id: id }); }\nconst API_BASE = process.env.HOST + '/open-apis';",
      errors: [{ messageId: legacyEndpoint, line: 1, column: 40, endColumn: 71 }],
    },
    // TS wrappers are transparent; the report lands on the string inside.
    {
      code: "const DISBAND = ('/open-apis/chat/v4/disband' as const);",
      errors: [{ messageId: legacyEndpoint, column: 18, endColumn: 46 }],
    },
    {
      code: "const u = (BASE as string) + '/open-apis/bot/v3/chatter/delete';",
      errors: [{ messageId: legacyEndpoint, column: 11, endColumn: 64 }],
    },
    // Numbers in a chain are text.
    {
      code: "fetch('/open-apis/message/v' + 4 + '/urgent');",
      errors: [{ messageId: legacyEndpoint, column: 7, endColumn: 45 }],
    },
    // A gateway prefix before open-apis.
    {
      code: "fetch('https://gw.example.com/feishu/open-apis/message/v3/send');",
      errors: [{ messageId: legacyEndpoint, column: 7, endColumn: 64 }],
    },
    // The const outside the function is read where it is not shadowed.
    {
      code: "const ACTION = 'send';\nfunction post(action) { return fetch('/open-apis/message/v4/' + ACTION); }",
      errors: [{ messageId: legacyEndpoint, line: 2, column: 38, endColumn: 71 }],
    },
    // A mock of a restricted path counts (docs/spec/behaviour.md#what-counts-as-a-finding).
    {
      code: "nock('https://open.feishu.cn').post('/open-apis/message/v4/send').reply(200, {});",
      errors: [{ messageId: legacyEndpoint, column: 37, endColumn: 65 }],
    },
    // Two calls on one line: two reports.
    {
      code: "fetch('/open-apis/bot/v4/add'); fetch('/open-apis/bot/v4/remove');",
      errors: [
        { messageId: legacyEndpoint, column: 7, endColumn: 30 },
        { messageId: legacyEndpoint, column: 39, endColumn: 65 },
      ],
    },
    // allow keeps the other endpoints reported.
    {
      code: "fetch('/open-apis/bot/v4/add'); fetch('/open-apis/bot/v4/add_bot');",
      options: [{ allow: ['bot.v4.add'] }],
      errors: [{ messageId: legacyEndpoint, column: 39, endColumn: 66 }],
    },
    // External sharing does not unblock legacy APIs.
    {
      code: "fetch('/open-apis/chat/v4/chatter/add');",
      settings: { feishu: { appType: 'self-built', externalSharing: true } },
      errors: [{ messageId: legacyEndpoint }],
    },
    // Enum members and object keys are values.
    {
      code: "enum Api { Send = '/open-apis/message/v4/send' }",
      errors: [{ messageId: legacyEndpoint, column: 19, endColumn: 47 }],
    },
    {
      code: "const handlers = { '/open-apis/chat/v4/info': onInfo };",
      errors: [{ messageId: legacyEndpoint, column: 20, endColumn: 45 }],
    },
    // Plain JavaScript through espree, and JSX.
    {
      ...PLAIN_JS,
      code: "const url = 'https://open.larksuite.com/open-apis/message/v4/send';",
      errors: [{ messageId: legacyEndpoint, column: 13, endColumn: 67 }],
    },
    {
      filename: 'file.tsx',
      code: 'const link = <a href="/open-apis/chat/v4/info">info</a>;',
      errors: [{ messageId: legacyEndpoint, column: 22, endColumn: 47 }],
    },
  ],
});

describe('no-legacy-message-chat-api options', () => {
  it('reports an id of another group or a typo in allow at 1:1, never throws (tests/options/allow.test.ts has the rest)', () => {
    for (const allow of [['im.chatTab.create'], ['message.v4.sned']]) {
      const messages = lint("fetch('/open-apis/message/v4/send');", { rules: { 'feishu/no-legacy-message-chat-api': ['error', { allow }] } });
      expect(messages.map((m) => [m.ruleId, m.messageId, m.line, m.column])).toEqual([['feishu/no-legacy-message-chat-api', 'invalidAllow', 1, 1]]);
    }
  });

  it('rejects unknown option keys', () => {
    expect(() =>
      lint('foo();', { rules: { 'feishu/no-legacy-message-chat-api': ['error', { ignore: [] }] } }),
    ).toThrow(/additional properties|ignore/i);
  });
});
