import legacyRule from '../../lib/rules/no-legacy-message-chat-api';
import managementRule from '../../lib/rules/no-external-chat-management-api';
import reactionRule from '../../lib/rules/no-external-chat-reaction-api';
import { describe, expect, it } from 'vitest';
import { lint } from '../support/lint';
import { createRuleTester, PLAIN_JS } from '../support/rule-tester';

// Guarded and handled calls (docs/spec/behaviour.md#guarded-and-handled-findings): not
// reported by default, reported with settings.feishu.reportGuarded and a message that
// says so. Every guard form of the specification is a `valid` case here, and every
// look-alike an `invalid` one: precision first.

const ruleTester = createRuleTester();
const REPORT_GUARDED = { feishu: { reportGuarded: true } };
const REACT = 'await client.im.messageReaction.create(req);';
const REACT_EXPRESSION = 'client.im.messageReaction.create(req)';

/** The helpers the cases test with, imported as real code imports them. */
const IMPORTS = "import { chats, isExternal, is_external, IS_EXTERNAL, is_external_chat, isExternalGroup } from './chat-info';";

/** An async function around `body`, one statement a line, after the imports. */
const fn = (...body: string[]) =>
  [IMPORTS, 'async function handle(chat: any, req: any, id: string, res: any) {', ...body.map((line) => `  ${line}`), '}'].join('\n');

const sdk = [{ messageId: 'restrictedSdkCall' as const }];

/** Every guard form, and every name an external test may have. */
const GUARDED_SDK: string[] = [
  // if (T): T is a not-external test.
  fn('if (!chat.external) {', `  ${REACT}`, '}'),
  fn(`if (!chat.external) ${REACT}`),
  fn(`if (chat.external === false) ${REACT}`),
  fn(`if (chat.external !== true) ${REACT}`),
  fn(`if (false === chat.external) ${REACT}`),
  fn(`if (!(await isExternalGroup(id))) ${REACT}`),
  // else of if (E): E is an external test.
  fn("if (chat.external) log('skip'); else {", `  ${REACT}`, '}'),
  fn(`if (chat.external === true) return; else ${REACT}`),
  fn(`if (chat.external == true) {} else ${REACT}`),
  // ?:, && and ||.
  fn(`chat.external ? undefined : ${REACT_EXPRESSION};`),
  fn(`!chat.external ? ${REACT_EXPRESSION} : undefined;`),
  fn(`!chat.external && ${REACT_EXPRESSION};`),
  fn(`chat.external === false && ${REACT_EXPRESSION};`),
  fn(`chat.external || ${REACT_EXPRESSION};`),
  fn(`const done = chat.external === true || (await ${REACT_EXPRESSION});`),
  // Early exits: return, throw, continue, break.
  fn('if (chat.external) return;', REACT),
  fn("if (chat.external) throw new Error('not in external chats');", REACT),
  fn('for (const c of chats) {', '  if (c.external) continue;', `  ${REACT}`, '}'),
  fn('while (queue.length > 0) {', '  if (isExternal) break;', `  ${REACT}`, '}'),
  fn('switch (kind) {', "  case 'typing':", '    if (isExternal) break;', `    ${REACT}`, '    break;', '}'),
  // A block that always ends so, and an if whose both branches do.
  fn('if (chat.external) {', "  log('external chat: no reaction');", '  return;', '}', REACT),
  fn('if (chat.external) {', '  if (quiet) return;', "  else throw new Error('external');", '}', REACT),
  // `if (T) … else return`: after it, T was truthy.
  fn("if (!chat.external) log('internal'); else return;", REACT),
  // The if earlier in an enclosing block of the same function.
  fn('if (chat.external) return;', 'for (const message of messages) {', '  if (message.mine) {', `    ${REACT}`, '  }', '}'),
  fn('if (chat.external) return;', 'try {', `  ${REACT}`, '} finally {', '  done();', '}'),
  // Conditions built of tests.
  fn(`if (res.ok && !res.data.external) ${REACT}`),
  fn('if (chat.external || muted) return;', REACT),
  fn('if (!chat || chat.external) return;', REACT),
  fn(`if (!!chat.external) return; else ${REACT}`),
  // The vocabulary: member, identifier or call, possibly awaited, camelCase or snake_case.
  fn('if (res.data?.external) return;', REACT),
  fn("if (chat['external']) return;", REACT),
  fn('if (isExternal) return;', REACT),
  fn('if (is_external) return;', REACT),
  fn('if (IS_EXTERNAL) return;', REACT),
  fn('if (res.externalChat) return;', REACT),
  fn('if (res.external_group) return;', REACT),
  fn('if (is_external_chat) return;', REACT),
  fn('if (await isExternalGroup(id)) return;', REACT),
  fn('if (await chats.isExternalChat(id)) return;', REACT),
  fn('if (isExternalGroup(chat)) return;', REACT),
  fn('if ((chat as Chat).external!) return;', REACT),
  fn('const { external } = await getChat(id);', 'if (external) return;', REACT),
  fn('const chatInfo = await client.im.chat.get({ path: { chat_id: id } });', 'if (chatInfo.data?.external) return;', REACT),
  // A binding written before the test, or after the call, does not change what the test said.
  fn('let info = await getChat(id);', 'info = await refresh(info);', 'if (info.external) return;', REACT, 'info = undefined;'),
  fn('for (const c of chats) {', '  const info = await getChat(c);', '  if (info.external) continue;', `  ${REACT}`, '}'),
  // A member write elsewhere on the object.
  fn('if (chat.external) return;', 'chat.seen = true;', REACT),
];

