import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { occurrences } from '../support/audit-cli';

// The packed tarball, installed as a user installs it (no dev dependencies), on a TypeScript project that has no
// TypeScript parser (issue 17, 1 and 5), and from outside an untrusted tree (issue 15, 21).
const root = path.resolve(__dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'feishu-slow-packed-'));
const npm = (cwd: string, args: string[]) =>
  execFileSync('npm', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } });

let project = '';
let bin = '';
beforeAll(() => {
  npm(root, ['pack', '--ignore-scripts', '--pack-destination', work]);
  const tarball = readdirSync(work).find((file) => file.endsWith('.tgz'));
  if (tarball === undefined) throw new Error('npm pack wrote no tarball');
  project = path.join(work, 'typescript-no-parser');
  cpSync(path.join(root, 'tests/fixtures/typescript-no-parser'), project, { recursive: true });
  npm(project, ['install', '--no-save', '--omit=dev', '--prefer-offline', path.join(work, tarball)]);
  bin = path.join(project, 'node_modules/.bin/eslint-plugin-feishu');
}, 240_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

function audit(args: string[], cwd: string) {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  const result = spawnSync(bin, ['audit', ...args], { cwd, encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the packed plugin in a TypeScript project without a TypeScript parser', () => {
  it('installed no TypeScript and no typescript-eslint parser, and oxc-parser for the platform', () => {
    expect(existsSync(path.join(project, 'node_modules/typescript'))).toBe(false);
    expect(existsSync(path.join(project, 'node_modules/@typescript-eslint/parser'))).toBe(false);
    expect(existsSync(path.join(project, 'node_modules/@typescript-eslint/typescript-estree'))).toBe(false);
    expect(existsSync(path.join(project, 'node_modules/oxc-parser'))).toBe(true);
  });

  it('audits every .js .jsx .mjs .cjs .ts .tsx .mts .cts file, lists the one that does not parse, and exits by the findings', () => {
    const run = audit(['.'], project);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^eslint-plugin-feishu audit: 8 findings in 8 of 8 files$/m);
    expect(occurrences(run.stdout).sort()).toEqual(
      [
        'src/bot.ts:6:35',
        'src/card.tsx:1:81',
        'src/esm.mjs:1:35',
        'src/legacy.mts:1:21',
        'src/old.cts:2:58',
        'src/script.cjs:1:28',
        'src/util.js:1:37',
        'src/view.jsx:1:56',
      ].sort(),
    );
    expect(run.stdout).toMatch(/^ {2}src\/broken\.ts:1:8 {2}does not parse: Parsing error: /m);
  });
});

describe('15.21 the audit never runs code of the tree it audits', () => {
  it('15.21 loads no parser from the working directory’s node_modules, and does not run its ESLint config unless asked', () => {
    const untrusted = path.join(work, 'untrusted');
    const marker = (name: string) => path.join(work, `${name}-ran`);
    const planted = `require('node:fs').writeFileSync(${JSON.stringify(marker('parser'))}, '');\nmodule.exports = { parseForESLint() { throw new Error('planted'); } };\n`;
    for (const [file, text] of [
      ['node_modules/@typescript-eslint/parser/package.json', '{ "name": "@typescript-eslint/parser", "version": "8.72.0", "main": "index.js" }'],
      ['node_modules/@typescript-eslint/parser/index.js', planted],
      ['node_modules/typescript/package.json', '{ "name": "typescript", "version": "6.0.3", "main": "index.js" }'],
      ['node_modules/typescript/index.js', planted],
      ['eslint.config.js', `require('node:fs').writeFileSync(${JSON.stringify(marker('config'))}, '');\nmodule.exports = [{ settings: { feishu: { appType: 'store' } } }];\n`],
      ['a.ts', "const u: string = 'https://open.feishu.cn/open-apis/chat/v4/info';\nfetch(u);\n"],
    ] as const) {
      mkdirSync(path.dirname(path.join(untrusted, file)), { recursive: true });
      writeFileSync(path.join(untrusted, file), text);
    }
    const run = audit(['.'], untrusted);
    expect(run.stderr).toBe('');
    expect(occurrences(run.stdout)).toEqual(['a.ts:1:19']);
    expect(existsSync(marker('parser'))).toBe(false);
    expect(existsSync(marker('config'))).toBe(false);
    // Asked to, it runs the config (and only the config: the parser is still the plugin's).
    const ran = audit(['.', '--use-eslint-config'], untrusted);
    expect(ran.stdout).toContain("Settings: appType 'store' (eslint.config.js).");
    expect(existsSync(marker('config'))).toBe(true);
    expect(existsSync(marker('parser'))).toBe(false);
  });
});
