import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import * as espree from 'espree';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { isModuleSpecifier, locatedString, nodeAtOffset, staticString, type Node, type SourceCode } from '../../lib/syntax/ast';

// A string written whole is a string literal or a template without placeholders (docs/behaviour-decisions.md#backticks-are-quotes).
// Each case marks the string it asks about with a `here` comment right before it; every parser is asked.

const HERE = '/*here*/';

const PARSERS = [
  ['typescript-estree', tsParser],
  ['espree', espree],
] as const;

/** What the helpers answer at the string that follows the `here` comment in `code`, located as the text scans locate it. */
function askAt(parser: Linter.Parser, code: string): { located: string; value: string | undefined; specifier: boolean; atEveryOffset: boolean } {
  const marker = code.indexOf(HERE);
  if (marker === -1) throw new Error(`no ${HERE} in ${code}`);
  const start = marker + HERE.length;
  let answer: ReturnType<typeof askAt> | undefined;
  const linter = new Linter();
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
        plugins: {
          probe: {
            rules: {
              ask: {
                create(context) {
                  const sourceCode = context.sourceCode as unknown as SourceCode;
                  const node = locatedString(nodeAtOffset(sourceCode, start));
                  // Every offset inside the string locates the same node: its opening quote and its last character.
                  const end = node.range[1] - 1;
                  const atEveryOffset = [start, start + 1, end].every((offset) => locatedString(nodeAtOffset(sourceCode, offset)) === node);
                  answer = { located: node.type, value: staticString(node), specifier: isModuleSpecifier(node), atEveryOffset };
                  return {};
                },
              },
            },
          },
        },
        rules: { 'probe/ask': 'error' },
      },
    ],
    'file.ts',
  );
  if (messages.length > 0 || answer === undefined) throw new Error(`${code}: ${JSON.stringify(messages)}`);
  return answer;
}

describe.each(PARSERS)('strings written whole, parsed by %s', (_, parser) => {
  it.each([
    ["x === /*here*/'message';", 'Literal', 'message'],
    ['x === /*here*/`message`;', 'TemplateLiteral', 'message'],
    ['x === /*here*/`mess\\u0061ge`;', 'TemplateLiteral', 'message'],
    ['x === /*here*/`two\nlines`;', 'TemplateLiteral', 'two\nlines'],
    ['x === /*here*/``;', 'TemplateLiteral', ''],
  ] as const)('%j: the %s, whose value is %j', (code, located, value) => {
    expect(askAt(parser as Linter.Parser, code)).toEqual({ located, value, specifier: false, atEveryOffset: true });
  });

  it.each([
    // A placeholder: the value is not known, whatever it holds.
    ['x === /*here*/`message${y}`;', 'TemplateLiteral'],
    ["x === /*here*/`${'message'}`;", 'TemplateLiteral'],
    // A tagged template's value is what its tag returns.
    ['x === String.raw/*here*/`message`;', 'TemplateLiteral'],
    // Not a string.
    ['x === /*here*/42;', 'Literal'],
  ] as const)('%j: the %s, which is none', (code, located) => {
    const answer = askAt(parser as Linter.Parser, code);
    expect([answer.located, answer.value, answer.specifier]).toEqual([located, undefined, false]);
  });

  it.each([
    ["const m = require(/*here*/'@larksuiteoapi/node-sdk');", true],
    ['const m = require(/*here*/`@larksuiteoapi/node-sdk`);', true],
    ['const m = import(/*here*/`./lark`);', true],
    ["import m from /*here*/'./lark';", true],
    // A placeholder, a tagged template, another callee, another argument: no module specifier.
    ['const m = require(/*here*/`./${name}`);', false],
    ['const m = require(String.raw/*here*/`./lark`);', false],
    ['const m = load(/*here*/`./lark`);', false],
    ["const m = require('./a', /*here*/`./lark`);", false],
  ] as const)('%j: a module specifier, %s', (code, specifier) => {
    expect(askAt(parser as Linter.Parser, code).specifier).toBe(specifier);
  });
});

it('leaves a node that is no quasi as it is', () => {
  const identifier = { type: 'Identifier', name: 'x', range: [0, 1] } as unknown as Node;
  expect(locatedString(identifier)).toBe(identifier);
  const quasi = { type: 'TemplateElement', range: [0, 2], value: { raw: '', cooked: '' } } as unknown as TSESTree.TemplateElement;
  const typeTemplate = { type: 'TSTemplateLiteralType', quasis: [quasi], types: [], range: [0, 2] };
  (quasi as { parent: unknown }).parent = typeTemplate;
  // A template literal type's quasi: types are not values (docs/behaviour-decisions.md#backticks-are-quotes).
  expect(locatedString(quasi)).toBe(quasi);
  expect(staticString(quasi)).toBeUndefined();
});
