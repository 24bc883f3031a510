import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { plugin } from '../../lib/plugin';
import rule from '../../lib/rules/no-legacy-message-event';
import { createRuleTester, PLAIN_JS } from '../support/rule-tester';

const ruleTester = createRuleTester();
const legacyEvent = 'legacyEvent' as const;
const legacyTypeHandler = 'legacyTypeHandler' as const;
const subscribeReceiveV1 = 'subscribeReceiveV1' as const;
const checkReceiveV1 = 'checkReceiveV1' as const;
const FIX = 'FIXME(feishu/no-legacy-message-event)';
/** The comment a register suggestion leaves where it cannot follow the handler's reads. */
const BY_HAND = `/* ${FIX}: the reads of this event could not all be followed (an imported or wrapped handler, a destructured or passed-on event): move their v1 fields by hand (open_chat_id → message.chat_id, …) */`;

/** Each invalid case with suggestions: input and the exact output of its one suggestion. */
const SUGGESTED: { name: string; code: string; output: string; messageId: 'subscribeReceiveV1' | 'checkReceiveV1'; line: number; column: number }[] = [
  {
    name: 'chained on a namespace import, inline handler',
    code: [
      "import * as lark from '@larksuiteoapi/node-sdk';",
      'new lark.EventDispatcher({ encryptKey }).register({',
      '  message: async (data) => {',
      "    if (data.chat_type === 'private') await reply(data.open_chat_id, data.text);",
      '  },',
      '});',
    ].join('\n'),
    output: [
      "import * as lark from '@larksuiteoapi/node-sdk';",
      'new lark.EventDispatcher({ encryptKey }).register({',
      "  'im.message.receive_v1': async (data) => {",
      `    if (data.message.chat_type === 'private' /* ${FIX}: v1 chat_type 'private' is 'p2p' in v2 */) await reply(data.message.chat_id, data.text /* ${FIX}: v1 text has no v2 field: use JSON.parse(message.content).text; mentions are @_user_N */);`,
      '  },',
      '});',
    ].join('\n'),
    messageId: subscribeReceiveV1,
    line: 3,
    column: 3,
  },
  {
    name: 'a variable holding the dispatcher, a method handler',
    code: [
      "import { EventDispatcher } from '@larksuiteoapi/node-sdk';",
      'const dispatcher = new EventDispatcher({});',
      'dispatcher.register({',
      '  async message(data) {',
      '    await save(data.open_message_id, data?.msg_type, data.employee_id);',
      '  },',
      '});',
    ].join('\n'),
    output: [
      "import { EventDispatcher } from '@larksuiteoapi/node-sdk';",
      'const dispatcher = new EventDispatcher({});',
      'dispatcher.register({',
      "  async 'im.message.receive_v1'(data) {",
      '    await save(data.message.message_id, data?.message.message_type, data.sender.sender_id.user_id);',
      '  },',
      '});',
    ].join('\n'),
    messageId: subscribeReceiveV1,
    line: 4,
    column: 9,
  },
  {
    name: 'an aliased import, a string key, a handler declared in the file',
    code: [
      "import { EventDispatcher as LarkEvents } from '@larksuiteoapi/node-sdk';",
      'function onMessage(event) {',
      '  return event.is_mention ? answer(event.root_id) : null;',
      '}',
      "export const events = new LarkEvents({}).register({ 'message': onMessage });",
    ].join('\n'),
    output: [
      "import { EventDispatcher as LarkEvents } from '@larksuiteoapi/node-sdk';",
      'function onMessage(event) {',
      `  return event.is_mention /* ${FIX}: v1 is_mention has no v2 field: derive it from message.mentions */ ? answer(event.message.root_id) : null;`,
      '}',
      "export const events = new LarkEvents({}).register({ 'im.message.receive_v1': onMessage });",
    ].join('\n'),
    messageId: subscribeReceiveV1,
    line: 5,
    column: 53,
  },
  {
    name: 'require, a shorthand key, a const handler',
    code: [
      "const lark = require('@larksuiteoapi/node-sdk');",
      'const message = (data) => log(data.union_id, data.ts);',
      'module.exports = new lark.EventDispatcher({}).register({ message });',
    ].join('\n'),
    output: [
      "const lark = require('@larksuiteoapi/node-sdk');",
      `const message = (data) => log(data.sender.sender_id.union_id, data.ts /* ${FIX}: v1 ts has no v2 field: use create_time, in milliseconds (v1 ts was in seconds) */);`,
      "module.exports = new lark.EventDispatcher({}).register({ 'im.message.receive_v1': message });",
    ].join('\n'),
    messageId: subscribeReceiveV1,
    line: 3,
    column: 58,
  },
  {
    name: 'a chained second register, an imported handler: rename only',
    code: [
      "import { EventDispatcher } from '@larksuiteoapi/node-sdk';",
      "import { onMessage } from './handlers';",
      "new EventDispatcher({}).register({ 'im.chat.member.bot.added_v1': onAdded }).register({ message: onMessage });",
    ].join('\n'),
    output: [
      "import { EventDispatcher } from '@larksuiteoapi/node-sdk';",
      "import { onMessage } from './handlers';",
      `new EventDispatcher({}).register({ 'im.chat.member.bot.added_v1': onAdded }).register({ 'im.message.receive_v1': onMessage ${BY_HAND} });`,
    ].join('\n'),
    messageId: subscribeReceiveV1,
    line: 3,
    column: 89,
  },
  {
    name: 'a hand-written handler with its envelope check',
    code: [
      "import { verify } from './lark';",
      'export function handle(body) {',
      "  if (body.type === 'event_callback' && body.event.type === 'message') {",
      '    reply(body.event.open_chat_id, body.event.text_without_at_bot, body.event.tenant_key);',
      '  }',
      '}',
    ].join('\n'),
    output: [
      "import { verify } from './lark';",
      'export function handle(body) {',
      "  if (body.schema === '2.0' && body.header?.event_type === 'im.message.receive_v1') {",
      `    reply(body.event.message.chat_id, body.event.text_without_at_bot /* ${FIX}: v1 text_without_at_bot has no v2 field: strip the bot's @_user_N from JSON.parse(message.content).text */, body.header.tenant_key);`,
      '  }',
      '}',
    ].join('\n'),
    messageId: checkReceiveV1,
    line: 3,
    column: 61,
  },
  {
    name: "'message' on the left, optional chaining, a variable bound to the event",
    code: [
      "const LARK_HOST = 'https://open.feishu.cn';",
      'function route(req) {',
      '  const ev = req.body.event;',
      "  if ('message' === ev?.type) handle(ev.open_chat_id, ev.chat_type === 'private');",
      '}',
    ].join('\n'),
    output: [
      "const LARK_HOST = 'https://open.feishu.cn';",
      'function route(req) {',
      '  const ev = req.body.event;',
      `  if (req.body.header?.event_type === 'im.message.receive_v1') handle(ev.message.chat_id, ev.message.chat_type === 'private' /* ${FIX}: v1 chat_type 'private' is 'p2p' in v2 */);`,
      '}',
    ].join('\n'),
    messageId: checkReceiveV1,
    line: 4,
    column: 7,
  },
  {
    name: 'a switch on the v1 type: other cases keep working',
    code: [
      "import lark from '@larksuiteoapi/node-sdk';",
      'function dispatch(body) {',
      '  switch (body.event.type) {',
      "    case 'message':",
      '      return onMessage(body.event.open_message_id, body.event.open_id);',
      "    case 'add_bot':",
      '      return onAdded(body.event.open_chat_id);',
      '  }',
      '}',
    ].join('\n'),
    output: [
      "import lark from '@larksuiteoapi/node-sdk';",
      'function dispatch(body) {',
      '  switch (body.header?.event_type ?? body.event.type) {',
      "    case 'im.message.receive_v1':",
      '      return onMessage(body.event.message.message_id, body.event.sender.sender_id.open_id);',
      "    case 'add_bot':",
      '      return onAdded(body.event.open_chat_id);',
      '  }',
      '}',
    ].join('\n'),
    messageId: checkReceiveV1,
    line: 4,
    column: 10,
  },
  {
    name: 'a destructured event, a switch on chat_type, an event passed on',
    code: [
      "import * as lark from '@larksuiteoapi/node-sdk';",
      'new lark.EventDispatcher({}).register({',
      '  message: async (data) => {',
      '    const { open_chat_id, text } = data;',
      "    switch (data.chat_type) { case 'private': return dm(open_chat_id, data.tenant_key); }",
      '    return handle(data);',
      '  },',
      '});',
    ].join('\n'),
    output: [
      "import * as lark from '@larksuiteoapi/node-sdk';",
      'new lark.EventDispatcher({}).register({',
      "  'im.message.receive_v1': async (data) => {",
      `    const { open_chat_id /* ${FIX}: v1 open_chat_id is message.chat_id in v2 */, text /* ${FIX}: v1 text has no v2 field: use JSON.parse(message.content).text; mentions are @_user_N */ } = data;`,
      `    switch (data.message.chat_type) { case 'private' /* ${FIX}: v1 chat_type 'private' is 'p2p' in v2 */: return dm(open_chat_id, data.tenant_key); }`,
      '    return handle(data);',
      `  } ${BY_HAND},`,
      '});',
    ].join('\n'),
    messageId: subscribeReceiveV1,
    line: 3,
    column: 3,
  },
  {
    name: 'optional chaining on body.event',
    code: "const { tenant_key } = body.event;\nif (body.event?.type === 'message') handle(body.event?.open_chat_id);",
    output: "const { tenant_key } = body.event;\nif (body.header?.event_type === 'im.message.receive_v1') handle(body.event.message.chat_id);",
    messageId: checkReceiveV1,
    line: 2,
    column: 26,
  },
  {
    name: 'a destructured event and an early return',
    code: [
      'const { tenant_access_token } = await auth();',
      "app.post('/events', (req) => {",
      '  const { event } = req.body;',
      "  if (event.type !== 'message') return;",
      '  handle(event.open_chat_id);',
      '});',
    ].join('\n'),
    output: [
      'const { tenant_access_token } = await auth();',
      "app.post('/events', (req) => {",
      '  const { event } = req.body;',
      "  if (req.body.header?.event_type !== 'im.message.receive_v1') return;",
      '  handle(event.message.chat_id);',
      '});',
    ].join('\n'),
    messageId: checkReceiveV1,
    line: 4,
    column: 22,
  },
];

