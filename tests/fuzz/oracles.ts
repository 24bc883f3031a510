import tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import * as espree from 'espree';
import { plugin } from '../../lib/plugin';
import type { FuzzProgram } from './programs';

/**
 * The fuzzer's oracles (issue 15). Each takes a program and throws an Error
 * that says what went wrong; linting that throws fails too (a rule must never
 * crash).
 *
 * - every suggestion parses;
 * - every suggestion keeps the envelope's expression intact;
 * - linted again, a suggestion's output does not report the same finding;
 * - espree and the TypeScript parser agree;
 * - whitespace and comments outside strings change nothing but positions;
 *   whitespace inside a string makes it prose; `eslint-*` comments are directives;
 * - and one of this project's own: how a URL is written (escapes, pieces,
 *   `String(…)`, `new URL`) never hides it: every finding of the program
 *   written plainly is a finding of the program as generated.
 */

type Parser = 'espree' | 'typescript';

interface Report {
  readonly ruleId: string;
  readonly messageId: string | undefined;
  readonly message: string;
  /** Offsets in the program's text. */
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly suggestions: readonly { readonly messageId: string | undefined; readonly range: readonly [number, number]; readonly text: string }[];
}

const EVENT_RULE = 'feishu/no-legacy-message-event';
const PARSER_OPTIONS = { ecmaVersion: 'latest', sourceType: 'module' } as const;
const FILES: Record<Parser, string> = { espree: 'file.js', typescript: 'file.ts' };

/**
 * The Linter's config, resolved once per parser: a flat config array given to
 * `Linter#verify` is normalized again on every call, which would cost the
 * fuzzer more than the lint itself. An array with `getConfig()` is taken as
 * an already resolved one (ESLint's linter.js checks for exactly that).
 */
const configs = new Map<Parser, Linter.Config>();

/** The tree of the file linted last, kept by a rule of the fuzzer's own: no second parse. */
let lastAst: Parsed['ast'] & { tokens: readonly Token[] } = { type: 'Program', tokens: [] };
const capture = {
  rules: {
    tree: {
      meta: { type: 'problem', schema: [] },
      create(context: { sourceCode: { ast: typeof lastAst } }) {
        lastAst = context.sourceCode.ast;
        return {};
      },
    },
  },
};

export async function prepareLinting(): Promise<void> {
  for (const parser of ['espree', 'typescript'] as const) {
    const files = [parser === 'espree' ? '**/*.js' : '**/*.ts'];
    const eslint = new ESLint({
      overrideConfigFile: true,
      overrideConfig: [
        { files, languageOptions: { parser: (parser === 'espree' ? espree : tsParser) as Linter.Parser, parserOptions: PARSER_OPTIONS } },
        { ...plugin.configs.recommended, files },
        { files, plugins: { fuzz: capture as never }, rules: { 'fuzz/tree': 'error' } },
      ],
    });
    configs.set(parser, (await eslint.calculateConfigForFile(FILES[parser])) as Linter.Config);
  }
  // The shortcut must give what the public way gives.
  const code = "fetch('/open-apis/message/v4/send');";
  const shortcut = lint(code, 'espree').map((r) => r.ruleId);
  const publicWay = new Linter()
    .verify(code, [{ files: ['**/*.js'], languageOptions: { parser: espree as Linter.Parser, parserOptions: PARSER_OPTIONS } }, { ...plugin.configs.recommended, files: ['**/*.js'] }], 'file.js')
    .map((m) => m.ruleId);
  if (JSON.stringify(shortcut) !== JSON.stringify(publicWay) || shortcut.length !== 1) throw new Error(`resolved config differs: ${shortcut} vs ${publicWay}`);
}

const linter = new Linter();

/** Lints with all four rules on; a parse error throws. */
export function lint(code: string, parser: Parser): Report[] {
  return lintWithTree(code, parser).reports;
}

function lintWithTree(code: string, parser: Parser): { reports: Report[]; ast: Parsed['ast']; tokens: readonly Token[] } {
  const config = configs.get(parser);
  if (config === undefined) throw new Error('prepareLinting() first');
  const resolved = Object.assign([config], { getConfig: () => config }) as unknown as Linter.Config[];
  const starts = lineStarts(code);
  const reports = linter.verify(code, resolved, FILES[parser]).map((m) => {
    if (m.fatal === true || m.ruleId === null) throw new Error(`${parser}: ${m.message} (${m.line}:${m.column})`);
    return {
      ruleId: m.ruleId,
      messageId: m.messageId,
      message: m.message,
      start: starts[m.line - 1]! + m.column - 1,
      end: starts[(m.endLine ?? m.line) - 1]! + (m.endColumn ?? m.column) - 1,
      line: m.line,
      suggestions: (m.suggestions ?? []).map((s) => ({ messageId: s.messageId, range: s.fix.range, text: s.fix.text })),
    };
  });
  return { reports, ast: lastAst, tokens: lastAst.tokens };
}

