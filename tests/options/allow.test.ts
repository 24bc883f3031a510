import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../lib/catalog';
import { plugin } from '../../lib/plugin';

// `allow` in the users' words: catalog ids, `METHOD /open-apis/path`, a path
// alone, node-sdk methods; anything else is one report at 1:1 naming the entry
// and what was probably meant.

const CODE = [
  "import * as lark from '@larksuiteoapi/node-sdk';",
  "await fetch('https://open.feishu.cn/open-apis/chat/v4/info?chat_id=' + id);",
  "await axios.post('/open-apis/message/v4/send', body);",
  'await client.im.messageReaction.create({});',
  "await fetch('/open-apis/im/v1/messages/om_1/reactions', { method: 'GET' });",
  'await client.im.chatTab.listTabs({});',
  'const channel = lark.createLarkChannel({});',
  "await channel.removeReactionByEmoji(id, 'Typing');",
].join('\n');

const RULE = {
  legacy: 'feishu/no-legacy-message-chat-api',
  reaction: 'feishu/no-external-chat-reaction-api',
  management: 'feishu/no-external-chat-management-api',
} as const;

function lint(rule: string, allow: string[], settings: Record<string, unknown> = { appType: 'self-built' }): Linter.LintMessage[] {
  return new Linter().verify(
    CODE,
    [
      { languageOptions: { sourceType: 'module' } },
      plugin.configs.recommended,
      { rules: { [rule]: ['error', { allow }] }, settings: { feishu: settings } },
    ],
    'file.js',
  );
}

const linesOf = (rule: string, allow: string[]) =>
  lint(rule, allow)
    .filter((m) => m.ruleId === rule)
    .map((m) => m.line);

describe('allow takes every spelling a message shows', () => {
  it('reports each finding without allow', () => {
    expect(linesOf(RULE.legacy, [])).toEqual([2, 3]);
    expect(linesOf(RULE.reaction, [])).toEqual([4, 5, 8]);
    expect(linesOf(RULE.management, [])).toEqual([6]);
  });

  it.each([
    ['a catalog id', 'chat.v4.info'],
    ['METHOD /open-apis/path', 'GET /open-apis/chat/v4/info'],
    ['the method in any case', 'get /open-apis/chat/v4/info'],
    ['the path alone', '/open-apis/chat/v4/info'],
    ['a whole URL', 'https://open.feishu.cn/open-apis/chat/v4/info'],
  ])('%s: %s', (_, entry) => {
    expect(linesOf(RULE.legacy, [entry])).toEqual([3]);
  });

  it.each([
    ['a catalog id', 'im.messageReaction.create'],
    ['the node-sdk method with client.', 'client.im.messageReaction.create'],
    ['with v1.', 'client.im.v1.messageReaction.create'],
    ['with v1. and no client.', 'im.v1.messageReaction.create'],
    ['as a message writes it', 'client.im.messageReaction.create()'],
    ['METHOD and path, parameter names ignored', 'POST /open-apis/im/v1/messages/:id/reactions'],
  ])('%s: %s', (_, entry) => {
    expect(linesOf(RULE.reaction, [entry])).toEqual([5, 8]);
  });

  it('a path alone allows every method of it; a node-sdk method allows its sibling methods of the same entry', () => {
    expect(linesOf(RULE.reaction, ['/open-apis/im/v1/messages/:message_id/reactions'])).toEqual([8]);
    expect(linesOf(RULE.reaction, ['im.messageReaction.listWithIterator'])).toEqual([4, 8]);
  });

  it('a LarkChannel helper as a message names it: every endpoint it calls', () => {
    // removeReactionByEmoji lists and deletes: the GET of line 5 is allowed with it.
    expect(linesOf(RULE.reaction, ['LarkChannel.removeReactionByEmoji'])).toEqual([4]);
  });
});