/** Calls guarded only in appearance, or in another place than the call: reported. */
const NOT_GUARDED_SDK: string[] = [
  // An unrelated early return.
  fn('if (!req) return;', REACT),
  fn('if (chat.muted) return;', REACT),
  // Other words: external_id, externalUserId, chatIsExternal, external ids.
  fn('if (chat.external_id) return;', REACT),
  fn('if (!user.externalUserId) return;', REACT),
  fn('if (chatIsExternal) return;', REACT),
  fn('if (isExternalUser) return;', REACT),
  fn('if (externals) return;', REACT),
  // String comparisons are not tests of the external field.
  fn(`if (chat.name !== 'external') ${REACT}`),
  fn("if (chat.type === 'external') return;", REACT),
  fn("if (chat.external === 'false') return; else {", `  ${REACT}`, '}'),
  // Comparisons the vocabulary does not list.
  fn(`if (chat.external != true) ${REACT}`),
  fn(`if (chat.external == false) ${REACT}`),
  fn('if (chat.external !== false) return;', REACT),
  fn('if (Boolean(chat.external)) return;', REACT),
  // The guard in another function.
  ['function skip(chat: any) {', '  if (chat.external) return;', '}', `async function react(req: any) {`, `  ${REACT}`, '}'].join('\n'),
  fn('if (chat.external) return;', `messages.forEach((m) => ${REACT_EXPRESSION});`),
  fn('if (chat.external) return;', 'const later = async () => {', `  ${REACT}`, '};'),
  fn('if (chat.external) return;', 'class Typing {', `  pending = ${REACT_EXPRESSION};`, '}'),
  // The guard after the call, also in a loop where it runs before the next call.
  fn(REACT, 'if (chat.external) return;'),
  fn('for (const c of chats) {', `  ${REACT}`, '  if (c.external) continue;', '}'),
  // A branch that does not always exit.
  fn("if (chat.external) log('external');", REACT),
  fn('if (chat.external) {', '  if (quiet) return;', '}', REACT),
  fn('if (chat.external) {', '  for (;;) break;', '}', REACT),
  fn('if (chat.external) {', '  try {', '    return;', '  } finally {', '    done();', '  }', '}', REACT),
  fn('outer: if (chat.external) break outer;', REACT),
  // The branches swapped: runs only in an external chat, or whatever the chat.
  fn(`if (chat.external) ${REACT}`),
  fn(`if (!chat.external) {} else ${REACT}`),
  fn(`!chat.external || ${REACT_EXPRESSION};`),
  fn(`chat.external && ${REACT_EXPRESSION};`),
  fn(`chat.external ?? ${REACT_EXPRESSION};`),
  fn(`if (chat.external && muted) return;`, REACT),
  fn(`if (!chat.external || muted) ${REACT}`),
  // Another switch case: the `if` does not run before it.
  fn('switch (kind) {', "  case 'a':", '    if (isExternal) break;', "  case 'b':", `    ${REACT}`, '}'),
  // The tested binding written between the test and the call.
  fn('let info = await getChat(id);', 'if (info.external) return;', 'info = await getChat(other);', REACT),
  fn('let external = await isExternalGroup(id);', 'if (external) return;', 'external = false;', REACT),
  fn('if (chat.external) return;', 'chat.external = false;', REACT),
  fn('if (chat.data.external) return;', 'chat.data = other;', REACT),
  fn('if (chat.external) return;', '[chat.external] = [false];', REACT),
  fn('if (chat.external) return;', '({ external: chat.external } = other);', REACT),
  fn('if (chat.data.external) return;', 'delete chat.data;', REACT),
  fn('let external = chat.external;', 'if (external) return;', 'external++;', REACT),
  fn('let chatId = id;', 'if (await isExternalGroup(chatId)) return;', 'chatId = other;', REACT),
  fn('let chatId = id;', 'if (await isExternalGroup({ chatId })) return;', 'chatId = other;', REACT),
  fn('let info = await getChat(id);', 'if (info.external) return;', 'for (const c of chats) {', `  ${REACT}`, '  info = c;', '}'),
  // Written in another function: it may run at any time.
  [
    'let current: any;',
    'export function switchTo(chat: any) {',
    '  current = chat;',
    '}',
    'export async function react(req: any) {',
    '  if (current.external) return;',
    '  await pause();',
    `  ${REACT}`,
    '}',
  ].join('\n'),
  // A member of `this`: any method may change it between the test and the call.
  ['class Bot {', '  chat: any;', '  async react(req: any) {', '    if (this.chat.external) return;', `    ${REACT}`, '  }', '}'].join('\n'),
  ['class Bot {', '  isExternal = false;', '  async react(req: any) {', '    if (this.isExternal) return;', `    ${REACT}`, '  }', '}'].join('\n'),
  // A global the file cannot see written.
  fn('if (globalThis.isExternal) return;', REACT),
];

