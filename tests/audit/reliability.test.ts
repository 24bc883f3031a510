import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLUGIN_TARGET } from '../../lib/audit/audit-target';
import { FileLinter } from '../../lib/audit/file-linter';
import { CLI, temporaryTrees, occurrences, runCli } from '../support/audit-cli';

// Issue 15, items 16 to 21: every input the audit command gets ends in a right answer or a clear error.

const LEGACY_SEND = "fetch('https://open.feishu.cn/open-apis/message/v4/send');\n";

const tree = temporaryTrees();

const mkfifo = (file: string) => execFileSync('mkfifo', [file]);

/** The command with a deadline: a hang fails the test instead of the suite. */
function runWithin(args: readonly string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

describe('15.16 FIFOs never hang the audit', () => {
  it.each([
    ['.gitignore', (root: string) => mkfifo(path.join(root, '.gitignore'))],
    ['.git/info/exclude', (root: string) => {
      mkdirSync(path.join(root, '.git/info'), { recursive: true });
      mkfifo(path.join(root, '.git/info/exclude'));
    }],
    ['.git', (root: string) => mkfifo(path.join(root, '.git'))],
    ['a worktree’s commondir', (root: string) => {
      mkdirSync(path.join(root, 'gitdir'));
      writeFileSync(path.join(root, '.git'), 'gitdir: gitdir\n');
      mkfifo(path.join(root, 'gitdir/commondir'));
    }],
    ['.git/config', (root: string) => {
      mkdirSync(path.join(root, '.git'));
      mkfifo(path.join(root, '.git/config'));
    }],
  ])('15.16 a FIFO as %s', (_, make) => {
    const root = tree({ 'sub/a.js': LEGACY_SEND });
    make(root);
    const run = runWithin(['audit', '.'], root);
    expect(run.signal).toBe(null);
    expect(occurrences(run.stdout)).toEqual(['sub/a.js:1:7']);
    expect(run.status).toBe(1);
  });

  it('15.16 a source file replaced by a FIFO between the walk and its linting is skipped, not waited on', async () => {
    const root = tree({ 'a.js': LEGACY_SEND });
    unlinkSync(path.join(root, 'a.js'));
    mkfifo(path.join(root, 'a.js'));
    const { ESLint } = await import('eslint');
    const linter = new FileLinter(
      { cwd: root, baseDirectory: root, settings: {}, ruleVariants: [{}], typescriptParser: undefined },
      { ESLint, target: PLUGIN_TARGET, typescriptParser: undefined },
    );
    try {
      await expect(linter.lint({ file: path.join(root, 'a.js'), variant: 0 })).resolves.toEqual({
        findings: [],
        suppressed: 0,
        skipped: { file: 'a.js', reason: 'unreadable', detail: 'not a regular file' },
      });
    } finally {
      linter.close();
    }
  });
});

describe('15.18 control characters in file names', () => {
  it('15.18 are escaped in the text report: no escape sequence, bell or line break reaches the terminal', () => {
    const root = tree({
      'esc\u001B[31mRED\u001B[0m.js': LEGACY_SEND,
      'bell\u001B]0;PWNED\u0007.js': LEGACY_SEND,
      'new\nline.js': LEGACY_SEND,
      'rtl\u202Egnp.js': LEGACY_SEND,
      'broken\u001B[2J.js': 'const = 1;\n',
    });
    const run = runCli(['audit'], root);
    expect(run.status).toBe(1);
    // Nothing a terminal acts on but the line breaks between lines.
    expect([...run.stdout].filter((character) => character !== '\n' && (character < ' ' || character === '\u007F' || character === '\u202E'))).toEqual([]);
    expect(run.stdout).toContain('    "bell\\x1b]0;PWNED\\x07.js":1:7\n');
    expect(run.stdout).toContain('    "esc\\x1b[31mRED\\x1b[0m.js":1:7\n');
    expect(run.stdout).toContain('    "new\\nline.js":1:7\n');
    expect(run.stdout).toContain('    "rtl\\u202egnp.js":1:7\n');
    expect(run.stdout).toContain('  "broken\\x1b[2J.js":1:7  does not parse:');
  });

  it('15.18 leave ordinary names, Chinese ones included, as they are', () => {
    const run = runCli(['audit'], tree({ '群聊/通知 v2.js': LEGACY_SEND }));
    expect(run.stdout).toContain('    群聊/通知 v2.js:1:7\n');
  });
});

describe('15.19 --output onto an audited file', () => {
  it('15.19 -o onto an audited file is refused, and the file is left as it was', () => {
    const root = tree({ 'proj/src/a.js': LEGACY_SEND });
    const run = runCli(['audit', 'proj', '-o', 'proj/src/a.js'], root);
    expect(run).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'eslint-plugin-feishu: --output proj/src/a.js is one of the audited source files; the report would overwrite it. Write it elsewhere (--output feishu-report.txt).\n',
    });
    expect(readFileSync(path.join(root, 'proj/src/a.js'), 'utf8')).toBe(LEGACY_SEND);
  });

  it('15.19 -o onto a file that would become an audited one is refused', () => {
    const root = tree({ 'proj/src/a.js': LEGACY_SEND });
    const run = runCli(['audit', 'proj', '--output', 'proj/src/new/report.js'], root);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'eslint-plugin-feishu: --output proj/src/new/report.js would be audited as source by the next run of the same command (it is a .js file inside an audited directory); write the report to a .txt, .json or .sarif file.\n',
    );
    expect(existsSync(path.join(root, 'proj/src/new'))).toBe(false);
  });

  it('15.19 a report inside the tree that the walk would not read is written: .json, node_modules, what .gitignore ignores', () => {
    const root = tree({ 'src/a.js': LEGACY_SEND, '.gitignore': 'reports/\n' });
    for (const output of ['report.json', 'src/report.txt', 'node_modules/.cache/report.js', 'reports/feishu.js', 'src/a.min.js']) {
      const run = runCli(['audit', '-o', output], root);
      expect({ output, status: run.status, stderr: run.stderr }).toEqual({ output, status: 1, stderr: '' });
      expect(readFileSync(path.join(root, output), 'utf8')).toContain('src/a.js:1:7');
    }
  });
});

describe('15.20 flag errors', () => {
  it('15.20 a repeated flag is a usage error on the command line too', () => {
    const root = tree({ 'a.js': LEGACY_SEND });
    expect(runCli(['audit', '--app-type', 'store', '--app-type', 'self-built'], root)).toEqual({
      status: 2,
      stdout: '',
      stderr: 'eslint-plugin-feishu: --app-type is given twice; give it once.\n',
    });
    expect(runCli(['audit', '--max-findings', '-1'], root)).toEqual({
      status: 2,
      stdout: '',
      stderr: "eslint-plugin-feishu: --max-findings must be a whole number, 0 or more; got '-1'.\n",
    });
  });
});
