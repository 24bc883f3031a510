import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// What users install: the tarball `npm pack` makes, in projects of their own.
const root = path.resolve(__dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'feishu-packed-'));
let tarball = '';

const npm = (cwd: string, args: string[]) =>
  execFileSync('npm', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } });

/** Copies a committed consumer fixture, installs its lockfile, then the packed plugin. */
function consumer(fixture: string): string {
  const directory = path.join(work, fixture);
  cpSync(path.join(root, 'tests/fixtures', fixture), directory, { recursive: true });
  npm(directory, ['ci', '--prefer-offline']);
  npm(directory, ['install', '--no-save', '--prefer-offline', tarball]);
  return directory;
}

/** Runs an ESLint CLI of the consumer; returns its exit code and the rule ids it printed. */
function eslint(directory: string, bin: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [path.join(directory, 'node_modules', bin, 'bin/eslint.js'), '--format', 'json', ...args], {
    cwd: directory,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  const ruleIds =
    result.status === 2 ? [`fatal: ${result.stderr}`] : (JSON.parse(result.stdout) as { messages: { ruleId: string | null }[] }[]).flatMap((r) => r.messages.map((m) => m.ruleId));
  return { status: result.status, ruleIds };
}

beforeAll(() => {
  // `npm test` has built dist; packing must not rebuild it under the other test workers' feet.
  npm(root, ['pack', '--ignore-scripts', '--pack-destination', work]);
  const name = readdirSync(work).find((file) => file.endsWith('.tgz'));
  if (name === undefined) throw new Error('npm pack wrote no tarball');
  tarball = path.join(work, name);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed package', () => {
  it('holds only dist, docs, the READMEs, LICENSE, CHANGELOG and package.json', () => {
    const [report] = JSON.parse(npm(root, ['pack', '--dry-run', '--json', '--ignore-scripts'])) as [{ files: { path: string }[] }];
    const files = report.files.map((file) => file.path).sort();
    const allowed = /^(dist\/.+\.(js|d\.ts)|docs\/.+\.md|README\.md|README\.zh-CN\.md|LICENSE|CHANGELOG\.md|package\.json)$/;
    expect(files.filter((file) => !allowed.test(file))).toEqual([]);
    for (const required of ['dist/index.js', 'dist/index.d.ts', 'README.md', 'README.zh-CN.md', 'LICENSE', 'CHANGELOG.md']) {
      expect(files).toContain(required);
    }
    expect(files.some((file) => file.startsWith('docs/rules/'))).toBe(true);
  });

  describe('in a project with ESLint 10, 9 and 8.57', () => {
    let directory = '';
    beforeAll(() => {
      directory = consumer('consumer');
      // The legacy example, copied as it is.
      cpSync(path.join(root, '.eslintrc.example.json'), path.join(directory, '.eslintrc.json'));
    }, 240_000);

    it.each([
      ['ESLint 10', 'eslint'],
      ['ESLint 9', 'eslint9'],
    ])('%s with the flat config: exit 1 with the rule ids on a bad file, 0 on a clean one', (_, bin) => {
      expect(eslint(directory, bin, ['bad.js'])).toEqual({ status: 1, ruleIds: ['feishu/no-legacy-message-chat-api'] });
      expect(eslint(directory, bin, ['bad.ts'])).toEqual({ status: 1, ruleIds: ['feishu/no-external-chat-reaction-api'] });
      expect(eslint(directory, bin, ['clean.js'])).toEqual({ status: 0, ruleIds: [] });
    });

    it('ESLint 8.57 with .eslintrc.example.json: exit 1 with the rule ids on a bad file, 0 on a clean one', () => {
      const legacy = ['--no-eslintrc', '-c', '.eslintrc.json'];
      const env = { ESLINT_USE_FLAT_CONFIG: 'false' };
      expect(eslint(directory, 'eslint8', [...legacy, 'bad.js'], env)).toEqual({ status: 1, ruleIds: ['feishu/no-legacy-message-chat-api'] });
      expect(eslint(directory, 'eslint8', [...legacy, 'clean.js'], env)).toEqual({ status: 0, ruleIds: [] });
    });
  });

  describe('in a JavaScript-only project', () => {
    let directory = '';
    beforeAll(() => {
      directory = consumer('consumer-js');
    }, 240_000);

    it('installs no TypeScript and no typescript-eslint', () => {
      expect(existsSync(path.join(directory, 'node_modules/typescript'))).toBe(false);
      expect(existsSync(path.join(directory, 'node_modules/@typescript-eslint'))).toBe(false);
      expect(existsSync(path.join(directory, 'node_modules/eslint-plugin-feishu/dist/index.js'))).toBe(true);
    });

    it('lints with ESLint 10', () => {
      expect(eslint(directory, 'eslint', ['bad.js'])).toEqual({ status: 1, ruleIds: ['feishu/no-legacy-message-chat-api'] });
    });
  });
});