/** Every handled form: the call awaited in a `try`, or its own `.catch`, comparing 231021. */
const HANDLED_SDK: string[] = [
  fn('try {', `  ${REACT}`, '} catch (e: any) {', '  if (e?.response?.data?.code === 231021) return;', '  throw e;', '}'),
  fn('try {', `  ${REACT}`, '} catch (e: any) {', '  if (e.code == 231021) return;', '  throw e;', '}'),
  fn('try {', `  ${REACT}`, '} catch (e: any) {', '  if (231021 === e.code) return;', '  throw e;', '}'),
  fn('try {', `  ${REACT}`, '} catch (e: any) {', '  if ([231021, 232033].includes(e.code)) return;', '  throw e;', '}'),
  fn('try {', `  ${REACT}`, '} catch (e: any) {', '  if (HANDLED_CODES.includes(e.response?.data?.code)) return;', '  throw e;', '}').replace(
    'async function',
    'const HANDLED_CODES = [231021, 232033];\nasync function',
  ),
  fn('try {', `  ${REACT}`, '} catch (e: any) {', '  switch (e.code) {', '    case 231021:', '      return;', '    default:', '      throw e;', '  }', '}'),
  fn('try {', `  ${REACT}`, '} catch (e: any) {', '  switch (e.code) {', '    case 231021:', "      log('external chat');", '      break;', '    default:', '      throw e;', '  }', '}'),
  fn('try {', `  ${REACT}`, '} catch (e: any) {', '  if (e.code === 231021 || e.code === 232033) return;', '  throw e;', '}'),
  fn('try {', `  ${REACT}`, '} catch (e: any) {', "  if (e.code === 231021) log('no reaction in external chats');", '}'),
  fn('try {', `  ${REACT}`, '} catch (e: any) {', '  const code = e?.response?.data?.code ?? e?.code;', '  if (code === 231021) return;', '  throw e;', '}'),
  fn('try {', `  ${REACT}`, '} catch (e: any) {', '  if (codeOf({ e }) === 231021) return;', '  throw e;', '}'),
  fn('try {', `  ${REACT}`, '} catch ({ response }: any) {', '  if (response?.data?.code === 231021) return;', '  throw new Error(response?.data?.msg);', '}'),
  fn('try {', `  ${REACT}`, '} catch (e: any) {', '  if (e.code === REFUSED_IN_EXTERNAL_CHATS) return;', '  throw e;', '}').replace(
    'async function',
    'const REFUSED_IN_EXTERNAL_CHATS = 231021;\nasync function',
  ),
  fn('try {', `  const res = ${'await ' + REACT_EXPRESSION};`, '  log(res);', '} catch (e: any) {', '  if (e.code === 231021) return;', '  throw e;', '}'),
  fn('try {', `  await ${REACT_EXPRESSION}.then(log);`, '} catch (e: any) {', '  if (e.code === 231021) return;', '  throw e;', '}'),
  // An unknown statement before the comparison that neither throws nor leaves.
  fn('try {', `  ${REACT}`, '} catch (e: any) {', '  log(e);', '  if (e.code === 231021) return;', '  throw e;', '}'),
  // The nearest try without a catch does not decide.
  fn('try {', '  try {', `    ${REACT}`, '  } finally {', '    done();', '  }', '} catch (e: any) {', '  if (e.code === 231021) return;', '  throw e;', '}'),
  // The call's own promise chain: `.catch(fn)`, awaited or not.
  fn(`${REACT_EXPRESSION}.catch((e: any) => {`, '  if (e?.response?.data?.code === 231021) return;', '  throw e;', '});'),
  fn(`void ${REACT_EXPRESSION}.then(log).catch((e: any) => {`, '  if (e.code !== 231021) log(e);', '  if (e.code === 231021) return undefined;', '  return Promise.reject(e);', '});'),
  fn(`await ${REACT_EXPRESSION}.catch(ignoreExternal);`).replace(
    'async function',
    'function ignoreExternal(e: any) {\n  if (e.code === 231021) return;\n  throw e;\n}\nasync function',
  ),
];

