import { describe, expect, it } from 'vitest';
import { nodeAtOffset } from '../../lib/syntax/ast';
import { lint } from '../support/lint';
import { syntheticSourceCode } from '../support/synthetic-tree';

// Hostile or odd input must neither crash nor hang the analysis.
describe('robustness', () => {
  it('locates an offset inside a node of a type the visitor keys do not list: that node, not one of its children', () => {
    // A parser's own node type (or a new one) without visitor keys: the locator cannot know its children.
    const literal = { type: 'Literal', value: '/open-apis/message/v4/send', raw: "'/open-apis/message/v4/send'", range: [2, 30] };
    const unknown = { type: 'SomeParsersOwnNode', body: literal, range: [0, 31] };
    const sourceCode = syntheticSourceCode("(('/open-apis/message/v4/send')", unknown);
    expect(nodeAtOffset(sourceCode, 5)).toBe(unknown);
    expect(nodeAtOffset(sourceCode, 31).type).toBe('Program');
  });

  it('survives consts that refer to each other', () => {
    const code = "const a = b + '/open-apis/message/v4/send';\nconst b = a + '/x';\nfetch(a);";
    expect(() => lint(code)).not.toThrow();
  });

  it('evaluates a + chain deeper than its depth cap without exhausting the stack', () => {
    // 400 operands: past the evaluator's cap (200), below the parsers' own recursion limits.
    const parts = Array.from({ length: 400 }, (_, i) => `'p${i}'`).join(' + ');
    const code = `const s = ${parts} + '/open-apis/message/v4/send';`;
    // What lies before `open-apis` is a prefix, so the whole chain still names the path, once.
    expect(lint(code).map((m) => [m.ruleId, m.column])).toEqual([['feishu/no-legacy-message-chat-api', 11]]);
  });

  it('gives up on values that double in size', () => {
    const lines = ["const a0 = '/open-apis/';"];
    for (let i = 1; i < 40; i++) lines.push(`const a${i} = a${i - 1} + a${i - 1};`);
    expect(lint(lines.join('\n'))).toEqual([]);
  });

  it('does not read a huge string as a URL', () => {
    const code = `const s = '/open-apis/message/v4/send/${'x/'.repeat(5000)}';`;
    expect(lint(code)).toEqual([]);
  });

  it('finds a path in a file with many unrelated strings and comments that mention open-apis', () => {
    const filler = Array.from({ length: 500 }, (_, i) => `// see /open-apis/docs ${i}\nconst s${i} = 'value ${i}';`).join('\n');
    const messages = lint(`${filler}\nfetch('/open-apis/chat/v4/disband');`);
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([['feishu/no-legacy-message-chat-api', 1001]]);
  });

  it('skips array holes and nested templates', () => {
    const code = "const list = [, , `${`/open-apis/bot/v4/${'remove'}`}`];";
    expect(lint(code).map((m) => [m.ruleId, m.column])).toEqual([['feishu/no-legacy-message-chat-api', 19]]);
  });
});
