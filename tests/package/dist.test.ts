import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ESLint as FlatESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// These tests read the build (`npm test` builds first): what users install.
const root = path.resolve(__dirname, '../..');
const require = createRequire(__filename);
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  optionalDependencies?: Record<string, string>;
  version: string;
  dependencies?: Record<string, string>;
};

interface Plugin {
  meta: { name: string; version: string };
  rules: Record<string, unknown>;
  configs: Record<string, unknown>;
  default?: unknown;
}
const dist = require(path.join(root, 'dist')) as Plugin;

const BAD = "export const send = () => fetch('https://open.feishu.cn/open-apis/message/v4/send');\n";
const CLEAN = "export const send = () => fetch('https://open.feishu.cn/open-apis/im/v1/messages');\n";
const RULE_IDS = ['feishu/no-legacy-message-chat-api'];
const SDK_CALL = 'client.im.v1.messageReaction.create({ data });\n';

describe('the built package', () => {
  it('has an executable bin with a node shebang, as a clone’s `npx eslint-plugin-feishu` runs it', () => {
    const { bin } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(bin).toEqual({ 'eslint-plugin-feishu': 'dist/cli.js' });
    const cli = path.join(root, 'dist/cli.js');
    expect(statSync(cli).mode & 0o111).toBe(0o111);
    expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('is the plugin object itself under require(), not { default }', () => {
    expect(dist.default).toBeUndefined();
    expect(Object.keys(dist).sort()).toEqual(['configs', 'meta', 'rules']);
    expect(Object.keys(dist.rules).sort()).toEqual([
      'no-external-chat-management-api',
      'no-external-chat-reaction-api',
      'no-legacy-message-chat-api',
      'no-legacy-message-event',
    ]);
    expect(Object.keys(dist.configs).sort()).toEqual(['legacy-recommended', 'recommended']);
    expect(dist.meta).toMatchObject({ name: 'eslint-plugin-feishu', version: pkg.version });
  });

  it('loads without TypeScript or typescript-eslint at run time', () => {
    // A fresh process that fails any require() of them, as a JavaScript-only install would.
    const script = `
      const Module = require('node:module');
      const load = Module._load;
      Module._load = function (request, ...rest) {
        if (request === 'typescript' || request.startsWith('@typescript-eslint/') || request === 'typescript-eslint') {
          throw new Error('runtime require of ' + request);
        }
        return load.call(this, request, ...rest);
      };
      const plugin = require(${JSON.stringify(path.join(root, 'dist'))});
      const { Linter } = require('eslint');
      const code = ${JSON.stringify(BAD + SDK_CALL)};
      const messages = new Linter().verify(code, [plugin.configs.recommended], 'file.js');
      process.stdout.write(JSON.stringify(messages.map((m) => m.ruleId)));
    `;
    const out = execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([...RULE_IDS, 'feishu/no-external-chat-reaction-api']);
  });

  it('brings no TypeScript with its runtime dependencies: none is typescript, needs it or has it as a peer', () => {
    // typescript-eslint's parser (and the packages over typescript-estree) declare typescript as a peer, which npm
    // installs: a JavaScript-only project must not get the compiler. Its scope manager and visitor keys do not.
    const needsTypeScript: string[] = [];
    const seen = new Set<string>();
    const pending = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})].map((name) => ({ name, from: root }));
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      if (seen.has(next.name)) continue;
      seen.add(next.name);
      let manifestFile: string;
      try {
        manifestFile = createRequire(path.join(next.from, 'x.js')).resolve(`${next.name}/package.json`);
      } catch {
        continue; // an optional dependency for another platform
      }
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, Record<string, string> | undefined>;
      const requires = { ...manifest.dependencies, ...manifest.peerDependencies };
      if (next.name === 'typescript' || 'typescript' in requires) needsTypeScript.push(next.name);
      for (const name of Object.keys(manifest.dependencies ?? {})) pending.push({ name, from: path.dirname(manifestFile) });
    }
    expect(seen.has('@typescript-eslint/scope-manager')).toBe(true);
    expect(needsTypeScript).toEqual([]);
  });
});

