import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { runCommand as RunCommand } from '../../lib/audit/run';
import { Capture, makeTree, occurrences, ROOT, SAMPLE_OCCURRENCES } from '../support/audit-cli';
import { rmSync } from 'node:fs';

// TypeScript without typescript-eslint's parser (issue 17, 1): the built command, in this process, linting in its
// pool of child processes, told which parsers it may try.
const { runCommand } = createRequire(__filename)(path.join(ROOT, 'dist/audit/run.js')) as { runCommand: typeof RunCommand };
const { version } = createRequire(__filename)(path.join(ROOT, 'package.json')) as { version: string };

async function audit(args: string[], typescriptParsers: ('oxc' | 'typescript-eslint')[], cwd = ROOT) {
  const stdout = new Capture();
  const stderr = new Capture();
  const status = await runCommand({ argv: ['audit', ...args], cwd, env: {}, stdout, stderr, typescriptParsers });
  return { status, stdout: stdout.text, stderr: stderr.text };
}

const trees: string[] = [];
afterAll(() => {
  for (const directory of trees) rmSync(directory, { recursive: true, force: true });
});

describe('the audit with oxc-parser for TypeScript (no TypeScript installed)', () => {
  it('finds what typescript-eslint’s parser finds in the shipped sample, at the same positions', async () => {
    const [oxc, typescriptEslint] = await Promise.all([audit(['docs/examples'], ['oxc']), audit(['docs/examples'], ['typescript-eslint'])]);
    expect(oxc.stderr).toBe('');
    expect(occurrences(oxc.stdout)).toEqual(SAMPLE_OCCURRENCES);
    expect(oxc.stdout).toBe(typescriptEslint.stdout);
  });

  it('lists a TypeScript file that does not parse with its position, and audits the others', async () => {
    const tree = makeTree({ 'broken.ts': 'let x: = 2;\n', 'ok.ts': "fetch('https://open.feishu.cn/open-apis/chat/v4/info');\n" });
    trees.push(tree);
    const run = await audit(['.'], ['oxc'], tree);
    expect(run.status).toBe(1);
    expect(occurrences(run.stdout)).toEqual(['ok.ts:1:7']);
    expect(run.stdout).toMatch(/^ {2}broken\.ts:1:8 {2}does not parse: Parsing error: /m);
  });
});

describe('the audit when no TypeScript parser loads', () => {
  it('audits the JavaScript files, lists the TypeScript ones with the reason, prints the command that audits them too, and exits by the findings', async () => {
    const run = await audit(['--app-type', 'self-built', 'docs/examples'], []);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(occurrences(run.stdout)).toEqual(SAMPLE_OCCURRENCES.filter((where) => !where.endsWith('.ts') && !where.includes('.ts:')));
    expect(run.stdout).toContain(
      'Not audited (3):\n  docs/examples/clean.ts  no TypeScript parser could be loaded: none was tried\n' +
        '  docs/examples/group-tools.ts  no TypeScript parser could be loaded: none was tried\n' +
        '  docs/examples/guarded.ts  no TypeScript parser could be loaded: none was tried\n',
    );
    // The user's flags and paths, a pinned plugin, and a TypeScript that typescript-eslint accepts (npm's latest, 7, is not).
    expect(run.stdout).toContain(
      'To audit the TypeScript files too, without installing anything into the project:\n' +
        `    npx -p eslint-plugin-feishu@${version} -p @typescript-eslint/parser@8.72.0 -p 'typescript@~6.0.3' eslint-plugin-feishu audit --app-type self-built docs/examples\n`,
    );
  });

  it('exits 2 when the tree holds only TypeScript, after the report that says why', async () => {
    const tree = makeTree({ 'a.ts': 'export const a = 1;\n', 'my dir/b.tsx': 'export const b = <div />;\n' });
    trees.push(tree);
    const run = await audit(['.', '--locale', 'zh-CN'], [], tree);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('eslint-plugin-feishu: none of the 2 files found could be audited (the report lists why).\n');
    expect(run.stdout).toContain("eslint-plugin-feishu audit . --locale zh-CN");
  });
});
