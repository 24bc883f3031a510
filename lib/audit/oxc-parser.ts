import path from 'node:path';
import { analyze, type AnalyzeOptions } from '@typescript-eslint/scope-manager';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import type { Linter } from 'eslint';

/** What the audit uses of `oxc-parser` (an ES module, loaded with `import()`). */
export interface OxcModule {
  parseSync(filename: string, sourceText: string, options: OxcOptions): OxcResult;
}

interface OxcOptions {
  lang: 'js' | 'jsx' | 'ts' | 'tsx';
  sourceType: 'module' | 'script';
  astType: 'ts';
  range: true;
  preserveParens: false;
}

interface OxcResult {
  readonly program: AstNode;
  readonly comments: readonly { type: 'Line' | 'Block'; value: string; start: number; end: number }[];
  readonly errors: readonly { severity: string; message: string; labels: readonly { start: number; end: number }[] }[];
}

type AstNode = { type: string; range: [number, number]; loc?: SourceLocation } & Record<string, unknown>;
interface SourceLocation {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

/**
 * Keys typescript-eslint leaves `undefined` where oxc writes `null`. The list
 * comes from comparing both trees over ~900 real TypeScript files
 * (tests/audit/oxc-parser.test.ts keeps comparing them); rules that test
 * `=== undefined` read both alike.
 */
const NULL_AS_UNDEFINED: ReadonlySet<string> = new Set([
  'accessibility',
  'constraint',
  'default',
  'directive',
  'initializer',
  'returnType',
  'superTypeArguments',
  'typeAnnotation',
  'typeArguments',
  'typeParameters',
]);
/** The same, for a key only some node types leave undefined (elsewhere `null` is ESTree's). */
const NULL_AS_UNDEFINED_IN: Readonly<Record<string, string>> = { TSDeclareFunction: 'body', RestElement: 'value', TSMappedType: 'readonly' };

// ESLint's line breaks: its lines, and so every report's line and column, follow these.
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;

/** The parser's error, shaped as typescript-eslint's: ESLint reads `lineNumber`, and `column` from 0. */
class OxcParseError extends Error {
  constructor(
    message: string,
    readonly index: number,
    readonly lineNumber: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'OxcParseError';
  }
}

/**
 * An ESLint parser for TypeScript (and JavaScript) that needs no TypeScript:
 * oxc-parser's native parser, which writes typescript-eslint's tree shape,
 * with typescript-eslint's own scope analysis (`@typescript-eslint/scope-manager`,
 * which does not depend on TypeScript). Ranges are oxc's (UTF-16 offsets, the
 * same as typescript-eslint's); lines and columns are computed here with
 * ESLint's line breaks. There are no tokens: oxc does not give them, and the
 * plugin's one use of them (skipping escapes in regular expressions without a
 * walk down the tree) falls back to the tree. No type information either (no program).
 */
export function createOxcParser(oxc: OxcModule, version: string): Linter.Parser & { parseForESLint(code: string, options?: object): Linter.ESLintParseResult } {
  return {
    meta: { name: 'eslint-plugin-feishu/oxc-parser', version },
    parseForESLint(code: string, options?: Linter.ParserOptions & { filePath?: string }) {
      const filePath = options?.filePath ?? 'file.ts';
      // typescript-eslint's default when ESLint gives none.
      const sourceType = options?.sourceType === 'module' ? 'module' : 'script';
      const result = oxc.parseSync(filePath, code, {
        lang: languageOf(filePath, options?.ecmaFeatures?.jsx === true),
        sourceType,
        astType: 'ts',
        range: true,
        preserveParens: false,
      });
      const lines = lineStarts(code);
      const error = result.errors.find((problem) => problem.severity === 'Error');
      if (error !== undefined) {
        const index = error.labels[0]?.start ?? 0;
        const { line, column } = position(lines, index);
        throw new OxcParseError(error.message, index, line, column);
      }
      const ast = result.program;
      delete ast.hashbang;
      normalize(ast, lines);
      ast.comments = result.comments.map((comment) => ({
        type: comment.type,
        value: comment.value,
        range: [comment.start, comment.end],
        loc: { start: position(lines, comment.start), end: position(lines, comment.end) },
      }));
      ast.tokens = [];
      ast.sourceType = sourceType;
      const analyzeOptions: AnalyzeOptions = {
        globalReturn: options?.ecmaFeatures?.globalReturn === true,
        sourceType,
        ...(options?.lib === undefined ? {} : { lib: options.lib as NonNullable<AnalyzeOptions['lib']> }),
        ...(options?.jsxPragma === undefined ? {} : { jsxPragma: options.jsxPragma as string | null }),
        ...(options?.jsxFragmentName === undefined ? {} : { jsxFragmentName: options.jsxFragmentName as string | null }),
      };
      const scopeManager = analyze(ast as never, analyzeOptions);
      return { ast: ast as never, scopeManager: scopeManager as never, visitorKeys: visitorKeys as never, services: {} };
    },
  };
}

/** As typescript-eslint reads a file: by its extension, `.tsx` with JSX; JavaScript with JSX when asked. */
function languageOf(filePath: string, jsx: boolean): OxcOptions['lang'] {
  switch (path.extname(filePath)) {
    case '.tsx':
      return 'tsx';
    case '.js':
    case '.mjs':
    case '.cjs':
    case '.jsx':
      return jsx || path.extname(filePath) === '.jsx' ? 'jsx' : 'js';
    default:
      return 'ts';
  }
}

/** Each line's first offset, line 1 first. */
function lineStarts(code: string): number[] {
  const starts = [0];
  for (const match of code.matchAll(LINE_BREAK)) starts.push(match.index + match[0].length);
  return starts;
}

/** ESLint's position of an offset: line from 1, column from 0, both in UTF-16 code units. */
function position(lines: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((lines[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (lines[low] as number) };
}

/** Adds `loc` to every node and turns oxc's `null`s into typescript-eslint's `undefined`s; a work list, no recursion. */
function normalize(root: AstNode, lines: readonly number[]): void {
  const pending: unknown[] = [root];
  for (let value = pending.pop(); value !== undefined; value = pending.pop()) {
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object') pending.push(item);
      continue;
    }
    const node = value as AstNode;
    if (typeof node.type === 'string' && Array.isArray(node.range)) {
      node.loc = { start: position(lines, node.range[0]), end: position(lines, node.range[1]) };
      const only = NULL_AS_UNDEFINED_IN[node.type];
      for (const key of Object.keys(node)) {
        const child = node[key];
        if (child === null) {
          if (NULL_AS_UNDEFINED.has(key) || key === only) node[key] = undefined;
        } else if (typeof child === 'object' && key !== 'loc' && key !== 'range' && !(child instanceof RegExp)) {
          pending.push(child);
        }
      }
    }
  }
}
