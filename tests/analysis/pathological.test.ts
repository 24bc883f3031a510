import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import type { SourceCode } from '../../lib/syntax/ast';
import { findEndpoints } from '../../lib/analysis/endpoints';
import { EXTERNAL_CHAT_NOTICE } from '../../lib/catalog';
import { compileNotice } from '../../lib/matcher';
import { findLegacyEvents } from '../../lib/analysis/legacy-events';
import { findSdkCalls } from '../../lib/analysis/sdk-calls';
import { plugin } from '../../lib/plugin';

const NOTICE = compileNotice(EXTERNAL_CHAT_NOTICE);

/** Lints with every rule on, under a parser; throws on a crash, returns the rule ids. */
function lintWith(parser: Linter.Parser, code: string, filename = 'file.js'): string[] {
  const linter = new Linter();
  const messages = linter.verify(
    code,
    [
      { files: ['**/*'], languageOptions: { parser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } } },
      { ...plugin.configs.recommended, files: ['**/*'] },
      { files: ['**/*'], settings: { feishu: { assumeOpenPlatform: true } } },
    ],
    filename,
  );
  const fatal = messages.filter((m) => m.fatal === true);
  if (fatal.length > 0) throw new Error(`parse error: ${fatal[0]!.message}`);
  return messages.map((m) => m.ruleId ?? '');
}

const typescript = tsParser as unknown as Linter.Parser;
const javascript = espree as unknown as Linter.Parser;

/*
 * Sizes: the largest ESLint itself gets through in a test worker. At about
 * 4,000 `+` terms ESLint's own scope analysis (esrecurse) overflows the stack
 * before any rule runs, with espree as with the TypeScript parser; the
 * plugin's own recursion is tested far beyond that below, on synthetic trees.
 */
describe('pathological input, at sizes ESLint accepts', () => {
  it('a 1 MB string literal', () => {
    expect(lintWith(javascript, `const s = '/open-apis/message/v4/send${'x'.repeat(1024 * 1024)}';`)).toEqual([]);
  });

  it.each([
    // Margins below the parsers' limits: stack use depends on what the JIT has compiled by then.
    ['typescript-eslint, 600 terms', typescript, 600],
    ['espree, 1000 terms', javascript, 1000],
  ])('a long + chain (%s)', (_, parser, terms) => {
    const chain = Array.from({ length: terms }, (__, i) => `p${i}`).join(' + ');
    expect(lintWith(parser, `const s = '/open-apis/message/v4/' + ${chain};`)).toEqual([]);
    expect(lintWith(parser, `const s = ${chain} + '/open-apis/message/v4/send';`)).toEqual(['feishu/no-legacy-message-chat-api']);
  });

  it.each([
    ['typescript-eslint', typescript, 300],
    ['espree', javascript, 1000],
  ])('a deep member chain (%s)', (_, parser, depth) => {
    const chain = `client${'.im'.repeat(depth)}.messageReaction.create({})`;
    expect(lintWith(parser, chain)).toEqual(['feishu/no-external-chat-reaction-api']);
  });

  it('a template literal with thousands of placeholders', () => {
    const template = '`/open-apis/message/v4/send' + '${x}'.repeat(5000) + '`';
    expect(lintWith(javascript, `const s = ${template};`)).toEqual(['feishu/no-legacy-message-chat-api']);
  });

  it('cyclic and chained const references', () => {
    expect(lintWith(javascript, "const a = b + '/open-apis/message/v4/send'; const b = a;\nfetch(a);")).toEqual([]);
    const chain = ["const c0 = '/open-apis/';", ...Array.from({ length: 3000 }, (_, i) => `const c${i + 1} = c${i};`), 'fetch(c3000 + "message/v4/send");'];
    expect(() => lintWith(javascript, chain.join('\n'))).not.toThrow();
  });

  it('deeply nested objects and alias chains', () => {
    // 300 levels: espree's own recursion needs the rest of a test worker's stack.
    const object = `const API = ${'{ a: '.repeat(300)}'/open-apis/chat/v4/info'${' }'.repeat(300)};`;
    expect(lintWith(javascript, object)).toEqual(['feishu/no-legacy-message-chat-api']);
    const aliases = ['const r0 = client.im.messageReaction;', ...Array.from({ length: 3000 }, (_, i) => `const r${i + 1} = r${i};`), 'r3000.create({});'];
    expect(() => lintWith(javascript, aliases.join('\n'))).not.toThrow();
  });

  it('a long && chain in a hand-written handler', () => {
    // 1,000 terms: ESLint's own scope analysis (esrecurse) overflows a test worker's stack not far above.
    const chain = Array.from({ length: 1000 }, (_, i) => `x${i}`).join(' && ');
    const code = `const { tenant_key } = body;\nif (${chain} && body.type === 'event_callback' && body.event.type === 'message') handle(body.event.open_chat_id);`;
    expect(lintWith(javascript, code)).toEqual(['feishu/no-legacy-message-event']);
  });
});