/**
 * The type, or `register`, written as a template without placeholders: a string written whole, reported as the quoted
 * spelling is (0.2.14 and before missed all but the computed key). Run under both parsers, whose tokens differ.
 */
const BACKTICKS: { name: string; code: string; line: number; column: number; endColumn: number; messageId: 'legacyEvent' | 'legacyTypeHandler'; output?: string }[] = [
  {
    name: 'register read by a backtick key',
    code: "import { EventDispatcher } from '@larksuiteoapi/node-sdk';\nconst d = new EventDispatcher({});\nd[`register`]({ message: (e) => reply(e.open_chat_id) });",
    line: 3,
    column: 17,
    endColumn: 24,
    messageId: 'legacyEvent',
    output: "import { EventDispatcher } from '@larksuiteoapi/node-sdk';\nconst d = new EventDispatcher({});\nd[`register`]({ 'im.message.receive_v1': (e) => reply(e.message.chat_id) });",
  },
  {
    name: 'the event as a computed backtick key',
    code: "import { EventDispatcher } from '@larksuiteoapi/node-sdk';\nnew EventDispatcher({}).register({ [`message`]: onMessage });",
    line: 2,
    column: 37,
    endColumn: 46,
    messageId: 'legacyEvent',
    output: `import { EventDispatcher } from '@larksuiteoapi/node-sdk';\nnew EventDispatcher({}).register({ ['im.message.receive_v1']: onMessage ${BY_HAND} });`,
  },
  {
    name: "setTypeHandler's type in backticks",
    code: "import * as lark from '@larksuiteoapi/allcore';\nlark.event.setTypeHandler(conf, `message`, onMessage);",
    line: 2,
    column: 33,
    endColumn: 42,
    messageId: 'legacyTypeHandler',
  },
  {
    name: 'a check against the type in backticks',
    code: "const { tenant_access_token } = await auth();\napp.post('/e', (req) => { if (req.body.event.type === `message`) handle(req.body.event.open_chat_id); });",
    line: 2,
    column: 55,
    endColumn: 64,
    messageId: 'legacyEvent',
    output: "const { tenant_access_token } = await auth();\napp.post('/e', (req) => { if (req.body.header?.event_type === 'im.message.receive_v1') handle(req.body.event.message.chat_id); });",
  },
  {
    name: 'setTypeHandler read by a backtick key, by its shape',
    code: "class Bot { start() { this.lark.event[`setTypeHandler`](this.conf, 'message', this.onMessage); } }",
    line: 1,
    column: 68,
    endColumn: 77,
    messageId: 'legacyTypeHandler',
  },
  {
    name: 'the deprecated SDK required in backticks',
    code: "const { event } = require(`@larksuiteoapi/allcore`);\nevent.setTypeHandler(conf, 'message', onMessage);",
    line: 2,
    column: 28,
    endColumn: 37,
    messageId: 'legacyTypeHandler',
  },
  {
    name: 'the node-sdk required in backticks',
    code: "const lark = require(`@larksuiteoapi/node-sdk`);\nnew lark.EventDispatcher({}).register({ message: (data) => reply(data.open_chat_id) });",
    line: 2,
    column: 41,
    endColumn: 48,
    messageId: 'legacyEvent',
    output: "const lark = require(`@larksuiteoapi/node-sdk`);\nnew lark.EventDispatcher({}).register({ 'im.message.receive_v1': (data) => reply(data.message.chat_id) });",
  },
  {
    name: 'the envelope check and a renamed value in backticks',
    code: "const { tenant_access_token } = await auth();\nfunction on(body) { if (body.type === `event_callback` && body.event.type === `message`) { if (body.event.chat_type === `private`) dm(body.event.open_chat_id); } }",
    line: 2,
    column: 79,
    endColumn: 88,
    messageId: 'legacyEvent',
    output: `const { tenant_access_token } = await auth();\nfunction on(body) { if (body.schema === '2.0' && body.header?.event_type === 'im.message.receive_v1') { if (body.event.message.chat_type === \`private\` /* ${FIX}: v1 chat_type 'private' is 'p2p' in v2 */) dm(body.event.message.chat_id); } }`,
  },
  {
    name: 'a case of the type in backticks',
    code: "const { tenant_access_token } = await auth();\nfunction on(body) { switch (body.event.type) { case `message`: return body.event.open_chat_id; } }",
    line: 2,
    column: 53,
    endColumn: 62,
    messageId: 'legacyEvent',
    output: "const { tenant_access_token } = await auth();\nfunction on(body) { switch (body.header?.event_type ?? body.event.type) { case 'im.message.receive_v1': return body.event.message.chat_id; } }",
  },
];

