import { createRequire } from 'node:module';
import { ESLint, Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import { plugin } from '../../lib/plugin';

// Invalid settings.feishu are one report per file, at 1:1, from the first feishu
// rule ESLint creates: never a throw, and never the loss of other plugins'
// reports. RuleTester runs one rule at a time, so these lint with all four.

const require = createRequire(__filename);
const RULE_IDS = Object.keys(plugin.rules).map((name) => `feishu/${name}`);

/** Another plugin, whose report must survive: it reports every `TODO` identifier. */
const other = {
  rules: {
    'no-todo': {
      meta: { type: 'problem', schema: [], messages: { todo: 'No TODO.' } },
      create: (context) => ({ Identifier: (node) => (node.name === 'TODO' ? context.report({ node, messageId: 'todo' }) : undefined) }),
    } satisfies Rule.RuleModule,
  },
};

const CODE = [
  "import * as lark from '@larksuiteoapi/node-sdk';",
  "await fetch('https://open.feishu.cn/open-apis/message/v4/send');",
  'await client.im.messageReaction.create({});',
  'await client.im.chatTab.listTabs({});',
  'new lark.EventDispatcher({}).register({ message: onMessage });',
  'TODO();',
].join('\n');

const BAD = { appTyp: 'store', locale: 'zh', apiHosts: ['x.com:0'] };

type Verify = (code: string, feishu: unknown, severity?: 'error' | 'warn') => Linter.LintMessage[];

function flatVerify(LinterClass: typeof Linter): Verify {
  return (code, feishu, severity = 'error') =>
    new LinterClass({ configType: 'flat' } as never).verify(
      code,
      [
        { languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
        plugin.configs.recommended,
        { rules: Object.fromEntries(RULE_IDS.map((id) => [id, severity])) },
        { plugins: { other }, rules: { 'other/no-todo': 'error', 'no-unused-vars': 'error' } },
        { settings: { feishu } },
      ] as Linter.Config[],
      'file.js',
    );
}

/** ESLint 8's own config system (eslintrc): rules defined on the Linter. */
function eslintrcVerify(): Verify {
  const { Linter: Linter8 } = require('eslint8') as { Linter: new () => Linter & { defineRule(id: string, rule: unknown): void } };
  return (code, feishu, severity = 'error') => {
    const linter = new Linter8();
    for (const [name, rule] of Object.entries(plugin.rules)) linter.defineRule(`feishu/${name}`, rule);
    linter.defineRule('other/no-todo', other.rules['no-todo']);
    return linter.verify(code, {
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module' },
      rules: { ...Object.fromEntries(RULE_IDS.map((id) => [id, severity])), 'other/no-todo': 'error', 'no-unused-vars': 'error' },
      settings: { feishu },
    } as never);
  };
}

const VERSIONS: [string, Verify][] = [
  ['ESLint 10', flatVerify(Linter)],
  ['ESLint 9', flatVerify((require('eslint9') as { Linter: typeof Linter }).Linter)],
  ['ESLint 8.57, flat config', flatVerify((require('eslint8') as { Linter: typeof Linter }).Linter)],
  ['ESLint 8.57, eslintrc', eslintrcVerify()],
];

describe.each(VERSIONS)('invalid settings.feishu in %s', (_, verify) => {
  it('reports the file’s findings with valid settings (the fixture has one per rule)', () => {
    const ruleIds = verify(CODE, { appType: 'self-built' }).map((m) => m.ruleId);
    expect(ruleIds.filter((id) => id?.startsWith('feishu/')).sort()).toEqual([...RULE_IDS].sort());
  });

  it('is one report per file at 1:1 from one feishu rule, with every other feishu report withheld and other plugins’ kept', () => {
    const messages = verify(CODE, BAD);
    const feishu = messages.filter((m) => m.ruleId?.startsWith('feishu/'));
    expect(feishu).toHaveLength(1);
    expect(feishu[0]).toMatchObject({ messageId: 'invalidSettings', line: 1, column: 1, severity: 2 });
    expect(RULE_IDS).toContain(feishu[0]!.ruleId);
    expect(messages.map((m) => m.ruleId)).toContain('other/no-todo');
    expect(messages.some((m) => m.fatal === true)).toBe(false);
  });

  it('names every problem, in English when the locale is invalid', () => {
    const [report] = verify(CODE, BAD).filter((m) => m.messageId === 'invalidSettings');
    expect(report!.message).toBe(
      'Invalid settings.feishu (until it is fixed, the feishu rules report nothing else in this file): ' +
        'settings.feishu.appTyp is not a setting; the settings are appType, linkedOrganization, externalSharing, locale, apiHosts, assumeOpenPlatform, reportGuarded. Did you mean appType? ' +
        "settings.feishu.locale must be 'en' or 'zh-CN'; got 'zh'. Did you mean 'zh-CN'? " +
        "settings.feishu.apiHosts[0] must be a host name such as 'open.example.com' (no scheme, no path); got 'x.com:0'. The port must be 1 to 65535.",
    );
  });

  it('speaks the configured locale when it is valid', () => {
    const [report] = verify(CODE, { locale: 'zh-CN', appType: 'selfbuilt' }).filter((m) => m.messageId === 'invalidSettings');
    expect(report!.message).toBe(
      "settings.feishu 设置无效（修正之前，feishu 规则不会报告此文件中的其他问题）：settings.feishu.appType 必须是 'store' 或 'self-built'，实际为 'selfbuilt'。是否想写 'self-built'？",
    );
  });

  it('has the configured severity: warn gives a warning', () => {
    const [report] = verify(CODE, BAD, 'warn').filter((m) => m.messageId === 'invalidSettings');
    expect(report!.severity).toBe(1);
  });

  it('reports a settings object that is not an object too', () => {
    expect(verify(CODE, 'self-built').filter((m) => m.ruleId?.startsWith('feishu/')).map((m) => m.message)).toEqual([
      "Invalid settings.feishu (until it is fixed, the feishu rules report nothing else in this file): settings.feishu must be a plain object; got 'self-built'.",
    ]);
  });
});

describe('shared settings whose feishu cannot be read', () => {
  it('are one report in the ESLint 8.57 Linter with an eslintrc config object, which hands the rules the settings as given (0.2.12 made verify throw)', () => {
    const { Linter: Linter8 } = require('eslint8') as { Linter: new () => Linter & { defineRule(id: string, rule: unknown): void } };
    const linter = new Linter8();
    for (const [name, rule] of Object.entries(plugin.rules)) linter.defineRule(`feishu/${name}`, rule);
    const settings = Object.defineProperty({}, 'feishu', {
      get(): never {
        throw new Error('no settings here');
      },
      enumerable: true,
    });
    const messages = linter.verify(CODE, {
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module' },
      rules: Object.fromEntries(RULE_IDS.map((id) => [id, 'error'])),
      settings,
    } as never);
    expect(messages.map((m) => [m.messageId, m.message])).toEqual([
      [
        'invalidSettings',
        'Invalid settings.feishu (until it is fixed, the feishu rules report nothing else in this file): settings.feishu must be a plain object; got an object that cannot be read (no settings here).',
      ],
    ]);
  });
});

describe('invalid settings.feishu, file by file', () => {
  it('gives every file its own report, and reports again when the same SourceCode is linted again', () => {
    const linter = new Linter();
    const config = [plugin.configs.recommended, { settings: { feishu: BAD } }];
    for (const file of ['a.js', 'b.js']) {
      expect(linter.verify("fetch('/open-apis/message/v4/send');", config, file).map((m) => m.messageId)).toEqual(['invalidSettings']);
    }
    linter.verify('x;', config, 'c.js');
    const sourceCode = linter.getSourceCode()!;
    expect(linter.verify(sourceCode, config, 'c.js').map((m) => m.messageId)).toEqual(['invalidSettings']);
    expect(linter.verify(sourceCode, [plugin.configs.recommended], 'c.js')).toEqual([]);
  });

  it('tells lints apart with the plugin under two namespaces, eight rules a file', () => {
    // The file's state keeps room for four rule ids and adds the others past them; a lint of the same SourceCode that
    // starts with one of those (here `lark/…`, the fifth to eighth of the first lint) is a new lint, with its settings.
    const both = { plugins: { feishu: plugin as never, lark: plugin as never } };
    const rulesOf = (prefix: string) => Object.fromEntries(Object.keys(plugin.rules).map((name) => [`${prefix}/${name}`, 'error' as const]));
    const linter = new Linter();
    const messages = linter.verify(CODE, [both, { rules: { ...rulesOf('feishu'), ...rulesOf('lark') }, settings: { feishu: { appType: 'self-built' } } }], 'file.js');
    const ids = messages.map((m) => m.ruleId).filter((id) => id !== null && id !== 'no-unused-vars');
    expect(ids.sort()).toEqual([...RULE_IDS, ...RULE_IDS.map((id) => id.replace('feishu/', 'lark/'))].sort());
    const sourceCode = linter.getSourceCode()!;
    const again = linter.verify(sourceCode, [both, { rules: rulesOf('lark'), settings: { feishu: BAD } }], 'file.js');
    expect(again.map((m) => [m.ruleId?.split('/')[0], m.messageId])).toEqual([['lark', 'invalidSettings']]);
  });

  it('comes from the event rule alone when only it is on', () => {
    const messages = new Linter().verify(CODE, [
      { plugins: { feishu: plugin as never }, rules: { 'feishu/no-legacy-message-event': 'error' }, settings: { feishu: BAD } },
    ]);
    expect(messages.map((m) => [m.ruleId, m.messageId])).toEqual([['feishu/no-legacy-message-event', 'invalidSettings']]);
  });

  it('makes the ESLint CLI’s API fail the run with an error, never a crash', async () => {
    const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: [plugin.configs.recommended as never, { settings: { feishu: BAD } }] });
    const [result] = await eslint.lintText(CODE, { filePath: 'file.mjs' });
    expect(result!.errorCount).toBe(1);
    expect(result!.messages[0]).toMatchObject({ ruleId: expect.stringMatching(/^feishu\//), messageId: 'invalidSettings' });
  });
});
