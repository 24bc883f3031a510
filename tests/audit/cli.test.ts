import { readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { CLI, temporaryTrees, occurrences, ROOT, runCli, SAMPLE_OCCURRENCES } from '../support/audit-cli';

// The built command as a subprocess, on fixture trees: what `npx eslint-plugin-feishu audit` does.

const tree = temporaryTrees();

const LEGACY_SEND = "await fetch('https://open.feishu.cn/open-apis/message/v4/send', { method: 'POST' });\n";
const REACTION =
  "import * as lark from '@larksuiteoapi/node-sdk';\nconst client = new lark.Client({ appId: 'a', appSecret: 'b' });\nawait client.im.messageReaction.create({});\n";
const CLEAN = "await fetch('https://open.feishu.cn/open-apis/im/v1/messages', { method: 'POST' });\n";
/** The settings' lines of a report on a tree outside any ESLint config, without flags. */
const DEFAULTS = 'Settings: the defaults.\nNo ESLint config applies to the audited files.\n';

describe('eslint-plugin-feishu audit, on the shipped sample', () => {
  const run = runCli(['audit', 'docs/examples'], ROOT);

  it('exits 1 and lists every finding under its error code and endpoint, in order', () => {
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    const headings = run.stdout.split('\n').filter((line) => /^(\d{6} {2}|Legacy `message`)/.test(line));
    expect(headings).toEqual([
      '232102  Legacy message, chat and bot APIs (v3/v4) · 2 findings',
      '231021  Message reactions · 1 finding',
      '232033  Chat announcements, managers, tabs, menus, share links and widgets · 2 findings',
      'Legacy `message` event (event schema v1) · 1 finding',
    ]);
    expect(run.stdout).toMatch(/^eslint-plugin-feishu audit: 6 findings in 3 of 5 files$/m);
    expect(occurrences(run.stdout)).toEqual(SAMPLE_OCCURRENCES);
  });

  it('says, for each endpoint, what fails since when and what to do', () => {
    expect(run.stdout).toContain('  POST /open-apis/message/v4/send ([Legacy] Send message) · 1 finding\n');
    expect(run.stdout).toContain('    What to do: Migrate to POST /open-apis/im/v1/messages?receive_id_type=chat_id (node-sdk:');
    expect(run.stdout).toContain('These calls fail with error 232102 in external chats (外部群) since 2025-06-25 (2025-07-23 for');
    expect(run.stdout).toContain('    docs/examples/group-tools.ts:7:35  via client.im.messageReaction.create()\n');
    // Without --app-type: a self-built app's remedy per endpoint, the other kinds' once.
    expect(run.stdout).toContain('  - Store apps have no replacement: contact Feishu technical support');
    expect(run.stdout).toContain('  - Apps with linked organizations may call in external chats only the APIs on the Developer');
    expect(run.stdout).toContain('  feishu/no-legacy-message-chat-api: https://unpkg.com/eslint-plugin-feishu@');
  });

  it('writes nothing on stderr off a terminal (no progress), and no colour', () => {
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain('\u001B[');
  });

  it('writes nothing into the audited tree', () => {
    const directory = tree({ 'a.js': LEGACY_SEND, 'b.ts': REACTION, 'sub/c.js': CLEAN });
    const listing = () =>
      readdirSync(directory, { recursive: true, encoding: 'utf8' })
        .sort()
        .map((file) => `${file} ${statSync(path.join(directory, file)).mtimeMs}`);
    const before = listing();
    expect(runCli(['audit'], directory).status).toBe(1);
    expect(listing()).toEqual(before);
  });
});

describe('eslint-plugin-feishu audit, on fixture trees', () => {
  it('exits 0 with the all-clear on a clean tree', () => {
    const run = runCli(['audit', '.'], tree({ 'src/send.js': CLEAN, 'src/types.ts': 'export type Id = string;\n' }));
    expect(run).toEqual({
      status: 0,
      stdout: `No findings in 2 audited files: no API or event that fails in external chats (外部群) is used.\n${DEFAULTS}`,
      stderr: '',
    });
  });

  it('skips a file that does not parse, says so, and audits the rest', () => {
    const directory = tree({ 'broken.js': 'const = 1;\n', 'bad.js': LEGACY_SEND, 'broken.ts': 'let x: = 2;\n' });
    const run = runCli(['audit'], directory);
    expect(run.status).toBe(1);
    expect(occurrences(run.stdout)).toEqual(['bad.js:1:13']);
    expect(run.stdout).toMatch(/^eslint-plugin-feishu audit: 1 finding in 1 of 1 file$/m);
    expect(run.stdout).toContain('Not audited (2):\n');
    expect(run.stdout).toMatch(/^ {2}broken\.js:1:7 {2}does not parse: Parsing error: Unexpected token =$/m);
    // Columns from 1 for TypeScript too (typescript-eslint's parser counts from 0).
    expect(run.stdout).toMatch(/^ {2}broken\.ts:1:8 {2}does not parse: Parsing error: Type expected\.$/m);
  });

  it('exits 2 when no file could be audited, after the report that says why', () => {
    const run = runCli(['audit'], tree({ 'broken.js': 'function (' }));
    expect(run.status).toBe(2);
    expect(run.stdout.startsWith(`Nothing audited: the one file found could not be linted.\n${DEFAULTS}\nNot audited (1):`)).toBe(true);
    expect(run.stdout).toContain('Not audited (1):\n  broken.js:1:10  does not parse:');
    expect(run.stderr).toBe('eslint-plugin-feishu: the one file found could not be audited (the report lists why).\n');
  });

  it('exits 2 with --max-findings too when nothing could be audited, without the threshold line', () => {
    const run = runCli(['audit', '--max-findings', '3'], tree({ 'a.js': 'const = 1;\n', 'b.js': 'function (' }));
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/^Nothing audited: none of the 2 files found could be linted\./);
    expect(run.stdout).not.toContain('--max-findings');
    expect(run.stderr).toBe('eslint-plugin-feishu: none of the 2 files found could be audited (the report lists why).\n');
  });

  it('reads a .js file that only parses as a script (with, legacy octal) as one', () => {
    const script = "with (Math) { max(1, 2); }\nvar mode = 0755;\nfetch('https://open.feishu.cn/open-apis/chat/v4/info');\n";
    const run = runCli(['audit'], tree({ 'old.js': script }));
    expect(run.status).toBe(1);
    expect(occurrences(run.stdout)).toEqual(['old.js:3:7']);
    expect(run.stdout).not.toContain('Skipped');
  });

  it('exits 2 with one line for a path that does not exist', () => {
    const run = runCli(['audit', 'src', 'no/such/dir'], tree({ 'src/a.js': LEGACY_SEND }));
    expect(run).toEqual({ status: 2, stdout: '', stderr: 'eslint-plugin-feishu: cannot audit no/such/dir: no such file or directory.\n' });
  });

  it('exits 2 with one line for a tree with nothing to audit, and for a file that is not code', () => {
    const directory = tree({ 'README.md': '# x\n', 'node_modules/x/index.js': LEGACY_SEND });
    expect(runCli(['audit'], directory)).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'eslint-plugin-feishu: found no JavaScript or TypeScript files to audit in . (node_modules, build output, ' +
        "declaration and minified files, and what .gitignore ignores are skipped).\n",
    });
    const run = runCli(['audit', 'README.md'], directory);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^eslint-plugin-feishu: cannot audit README\.md: not a JavaScript or TypeScript file \(\.js .+\)\.\n$/);
  });

  it('skips node_modules, build output, declaration and minified files, and what .gitignore files ignore', () => {
    const directory = tree({
      'src/a.js': LEGACY_SEND,
      'node_modules/lib/index.js': LEGACY_SEND,
      'packages/app/node_modules/lib/index.js': LEGACY_SEND,
      'dist/a.js': LEGACY_SEND,
      'build/a.js': LEGACY_SEND,
      'packages/app/.next/server.js': LEGACY_SEND,
      'src/a.min.js': LEGACY_SEND,
      'src/api.d.ts': "export declare const url: '/open-apis/message/v4/send';\n",
      '.gitignore': 'generated/\n*.gen.js\n!keep.gen.js\nlogs/\n',
      'src/generated/a.js': LEGACY_SEND,
      'src/x.gen.js': LEGACY_SEND,
      'src/keep.gen.js': LEGACY_SEND,
      'packages/app/.gitignore': '/local.js\n!logs/\n',
      'logs/a.js': LEGACY_SEND,
      'packages/app/logs/a.js': LEGACY_SEND,
      'packages/app/local.js': LEGACY_SEND,
      'packages/app/src/local.js': LEGACY_SEND,
    });
    const run = runCli(['audit'], directory);
    // A deeper .gitignore re-includes packages/app/logs/, which the top one ignores.
    expect(occurrences(run.stdout)).toEqual([
      'packages/app/logs/a.js:1:13',
      'packages/app/src/local.js:1:13',
      'src/a.js:1:13',
      'src/keep.gen.js:1:13',
    ]);
  });

  it('audits a path named on the command line even where a walk would skip it, or .gitignore ignores it', () => {
    const directory = tree({
      '.gitignore': 'node_modules/\ndist\n',
      'src/a.js': CLEAN,
      'node_modules/lib/index.js': LEGACY_SEND,
      'dist/out.js': LEGACY_SEND,
    });
    const run = runCli(['audit', 'node_modules/lib', 'dist/out.js', 'src'], directory);
    expect(occurrences(run.stdout)).toEqual(['dist/out.js:1:13', 'node_modules/lib/index.js:1:13']);
  });

  it('audits files with comments ESLint 10 rejects (/* eslint-env */), which still parse', () => {
    const run = runCli(['audit'], tree({ 'old.js': `/* eslint-env node, mocha */\n${LEGACY_SEND}` }));
    expect(run.status).toBe(1);
    expect(occurrences(run.stdout)).toEqual(['old.js:2:13']);
    expect(run.stdout).not.toContain('Skipped');
  });

  it('honours eslint-disable comments, and counts what they suppress', () => {
    const directory = tree({
      'a.js': `// eslint-disable-next-line feishu/no-legacy-message-chat-api -- checked: internal chats only\n${LEGACY_SEND}${LEGACY_SEND}`,
      // Directives and config comments of plugins the audit does not load change nothing.
      'b.js': `/* eslint react/jsx-key: "error" */\n// eslint-disable-next-line react-hooks/exhaustive-deps\n${LEGACY_SEND}`,
    });
    const run = runCli(['audit'], directory);
    expect(run.status).toBe(1);
    expect(occurrences(run.stdout)).toEqual(['a.js:3:13', 'b.js:3:13']);
    expect(run.stdout).toContain('1 finding not counted: comments in the code turn the rule off there');
  });

  it('counts findings a /* eslint */ comment turns off, and keeps those of a directive naming an unknown feishu rule', () => {
    const run = runCli(
      ['audit'],
      tree({
        'off.js': `/* eslint feishu/no-legacy-message-chat-api: "off" */\n${LEGACY_SEND}${LEGACY_SEND}`,
        'future.js': `// eslint-disable-next-line feishu/some-future-rule\n${LEGACY_SEND}`,
        'invalid.js': `/* eslint feishu/no-legacy-message-chat-api: ["error", { "bogus": 1 }] */\n${LEGACY_SEND}`,
      }),
    );
    expect(run.stdout).not.toContain('Not audited');
    expect(occurrences(run.stdout)).toEqual(['future.js:2:13', 'invalid.js:2:13']);
    expect(run.stdout).toContain('2 findings not counted: comments in the code turn the rule off there');
  });

  it('audits a file once however it is reached (named twice, or through a symbolic link)', () => {
    const directory = tree({ 'src/a.js': LEGACY_SEND });
    symlinkSync(path.join(directory, 'src/a.js'), path.join(directory, 'link.js'));
    symlinkSync(path.join(directory, 'src'), path.join(directory, 'src-link'));
    const run = runCli(['audit', 'src', 'link.js', 'src-link', 'src/a.js', '.'], directory);
    expect(occurrences(run.stdout)).toEqual(['src/a.js:1:13']);
  });

  it('audits a named minified or declaration file, and skips upper-case extensions ESLint would not lint', () => {
    const directory = tree({ 'app.min.js': LEGACY_SEND, 'api.d.ts': 'declare const x: string;\n', 'OLD.JS': LEGACY_SEND, 'b.js': CLEAN });
    expect(occurrences(runCli(['audit', 'app.min.js', 'api.d.ts'], directory).stdout)).toEqual(['app.min.js:1:13']);
    expect(runCli(['audit'], directory).stdout).toBe(`No findings in 1 audited file: no API or event that fails in external chats (外部群) is used.\n${DEFAULTS}`);
    expect(runCli(['audit', 'OLD.JS'], directory).stderr).toMatch(/^eslint-plugin-feishu: cannot audit OLD\.JS: not a JavaScript or TypeScript file/);
  });

  it('exits 2 for an empty path, rather than auditing the current directory', () => {
    expect(runCli(['audit', 'a.js', ''], tree({ 'a.js': CLEAN }))).toEqual({
      status: 2,
      stdout: '',
      stderr: "eslint-plugin-feishu: cannot audit '': an empty path.\n",
    });
  });

  it('keeps stderr empty when ESLint would warn about the project’s own config (.eslintignore, eslint-env)', () => {
    const run = runCli(['audit'], tree({ '.eslintignore': 'dist\n', 'a.js': `/* eslint-env node */\n${LEGACY_SEND}` }));
    expect(run.stderr).toBe('');
    expect(occurrences(run.stdout)).toEqual(['a.js:2:13']);
  });

  it('reads JSX in .js and .jsx files, and TypeScript in .tsx, .mts and .cts', () => {
    const jsx = "const App = () => <button onClick={() => fetch('/open-apis/message/v4/send')}>send</button>;\n";
    const run = runCli(
      ['audit'],
      tree({
        'a.js': jsx,
        'b.jsx': jsx,
        'c.tsx': `const App = (): JSX.Element => <a href={String(1 as number)} onClick={() => fetch('/open-apis/chat/v4/info')} />;\n`,
        'd.mts': `const u: string = '/open-apis/chat/v4/info';\nfetch(u);\n`,
        'e.cts': `const u = <string>'/open-apis/chat/v4/info';\nfetch(u);\n`,
      }),
    );
    expect(run.stdout).not.toContain('Skipped');
    expect(occurrences(run.stdout)).toEqual(['a.js:1:48', 'b.jsx:1:48', 'c.tsx:1:83', 'd.mts:1:19', 'e.cts:1:19']);
  });

  it('ends quietly when the reader closes the pipe early (… | head)', () => {
    // Far more output than a pipe holds, so that writing outlives the reader.
    const directory = tree({ 'many.js': LEGACY_SEND.repeat(8000) });
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" audit | head -n 1`], { cwd: directory, encoding: 'utf8' });
    expect(result.stdout).toBe('eslint-plugin-feishu audit: 8000 findings in 1 of 1 file\n');
    expect(result.stderr).toBe('');
  });

  it('exits 0 within --max-findings, 1 over it', () => {
    const directory = tree({ 'a.js': LEGACY_SEND + LEGACY_SEND });
    expect(runCli(['audit', '--max-findings', '2'], directory).status).toBe(0);
    expect(runCli(['audit', '--max-findings', '2'], directory).stdout).toContain('Within --max-findings 2.');
    expect(runCli(['audit', '--max-findings', '1'], directory).status).toBe(1);
    expect(runCli(['audit', '--max-findings', '1'], directory).stdout).toContain('Over --max-findings 1.');
  });
});