/** Backticks that write no string whole, or none the search takes: never reported. */
const NOT_BACKTICK_STRINGS = [
  // A placeholder: the value is not known.
  "import * as lark from '@larksuiteoapi/node-sdk';\nfunction on(body, x) { if (body.event.type === `message${x}`) return 1; }",
  "import { EventDispatcher } from '@larksuiteoapi/node-sdk';\nconst d = new EventDispatcher({});\nd[`register${x}`]({ message: onMessage });",
  "import * as lark from '@larksuiteoapi/allcore';\nlark.event.setTypeHandler(conf, `${'message'}`, onMessage);",
  // A tagged template's value is what the tag returns.
  "import * as lark from '@larksuiteoapi/node-sdk';\nfunction on(body) { if (body.event.type === String.raw`message`) return 1; }",
  "import * as lark from '@larksuiteoapi/allcore';\nlark.event.setTypeHandler(conf, String.raw`message`, onMessage);",
  // Inside a longer template, and a plain `event` parameter, as with quotes.
  "import * as lark from '@larksuiteoapi/node-sdk';\nconst doc = `if (body.event.type === \\`message\\`) …`;",
  "import * as lark from '@larksuiteoapi/node-sdk';\nwindow.addEventListener('message', (event) => { if (event.type === `message`) render(event.data); });",
  // No Open Platform evidence: Slack's envelope.
  'function on(req) { switch (req.body.event.type) { case `message`: return onSlackMessage(req.body.event); } }',
];