/**
 * The plugin's own recursion, beyond what parsers accept: synthetic trees
 * 10,000 levels deep, handed to the analysis directly.
 */
describe('synthetic trees 10,000 levels deep', () => {
  const DEPTH = 10_000;

  /** A tree with ranges and parents, and the little of SourceCode the analysis reads. */
  function sourceCodeOf(build: (text: string[]) => object): SourceCode {
    const parts: string[] = [];
    const expression = build(parts);
    const text = parts.join('');
    const program = { type: 'Program', body: [{ type: 'ExpressionStatement', expression, range: [0, text.length] }], range: [0, text.length], sourceType: 'module' };
    const setParents = (root: Record<string, unknown>) => {
      const stack: [Record<string, unknown>, unknown][] = [[root, null]];
      while (stack.length > 0) {
        const [node, parent] = stack.pop()!;
        node.parent = parent;
        for (const value of Object.values(node)) {
          for (const child of Array.isArray(value) ? value : [value]) {
            if (child && typeof child === 'object' && 'type' in child && child !== parent) stack.push([child as Record<string, unknown>, node]);
          }
        }
      }
    };
    setParents(program);
    const scope = { set: new Map(), upper: null, references: [], variables: [], childScopes: [], type: 'global', block: program, through: [] };
    return {
      text,
      ast: program,
      visitorKeys: { Program: ['body'], ExpressionStatement: ['expression'], BinaryExpression: ['left', 'right'], MemberExpression: ['object', 'property'], CallExpression: ['callee', 'arguments'], Literal: [], Identifier: [] },
      getScope: () => scope,
      parserServices: {},
    } as unknown as SourceCode;
  }

  it('a + chain: endpoints', () => {
    const sourceCode = sourceCodeOf((text) => {
      // ((('/open-apis/message/v4/send' + a) + a) + …): the literal is the deepest node.
      const literal = "'/open-apis/message/v4/send'";
      text.push(literal);
      let node: Record<string, unknown> = { type: 'Literal', value: '/open-apis/message/v4/send', raw: literal, range: [0, literal.length] };
      for (let i = 0; i < DEPTH; i++) {
        const start = 0;
        text.push('+a');
        const end = text.join('').length;
        node = { type: 'BinaryExpression', operator: '+', left: node, right: { type: 'Identifier', name: 'a', range: [end - 1, end] }, range: [start, end] };
      }
      return node;
    });
    expect(() => findEndpoints(sourceCode, NOTICE, () => true)).not.toThrow();
    expect(() => findLegacyEvents(sourceCode, EXTERNAL_CHAT_NOTICE.legacyEvent, () => true)).not.toThrow();
  });

  it('a member chain: SDK calls', () => {
    const sourceCode = sourceCodeOf((text) => {
      text.push('c');
      let node: Record<string, unknown> = { type: 'Identifier', name: 'c', range: [0, 1] };
      for (let i = 0; i < DEPTH; i++) {
        const start = text.join('').length;
        text.push('.im');
        node = { type: 'MemberExpression', computed: false, optional: false, object: node, property: { type: 'Identifier', name: 'im', range: [start + 1, start + 3] }, range: [0, start + 3] };
      }
      const at = text.join('').length;
      text.push('.messageReaction');
      return { type: 'MemberExpression', computed: false, optional: false, object: node, property: { type: 'Identifier', name: 'messageReaction', range: [at + 1, at + 16] }, range: [0, at + 16] };
    });
    expect(() => findSdkCalls(sourceCode, NOTICE)).not.toThrow();
  });
});
