import legacyRule from '../../lib/rules/no-legacy-message-chat-api';
import managementRule from '../../lib/rules/no-external-chat-management-api';
import { createRuleTester, PLAIN_JS } from '../support/rule-tester';

// The string shapes of docs/spec/behaviour.md#evaluating-strings beyond plain literals, each with the
// place its report lands (docs/spec/behaviour.md#where-a-report-lands). `EVIDENCE` gives a file Open Platform evidence.
const ruleTester = createRuleTester();
const EVIDENCE = "import * as lark from '@larksuiteoapi/node-sdk';\n";
const legacyEndpoint = 'legacyEndpoint' as const;
const restrictedEndpoint = 'restrictedEndpoint' as const;

ruleTester.run('string shapes: legacy endpoints', legacyRule, {
  valid: [
    // Host-less paths need evidence.
    "axios.post('/chat/v4/info', body);",
    "const API = { SEND: '/message/v4/send' };\naxios.post(API.SEND, body);",
    // A file whose client points at another service stays quiet.
    "const http = axios.create({ baseURL: 'https://chat.internal.example.com' });\nhttp.post('/chat/v4/info', { chat_id });",
    // Another service's look-alike route, written with its host, stays quiet even with evidence.
    `${EVIDENCE}fetch('https://chat.internal.example.com/chat/v4/info');`,
    `${EVIDENCE}fetch('https://api.example.com/message/v4/send');`,
    // With evidence, a prefix before a host-less path is another route.
    `${EVIDENCE}fetch('/api/chat/v4/info');`,
    // A member the object does not hold, or one a spread may replace.
    `${EVIDENCE}const API = { SEND: '/message/v4/batch_send' };\nfetch(API.SEND);`,
    `${EVIDENCE}const API = { SEND: 'x', ...overrides };\nfetch('/open-apis/message/v4/' + API.SEND);`,
    // A const object's member is read, a let object's is not.
    `${EVIDENCE}let API = { ACTION: 'send' };\nfetch('/open-apis/message/v4/' + API.ACTION);`,
    // new URL: a relative path against a base without a trailing slash replaces its last segment.
    "const u = new URL('chat/v4/info', 'https://open.feishu.cn/open-apis');",
    // The base's origin is unknown, but its written path drops `open-apis` as above.
    `${EVIDENCE}const u = new URL('chat/v4/info', \`\${host}/open-apis\`);`,
    // A written scheme and an unknown host without open-apis: no Open Platform path.
    `${EVIDENCE}fetch(\`https://\${host}/chat/v4/info\`);`,
    // A local URL class is not the WHATWG one: its arguments name nothing alone.
    "class URL { constructor(a, b) {} }\nconst u = new URL('send', 'https://open.feishu.cn/open-apis/message/v4/');",
    // newRequest of another library, and without an .api object.
    "newRequest('message/v4/send', 'POST');",
    "client.newRequest('chat/v4/info', 'GET');",
  ],
  invalid: [
    // Host-less literals, templates and chains, with evidence.
    {
      code: `${EVIDENCE}axios.post('/chat/v4/info', body);`,
      errors: [{ messageId: legacyEndpoint, line: 2, column: 12, endColumn: 27 }],
    },
    {
      code: `${EVIDENCE}client.request({ url: 'message/v4/send/', method: 'POST' });`,
      errors: [{ messageId: legacyEndpoint, line: 2, column: 23, endColumn: 41 }],
    },
    {
      code: `${EVIDENCE}http.get(\`chat/v4/info?\${query}\`);`,
      errors: [{ messageId: legacyEndpoint, line: 2, column: 10, endColumn: 33 }],
    },
    // A leading unknown is a base.
    {
      code: `${EVIDENCE}fetch(\`\${BASE_URL}/bot/v4/add\`, options);`,
      errors: [{ messageId: legacyEndpoint, line: 2, column: 7, endColumn: 31 }],
    },
    {
      code: `${EVIDENCE}fetch(this.base + '/chat/v4/chatter/add/');`,
      errors: [{ messageId: legacyEndpoint, line: 2, column: 7, endColumn: 42 }],
    },
    // Members of a const object literal: reported once, at the property's value.
    {
      code: [
        "const LARK_API = { SEND: '/message/v4/send/', INFO: 'chat/v4/info' };",
        'axios.post(LARK_API.SEND, body);',
        "axios.post(LARK_API.SEND + '?receive_id_type=chat_id', body);",
        "axios.get(LARK_API['INFO']);",
        'axios.get(LARK_API?.INFO);',
      ].join('\n'),
      errors: [
        { messageId: legacyEndpoint, line: 1, column: 26, endColumn: 45 },
        { messageId: legacyEndpoint, line: 1, column: 53, endColumn: 67 },
      ],
    },
    // Nested, frozen and `as const` objects.
    {
      code: `${EVIDENCE}const API = Object.freeze({ chat: { members: 'chat/v4/members' } } as const);\nhttp.get(API.chat.members);`,
      errors: [{ messageId: legacyEndpoint, line: 2, column: 46, endColumn: 63 }],
    },
    // A member completes a path written elsewhere: reported where the path is whole.
    {
      code: "const ACTIONS = { RECALL: 'recall' };\nfetch('https://open.feishu.cn/open-apis/message/v4/' + ACTIONS.RECALL);",
      errors: [{ messageId: legacyEndpoint, line: 2, column: 7, endColumn: 70 }],
    },
    // new URL, resolved as the WHATWG parser does.
    {
      code: "const u = new URL('/open-apis/message/v4/send', 'https://open.feishu.cn/anything/');",
      errors: [{ messageId: legacyEndpoint, column: 11, endColumn: 84 }],
    },
    {
      code: "const u = new URL('send', 'https://open.feishu.cn/open-apis/message/v4/');",
      errors: [{ messageId: legacyEndpoint, column: 11, endColumn: 74 }],
    },
    {
      code: "const u = new URL('chat/v4/info', 'https://open.feishu.cn/open-apis/');",
      errors: [{ messageId: legacyEndpoint, column: 11, endColumn: 71 }],
    },
    {
      code: "const u = new URL('../chat/v4/disband?x=1', 'https://open.feishu.cn/open-apis/message/');",
      errors: [{ messageId: legacyEndpoint, column: 11, endColumn: 89 }],
    },
    {
      code: "const BASE = 'https://open.larksuite.com/open-apis/';\nawait fetch(new URL(`chat/v4/update`, BASE).href, { method: 'POST' });",
      errors: [{ messageId: legacyEndpoint, line: 2, column: 13, endColumn: 44 }],
    },
    {
      code: `${EVIDENCE}const u = new URL('chat/v4/info', \`\${host}/open-apis/\`);`,
      errors: [{ messageId: legacyEndpoint, line: 2, column: 11, endColumn: 56 }],
    },
    {
      code: `${EVIDENCE}const u = new URL('/bot/v4/remove', process.env.LARK_HOST);`,
      errors: [{ messageId: legacyEndpoint, line: 2, column: 11, endColumn: 59 }],
    },
    // Gateway prefixes before open-apis.
    {
      code: "fetch(`${GATEWAY}/feishu/open-apis/chat/v3/info`);",
      errors: [{ messageId: legacyEndpoint, column: 7, endColumn: 49 }],
    },
    // The deprecated SDK prefixes open-apis/ itself: no other evidence needed.
    {
      code: "import * as lark from '@larksuiteoapi/allcore';\nconst req = lark.api.newRequest('message/v4/send', 'POST', lark.api.AccessTokenType.Tenant, body);",
      errors: [{ messageId: legacyEndpoint, line: 2, column: 33, endColumn: 50 }],
    },
    {
      code: "import { newRequest as request } from '@larksuiteoapi/api';\nconst req = request('/chat/v4/info', 'GET', 'tenant', null);",
      errors: [{ messageId: legacyEndpoint, line: 2, column: 21, endColumn: 36 }],
    },
    {
      ...PLAIN_JS,
      filename: 'bot.cjs',
      languageOptions: { ...PLAIN_JS.languageOptions, parserOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } },
      code: "const { newRequest } = require('@larksuiteoapi/api');\nconst req = newRequest('bot/v4/add', 'POST', 2, { chat_id });",
      errors: [{ messageId: legacyEndpoint, line: 2, column: 24, endColumn: 36 }],
    },
    {
      // `this.sdk` is invisible to scope; `X.api.newRequest` is read by structure.
      code: "class Bot { recall(id) { return this.sdk.api.newRequest('message/v4/recall', 'POST', 2, { message_id: id }); } }",
      errors: [{ messageId: legacyEndpoint, column: 57, endColumn: 76 }],
    },
  ],
});