describe('eslint-plugin-feishu audit, flags for the kind of app', () => {
  const directory = tree({
    'legacy.js': LEGACY_SEND,
    'sdk.ts': `${REACTION}await client.im.chatManagers.addManagers({});\n`,
    // Host-less paths count only with evidence: a private host, or --assume-open-platform.
    'private.js': "const base = 'https://im.corp.example';\nfetch('/chat/v4/info');\n",
    'wrapper.js': "api.post('/chat/v4/info');\n",
  });

  it('--app-type store gives a store app’s remedy, once per endpoint', () => {
    const run = runCli(['audit', '--app-type', 'store'], directory);
    expect(run.stdout).toContain('Advice for a store app (商店应用).');
    expect(run.stdout).toContain('    What to do: Store apps have no replacement: contact Feishu technical support');
    expect(run.stdout).not.toContain('Migrate to');
  });

  it('--app-type self-built --external-sharing reports only what stays blocked', () => {
    const run = runCli(['audit', '--app-type', 'self-built', '--external-sharing'], directory);
    expect(occurrences(run.stdout)).toEqual(['legacy.js:1:13', 'sdk.ts:4:30']);
  });

  it('--app-type self-built --linked-organization gives the 2025-07-23 date', () => {
    const run = runCli(['audit', '--app-type', 'self-built', '--linked-organization'], directory);
    expect(run.stdout).toContain('since 2025-07-23;');
    expect(run.stdout).toContain('    What to do: Apps with linked organizations may call in external chats only the APIs on the\n');
  });

  it('--api-host (repeatable) and --assume-open-platform add evidence', () => {
    expect(occurrences(runCli(['audit'], directory).stdout)).not.toContain('private.js:2:7');
    const hosts = runCli(['audit', '--api-host', 'other.example', '--api-host', 'im.corp.example'], directory);
    expect(occurrences(hosts.stdout)).toContain('private.js:2:7');
    expect(occurrences(hosts.stdout)).not.toContain('wrapper.js:1:10');
    expect(occurrences(runCli(['audit', '--assume-open-platform'], directory).stdout)).toContain('wrapper.js:1:10');
  });

  it('--locale zh-CN writes the report in Chinese', () => {
    const run = runCli(['audit', '--locale', 'zh-CN', '--app-type', 'self-built'], directory);
    expect(run.stdout).toMatch(/^eslint-plugin-feishu audit: 4 个文件中有 2 个文件共 3 处问题$/m);
    expect(run.stdout).toContain('232102  历史版本的消息、群组与机器人接口（v3/v4）· 1 处');
    expect(run.stdout).toContain('处理建议：请迁移到');
  });

  it.each([
    [['audit', '--app-type', 'bot'], "--app-type must be 'store' or 'self-built'; got 'bot'."],
    [['audit', '--external-sharing'], '--external-sharing needs --app-type self-built; got no --app-type.'],
    [
      ['audit', '--app-type', 'store', '--external-sharing'],
      '--external-sharing is not allowed with --app-type store (store apps cannot enable external sharing); remove --external-sharing or set --app-type self-built.',
    ],
    [
      ['audit', '--app-type', 'self-built', '--linked-organization', '--external-sharing'],
      '--external-sharing is not allowed with --linked-organization (the platform does not let an app with linked organizations enable external sharing); keep only one of them.',
    ],
    [['audit', '--api-host', 'https://open.example.com'], "--api-host must be a host name such as 'open.example.com' (no scheme, no path); got 'https://open.example.com'."],
    [['audit', '--locale', 'fr'], "--locale must be 'en' or 'zh-CN'; got 'fr'."],
    [['audit', '--format', 'xml'], "--format must be 'text', 'json' or 'sarif'; got 'xml'."],
    [['audit', '--max-findings=-1'], "--max-findings must be a whole number, 0 or more; got '-1'."],
    [['audit', '--max-findings', '1.5'], "--max-findings must be a whole number, 0 or more; got '1.5'."],
    [['audit', '--bogus'], 'unknown option --bogus. Run eslint-plugin-feishu --help for the options.'],
    [['audit', '--app-type'], "Option '--app-type <value>' argument missing. Run eslint-plugin-feishu --help for the options."],
    [['lint'], "unknown command 'lint'; the command is audit."],
    [[], 'no command given; the command is audit. Run eslint-plugin-feishu --help for the options.'],
  ])('%j: exit 2, one line', (args, message) => {
    expect(runCli(args, directory)).toEqual({ status: 2, stdout: '', stderr: `eslint-plugin-feishu: ${message}\n` });
  });

  it('--help and --version print on stdout and exit 0', () => {
    const help = runCli(['--help'], directory);
    expect(help.status).toBe(0);
    for (const flag of ['--app-type', '--linked-organization', '--external-sharing', '--api-host', '--assume-open-platform', '--locale', '--format', '--output', '--max-findings']) {
      expect(help.stdout).toContain(flag);
    }
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(runCli(['audit', '--version'], directory)).toEqual({ status: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
});

describe('eslint-plugin-feishu audit, colour', () => {
  const directory = tree({ 'a.js': LEGACY_SEND });

  it('is off a terminal by default, on with FORCE_COLOR, and off again with NO_COLOR', () => {
    expect(runCli(['audit'], directory).stdout).not.toContain('\u001B[');
    expect(runCli(['audit'], directory, { FORCE_COLOR: '1' }).stdout).toContain('\u001B[1m');
    expect(runCli(['audit'], directory, { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toContain('\u001B[');
  });

  it('never colours a report written to a file or in JSON', () => {
    const out = path.join(directory, 'out', 'report.txt');
    const run = runCli(['audit', 'a.js', '--output', out], directory, { FORCE_COLOR: '1' });
    expect(run).toEqual({ status: 1, stdout: '', stderr: '' });
    expect(readFileSync(out, 'utf8')).toContain('a.js:1:13');
    expect(readFileSync(out, 'utf8')).not.toContain('\u001B[');
    expect(runCli(['audit', 'a.js', '--format', 'json'], directory, { FORCE_COLOR: '1' }).stdout).not.toContain('\u001B[');
  });

  it('exits 2 with one line when --output cannot be written', () => {
    const run = runCli(['audit', 'a.js', '--output', 'a.js/report.txt'], directory);
    expect(run).toEqual({ status: 2, stdout: '', stderr: 'eslint-plugin-feishu: --output a.js/report.txt cannot be written: a part of its path is a file, not a directory (EEXIST).\n' });
  });
});

describe('eslint-plugin-feishu audit --format json', () => {
  const schema = JSON.parse(readFileSync(path.join(__dirname, 'json-report.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true }).compile(schema);
  const directory = tree({ 'a.js': LEGACY_SEND, 'sdk.ts': REACTION, 'broken.js': 'const = 1;\n' });

  it('matches its schema, with the same groups as the text', () => {
    const run = runCli(['audit', '--format', 'json', '--app-type', 'self-built', '--api-host', 'open.example.com'], directory);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report).toMatchObject({
      reportVersion: 1,
      settings: { appType: 'self-built', apiHosts: ['open.example.com'] },
      appKind: 'self-built',
      cutOver: ['2025-06-25'],
      summary: { files: 3, filesWithFindings: 2, findings: 2, suppressed: 0, skipped: 1, maxFindings: 0, passed: false },
      otherKinds: [],
      skipped: [{ file: 'broken.js', reason: 'parse', line: 1, column: 7 }],
    });
    const groups = report.groups as { code: unknown; subjects: { id: string; occurrences: Record<string, unknown>[] }[] }[];
    expect(groups.map((group) => [group.code, group.subjects.map((subject) => subject.id)])).toEqual([
      [232102, ['message.v4.send']],
      [231021, ['im.messageReaction.create']],
    ]);
    expect(groups[0]?.subjects[0]?.occurrences).toEqual([
      {
        file: 'a.js',
        line: 1,
        column: 13,
        endLine: 1,
        endColumn: 63,
        httpMethod: 'POST',
        message: expect.stringMatching(/^POST \/open-apis\/message\/v4\/send fails with error 232102/),
      },
    ]);
    expect(groups[1]?.subjects[0]?.occurrences[0]).toMatchObject({ file: 'sdk.ts', line: 3, sdkCall: 'client.im.messageReaction.create' });
  });

  it('matches its schema on a clean tree, passed', () => {
    const run = runCli(['audit', '--format', 'json', 'clean.js'], tree({ 'clean.js': CLEAN }));
    const report = JSON.parse(run.stdout) as { summary: { passed: boolean }; groups: unknown[] };
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(run.status).toBe(0);
    expect(report.summary.passed).toBe(true);
    expect(report.groups).toEqual([]);
  });

  it('is rejected by its schema when a required field is missing (the check can fail)', () => {
    const run = runCli(['audit', '--format', 'json'], directory);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    delete report.summary;
    expect(validate(report)).toBe(false);
  });
});