const PARSERS = [
  ['typescript-estree', {}],
  ['espree', PLAIN_JS],
] as const;

ruleTester.run('no-legacy-message-event, strings in backticks', rule, {
  valid: PARSERS.flatMap(([parser, options]) => NOT_BACKTICK_STRINGS.map((code) => ({ ...options, name: `${parser}: ${code}`, code }))),
  invalid: PARSERS.flatMap(([parser, options]) =>
    BACKTICKS.map(({ name, code, line, column, endColumn, messageId, output }) => ({
      ...options,
      name: `${parser}: ${name}`,
      code,
      errors: [
        {
          messageId,
          line,
          column,
          endColumn,
          suggestions: output === undefined ? [] : [{ messageId: messageId === 'legacyEvent' && code.includes('register') ? subscribeReceiveV1 : checkReceiveV1, output }],
        },
      ],
    })),
  ),
});

ruleTester.run('no-legacy-message-event', rule, {
  valid: [
    // The v2 event, in every form.
    "import * as lark from '@larksuiteoapi/node-sdk';\nnew lark.EventDispatcher({}).register({ 'im.message.receive_v1': onMessage });",
    "import * as lark from '@larksuiteoapi/node-sdk';\nif (body.header.event_type === 'im.message.receive_v1') handle(body.event);",
    "import * as lark from '@larksuiteoapi/node-sdk';\nif (body.schema === '2.0' && body.header?.event_type === 'im.message.receive_v1') handle(body.event.message);",
    // register({ message }) on anything but a node-sdk EventDispatcher.
    "validator.register({ message: (value) => value.length > 0 });",
    "import { EventDispatcher } from 'some-event-lib';\nnew EventDispatcher().register({ message: onMessage });",
    "import * as lark from '@larksuiteoapi/node-sdk';\nserver.register({ message: grpcHandler });",
    "import { ethers } from 'ethers';\ncontract.register({ message });",
    // LarkChannel is built on im.message.receive_v1.
    "import { createLarkChannel } from '@larksuiteoapi/node-sdk';\nconst channel = createLarkChannel(opts);\nchannel.on('message', onMessage);\nchannel.on({ message: onMessage });",
    // Slack's Events API has the same envelope; without Feishu evidence it stays quiet.
    "import { App } from '@slack/bolt';\nif (body.type === 'event_callback' && body.event.type === 'message') handle(body.event.text);",
    "switch (req.body.event.type) { case 'message': return onSlackMessage(req.body.event); }",
    // DOM, workers, child processes, WebSockets, emitters: a plain `event` is not the v1 event.
    "import * as lark from '@larksuiteoapi/node-sdk';\nwindow.addEventListener('message', (event) => { if (event.type === 'message') render(event.data); });",
    "import * as lark from '@larksuiteoapi/node-sdk';\nworker.on('message', (msg) => msg.type === 'message' && handle(msg));",
    "import * as lark from '@larksuiteoapi/node-sdk';\nprocess.on('message', (packet) => { switch (packet.type) { case 'message': send(packet); } });",
    "import * as lark from '@larksuiteoapi/node-sdk';\nsocket.onmessage = (frame) => { const data = JSON.parse(frame.data); if (data.type === 'message') chat(data); };",
    "import * as lark from '@larksuiteoapi/node-sdk';\nemitter.emit('message', { type: 'message', text });",
    // Other event types and other checks.
    "import * as lark from '@larksuiteoapi/node-sdk';\nif (body.event.type === 'add_bot') welcome(body.event.open_chat_id);",
    "import * as lark from '@larksuiteoapi/node-sdk';\nif (body.event.msg_type === 'message') log(body);",
    "import * as lark from '@larksuiteoapi/node-sdk';\nlark.event.setTypeHandler(conf, 'app_ticket', onTicket);",
    "emitter.setTypeHandler(conf, 'message', fn);",
    "function setTypeHandler(conf, type, fn) {}\nsetTypeHandler(conf, 'message', fn);",
  ],
  invalid: [
    ...SUGGESTED.map(({ code, output, messageId, line, column }) => ({
      code,
      errors: [{ messageId: legacyEvent, line, column, suggestions: [{ messageId, output }] }],
    })),
    // A destructured `{ event }` parameter: reported; the envelope has no name to rewrite with.
    {
      code: "import '@larksuiteoapi/node-sdk';\nfunction handle({ event }) {\n  if (event.type === 'message') return event.open_chat_id;\n}",
      errors: [{ messageId: legacyEvent, line: 3, column: 22, endColumn: 31, suggestions: [] }],
    },
    // The deprecated SDK: no rewrite, the message points to EventDispatcher.
    {
      code: "import * as lark from '@larksuiteoapi/allcore';\nlark.event.setTypeHandler(conf, 'message', (ctx, event) => reply(event.open_chat_id));",
      errors: [{ messageId: legacyTypeHandler, line: 2, column: 33, endColumn: 42, suggestions: [] }],
    },
    {
      code: "import { setTypeHandler } from '@larksuiteoapi/event';\nsetTypeHandler(conf, 'message', onMessage);",
      errors: [{ messageId: legacyTypeHandler, line: 2, column: 22, endColumn: 31 }],
    },
    {
      code: "import { setTypeHandler as onType } from '@larksuiteoapi/event';\nonType(conf, 'message', onMessage);",
      errors: [{ messageId: legacyTypeHandler, line: 2, column: 14, endColumn: 23 }],
    },
    {
      ...PLAIN_JS,
      filename: 'bot.cjs',
      languageOptions: { ...PLAIN_JS.languageOptions, parserOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } },
      code: "const { event } = require('@larksuiteoapi/allcore');\nevent.setTypeHandler(conf, \"message\", onMessage);",
      errors: [{ messageId: legacyTypeHandler, line: 2, column: 28, endColumn: 37 }],
    },
    {
      // `this.lark.event.setTypeHandler`: by its shape, where scope can't see `lark`.
      code: "class Bot { start() { this.lark.event.setTypeHandler(this.conf, 'message', this.onMessage); } }",
      errors: [{ messageId: legacyTypeHandler, column: 65, endColumn: 74 }],
    },
    // Settings change the date, not the verdict: external sharing does not bring the event back.
    {
      code: "import * as lark from '@larksuiteoapi/node-sdk';\nnew lark.EventDispatcher({}).register({ message: handler });",
      settings: { feishu: { appType: 'self-built', externalSharing: true } },
      errors: [
        {
          messageId: legacyEvent,
          line: 2,
          column: 41,
          suggestions: [
            {
              messageId: subscribeReceiveV1,
              output: `import * as lark from '@larksuiteoapi/node-sdk';\nnew lark.EventDispatcher({}).register({ 'im.message.receive_v1': handler ${BY_HAND} });`,
            },
          ],
        },
      ],
    },
  ],
});