function lineStarts(code: string): number[] {
  const starts = [0];
  for (let i = code.indexOf('\n'); i !== -1; i = code.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

interface Token {
  readonly type: string;
  readonly value: string;
  readonly range: [number, number];
}

interface Parsed {
  readonly ast: { readonly type: string };
}

/** Lints the program: its reports, and its tokens for checkNoise. */
export function lintProgram(program: FuzzProgram, parser: Parser): { reports: Report[]; tokens: readonly Token[] } {
  const { reports, tokens } = lintWithTree(program.code, parser);
  return { reports, tokens };
}

/** How a URL or SDK name is written never hides it: each finding of the plain program is one of the program. */
export function checkPlain(program: FuzzProgram, parser: Parser, reports: readonly Report[]): void {
  if (program.plain === program.code) return;
  // By rule and endpoint: the HTTP method in the message may differ (a const read inside a template is no
  // direct use, so it says no method), the endpoint may not.
  const keyOf = (r: Report) => `${r.ruleId} ${/\/open-apis\/\S+|client\.\S+/.exec(r.message)?.[0] ?? r.message}`;
  const found = new Map<string, number>();
  for (const r of reports) found.set(keyOf(r), (found.get(keyOf(r)) ?? 0) + 1);
  for (const r of lint(program.plain, parser)) {
    const key = keyOf(r);
    const left = found.get(key) ?? 0;
    if (left === 0) throw new Error(`written plainly it is reported, as generated it is not: ${key}\n${program.plain}\n---\n${program.code}`);
    found.set(key, left - 1);
  }
}

/** The parsers agree: the same reports, at the same places, with the same suggestions. */
export function checkParsersAgree(program: FuzzProgram, espreeReports: readonly Report[]): void {
  const typescript = lint(program.code, 'typescript');
  if (JSON.stringify(typescript) !== JSON.stringify(espreeReports)) {
    throw new Error(`espree and the TypeScript parser disagree:\n${JSON.stringify(espreeReports, null, 1)}\n---\n${JSON.stringify(typescript, null, 1)}`);
  }
}

/**
 * Each suggestion: its output parses, writes every envelope it reads
 * (`<envelope>.header`, `<envelope>.schema`) as exactly an envelope of the
 * program, and, linted again, no longer reports the finding it fixes.
 */
export function checkSuggestions(program: FuzzProgram, parser: Parser, reports: readonly Report[]): number {
  let checked = 0;
  const envelopes = new Set(program.envelopes.map(normalize));
  for (const report of reports) {
    for (const suggestion of report.suggestions) {
      checked++;
      const [from, to] = suggestion.range;
      const output = program.code.slice(0, from) + suggestion.text + program.code.slice(to);
      // Linted again: a suggestion that does not parse throws here.
      let relinted: ReturnType<typeof lintWithTree>;
      try {
        relinted = lintWithTree(output, parser);
      } catch (error) {
        throw new Error(`the suggestion does not parse (${(error as Error).message}):\n${output}`, { cause: error });
      }
      const written = { from, to: from + suggestion.text.length };
      for (const object of objectsOfNewMembers(relinted.ast, written)) {
        const text = normalize(output.slice(object.range[0], object.range[1]));
        if (!envelopes.has(text)) throw new Error(`the suggestion changed an envelope into \`${text}\` (expected one of ${[...envelopes].join(', ')}):\n${output}`);
      }
      // The finding it fixes is inside the text it replaces; fewer event reports may stand there afterwards.
      const inside = (r: Report, a: number, b: number) => r.ruleId === EVENT_RULE && r.start >= a && r.start < b;
      const before = reports.filter((r) => inside(r, from, to)).length;
      const after = relinted.reports.filter((r) => inside(r, written.from, written.to)).length;
      if (after >= before) throw new Error(`linted again, the suggestion's output still reports the finding:\n${output}`);
    }
  }
  return checked;
}

/** The objects of `.header` and `.schema` reads that start in the written range. */
function objectsOfNewMembers(ast: object, written: { from: number; to: number }): { range: [number, number] }[] {
  const objects: { range: [number, number] }[] = [];
  const stack: unknown[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop() as Record<string, unknown> | null;
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    if (node.type === 'MemberExpression') {
      const property = node.property as { type: string; name?: string };
      const range = node.range as [number, number];
      if (property.type === 'Identifier' && (property.name === 'header' || property.name === 'schema') && range[0] >= written.from && range[0] < written.to) {
        objects.push(node.object as { range: [number, number] });
      }
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'parent' && typeof value === 'object') stack.push(value);
  }
  return objects;
}

/** Whitespace and outer parentheses do not make another expression. */
function normalize(expression: string): string {
  let text = expression.replace(/\s+/g, '');
  while (text.startsWith('(') && text.endsWith(')') && balanced(text.slice(1, -1))) text = text.slice(1, -1);
  return text;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/** A seeded generator (mulberry32): the noise of a case is a function of its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPACES = [' ', '  ', '\t', '/* note */', ' /*x*/ '];
/** After these, a line break cannot end a statement early. */
const BREAKS = ['\n', '\n\n', ' // note\n', '\n\t'];

/** Whitespace and comments between tokens: everywhere but inside them (strings, templates, regular expressions). */
function withNoise(code: string, tokens: readonly Token[], seed: number): string {
  const next = random(seed);
  let out = '';
  let from = 0;
  for (const token of tokens) {
    out += code.slice(from, token.range[1]);
    from = token.range[1];
    const roll = next();
    if (roll < 0.5) continue;
    const breaks = token.value === ';' || token.value === '{' || token.value === ',';
    const choices = breaks && roll > 0.8 ? BREAKS : SPACES;
    out += choices[Math.floor(next() * choices.length)]!;
  }
  return out + code.slice(from);
}

/** A report without its place: what whitespace and comments must leave as it is. */
function placeless(reports: readonly Report[], code: string): string[] {
  return reports.map((r) => `${r.ruleId} ${r.messageId} ${r.suggestions.length} ${strip(code.slice(r.start, r.end))} ${r.message}`);
}

/** The text without the noise withNoise adds, and without whitespace. */
function strip(text: string): string {
  return text.replace(/\/\* note \*\/|\/\*x\*\/|\/\/ note\n/g, '').replace(/\s+/g, '');
}

/** Whitespace and comments outside strings change nothing but positions. */
export function checkNoise(program: FuzzProgram, parser: Parser, reports: readonly Report[], tokens: readonly Token[]): void {
  const noisy = withNoise(program.code, tokens, program.noise);
  const after = lint(noisy, parser);
  const expected = placeless(reports, program.code);
  const actual = placeless(after, noisy);
  if (JSON.stringify(expected) !== JSON.stringify(actual)) {
    throw new Error(`whitespace and comments changed the reports:\n${noisy}\n${JSON.stringify(expected, null, 1)}\n---\n${JSON.stringify(actual, null, 1)}`);
  }
}

/** An `eslint-disable-next-line` comment turns off the reports of its rule on the next line, and only those. */
export function checkDirective(program: FuzzProgram, parser: Parser, reports: readonly Report[]): void {
  const target = reports[program.noise % Math.max(1, reports.length)];
  if (target === undefined) return;
  const lineStart = program.code.lastIndexOf('\n', target.start - 1) + 1;
  const code = `${program.code.slice(0, lineStart)}// eslint-disable-next-line ${target.ruleId}\n${program.code.slice(lineStart)}`;
  const expected = reports.filter((r) => !(r.ruleId === target.ruleId && r.line === target.line)).map((r) => `${r.ruleId} ${r.message}`);
  const actual = lint(code, parser).map((r) => `${r.ruleId} ${r.message}`);
  if (JSON.stringify(expected) !== JSON.stringify(actual)) throw new Error(`a directive did not turn off exactly its line's reports:\n${code}`);
}

/** A space inside a reported string literal makes it prose: that report goes. */
export function checkProse(program: FuzzProgram, parser: Parser, reports: readonly Report[]): void {
  const literals = reports.filter((r) => /^(['"])[^'"]*\1$/.test(program.code.slice(r.start, r.end)));
  const target = literals[program.noise % Math.max(1, literals.length)];
  if (target === undefined) return;
  const code = `${program.code.slice(0, target.start + 1)} ${program.code.slice(target.start + 1)}`;
  const after = lint(code, parser);
  if (after.some((r) => r.start === target.start && r.ruleId === target.ruleId) || after.length >= reports.length) {
    throw new Error(`a string with a space in it is still reported:\n${code}`);
  }
}
