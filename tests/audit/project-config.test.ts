import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { occurrences, ROOT, runCli } from '../support/audit-cli';

// The project's own settings without running its code (issue 17, 2): each fixture project is copied out of the
// repository first, so that the repository's own eslint.config.mjs is not the nearest config.
const work = mkdtempSync(path.join(tmpdir(), 'feishu-projects-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function project(name: string): string {
  const directory = path.join(work, name);
  cpSync(path.join(ROOT, 'tests/fixtures/audit-projects', name), directory, { recursive: true });
  return directory;
}

const lines = (text: string) => text.split('\n');
/** The text with its wrapped lines joined again (a line break where the wrap took a space). */
const unwrapped = (text: string) => text.replace(/\n(?! )/g, ' ');

describe('settings read from an eslintrc file (JSON with comments, a relative extends, overrides)', () => {
  const directory = project('eslintrc-app-type');

  it('gives the advice for the appType the config sets, and says where it came from', () => {
    const run = runCli(['audit'], directory);
    expect(run.stderr).toBe('');
    expect(lines(run.stdout).slice(1, 3)).toEqual(["Settings: appType 'store' (.eslintrc.json).", 'ESLint config: .eslintrc.json (read, not run).']);
    expect(run.stdout).toContain('Advice for a store app (商店应用).');
    expect(run.stdout).not.toContain('Kind of app not given');
  });

  it('honours the allow list and the rules switched off, for the files they are off for, and says so', () => {
    const run = runCli(['audit'], directory);
    // The reaction list call is allowed, the legacy event rule is off everywhere (extends), the send rule in tests.
    expect(occurrences(run.stdout)).toEqual(['src/bot.js:6:7', 'src/bot.js:5:27']);
    expect(run.stdout).toContain(
      'Honoured from the config: feishu/no-external-chat-reaction-api allows im.messageReaction.list;\n' +
        'feishu/no-legacy-message-chat-api off for 1 of 2 files; feishu/no-legacy-message-event off for every\nfile.\n',
    );
  });

  it('lets flags override what it read, key by key, and says which', () => {
    const run = runCli(['audit', '--app-type', 'self-built', '--format', 'json'], directory);
    const report = JSON.parse(run.stdout) as { settings: object; settingsSource: object };
    expect(report.settings).toEqual({ appType: 'self-built' });
    expect(report.settingsSource).toMatchObject({ configFiles: ['.eslintrc.json'], how: 'read', keys: [{ key: 'appType', from: 'flags' }], overridden: ['appType'] });
  });

  it('uses the flags alone, and says why, when the config’s settings and the flags do not go together', () => {
    const run = runCli(['audit', '--external-sharing'], directory);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("eslint-plugin-feishu: --external-sharing is not allowed with appType: 'store' (.eslintrc.json) (store apps cannot enable external sharing); remove --external-sharing or set --app-type self-built.\n");
  });
});

describe('settings given as flags', () => {
  it('are written as the flags, every one of them, --report-guarded too', () => {
    const run = runCli(['audit', '--app-type', 'self-built', '--external-sharing', '--report-guarded', '--locale', 'en'], project('eslintrc-app-type'));
    expect(run.stderr).toBe('');
    expect(unwrapped(run.stdout)).toContain('Settings: --app-type self-built --external-sharing --locale en --report-guarded.');
  });
});

describe('settings read from a flat config without running it', () => {
  it('evaluates a literal settings.feishu (const bindings, Object.freeze, template strings) and never loads the config’s imports', () => {
    const run = runCli(['audit'], project('flat-literal'));
    expect(run.stderr).toBe('');
    expect(lines(run.stdout).slice(1, 4)).toEqual([
      "Settings: appType 'self-built', linkedOrganization true, apiHosts ['open.corp.example']",
      '(eslint.config.mjs).',
      'ESLint config: eslint.config.mjs (read, not run).',
    ]);
    expect(run.stdout).toContain('Advice for a self-built app with linked organizations (关联组织).');
    // `files: ['test/**']` turns the rule off for the tests, as ESLint matches it.
    expect(occurrences(run.stdout)).toEqual(['src/a.js:1:7']);
  });

  it('falls back to the flags and says why when settings.feishu is computed; --use-eslint-config runs the config', () => {
    const directory = project('flat-computed');
    const read = runCli(['audit'], directory, { FEISHU_APP_TYPE: 'store' });
    expect(read.stdout).toContain(
      'settings.feishu at eslint.config.js:1:52 is computed, and reading it would mean running the config:\nthe flags apply instead (--use-eslint-config runs it).\n',
    );
    expect(read.stdout).toContain('Kind of app not given');
    const ran = runCli(['audit', '--use-eslint-config'], directory, { FEISHU_APP_TYPE: 'store' });
    expect(lines(ran.stdout).slice(1, 3)).toEqual(["Settings: appType 'store' (eslint.config.js).", 'ESLint config: eslint.config.js (run: --use-eslint-config).']);
  });

  it('--use-eslint-config that cannot run the config reads it instead, and says why', () => {
    const run = runCli(['audit', '--use-eslint-config'], project('flat-literal'));
    expect(run.stdout).toMatch(/^--use-eslint-config: the config could not be run \(Cannot find package 'eslint-plugin-feishu'/m);
    expect(run.stdout).toContain('Advice for a self-built app with linked organizations');
  });
});

describe('settings read from package.json and YAML; broken and disagreeing configs', () => {
  it('reads package.json#eslintConfig, its locale included', () => {
    const run = runCli(['audit'], project('package-json'));
    expect(lines(run.stdout)[1]).toBe("设置：appType 'self-built', externalSharing true, locale 'zh-CN' (package.json)。");
    expect(run.stdout).toContain('以下建议针对已开启对外共享的自建应用');
  });

  it('is not an error when a config is broken or files disagree: the flags apply, and the report says why', () => {
    const run = runCli(['audit', '--app-type', 'store'], project('yaml-broken'));
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('bad/.eslintrc.json cannot be used (Expected double-quoted property name in JSON at position 50)');
    expect(unwrapped(run.stdout)).toContain("(none for bad/a.js; { appType: 'store' } (good/.eslintrc.yml) for good/a.js)");
    expect(run.stdout).toContain('Advice for a store app (商店应用).');
  });
});

describe('a mixed JavaScript and TypeScript monorepo with workspaces, nested .gitignore files and a config per package', () => {
  const directory = project('monorepo');
  // Made here: git would not commit what the fixture's own .gitignore files ignore.
  for (const [file, text] of [
    ['packages/bot/generated/ignored.js', 'fetch("https://open.feishu.cn/open-apis/chat/v4/info");\n'],
    ['packages/bot/generated/keep.js', 'fetch("https://open.feishu.cn/open-apis/chat/v4/info");\n'],
    ['dist/bundle.js', 'fetch("https://open.feishu.cn/open-apis/chat/v4/info");\n'],
  ] as const) {
    mkdirSync(path.dirname(path.join(directory, file)), { recursive: true });
    writeFileSync(path.join(directory, file), text);
  }

  it('audits every package’s JavaScript and TypeScript, and skips what each .gitignore ignores', () => {
    const run = runCli(['audit'], directory);
    expect(run.stderr).toBe('');
    expect(occurrences(run.stdout)).toEqual([
      'packages/bot/generated/keep.js:1:7',
      'packages/shared/src/api.ts:1:34',
      'packages/web/src/Pin.tsx:3:102',
      'packages/bot/src/index.js:2:58',
    ]);
  });

  it('uses the flags when the packages’ configs give different settings, and says which files disagree', () => {
    const run = runCli(['audit', '--app-type', 'self-built'], directory);
    expect(run.stdout).toContain('ESLint config: packages/bot/.eslintrc.json, packages/web/eslint.config.mjs (read, not run).');
    expect(unwrapped(run.stdout)).toContain(
      "The config gives settings.feishu different values for different files ({ appType: 'self-built' } (packages/bot/.eslintrc.json) " +
        'for packages/bot/generated/keep.js, packages/bot/src/index.js; none for packages/shared/src/api.ts; ' +
        "{ appType: 'store' } (packages/web/eslint.config.mjs) for packages/web/eslint.config.mjs, packages/web/src/Pin.tsx): the flags apply instead.",
    );
    expect(run.stdout).toContain('Advice for a self-built app (自建应用) without linked organizations.');
  });
});

describe('allow lists in the users’ words, read as the rule reads them', () => {
  const write = (allow: readonly string[]) => {
    const directory = mkdtempSync(path.join(work, 'allow-'));
    mkdirSync(path.join(directory, 'src'));
    writeFileSync(
      path.join(directory, '.eslintrc.json'),
      JSON.stringify({ root: true, plugins: ['feishu'], rules: { 'feishu/no-external-chat-reaction-api': ['error', { allow }] } }),
    );
    writeFileSync(
      path.join(directory, 'src/bot.js'),
      "const lark = require('@larksuiteoapi/node-sdk');\nconst client = new lark.Client({});\nclient.im.messageReaction.list({});\nclient.im.messageReaction.create({});\n",
    );
    return directory;
  };

  it('honours an entry written as a method and path, or as the node-sdk method, as the catalog id it names', () => {
    const run = runCli(['audit'], write(['GET /open-apis/im/v1/messages/:id/reactions', 'client.im.messageReaction.create']));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(unwrapped(run.stdout)).toContain('feishu/no-external-chat-reaction-api allows im.messageReaction.create, im.messageReaction.list');
  });

  it('says what is wrong with a list the rule would reject, and audits every file with the rule on', () => {
    const run = runCli(['audit'], write(['client.im.messageReaction.list', 'nope']));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('Not audited');
    expect(occurrences(run.stdout)).toEqual(['src/bot.js:4:27', 'src/bot.js:3:27']);
    expect(unwrapped(run.stdout)).toContain("feishu/no-external-chat-reaction-api in the config is invalid ('nope' names no endpoint of this rule;");
  });
});