ruleTester.run('string shapes: chat management endpoints', managementRule, {
  valid: [
    "http.post(`im/v1/chats/${chatId}/managers/add_managers`, body);",
    `${EVIDENCE}http.get(\`im/v1/chats/\${chatId}/members\`);`,
    `${EVIDENCE}http.get(\`docx/v1/chats/\${chatId}/announcement\`);`,
  ],
  invalid: [
    {
      code: `${EVIDENCE}http.post(\`im/v1/chats/\${chatId}/managers/add_managers\`, body);`,
      errors: [{ messageId: restrictedEndpoint, line: 2, column: 11, endColumn: 56 }],
    },
    // The segment after open-apis comes from another piece: the text alone cannot rule it out.
    {
      code: "fetch('/open-apis/' + 'im/v1/chats/' + chatId + '/link');",
      errors: [{ messageId: restrictedEndpoint, column: 7, endColumn: 56 }],
    },
    {
      code: "const IM = 'im';\nfetch(`https://open.feishu.cn/open-apis/${IM}/v1/chats/${chatId}/chat_tabs/sort_tabs`);",
      errors: [{ messageId: restrictedEndpoint, line: 2, column: 7, endColumn: 86 }],
    },
    {
      code: "fetch('/open-apis/im' + `/v1/chats/${chatId}/menu_tree/sort`);",
      errors: [{ messageId: restrictedEndpoint, column: 7, endColumn: 61 }],
    },
    {
      code: `const tenant_access_token = await token();\nconst ROUTES = { tabs: (id) => \`/im/v1/chats/\${id}/chat_tabs/list_tabs\` };`,
      errors: [{ messageId: restrictedEndpoint, line: 2, column: 32, endColumn: 72 }],
    },
  ],
});