/** Catches that do not handle 231021: reported. */
const NOT_HANDLED_SDK: string[] = [
  // A catch that only logs.
  fn('try {', `  ${REACT}`, '} catch (e) {', '  console.error(e);', '}'),
  // A catch that rethrows without testing the code.
  fn('try {', `  ${REACT}`, '} catch (e) {', '  log(e);', '  throw e;', '}'),
  // A catch that tests another group's code.
  fn('try {', `  ${REACT}`, '} catch (e: any) {', '  if (e.code === 232033) return;', '  throw e;', '}'),
  fn('try {', `  ${REACT}`, '} catch (e: any) {', '  if ([232033, 232102].includes(e.code)) return;', '  throw e;', '}'),
  fn('try {', `  ${REACT}`, '} catch (e: any) {', '  switch (e.code) {', '    case 232033:', '      return;', '    default:', '      throw e;', '  }', '}'),
  // The branch for the code rethrows.
  fn('try {', `  ${REACT}`, '} catch (e: any) {', '  if (e.code === 231021) throw e;', '}'),
  fn('try {', `  ${REACT}`, '} catch (e: any) {', "  if (e.code === 231021) log('external');", '  throw e;', '}'),
  fn('try {', `  ${REACT}`, '} catch (e: any) {', '  switch (e.code) {', '    case 231021:', "      log('external');", '    default:', '      throw e;', '  }', '}'),
  fn('try {', `  ${REACT}`, '} catch (e: any) {', "  if (e.code === 231021) throw new Error('not in external chats');", '}'),
  fn(`${REACT_EXPRESSION}.catch((e: any) => {`, '  if (e.code === 231021) return Promise.reject(e);', '});'),
  // Comparisons the specification does not list, or not of the error.
  fn('try {', `  ${REACT}`, '} catch (e: any) {', '  if (e.code !== 231021) throw e;', '}'),
  fn('try {', `  ${REACT}`, '} catch (e: any) {', "  if (e.code === '231021') return;", '  throw e;', '}'),
  fn('try {', `  ${REACT}`, '} catch (e: any) {', '  if (lastCode === 231021) return;', '  throw e;', '}'),
  fn('try {', `  ${REACT}`, '} catch (e: any) {', '  if (e.code === 231021 && quiet) return;', '  throw e;', '}'),
  fn('try {', `  ${REACT}`, '} catch {', '  return;', '}'),
  // Leaves before comparing: the path for the code may never compare it.
  fn('try {', `  ${REACT}`, '} catch (e: any) {', '  if (retry) return;', '  if (e.code === 231021) return;', '  throw e;', '}'),
  // Not awaited: the rejection escapes the catch.
  fn('try {', `  ${REACT_EXPRESSION};`, '} catch (e: any) {', '  if (e.code === 231021) return;', '}'),
  fn('try {', `  return ${REACT_EXPRESSION};`, '} catch (e: any) {', '  if (e.code === 231021) return;', '}'),
  fn('try {', `  await Promise.all([${REACT_EXPRESSION}]);`, '} catch (e: any) {', '  if (e.code === 231021) return;', '}'),
  // Awaited in another function than the try.
  fn('try {', `  messages.forEach(async () => ${'await ' + REACT_EXPRESSION});`, '} catch (e: any) {', '  if (e.code === 231021) return;', '}'),
  // In the catch or the finally, not in the try.
  fn('try {', '  await prepare();', '} catch (e: any) {', `  ${REACT}`, '  if (e.code === 231021) return;', '}'),
  // The innermost handler decides: it only logs.
  fn('try {', '  try {', `    ${REACT}`, '  } catch (e) {', '    log(e);', '  }', '} catch (e: any) {', '  if (e.code === 231021) return;', '}'),
  // A `.catch` that does not compare.
  fn(`${REACT_EXPRESSION}.catch(() => undefined);`),
  fn(`${REACT_EXPRESSION}.catch((e: any) => e.code === 231021 ? undefined : Promise.reject(e));`),
];

