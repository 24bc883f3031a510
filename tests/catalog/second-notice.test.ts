import { rmSync } from 'node:fs';
import { Linter, type ESLint, type Rule } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditTarget } from '../../lib/audit/audit-target';
import { runCommand } from '../../lib/audit/run';
import type { Notice } from '../../lib/catalog';
import { createRule } from '../../lib/rules/support/create-rule';
import { ALLOW_OPTION_SCHEMA, reportEndpoints, type AllowOptions } from '../../lib/rules/support/endpoint-rule';
import { MESSAGE } from '../../lib/messages';
import { Capture, makeTree } from '../support/audit-cli';

// The design's proof: a second Feishu notice, given as data only (a new error
// code, two endpoints, one SDK method), makes a rule and an audit with no
// change to the code. Nothing below is specific to the real notice.

const SYNTHETIC: Notice<99001> = {
  id: 'synthetic-widgets',
  title: { en: 'Widget things in test tenants', 'zh-CN': '测试租户中的组件接口' },
  url: 'https://open.feishu.cn/document/synthetic-widgets-notice',
  cutOver: { default: '2027-01-15', linkedOrganization: '2027-02-15' },
  allDates: { en: '{default} (linked: {linkedOrganization})', 'zh-CN': '{default}（关联组织：{linkedOrganization}）' },
  failure: { en: 'fails with error {code} in test tenants since {date}.', 'zh-CN': '自 {date} 起在测试租户中返回错误码 {code}。' },
  groupFailure: { en: 'These calls fail with error {code} in test tenants since {date}.', 'zh-CN': '自 {date} 起，这些调用在测试租户中返回错误码 {code}。' },
  groups: [{ code: 99001, title: { en: 'Widget things', 'zh-CN': '组件' }, errorText: { en: 'Widgets are off.', 'zh-CN': '组件已关闭。' } }],
  entries: [
    {
      id: 'im.widgetThing.create',
      code: 99001,
      methods: ['POST'],
      path: '/open-apis/im/v1/things/:thing_id/widgets',
      name: { en: 'Create a widget thing', 'zh-CN': '创建组件' },
      docUrl: 'https://open.feishu.cn/document/widget-thing-create',
      sdkMethods: ['im.widgetThing.create'],
      blockedWithExternalSharing: false,
    },
    {
      id: 'thing.v9.poke',
      code: 99001,
      methods: ['POST'],
      path: '/open-apis/thing/v9/poke',
      name: { en: 'Poke a thing', 'zh-CN': '戳一下' },
      docUrl: 'https://open.feishu.cn/document/thing-poke',
      blockedWithExternalSharing: true,
    },
  ],
  lookAlikes: ['/open-apis/thing/v9/list'],
  channelHelpers: {},
};

const rule = createRule<AllowOptions, 'restrictedEndpoint' | 'restrictedSdkCall' | 'invalidSettings' | 'invalidAllow'>({
  name: 'no-synthetic-widget-api',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow the synthetic widget APIs that fail with 99001', recommended: true },
    messages: { restrictedEndpoint: MESSAGE, restrictedSdkCall: MESSAGE, invalidSettings: MESSAGE, invalidAllow: MESSAGE },
    schema: ALLOW_OPTION_SCHEMA,
    defaultOptions: [{ allow: [] }],
  },
  create: reportEndpoints('no-synthetic-widget-api', SYNTHETIC, 99001, { url: 'restrictedEndpoint', sdk: 'restrictedSdkCall' }),
});

// typescript-eslint's rule type is stricter than ESLint's; the object is an ESLint rule (as in lib/plugin.ts).
const plugin: ESLint.Plugin & { rules: Record<string, Rule.RuleModule> } = { rules: { 'no-synthetic-widget-api': rule as unknown as Rule.RuleModule } };
const recommended: Linter.Config = { plugins: { feishu: plugin }, rules: { 'feishu/no-synthetic-widget-api': 'error' } };
const CODE = [
  "import * as lark from '@larksuiteoapi/node-sdk';",
  'const client = new lark.Client({});',
  "await fetch('https://open.feishu.cn/open-apis/thing/v9/poke', { method: 'POST' });",
  'await client.im.v1.widgetThing.create({ path: { thing_id: id } });',
  "await fetch('https://open.feishu.cn/open-apis/thing/v9/list');",
  "await fetch('https://open.feishu.cn/open-apis/message/v4/send');",
].join('\n');