describe('no-legacy-message-event suggestions', () => {
  const linter = new Linter();
  const config: Linter.Config[] = [
    { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
    { files: ['**/*.ts'], plugins: { feishu: plugin as never }, rules: { 'feishu/no-legacy-message-event': 'error' } },
  ];

  it.each(SUGGESTED.map((c) => [c.name, c] as const))('%s: the output parses and reports nothing again', (_, { code, output }) => {
    // The suggestion the rule offers is the one asserted above.
    const [message] = linter.verify(code, config, 'file.ts');
    const suggestion = message?.suggestions?.[0];
    expect(suggestion).toBeDefined();
    const applied = code.slice(0, suggestion!.fix.range[0]) + suggestion!.fix.text + code.slice(suggestion!.fix.range[1]);
    expect(applied).toBe(output);
    expect(linter.verify(applied, config, 'file.ts')).toEqual([]);
  });

  it('titles each suggestion in a few words, in the configured locale: the fields it moves are in the FIXME comments', () => {
    const code = SUGGESTED[0]!.code;
    const [en] = linter.verify(code, config, 'file.ts');
    expect(en?.suggestions?.[0]?.desc).toBe("Register the handler for 'im.message.receive_v1' and move its v1 field reads");
    const [zh] = linter.verify(code, [...config, { settings: { feishu: { locale: 'zh-CN' } } }], 'file.ts');
    expect(zh?.suggestions?.[0]?.desc).toBe("改为注册 'im.message.receive_v1' 并迁移 v1 字段读取");
    expect(zh?.suggestions?.[0]?.fix.text).toContain('FIXME(feishu/no-legacy-message-event): v1 字段 text 在 v2 中没有对应字段');
    const check = SUGGESTED.find((c) => c.messageId === checkReceiveV1)!.code;
    expect(linter.verify(check, config, 'file.ts')[0]?.suggestions?.[0]?.desc).toBe("Check header.event_type for 'im.message.receive_v1' and move the v1 field reads");
  });

  it('marks the reads it could not follow with a FIXME comment, in the configured locale', () => {
    const code = SUGGESTED.find((c) => c.name.startsWith('a destructured event, a switch'))!.code;
    const [message] = linter.verify(code, config, 'file.ts');
    expect(message?.suggestions?.[0]?.fix.text).toContain(BY_HAND);
    const [zh] = linter.verify(code, [...config, { settings: { feishu: { locale: 'zh-CN' } } }], 'file.ts');
    expect(zh?.suggestions?.[0]?.fix.text).toContain(
      '/* FIXME(feishu/no-legacy-message-event): 部分事件读取无法跟踪（处理函数来自其他文件或被包装、事件被解构或传给其他函数）：请手动迁移其中的 v1 字段（open_chat_id → message.chat_id 等） */',
    );
    // A handler whose reads are all followed gets no such comment.
    expect(linter.verify(SUGGESTED[0]!.code, config, 'file.ts')[0]?.suggestions?.[0]?.fix.text).not.toContain('could not all be followed');
  });

  it('takes no options', () => {
    expect(() =>
      linter.verify("import '@larksuiteoapi/node-sdk';", [...config, { rules: { 'feishu/no-legacy-message-event': ['error', { allow: ['message'] }] } }], 'file.ts'),
    ).toThrow(/no-legacy-message-event/);
  });

  it('offers suggestions, never an autofix', () => {
    const messages = linter.verify(SUGGESTED[5]!.code, config, 'file.ts');
    expect(messages.map((m) => m.fix)).toEqual([undefined]);
  });
});

/** Evidence for the hand-written checks below (docs/settings.md#open-platform-evidence). */
const EVIDENCE = "const { handle } = require('../feishu/handlers');\n";

ruleTester.run('no-legacy-message-event, the type read into a variable first', rule, {
  valid: [
    // A two-format read handles the v2 event already; a plain parameter says nothing of where it came from.
    `${EVIDENCE}function on(body) { const t = body.header?.event_type ?? body.event?.type; switch (t) { case 'message': return 1; } }`,
    `${EVIDENCE}function on(type) { return type === 'message'; }`,
    // A DOM event, another field, no evidence.
    `${EVIDENCE}window.addEventListener('message', (event) => { const { type } = event; if (type === 'message') show(); });`,
    `${EVIDENCE}function on(body) { const { msg_type: type } = body.event; return type === 'message'; }`,
    "function on(body) { const { type } = body.event; return type === 'message'; }",
    // Assigned again after its declaration: a two-format read done by assignment, or no longer the v1 type.
    `${EVIDENCE}function on(body) { let type = body.event?.type; if (body.schema === '2.0') type = body.header.event_type; if (type === 'message') return 1; }`,
    `${EVIDENCE}function on(body, m) { let { type } = body.event; ({ type } = m); return type === 'message'; }`,
    // Another key than the event's, a pattern nested deeper, a loop's pattern.
    `${EVIDENCE}function on({ message: { type } }) { return type === 'message'; }`,
    `${EVIDENCE}function on(frame) { const { data: { event: { type } } } = frame; return type === 'message'; }`,
    `${EVIDENCE}function on(list) { for (const { event: { type } } of list) if (type === 'message') return 1; }`,
    // An event variable assigned again after its declaration may hold anything at the check (reported by 0.2.14).
    `${EVIDENCE}function on(body, m) { let ev = body.event; ev = m; if (ev.type === 'message') return 1; }`,
    `${EVIDENCE}function on(body, m) { let { event } = body; event = m; if (event.type === 'message') return 1; }`,
  ],
  invalid: [
    ...[
      ['destructured from the event', "router.post('/w', (req) => { const body = req.body; if (body.event) { const { type } = body.event; if (type === 'message') return handle(body.event); } });", 113],
      ['read whole', "function on(body) { const type = body.event.type; if (type === 'message') return 1; }", 64],
      ['in a nested pattern, in a switch', "function on(body) { const { event: { type } } = body; switch (type) { case 'message': return 1; } }", 76],
      ["in a parameter's nested pattern", "function on({ event: { type } }) { return type === 'message'; }", 52],
      ['from a variable bound to the event, renamed', "function on(body) { const ev = body.event; const { type: kind } = ev; return kind === 'message'; }", 87],
    ].map(([name, code, column]) => ({
      name: name as string,
      code: EVIDENCE + (code as string),
      // Reported without a suggestion: the declaration that reads the type would need rewriting too.
      errors: [{ messageId: legacyEvent, line: 2, column: column as number, endColumn: (column as number) + 9, suggestions: [] }],
    })),
  ],
});

/** A `register({ message })` reported on line 2 at `column`, with its one suggestion's output. */
const registeredOnLine2 = (code: string, column: number, output: string) => ({
  code,
  errors: [{ messageId: legacyEvent, line: 2, column, endColumn: column + 'message'.length, suggestions: [{ messageId: subscribeReceiveV1, output }] }],
});

ruleTester.run("no-legacy-message-event, TypeScript's import x = require(…)", rule, {
  valid: [
    // Types only (a value read through it is not the SDK's), another module, a parameter that shadows the binding.
    "import type lark = require('@larksuiteoapi/node-sdk');\nnew lark.EventDispatcher({}).register({ message: (x: any) => x });",
    "import lark = require('some-event-lib');\nnew lark.EventDispatcher({}).register({ message: (x: any) => x });",
    "import lark = require('@larksuiteoapi/node-sdk');\nfunction f(lark: any) { new lark.EventDispatcher({}).register({ message: (x: any) => x }); }",
  ],
  invalid: [
    registeredOnLine2(
      "import lark = require('@larksuiteoapi/node-sdk');\nnew lark.EventDispatcher({}).register({ message: (x: any) => x.open_chat_id });",
      41,
      "import lark = require('@larksuiteoapi/node-sdk');\nnew lark.EventDispatcher({}).register({ 'im.message.receive_v1': (x: any) => x.message.chat_id });",
    ),
    registeredOnLine2(
      "import lark = require('@larksuiteoapi/node-sdk');\nexport function wire(d: lark.EventDispatcher) { d.register({ message: (x: any) => x.open_chat_id }); }",
      62,
      "import lark = require('@larksuiteoapi/node-sdk');\nexport function wire(d: lark.EventDispatcher) { d.register({ 'im.message.receive_v1': (x: any) => x.message.chat_id }); }",
    ),
    // A type-only import still names the type of an annotation.
    registeredOnLine2(
      "import type lark = require('@larksuiteoapi/node-sdk');\nexport function wire(d: lark.EventDispatcher) { d.register({ message: onMessage }); }",
      62,
      `import type lark = require('@larksuiteoapi/node-sdk');\nexport function wire(d: lark.EventDispatcher) { d.register({ 'im.message.receive_v1': onMessage ${BY_HAND} }); }`,
    ),
    {
      code: "import OapiEvent = require('@larksuiteoapi/event');\nOapiEvent.setTypeHandler(conf, 'message', onMessage);",
      errors: [{ messageId: legacyTypeHandler, line: 2, column: 32, endColumn: 41 }],
    },
  ],
});

describe('no-legacy-message-event on a wrapped callee', () => {
  // 0.2.4 read the receiver from the callee, which a wrapper (`(d?.register)`, `d.register!`) does not have, and threw.
  const DISPATCHER = "import * as lark from '@larksuiteoapi/node-sdk';\nconst d = new lark.EventDispatcher({});\n";
  const linter = new Linter();
  const lintWith = (code: string, typescript: boolean) =>
    linter.verify(
      code,
      [
        { files: ['**/*.ts'], ...(typescript ? { languageOptions: { parser: tsParser } } : {}) },
        { files: ['**/*.ts'], plugins: { feishu: plugin as never }, rules: { 'feishu/no-legacy-message-event': 'error' } },
      ],
      'file.ts',
    );

  it.each([
    ['(d?.register)({ message: h });', false, 'legacyEvent'],
    ['(d?.register)({ message: h });', true, 'legacyEvent'],
    ['d.register!({ message: h });', true, 'legacyEvent'],
    ['(d.register as any)({ message: h });', true, 'legacyEvent'],
    ["(lark.event?.setTypeHandler)(conf, 'message', h);", false, 'legacyTypeHandler'],
  ] as const)('reports %s (TypeScript parser: %s)', (call, typescript, messageId) => {
    const messages = lintWith(DISPATCHER + call, typescript);
    expect(messages.map((m) => [m.ruleId, m.messageId, m.line])).toEqual([['feishu/no-legacy-message-event', messageId, 3]]);
  });
});