ruleTester.run('guards: no-external-chat-reaction-api', reactionRule, {
  valid: [...GUARDED_SDK, ...HANDLED_SDK],
  invalid: [
    ...NOT_GUARDED_SDK.map((code) => ({ code, errors: sdk })),
    ...NOT_HANDLED_SDK.map((code) => ({ code, errors: sdk })),
    // With reportGuarded each guarded and handled case is reported: checked below, words included.
  ],
});

const SEND = "'https://open.feishu.cn/open-apis/message/v4/send'";

ruleTester.run('guards: URLs and constants (no-legacy-message-chat-api)', legacyRule, {
  valid: [
    fn(`if (chat.external) return;`, `await axios.post(${SEND}, body);`),
    fn(`if (!chat.external) await fetch(${SEND}, { method: 'POST' });`),
    fn(`if (!chat.external) await client.request({ method: 'POST', url: ${SEND}, data });`),
    fn(`if (chat.external) return;`, "await fetch(new URL('/open-apis/chat/v4/info', base));"),
    fn('try {', `  await axios.post(${SEND}, body);`, '} catch (e: any) {', '  if (e.response?.data?.code === 232102) return;', '  throw e;', '}'),
    fn('try {', `  await client.request({ method: 'POST', url: ${SEND}, data });`, '} catch (e: any) {', '  if (e.code === 232102) return;', '  throw e;', '}'),
    // A const: not exported, and every use guarded or handled.
    [`const SEND_URL = ${SEND};`, fn('if (chat.external) return;', 'await axios.post(SEND_URL, body);')].join('\n'),
    [
      `const SEND_URL = ${SEND};`,
      fn('if (chat.external) return;', 'await axios.post(SEND_URL, body);'),
      ['async function other(req: any) {', '  try {', '    await fetch(SEND_URL);', '  } catch (e: any) {', '    if (e.code === 232102) return;', '    throw e;', '  }', '}'].join('\n'),
    ].join('\n'),
    // Through a const that holds it, and in an expression around it.
    [`const SEND_URL = ${SEND};`, 'const AGAIN = SEND_URL;', fn('if (!chat.external) await axios.post(AGAIN + "?x=1", body);')].join('\n'),
    // A member of a const object; other members' reads are not uses of it.
    [`const API = { send: ${SEND}, other: '/api/x' };`, 'log(API.other);', fn('if (chat.external) return;', 'await axios.post(API.send, body);')].join('\n'),
    // A local const, sent in the try.
    fn('try {', `  const target = ${SEND};`, '  await axios.post(target, body);', '} catch (e: any) {', '  if (e.code === 232102) return;', '  throw e;', '}'),
    // The whole object used under a guard.
    fn('if (chat.external) return;', `const options = { method: 'POST', url: ${SEND} };`, 'await client.request(options);'),
  ],
  invalid: [
    // A const with one use unguarded.
    {
      code: [`const SEND_URL = ${SEND};`, fn('if (chat.external) return;', 'await axios.post(SEND_URL, body);'), 'export const retry = () => axios.post(SEND_URL, body);'].join('\n'),
      errors: [{ messageId: 'legacyEndpoint', line: 1 }],
    },
    // Exported: it is used elsewhere too.
    { code: [`export const SEND_URL = ${SEND};`, fn('if (chat.external) return;', 'await axios.post(SEND_URL, body);')].join('\n'), errors: [{ messageId: 'legacyEndpoint', line: 1 }] },
    { code: [`const SEND_URL = ${SEND};`, fn('if (chat.external) return;', 'await axios.post(SEND_URL, body);'), 'export { SEND_URL };'].join('\n'), errors: [{ messageId: 'legacyEndpoint', line: 1 }] },
    { code: [`const SEND_URL = ${SEND};`, 'export default SEND_URL;'].join('\n'), errors: [{ messageId: 'legacyEndpoint', line: 1 }] },
    { code: [`const SEND_URL = ${SEND};`, 'const AGAIN = SEND_URL;', fn('if (chat.external) return;', 'await axios.post(SEND_URL, body);'), 'export { AGAIN };'].join('\n'), errors: [{ messageId: 'legacyEndpoint', line: 1 }] },
    // Never used: nothing in the code protects it.
    { code: `const SEND_URL = ${SEND};`, errors: [{ messageId: 'legacyEndpoint', line: 1 }] },
    // The whole object leaves unguarded.
    { code: [`const API = { send: ${SEND} };`, fn('if (chat.external) return;', 'await axios.post(API.send, body);'), 'register(API);'].join('\n'), errors: [{ messageId: 'legacyEndpoint', line: 1 }] },
    // A URL built in a helper: the guard is in its caller.
    {
      code: ['const sendUrl = () => ' + SEND + ';', fn('if (chat.external) return;', 'await axios.post(sendUrl(), body);')].join('\n'),
      errors: [{ messageId: 'legacyEndpoint', line: 1 }],
    },
    // A `let` is not followed to where it is sent: not handled (a const would be, through its uses).
    {
      code: fn('try {', `  let target = ${SEND};`, '  await axios.post(target, body);', '} catch (e: any) {', '  if (e.code === 232102) return;', '  throw e;', '}'),
      errors: [{ messageId: 'legacyEndpoint' }],
    },
    // The 231021 code does not handle a 232102 call.
    {
      code: fn('try {', `  await axios.post(${SEND}, body);`, '} catch (e: any) {', '  if (e.code === 231021) return;', '  throw e;', '}'),
      errors: [{ messageId: 'legacyEndpoint' }],
    },
    // Guarded, reported with reportGuarded: at the declaration, once.
    {
      code: [`const SEND_URL = ${SEND};`, fn('if (chat.external) return;', 'await axios.post(SEND_URL, body);')].join('\n'),
      settings: REPORT_GUARDED,
      errors: [{ messageId: 'legacyEndpoint', line: 1 }],
    },
    // One use guarded, one handled: the weaker protection.
    {
      code: [
        `const SEND_URL = ${SEND};`,
        fn('if (chat.external) return;', 'await axios.post(SEND_URL, body);'),
        ['async function other() {', '  try {', '    await fetch(SEND_URL);', '  } catch (e: any) {', '    if (e.code === 232102) return;', '    throw e;', '  }', '}'].join('\n'),
      ].join('\n'),
      settings: REPORT_GUARDED,
      errors: [{ messageId: 'legacyEndpoint', line: 1 }],
    },
  ],
});

