import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { OutputStream } from '../../lib/audit/terminal';

/** The built command, as `npx eslint-plugin-feishu` runs it (`npm test` builds first). */
export const CLI = path.resolve(__dirname, '../../dist/cli.js');
export const ROOT = path.resolve(__dirname, '../..');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `eslint-plugin-feishu <args>` in `cwd`, off a terminal, without colour variables unless given. */
export function runCli(args: readonly string[], cwd: string, env: Record<string, string> = {}): CliRun {
  const base = { ...process.env };
  delete base.NO_COLOR;
  delete base.FORCE_COLOR;
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...base, ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A directory of files in the system's temporary directory: `{ 'src/a.js': '…' }`. */
export function makeTree(files: Readonly<Record<string, string>>): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'feishu-audit-'));
  for (const [file, text] of Object.entries(files)) {
    const absolute = path.join(directory, file);
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
  }
  return directory;
}

/**
 * `makeTree` for one test file: every tree it makes is removed after that file's tests. Called at the top of the
 * file, where it registers the hook.
 */
export function temporaryTrees(): (files: Readonly<Record<string, string>>) => string {
  const trees: string[] = [];
  afterAll(() => {
    for (const directory of trees) rmSync(directory, { recursive: true, force: true });
  });
  return (files) => {
    const directory = makeTree(files);
    trees.push(directory);
    return directory;
  };
}

/** The `path:line:column` occurrences a text report lists, in order. */
export function occurrences(text: string): string[] {
  return [...text.matchAll(/^ {4}(\S+:\d+:\d+)/gm)].map((match) => match[1] ?? '');
}

/** Where the shipped sample (docs/examples) calls what the audit reports, in report order. */
export const SAMPLE_OCCURRENCES: readonly string[] = [
  'docs/examples/notify.js:10:5',
  'docs/examples/notify.js:8:32',
  'docs/examples/group-tools.ts:7:35',
  'docs/examples/group-tools.ts:14:57',
  'docs/examples/group-tools.ts:19:35',
  'docs/examples/bot.js:5:3',
  // Listed apart, not counted: a guarded and a handled reaction.
  'docs/examples/guarded.ts:11:35',
  'docs/examples/guarded.ts:20:37',
];

/** An output stream off a terminal that keeps what the audit writes, for audits run in this process. */
export class Capture implements OutputStream {
  text = '';
  isTTY = false;
  write(chunk: string) {
    this.text += chunk;
    return true;
  }
}