describe('ESLint versions', () => {
  async function lintWithFlat(eslintModule: string): Promise<string[][]> {
    const { ESLint } = require(eslintModule) as { ESLint: typeof FlatESLint };
    const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [dist.configs.recommended as never] });
    const results = await Promise.all([
      eslint.lintText(BAD, { filePath: path.join(root, 'bad.js') }),
      eslint.lintText(CLEAN, { filePath: path.join(root, 'clean.js') }),
    ]);
    return results.map(([result]) => result!.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`));
  }

  it('lints with ESLint 10 and the flat config', async () => {
    expect(require('eslint/package.json').version).toMatch(/^10\./);
    expect(await lintWithFlat('eslint')).toEqual([RULE_IDS, []]);
  });

  it('lints with ESLint 9 and the flat config', async () => {
    expect(require('eslint9/package.json').version).toMatch(/^9\./);
    expect(await lintWithFlat('eslint9')).toEqual([RULE_IDS, []]);
  });

  // ESLint ≥ 9.15 merges meta.defaultOptions into configured options itself; ESLint 8 does not, so the rule does.
  // One process, the option changing from lint to lint: what a rule keeps between files must follow it.
  it('applies configured options whether ESLint merged the defaults (10) or not (8.57)', async () => {
    const { ESLint: ESLint8 } = require('eslint8') as { ESLint: new (options: object) => { lintText: (text: string, options: object) => Promise<{ messages: { ruleId: string | null; messageId?: string }[] }[]> } };
    const { ESLint: ESLint10 } = require('eslint') as { ESLint: typeof FlatESLint };
    const lint8 = async (options: unknown[]) => {
      const eslint = new ESLint8({
        cwd: root,
        useEslintrc: false,
        overrideConfig: { parserOptions: { ecmaVersion: 2022, sourceType: 'module' }, plugins: ['feishu'], rules: { 'feishu/no-legacy-message-chat-api': ['error', ...options] } },
        plugins: { feishu: dist },
      });
      const [result] = await eslint.lintText(BAD, { filePath: path.join(root, 'bad.js') });
      return result!.messages.map((m) => `${m.ruleId} ${m.messageId}`);
    };
    const lint10 = async (options: unknown[]) => {
      const eslint = new ESLint10({ cwd: root, overrideConfigFile: true, overrideConfig: [{ plugins: { feishu: dist as never }, rules: { 'feishu/no-legacy-message-chat-api': ['error', ...options] } }] });
      const [result] = await eslint.lintText(BAD, { filePath: path.join(root, 'bad.js') });
      return result!.messages.map((m) => `${m.ruleId} ${m.messageId}`);
    };
    const reported = ['feishu/no-legacy-message-chat-api legacyEndpoint'];
    // An `allow` entry that names nothing is reported instead of the file's findings.
    const invalid = ['feishu/no-legacy-message-chat-api invalidAllow'];
    for (const lint of [lint8, lint10]) {
      expect(await lint([])).toEqual(reported);
      expect(await lint([{}])).toEqual(reported);
      expect(await lint([{ allow: ['/open-apis/message/v4/send'] }])).toEqual([]);
      expect(await lint([{ allow: ['/open-apis/message/v4/sendx'] }])).toEqual(invalid);
      expect(await lint([{ allow: [] }])).toEqual(reported);
      // A JavaScript config may leave a key undefined: the default stands (0.2.3 threw on ESLint 8).
      expect(await lint([{ allow: undefined }])).toEqual(reported);
    }
  });

  it('lints with ESLint 8.57 and .eslintrc.example.json as it is', async () => {
    expect(require('eslint8/package.json').version).toBe('8.57.1');
    const { ESLint } = require('eslint8') as { ESLint: new (options: object) => { lintText: (text: string, options: object) => Promise<{ messages: { ruleId: string | null; message: string }[] }[]> } };
    const eslint = new ESLint({
      cwd: root,
      useEslintrc: false,
      overrideConfigFile: path.join(root, '.eslintrc.example.json'),
      // The plugin as installed: ESLint 8 would resolve `feishu` to this very object.
      plugins: { feishu: dist },
    });
    const [bad] = await eslint.lintText(BAD, { filePath: path.join(root, 'bad.js') });
    const [clean] = await eslint.lintText(CLEAN, { filePath: path.join(root, 'clean.js') });
    expect(bad!.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`)).toEqual(RULE_IDS);
    expect(clean!.messages).toEqual([]);
  });
});