describe('allow entries that name nothing this rule reports', () => {
  function report(rule: string, allow: string[], settings?: Record<string, unknown>) {
    const messages = lint(rule, allow, settings).filter((m) => m.ruleId === rule);
    expect(messages.map((m) => [m.messageId, m.line, m.column])).toEqual([['invalidAllow', 1, 1]]);
    return messages[0]!.message;
  }

  it('a typo: the entry and its three closest valid spellings; the rule’s other reports withheld, the other rules’ kept', () => {
    expect(report(RULE.legacy, ['message.v4.sned'])).toBe(
      `Invalid allow option of ${RULE.legacy} (until it is fixed, this rule reports nothing else in this file): ` +
        "'message.v4.sned' names no endpoint of this rule; the closest valid entries: 'message.v4.send', 'message.v3.send', 'message.v4.urgent'.",
    );
    const others = lint(RULE.legacy, ['message.v4.sned']).filter((m) => m.ruleId !== RULE.legacy);
    expect(others.map((m) => m.ruleId)).toEqual([RULE.reaction, RULE.reaction, RULE.management, RULE.reaction]);
  });

  it('the user’s complaint: client.im.messageReaction.create is fine; client.im.messageReaction.creat is near it', () => {
    expect(report(RULE.reaction, ['client.im.messageReaction.creat'])).toContain(
      "'client.im.messageReaction.creat' names no endpoint of this rule; the closest valid entries: 'client.im.messageReaction.create', ",
    );
  });

  it('a method the path does not document', () => {
    expect(report(RULE.legacy, ['PUT /open-apis/chat/v4/info'])).toContain(
      "'PUT /open-apis/chat/v4/info': the path documents GET, not PUT; the closest valid entries: 'GET /open-apis/chat/v4/info', ",
    );
  });

  it('an entry of another rule names that rule', () => {
    expect(report(RULE.legacy, ['client.im.messageReaction.create'])).toContain(
      `'client.im.messageReaction.create' (im.messageReaction.create) belongs to ${RULE.reaction}: list it in that rule's allow.`,
    );
    expect(report(RULE.reaction, ['POST /open-apis/message/v4/send'])).toContain(`(message.v4.send) belongs to ${RULE.legacy}`);
  });

  it('names every bad entry, and speaks the configured locale', () => {
    const message = report(RULE.management, ['im.chatTab.listTab', 'chat.v4.info', 'im.chatTab.listTabs'], { locale: 'zh-CN' });
    expect(message).toBe(
      `${RULE.management} 的 allow 选项无效（修正之前，该规则不会报告此文件中的其他问题）：` +
        "'im.chatTab.listTab' 不对应本规则的任何接口；最接近的有效写法：'im.chatTab.listTabs'、'im.chatTab.sortTabs'、'im.chatTab.create'。" +
        `'chat.v4.info'（chat.v4.info）属于 ${RULE.legacy}，请写在该规则的 allow 中。`,
    );
  });

  it('cuts a huge entry to 80 characters', () => {
    const message = report(RULE.legacy, ['x'.repeat(100_000)]);
    expect(message).toContain(`'${'x'.repeat(80)}…' names no endpoint`);
    expect(message.length).toBeLessThan(500);
  });

  it('still checks the shape: an array of unique strings, nothing else', () => {
    for (const [bad, error] of [
      [{ allow: 'chat.v4.info' }, /should be array/],
      [{ allow: [1] }, /should be string/],
      [{ allow: ['chat.v4.info', 'chat.v4.info'] }, /duplicate items/],
      [{ ignore: [] }, /Unexpected property "ignore"/],
    ] as const) {
      expect(() => new Linter().verify('x', [plugin.configs.recommended, { rules: { [RULE.legacy]: ['error', bad] } }])).toThrow(error);
    }
  });
});

describe('every catalog id, endpoint and node-sdk spelling resolves', () => {
  const ruleOf = (code: number) => ({ 232102: RULE.legacy, 231021: RULE.reaction, 232033: RULE.management })[code]!;
  it.each(CATALOG.flatMap((entry) => [entry.id, ...entry.methods.map((m) => `${m} ${entry.path}`), ...(entry.sdkMethods ?? []).map((m) => `client.${m}`)].map((spelling) => [spelling, entry] as const)))(
    '%s',
    (spelling, entry) => {
      expect(lint(ruleOf(entry.code), [spelling]).filter((m) => m.messageId === 'invalidAllow')).toEqual([]);
    },
  );
});