function lint(settings: Record<string, unknown>) {
  return new Linter().verify(CODE, [{ ...recommended, languageOptions: { sourceType: 'module' }, settings: { feishu: settings } }]);
}

describe('a rule made from a second notice given as data', () => {
  it('reports the URL shape and the SDK shape, and nothing of the other notice', () => {
    const messages = lint({ appType: 'self-built' });
    expect(messages.map((m) => [m.line, m.messageId])).toEqual([
      [3, 'restrictedEndpoint'],
      [4, 'restrictedSdkCall'],
    ]);
    expect(messages[0]!.message).toBe(
      'POST /open-apis/thing/v9/poke fails with error 99001 in test tenants since 2027-01-15. ' +
        'External sharing (对外共享) does not unblock it: avoid external chats.',
    );
    expect(messages[1]!.message).toMatch(/^client\.im\.widgetThing\.create\(\) fails with error 99001 in test tenants since 2027-01-15\. /);
  });

  it('renders its messages in both locales, with its own dates', () => {
    const [zh] = lint({ appType: 'self-built', linkedOrganization: true, locale: 'zh-CN' });
    expect(zh!.message).toContain('POST /open-apis/thing/v9/poke 自 2027-02-15 起在测试租户中返回错误码 99001。');
    const [unknown] = lint({});
    expect(unknown!.message).toContain('since 2027-01-15. For a self-built app,');
  });

  it('takes its own catalog ids in allow', () => {
    const messages = new Linter().verify(CODE, [
      { ...recommended, languageOptions: { sourceType: 'module' }, rules: { 'feishu/no-synthetic-widget-api': ['error', { allow: ['thing.v9.poke'] }] } },
    ]);
    expect(messages.map((m) => m.line)).toEqual([4]);
  });
});

describe('the audit of a second notice given as data', () => {
  const tree = makeTree({ 'src/widgets.mjs': CODE });
  afterAll(() => rmSync(tree, { recursive: true, force: true }));
  const target: AuditTarget = { rules: { 'no-synthetic-widget-api': rule }, recommended, notices: [SYNTHETIC] };

  async function audit(format: string) {
    const stdout = new Capture();
    const stderr = new Capture();
    const status = await runCommand({ argv: ['audit', '.', '--format', format, '--app-type', 'self-built'], cwd: tree, env: {}, stdout, stderr, target });
    expect(stderr.text).toBe('');
    expect(status).toBe(1);
    return stdout.text;
  }

  it('groups its findings in text', async () => {
    const text = await audit('text');
    expect(text).toContain('99001  Widget things · 2 findings');
    expect(text).toContain('These calls fail with error 99001 in test tenants since 2027-01-15.');
    expect(text).toContain('Error text: "Widgets are off."');
    expect(text).toMatch(/POST \/open-apis\/im\/v1\/things\/:thing_id\/widgets \(Create a widget thing\) · 1 finding\n[^·]*?\n {4}src\/widgets\.mjs:4:\d+ {2}via client\.im\.widgetThing\.create\(\)/);
    expect(text).toContain('Feishu\'s notice: https://open.feishu.cn/document/synthetic-widgets-notice');
  });

  it('groups its findings in JSON', async () => {
    const report = JSON.parse(await audit('json'));
    expect(report.cutOver).toEqual(['2027-01-15']);
    expect(report.noticeUrl).toBe(SYNTHETIC.url);
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0]).toMatchObject({ code: 99001, ruleId: 'feishu/no-synthetic-widget-api', title: 'Widget things', count: 2 });
    // Subjects in catalog order: the SDK method's entry comes first.
    expect(report.groups[0].subjects.map((s: { id: string }) => s.id)).toEqual(['im.widgetThing.create', 'thing.v9.poke']);
    expect(report.groups[0].subjects[0].occurrences[0]).toMatchObject({ line: 4, sdkCall: 'client.im.widgetThing.create' });
    expect(report.groups[0].subjects[1].occurrences[0]).toMatchObject({ line: 3, httpMethod: 'POST' });
  });

  it('groups its findings in SARIF', async () => {
    const log = JSON.parse(await audit('sarif'));
    const [run] = log.runs;
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['feishu/no-synthetic-widget-api']);
    expect(run.results.map((r: { ruleIndex: number; properties: { code: number; subject: string } }) => [r.ruleIndex, r.properties.code, r.properties.subject])).toEqual([
      [0, 99001, 'im.widgetThing.create'],
      [0, 99001, 'thing.v9.poke'],
    ]);
  });
});
