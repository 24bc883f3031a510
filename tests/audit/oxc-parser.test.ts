import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { parse as parseTypeScriptEstree } from '@typescript-eslint/typescript-estree';
import { Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTypeScriptParser, type LoadedParser } from '../../lib/audit/typescript-parser';
import { plugin } from '../../lib/plugin';
import { ROOT } from '../support/audit-cli';

// The audit's TypeScript parser without TypeScript (oxc-parser with typescript-eslint's scope analysis) must read
// files as @typescript-eslint/parser does: the same tree, the same ranges and positions, the same findings.

let oxc: Linter.Parser & { parseForESLint(code: string, options?: object): Linter.ESLintParseResult };
beforeAll(async () => {
  const loaded = await loadTypeScriptParser(['oxc']);
  if (!('parser' in loaded)) throw new Error(`oxc-parser does not load here: ${loaded.reasons.join('; ')}`);
  oxc = (loaded as LoadedParser).parser() as typeof oxc;
});

const SHAPES = path.join(ROOT, 'tests/fixtures/typescript-shapes');
/** Real TypeScript: the plugin's own sources, and the shapes fixture. */
function typescriptFiles(): string[] {
  const files: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full);
    }
  };
  walk(path.join(ROOT, 'lib'));
  walk(SHAPES);
  return files.sort();
}

/** Every difference between two trees, keyed `Type.key`: type, range, loc, and each property but tokens and parents. */
function differences(expected: unknown, actual: unknown): string[] {
  const found: string[] = [];
  const pending: [unknown, unknown, string][] = [[expected, actual, 'Program']];
  for (let next = pending.pop(); next !== undefined && found.length < 20; next = pending.pop()) {
    const [a, b, where] = next;
    if (a === null || typeof a !== 'object') {
      if (a !== b && !(typeof a === 'bigint' && typeof b === 'bigint')) found.push(`${where}: ${String(a)} ≠ ${String(b)}`);
      continue;
    }
    if (a instanceof RegExp) continue;
    if (b === null || typeof b !== 'object') {
      found.push(`${where}: object ≠ ${String(b)}`);
      continue;
    }
    const type = (a as { type?: string }).type ?? where;
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      // oxc also writes acorn's `start` and `end` offsets, as espree does: no rule is misled by them.
      if (key === 'parent' || key === 'tokens' || key === 'start' || key === 'end') continue;
      pending.push([(a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${type}.${key}`]);
    }
  }
  return found;
}

describe('the oxc-based TypeScript parser', () => {
  it('gives typescript-eslint’s tree: node types, ranges, lines and columns, comments, null and undefined alike', () => {
    const problems: string[] = [];
    for (const file of typescriptFiles()) {
      const code = readFileSync(file, 'utf8');
      const expected = parseTypeScriptEstree(code, { range: true, loc: true, comment: true, jsx: file.endsWith('.tsx'), filePath: file });
      const actual = oxc.parseForESLint(code, { filePath: file, sourceType: 'module' }).ast;
      // typescript-eslint keeps a file's `#!` line out of its comments, as oxc does; ESLint reads both the same.
      for (const difference of differences(expected, actual)) problems.push(`${path.relative(ROOT, file)}: ${difference}`);
    }
    expect(problems).toEqual([]);
  });

  it('gives the same findings at the same positions as @typescript-eslint/parser, with eslint-disable comments honoured', () => {
    const linter = new Linter({ configType: 'flat', cwd: SHAPES });
    const config = (parser: Linter.Parser): Linter.Config[] => [
      { ...plugin.configs.recommended, files: ['**/*.ts', '**/*.tsx'] },
      { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser, sourceType: 'module' } },
    ];
    let findings = 0;
    for (const name of ['shapes.ts', 'component.tsx']) {
      const file = path.join(SHAPES, name);
      const code = readFileSync(file, 'utf8');
      const expected = linter.verify(code, config(tsParser as Linter.Parser), { filename: file });
      const actual = linter.verify(code, config(oxc), { filename: file });
      expect(actual).toEqual(expected);
      findings += expected.filter((message) => message.ruleId?.startsWith('feishu/')).length;
    }
    // The fixture holds every rule's shapes, so that the comparison compares something.
    expect(findings).toBeGreaterThanOrEqual(10);
  });

  it.each([
    ['let x: = 2;\n', 1, 7],
    ['const a = 1;\nconst = 2;\n', 2, 6],
    ['x = <div>;\n', 1, 9],
  ])('puts a parse error where typescript-eslint puts it: %j', (code, line, column) => {
    const linter = new Linter({ configType: 'flat' });
    const [typescriptEslint] = linter.verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser } }], { filename: 'a.ts' });
    const [ours] = linter.verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: oxc } }], { filename: 'a.ts' });
    expect({ line: typescriptEslint?.line, column: typescriptEslint?.column }).toEqual({ line, column });
    expect({ fatal: ours?.fatal, line: ours?.line, column: ours?.column }).toEqual({ fatal: true, line, column });
  });

  it('names itself, so that ESLint can cache and report it', () => {
    expect(oxc.meta).toMatchObject({ name: 'eslint-plugin-feishu/oxc-parser', version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
  });
});
