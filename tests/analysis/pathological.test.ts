import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import type { SourceCode } from '../../lib/syntax/ast';
import { findEndpoints } from '../../lib/analysis/endpoints';
import { ImportedBindings } from '../../lib/analysis/imported-bindings';
import { EXTERNAL_CHAT_NOTICE } from '../../lib/catalog';
import { compileNotice } from '../../lib/matcher';
import { findLegacyEvents } from '../../lib/analysis/legacy-events';
import { findSdkCalls } from '../../lib/analysis/sdk-calls';
import { ExternalTests } from '../../lib/analysis/external-tests';
import { alwaysExits } from '../../lib/syntax/control';
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

describe('guards and handlers on pathological input, at sizes ESLint accepts', () => {
  const REACT = 'await client.im.messageReaction.create(req);';
  const head = "import { isExternal, chat, client, req } from './bot';\nexport async function f(e0) {\n";
  const reported = ['feishu/no-external-chat-reaction-api'];

  it('300 nested ifs, the guard outermost', () => {
    const code = `${head}if (!chat.external) {\n${'if (x) {\n'.repeat(300)}${REACT}\n${'}\n'.repeat(300)}}\n}`;
    expect(lintWith(javascript, code)).toEqual([]);
    expect(lintWith(javascript, code.replace('!chat.external', 'chat.external'))).toEqual(reported);
  });

  it('an else-if chain of 1,000 branches', () => {
    const branches = Array.from({ length: 1000 }, (_, i) => `if (x${i}) {}`).join(' else ');
    expect(lintWith(javascript, `${head}${branches} else if (chat.external) {} else { ${REACT} }\n}`)).toEqual([]);
    expect(lintWith(javascript, `${head}${branches} else if (chat.name) {} else { ${REACT} }\n}`)).toEqual(reported);
  });

  it('a guard condition of 1,000 terms, and a 500-deep ! chain', () => {
    const terms = Array.from({ length: 1000 }, (_, i) => `x${i}`).join(' && ');
    expect(lintWith(javascript, `${head}if (${terms} && !chat.external) ${REACT}\n}`)).toEqual([]);
    expect(lintWith(javascript, `${head}if (${terms} || !chat.external) ${REACT}\n}`)).toEqual(reported);
    expect(lintWith(javascript, `${head}if (${'!'.repeat(500)}chat.external) return;\n${REACT}\n}`)).toEqual([]);
    expect(lintWith(javascript, `${head}if (${'!'.repeat(501)}chat.external) return;\n${REACT}\n}`)).toEqual(reported);
  });

  it('3,000 early exits in one block before 300 calls', () => {
    const exits = Array.from({ length: 3000 }, (_, i) => `if (x${i}) return;`).join('\n');
    const calls = Array.from({ length: 300 }, () => REACT).join('\n');
    expect(lintWith(javascript, `${head}${exits}\nif (isExternal) return;\n${calls}\n}`)).toEqual([]);
    expect(lintWith(javascript, `${head}${exits}\n${calls}\n}`)).toEqual(Array.from({ length: 300 }, () => reported[0]));
  });

  it('a block 300 deep that always exits', () => {
    expect(lintWith(javascript, `${head}if (chat.external) ${'{'.repeat(300)} return; ${'}'.repeat(300)}\n${REACT}\n}`)).toEqual([]);
    expect(lintWith(javascript, `${head}if (chat.external) ${'{'.repeat(300)} log(); ${'}'.repeat(300)}\n${REACT}\n}`)).toEqual(reported);
  });

  it('a catch with a || chain of 1,000 comparisons, and one with 1,000 statements', () => {
    const codes = Array.from({ length: 1000 }, (_, i) => `e.code === ${i}`).join(' || ');
    const handled = (test: string) => `${head}try { ${REACT} } catch (e) {\nif (${test}) return;\nthrow e;\n}\n}`;
    expect(lintWith(javascript, handled(`${codes} || e.code === 231021`))).toEqual([]);
    expect(lintWith(javascript, handled(codes))).toEqual(reported);
    const statements = Array.from({ length: 1000 }, (_, i) => `log(e, ${i});`).join('\n');
    expect(lintWith(javascript, `${head}try { ${REACT} } catch (e) {\n${statements}\nif (e.code === 231021) return;\nthrow e;\n}\n}`)).toEqual([]);
  });

  it('a const URL read 3,000 times under one guard, and once more outside it', () => {
    const reads = Array.from({ length: 3000 }, () => 'await fetch(SEND);').join('\n');
    const code = `const SEND = '/open-apis/message/v4/send';\n${head}if (chat.external) return;\n${reads}\n}`;
    expect(lintWith(javascript, code)).toEqual(['feishu/no-legacy-message-chat-api']);
    expect(lintWith(javascript, code.replace(reads, reads.split('\n').slice(0, 999).join('\n')))).toEqual([]);
    expect(lintWith(javascript, `${code.replace(reads, 'await fetch(SEND);')}\nfetch(SEND);`)).toEqual(['feishu/no-legacy-message-chat-api']);
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
    expect(() => findEndpoints(sourceCode, NOTICE, () => true, new ImportedBindings(sourceCode, { path: undefined, parser: undefined, parserOptions: {}, ecmaVersion: undefined, sourceType: undefined }))).not.toThrow();
    expect(() => findLegacyEvents(sourceCode, EXTERNAL_CHAT_NOTICE.legacyEvent, () => true)).not.toThrow();
  });

  it('conditions and exits: guards', () => {
    // !!!…!chat.external, 10,000 deep: an external test negated an even number of times.
    let condition: Record<string, unknown> = { type: 'MemberExpression', computed: false, optional: false, object: { type: 'Identifier', name: 'chat', range: [0, 4] }, property: { type: 'Identifier', name: 'external', range: [5, 13] }, range: [0, 13] };
    for (let i = 0; i < DEPTH; i++) condition = { type: 'UnaryExpression', operator: '!', prefix: true, argument: condition, range: [0, 13] };
    expect(new ExternalTests(new Set(['external'])).meaningOf(condition as never)).toMatchObject({ truthyMeansInternal: false, falsyMeansInternal: true });
    // x0 && (x1 && (… && !chat.external)), 10,000 deep.
    let chain: Record<string, unknown> = { type: 'UnaryExpression', operator: '!', prefix: true, argument: condition, range: [0, 13] };
    for (let i = 0; i < DEPTH; i++) chain = { type: 'LogicalExpression', operator: '&&', left: { type: 'Identifier', name: `x${i}`, range: [0, 1] }, right: chain, range: [0, 13] };
    expect(new ExternalTests(new Set(['external'])).meaningOf(chain as never).truthyMeansInternal).toBe(true);
    // { { { … return; } } }, 10,000 deep.
    let block: Record<string, unknown> = { type: 'ReturnStatement', argument: null, range: [0, 7] };
    for (let i = 0; i < DEPTH; i++) block = { type: 'BlockStatement', body: [block], range: [0, 7] };
    expect(alwaysExits(block as never)).toBe(true);
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