ruleTester.run('guards: no-external-chat-management-api, plain JavaScript, zh-CN', managementRule, {
  valid: [
    { ...PLAIN_JS, code: 'async function f(chat) {\n  if (chat.external) return;\n  await client.im.chatManagers.addManagers(req);\n}' },
    { ...PLAIN_JS, code: 'async function f() {\n  try {\n    await client.im.chatTab.listTabs(req);\n  } catch (e) {\n    if (e.code === 232033) return;\n    throw e;\n  }\n}' },
  ],
  invalid: [
    {
      ...PLAIN_JS,
      code: 'async function f(chat) {\n  if (chat.external) return;\n  await client.im.chatManagers.addManagers(req);\n}',
      settings: { feishu: { reportGuarded: true, locale: 'zh-CN' } },
      errors: [{ messageId: 'restrictedSdkCall' }],
    },
    // The reaction code does not handle a 232033 call.
    {
      ...PLAIN_JS,
      code: 'async function f() {\n  try {\n    await client.im.chatTab.listTabs(req);\n  } catch (e) {\n    if (e.code === 231021) return;\n    throw e;\n  }\n}',
      errors: [{ messageId: 'restrictedSdkCall' }],
    },
  ],
});

describe('what reportGuarded shows', () => {
  const PLAIN_MESSAGE = lint(`async function plain(req: any) {\n  ${REACT}\n}`)[0]!.message;
  const CALL = 'client.im.messageReaction.create()';

  it.each([
    ...GUARDED_SDK.map((code) => [code, ' (guarded)'] as const),
    ...HANDLED_SDK.map((code) => [code, ' (handled)'] as const),
  ])('%s: the usual message, the call marked as recognised', (code, mark) => {
    const [reported, ...rest] = lint(code, { settings: REPORT_GUARDED });
    expect(rest).toEqual([]);
    expect(reported).toMatchObject({ ruleId: 'feishu/no-external-chat-reaction-api', messageId: 'restrictedSdkCall' });
    expect(reported!.message.startsWith(`${CALL}${mark} fails with error 231021`)).toBe(true);
    // The rest is the message of an unguarded call.
    expect(reported!.message.replace(mark, '')).toBe(PLAIN_MESSAGE);
  });

  it('says the weaker protection of a const, at its declaration', () => {
    const code = [
      `const SEND_URL = ${SEND};`,
      fn('if (chat.external) return;', 'await axios.post(SEND_URL, body);'),
      ['async function other() {', '  try {', '    await fetch(SEND_URL);', '  } catch (e: any) {', '    if (e.code === 232102) return;', '    throw e;', '  }', '}'].join('\n'),
    ].join('\n');
    const [reported] = lint(code, { settings: REPORT_GUARDED });
    expect(reported).toMatchObject({ line: 1, messageId: 'legacyEndpoint' });
    expect(reported!.message).toMatch(/^POST \/open-apis\/message\/v4\/send \(handled\) fails/);
    expect(lint(code.replace(/async function other[\s\S]*$/, ''), { settings: REPORT_GUARDED })[0]!.message).toMatch(/^POST \/open-apis\/message\/v4\/send \(guarded\) fails/);
  });

  it('speaks the locale', () => {
    const [reported] = lint(GUARDED_SDK[0]!, { settings: { feishu: { reportGuarded: true, locale: 'zh-CN' } } });
    expect(reported!.message).toMatch(/^client\.im\.messageReaction\.create\(\)（已防护）自 2025-06-25 起/);
  });

  it('leaves allow and externalSharing as they are', () => {
    expect(lint(GUARDED_SDK[0]!, { settings: { feishu: { reportGuarded: true, appType: 'self-built', externalSharing: true } } })).toEqual([]);
    expect(
      lint(GUARDED_SDK[0]!, {
        settings: REPORT_GUARDED,
        rules: { 'feishu/no-external-chat-reaction-api': ['error', { allow: ['im.messageReaction.create'] }] },
      }),
    ).toEqual([]);
  });

  it('does not change the event rule: a legacy message handler is never guarded', () => {
    const code = [
      "import * as lark from '@larksuiteoapi/node-sdk';",
      "import { isExternal } from './chat-info';",
      'export function subscribe(dispatcher: lark.EventDispatcher) {',
      '  if (isExternal) return;',
      '  new lark.EventDispatcher({}).register({ message: async (data: any) => data });',
      '}',
    ].join('\n');
    expect(lint(code).map((m) => m.ruleId)).toEqual(['feishu/no-legacy-message-event']);
    expect(lint(code, { settings: REPORT_GUARDED })[0]!.message).not.toMatch(/Recognised/);
  });
});
