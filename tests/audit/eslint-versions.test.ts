import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EslintPackage } from '../../lib/audit/eslint-runner';
import { runCommand } from '../../lib/audit/run';
import { Capture, occurrences, ROOT, SAMPLE_OCCURRENCES } from '../support/audit-cli';

// The command uses the eslint the project has (a peer dependency): 8.57, 9 or 10.
const require = createRequire(__filename);

async function auditWith(eslintPackage: EslintPackage, args: string[]) {
  const stdout = new Capture();
  const stderr = new Capture();
  const status = await runCommand({ argv: ['audit', ...args], cwd: ROOT, env: {}, stdout, stderr, eslintPackage });
  return { status, stdout: stdout.text, stderr: stderr.text };
}


describe('the audit command with each supported ESLint', () => {
  it.each([
    ['ESLint 10', 'eslint'],
    ['ESLint 9', 'eslint9'],
    ['ESLint 8.57', 'eslint8'],
  ])('%s finds the same findings in the shipped sample', async (_, name) => {
    const eslintPackage = require(name) as EslintPackage;
    const run = await auditWith(eslintPackage, ['docs/examples']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(occurrences(run.stdout)).toEqual(SAMPLE_OCCURRENCES);
  });

  it('gives the same text whichever ESLint runs it', async () => {
    const [ten, eight] = await Promise.all([
      auditWith(require('eslint') as EslintPackage, ['docs/examples']),
      auditWith(require('eslint8') as EslintPackage, ['docs/examples']),
    ]);
    expect(eight.stdout).toBe(ten.stdout);
  });

  it('skips a file whose linting throws, and goes on: never a crash', async () => {
    const real = require('eslint') as { ESLint: new (options: object) => { lintText(text: string, options: { filePath: string }): Promise<unknown> }; Linter: never };
    // An ESLint that fails on one file, as a parser or a rule bug would.
    class Flaky extends real.ESLint {
      override lintText(text: string, options: { filePath: string }) {
        if (options.filePath.endsWith('bot.js')) return Promise.reject(new Error('boom\n    at somewhere'));
        return super.lintText(text, options);
      }
    }
    const run = await auditWith({ loadESLint: async () => Flaky as never, Linter: real.Linter }, ['docs/examples']);
    expect(run.status).toBe(1);
    expect(occurrences(run.stdout)).toEqual(SAMPLE_OCCURRENCES.filter((where) => !where.includes('bot.js')));
    expect(run.stdout).toContain('Not audited (1):\n  docs/examples/bot.js  could not be linted: boom\n');
  });

  it('exits 2 with one line for an eslint older than 8.57 (no loadESLint)', async () => {
    const run = await auditWith({}, [path.join('docs', 'examples', 'bot.js')]);
    expect(run).toEqual({
      status: 2,
      stdout: '',
      stderr: 'eslint-plugin-feishu: the installed eslint is older than 8.57; install eslint 8.57 or later (npm install --save-dev eslint).\n',
    });
  });
});
