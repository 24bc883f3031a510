import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, occurrences } from '../support/audit-cli';
import { installConsumer, npm, packPlugin } from '../support/pack';
import { plugin } from '../../lib/plugin';
import { packageFileUrl } from '../../lib/package-meta';

// What users install: the tarball `npm pack` makes, in projects of their own.
const root = path.resolve(__dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'feishu-packed-'));
let tarball = '';

/** A committed consumer fixture with the packed plugin installed. */
const consumer = (fixture: string) => installConsumer(fixture, work, tarball);

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

/** Runs the installed `bin`, as `npx eslint-plugin-feishu` does in a project that has the plugin. */
function auditCommand(directory: string, args: string[]) {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  const result = spawnSync(path.join(directory, 'node_modules/.bin/eslint-plugin-feishu'), ['audit', ...args], { cwd: directory, encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let files: string[] = [];
let stage = '';

beforeAll(() => {
  ({ tarball, files, stage } = packPlugin(work));
  mkdirSync(path.join(work, 'unpacked'));
  execFileSync('tar', ['-xzf', tarball, '-C', path.join(work, 'unpacked')]);
}, 120_000);

// The consumers' node_modules are many files: removing them takes longer than a hook's default on a loaded machine.
afterAll(() => rmSync(work, { recursive: true, force: true }), 120_000);

describe('the packed package', () => {
  it('holds only dist, docs (with the audit sample), the READMEs, LICENSE, CHANGELOG, the eslintrc example and package.json', () => {
    const allowed =
      /^(dist\/.+\.(js|d\.ts)|docs\/.+\.md|docs\/examples\/[\w-]+\.(js|ts)|README\.md|README\.zh-CN\.md|LICENSE|CHANGELOG\.md|\.eslintrc\.example\.json|package\.json)$/;
    expect(files.filter((file) => !allowed.test(file))).toEqual([]);
    for (const required of ['dist/index.js', 'dist/index.d.ts', 'dist/cli.js', 'README.md', 'README.zh-CN.md', 'LICENSE', 'CHANGELOG.md', '.eslintrc.example.json']) {
      expect(files).toContain(required);
    }
    expect(files.some((file) => file.startsWith('docs/rules/'))).toBe(true);
  });

  it('names no repository, bugs page or homepage that does not exist', () => {
    const manifest = JSON.parse(readFileSync(path.join(work, 'unpacked/package/package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.repository).toBeUndefined();
    expect(manifest.bugs).toBeUndefined();
    expect(manifest.homepage).toBe(`https://www.npmjs.com/package/${manifest.name as string}`);
  });

  describe.each(['README.md', 'README.zh-CN.md'])('the packed %s', (readme) => {
    const text = () => readFileSync(path.join(work, 'unpacked/package', readme), 'utf8');
    const targets = () => execFileSync(process.execPath, [path.join(root, 'scripts/pack-readme.mjs'), 'links', path.join(work, 'unpacked/package', readme)], { encoding: 'utf8' }).trim().split('\n');

    it('links every file of the package absolutely, at this version, to a file the tarball holds', () => {
      const prefix = packageFileUrl('');
      const own = targets().filter((target) => target.startsWith(prefix));
      expect(own.length).toBeGreaterThan(10);
      for (const target of own) expect(files, target).toContain(target.slice(prefix.length).split('#')[0]);
    });

    it('has no relative link left, and no link to a repository that does not exist', () => {
      expect(targets().filter((target) => !/^(#|https:\/\/)/.test(target))).toEqual([]);
      expect(text()).not.toContain('github.com/eslint-plugin-feishu');
    });

    it('keeps its in-page anchors, each naming a heading of the file', () => {
      const headings = new Set(
        text()
          .split('\n')
          .filter((line) => line.startsWith('#'))
          .map((line) => line.replace(/^#+\s*/, '').trim().toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s/g, '-')),
      );
      for (const anchor of targets().filter((target) => target.startsWith('#'))) expect(headings, anchor).toContain(anchor.slice(1));
    });

    it('is the committed README again once packed (postpack)', () => {
      npm(stage, ['run', 'postpack']);
      expect(readFileSync(path.join(stage, readme), 'utf8')).toBe(readFileSync(path.join(root, readme), 'utf8'));
      expect(existsSync(path.join(stage, '.pack-readme'))).toBe(false);
    });
  });

  it('wires the README rewrite into npm pack and npm publish', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.prepack).toBe('node scripts/pack-readme.mjs rewrite');
    expect(scripts.postpack).toBe('node scripts/pack-readme.mjs restore --unless-publishing');
    expect(scripts.postpublish).toBe('node scripts/pack-readme.mjs restore');
  });

  it('holds the file behind every docs link the rules, ESLint and the audit give', () => {
    const prefix = packageFileUrl('');
    const urls = new Set<string>(Object.values(plugin.rules).map((rule) => rule.meta!.docs!.url!));
    // SARIF holds every link the audit writes: each rule's helpUri (the text and JSON reports' rule links) and informationUri.
    const run = spawnSync(process.execPath, [CLI, 'audit', 'docs/examples', '--format', 'sarif'], { cwd: root, encoding: 'utf8' });
    for (const url of run.stdout.match(/https:\/\/unpkg\.com\/[^\s"')\]]+/g) ?? []) urls.add(url);
    expect(urls.size).toBe(5);
    for (const url of urls) {
      expect(url.startsWith(prefix), url).toBe(true);
      expect(files, url).toContain(url.slice(prefix.length));
    }
  }, 120_000);

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
    ])('%s with the flat config: exit 1 with the rule ids on a bad file, 0 on a clean one', { timeout: 120_000 }, (_, bin) => {
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

    it('runs the audit command from node_modules/.bin, TypeScript included, ignoring the project’s own config', () => {
      const run = auditCommand(directory, ['.']);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(1);
      expect(occurrences(run.stdout)).toEqual(['bad.js:1:37', 'bad.ts:4:35']);
    });
  });

  describe('in a JavaScript-only project', () => {
    let directory = '';
    beforeAll(() => {
      directory = consumer('consumer-js');
    }, 240_000);

    it('installs no TypeScript and no typescript-eslint parser (the audit reads TypeScript with oxc-parser)', () => {
      expect(existsSync(path.join(directory, 'node_modules/typescript'))).toBe(false);
      expect(existsSync(path.join(directory, 'node_modules/@typescript-eslint/parser'))).toBe(false);
      expect(existsSync(path.join(directory, 'node_modules/@typescript-eslint/typescript-estree'))).toBe(false);
      expect(existsSync(path.join(directory, 'node_modules/eslint-plugin-feishu/dist/index.js'))).toBe(true);
    });

    it('lints with ESLint 10', () => {
      expect(eslint(directory, 'eslint', ['bad.js'])).toEqual({ status: 1, ruleIds: ['feishu/no-legacy-message-chat-api'] });
    });

    it('runs the audit command on JavaScript without TypeScript', () => {
      const run = auditCommand(directory, ['bad.js']);
      expect({ status: run.status, stderr: run.stderr, found: occurrences(run.stdout) }).toEqual({ status: 1, stderr: '', found: ['bad.js:1:37'] });
    });

    it('audits TypeScript files too, with nothing more installed', () => {
      writeFileSync(path.join(directory, 'typed.ts'), "export const id: string = 'x';\nvoid fetch('https://open.feishu.cn/open-apis/chat/v4/info');\n");
      const run = auditCommand(directory, ['.']);
      expect({ status: run.status, stderr: run.stderr, found: occurrences(run.stdout) }).toEqual({ status: 1, stderr: '', found: ['bad.js:1:37', 'typed.ts:2:12'] });
    });
  });
});
