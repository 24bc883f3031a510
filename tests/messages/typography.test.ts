import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { CATALOG, EXTERNAL_CHAT_NOTICE, NOTICES, type CatalogEntry, type HttpMethod } from '../../lib/catalog';
import { endpointMessage, legacyEventMessage, TEXTS, type SettingsSource } from '../../lib/messages';
import { plugin } from '../../lib/plugin';
import { CONFIG_SPELLING, type AppKind, type SettingsProblem } from '../../lib/settings';
import { CLI, ROOT } from '../support/audit-cli';

// Chinese typography: no ASCII space next to full-width punctuation
// (`。 自`, `） 起`), in any message, suggestion, inserted comment or audit text.

const FULL_WIDTH = '，。、；：！？（）【】《》「」『』“”‘’';
const SPACED = new RegExp(` [${FULL_WIDTH}]|[${FULL_WIDTH}] `, 'u');

/** Each text with an ASCII space next to full-width punctuation, with the place. */
function offenders(texts: readonly string[]): string[] {
  return texts.filter((text) => SPACED.test(text)).map((text) => text.slice(Math.max(0, text.search(SPACED) - 20), text.search(SPACED) + 20));
}

const KINDS: AppKind[] = ['unknown', 'store', 'self-built', 'self-built-linked-organization', 'self-built-external-sharing'];
const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Every string of the zh-CN texts: strings as they are, functions called with sample arguments. */
function localeStrings(value: unknown, trail = 'zh-CN'): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    const samples: unknown[][] = [
      Array.from({ length: fn.length }, () => '样例 sample'),
      Array.from({ length: fn.length }, () => ['样例', 'sample']),
      Array.from({ length: fn.length }, (_, i) => i + 2),
    ];
    const results = samples.flatMap((args) => {
      try {
        const result = fn(...args);
        return typeof result === 'string' ? [result] : [];
      } catch {
        return [];
      }
    });
    if (results.length === 0) throw new Error(`${trail}: no sample arguments fit; give it its own case`);
    return results;
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      // PROBLEMS and SETTINGS_SOURCE below, one of each kind.
      .filter(([key]) => !['zh-CN.settings.problem', 'zh-CN.audit.settingsSource', 'zh-CN.audit.settingsNote'].includes(`${trail}.${key}`))
      .flatMap(([key, item]) => localeStrings(item, `${trail}.${key}`));
  }
  return [];
}

/** A source of the audit's settings with every kind of note and switch, as the audit words it. */
const SETTINGS_SOURCE: SettingsSource = {
  configFiles: ['eslint.config.mjs', 'packages/a/.eslintrc.json'],
  how: 'read',
  keys: [
    { key: 'appType', value: 'store', from: 'eslint.config.mjs' },
    { key: 'apiHosts', value: ['a.example'], from: 'flags' },
  ],
  overridden: ['locale'],
  notes: [
    { kind: 'computed', where: 'eslint.config.mjs:3:5' },
    { kind: 'broken', file: '.eslintrc.json', problem: 'Unexpected token' },
    { kind: 'differs', groups: [{ value: "{ appType: 'store' }", files: ['a.js', 'b.js'], count: 5 }, { value: 'none', files: ['c.js'], count: 1 }] },
    { kind: 'conflict', problem: 'x' },
    { kind: 'run-failed', problem: 'x' },
    { kind: 'rule-computed', ruleId: 'feishu/no-legacy-message-event', where: 'eslint.config.mjs:9:1' },
    { kind: 'rule-invalid', ruleId: 'feishu/no-legacy-message-event', problem: 'x' },
  ],
  rules: [
    { ruleId: 'feishu/no-legacy-message-event', off: 2, allow: [], allowFiles: 0, of: 3 },
    { ruleId: 'feishu/no-external-chat-reaction-api', off: 0, allow: ['im.messageReaction.list'], allowFiles: 1, of: 3 },
  ],
};

/** One problem of each kind, as the settings report words them. */
const PROBLEMS: SettingsProblem[] = [
  { kind: 'notObject', what: 'a Map', value: new Map() },
  { kind: 'notObject', what: 'an array', value: [] },
  { kind: 'unknownKey', key: 'appTyp', suggestion: 'appType' },
  { kind: 'notOneOf', key: 'appType', value: 'Store', allowed: ['store', 'self-built'], suggestion: 'store' },
  { kind: 'notBoolean', key: 'externalSharing', value: 'true', suggestion: true },
  { kind: 'notHostList', key: 'apiHosts', value: 'x' },
  { kind: 'hole', key: 'apiHosts', index: 1 },
  ...(['type', 'scheme', 'path', 'port', 'label', 'labelLength', 'length'] as const).map((fault): SettingsProblem => ({ kind: 'notHost', key: 'apiHosts', index: 0, value: 'x', fault })),
  { kind: 'storeWithExternalSharing' },
  { kind: 'linkedWithExternalSharing' },
  { kind: 'needsSelfBuilt', key: 'linkedOrganization', appType: undefined },
];

/** The catalog's Chinese: templates, titles, names, notes, field hints. */
function catalogStrings(): string[] {
  return NOTICES.flatMap((notice) => [
    notice.title['zh-CN'],
    notice.allDates['zh-CN'],
    notice.failure['zh-CN'],
    notice.groupFailure['zh-CN'],
    ...notice.groups.flatMap((group) => [group.title['zh-CN'], group.errorText?.['zh-CN'] ?? '']),
    ...notice.entries.flatMap((entry) => [entry.name['zh-CN'], entry.replacement?.note?.['zh-CN'] ?? '']),
    ...(notice.legacyEvent === undefined
      ? []
      : [notice.legacyEvent.problem['zh-CN'], notice.legacyEvent.finding['zh-CN'], ...notice.legacyEvent.fieldMigrations.map((m) => m.hint?.['zh-CN'] ?? '')]),
  ]);
}

/** Every rule message in zh-CN: every entry in every shape, every kind of app, the event rule. */
function ruleMessages(): string[] {
  return KINDS.flatMap((appKind) => {
    const settings = { appKind, locale: 'zh-CN' as const };
    return [
      ...CATALOG.flatMap((entry: CatalogEntry) => [
        endpointMessage(EXTERNAL_CHAT_NOTICE, [entry], {}, settings).message,
        endpointMessage(EXTERNAL_CHAT_NOTICE, [entry], { protection: 'guarded' }, settings).message,
        endpointMessage(EXTERNAL_CHAT_NOTICE, [entry], { sdkCall: 'client.x', protection: 'handled' }, settings).message,
        ...METHODS.map((method) => endpointMessage(EXTERNAL_CHAT_NOTICE, [entry], { method }, settings).message),
        ...(entry.sdkMethods ?? []).map((sdk) => endpointMessage(EXTERNAL_CHAT_NOTICE, [entry], { sdkCall: `client.${sdk}` }, settings).message),
      ]),
      ...(['register', 'check', 'typeHandler'] as const).map((kind) => legacyEventMessage(EXTERNAL_CHAT_NOTICE, kind, settings).message),
    ];
  });
}

/** Suggestions, the comments they insert, and the 1:1 reports, as ESLint gives them with locale zh-CN. */
function lintedTexts(): string[] {
  const code = [
    "import * as lark from '@larksuiteoapi/node-sdk';",
    'new lark.EventDispatcher({}).register({',
    '  message: async (data) => {',
    '    const { open_chat_id, text } = data;',
    "    if (data.chat_type === 'private') reply(data.open_message_id, data.msg_list, data.ts);",
    '    return handle(data);',
    '  },',
    '});',
    "if (body.event.type === 'message') handle(body.event.text_without_at_bot);",
  ].join('\n');
  const lint = (feishu: unknown, rules: Linter.RulesRecord = {}) =>
    new Linter().verify(code, [{ languageOptions: { sourceType: 'module' } }, plugin.configs.recommended, { rules, settings: { feishu } }], 'file.js');
  const messages = [
    ...lint({ locale: 'zh-CN' }),
    ...lint({ locale: 'zh-CN', appType: 'Store', apiHosts: ['x.com:0', 'https://a'], externalSharing: 'yes' }),
    ...lint({ locale: 'zh-CN' }, { 'feishu/no-legacy-message-chat-api': ['error', { allow: ['message.v4.sned', 'PUT /open-apis/chat/v4/info', 'im.chatTab.create'] }] }),
  ];
  expect(messages.map((m) => m.messageId)).toEqual(expect.arrayContaining(['legacyEvent', 'invalidSettings', 'invalidAllow']));
  // Of the code a suggestion inserts, the words of its comments (`/* … */` delimiters are code).
  const comments = (code: string) => [...code.matchAll(/\/\* (.*?) \*\//g)].map((match) => match[1]!);
  return messages.flatMap((m) => [m.message, ...(m.suggestions ?? []).flatMap((s) => [s.desc, ...comments(s.fix.text)])]);
}

describe('zh-CN typography: no ASCII space next to full-width punctuation', () => {
  it('finds one where there is one (the check can fail)', () => {
    expect(offenders(['自 2025-06-25 起在外部群中调用会返回错误码 232102（非外部群不受影响）。 商店应用暂无替换方案'])).toHaveLength(1);
    expect(offenders(['自 2025-06-25 起在外部群中调用会返回错误码 232102。商店应用暂无替换方案'])).toEqual([]);
  });

  it('in every text of the zh-CN locale', () => {
    const texts = [
      ...localeStrings(TEXTS['zh-CN']),
      ...PROBLEMS.map((problem) => TEXTS['zh-CN'].settings.problem(problem, CONFIG_SPELLING)),
      ...TEXTS['zh-CN'].audit.settingsSource(SETTINGS_SOURCE),
      ...TEXTS['zh-CN'].audit.settingsSource({ ...SETTINGS_SOURCE, configFiles: [], keys: [], notes: [], rules: [], overridden: [] }),
    ];
    expect(texts.length).toBeGreaterThan(80);
    expect(offenders(texts)).toEqual([]);
  });

  it('in the catalog’s Chinese', () => {
    expect(offenders(catalogStrings())).toEqual([]);
  });

  it('in every rule message', () => {
    expect(offenders(ruleMessages())).toEqual([]);
  });

  it('in suggestions, the comments they insert, and the reports on invalid settings and allow entries', () => {
    expect(offenders(lintedTexts())).toEqual([]);
  });

  it('in the audit’s text and JSON reports, and in the README’s sample', () => {
    const texts: string[] = [];
    for (const format of ['text', 'json']) {
      const run = spawnSync(process.execPath, [CLI, 'audit', 'docs/examples', '--locale', 'zh-CN', '--format', format], { cwd: ROOT, encoding: 'utf8' });
      expect(run.status).toBe(1);
      // Lines are indented and wrapped for the terminal: the words are what is checked.
      texts.push(...run.stdout.split('\n').map((line) => line.trimStart()));
    }
    // A table row's cells, without the padding around its `|` (Markdown, not words).
    const words = (line: string) => (line.startsWith('|') ? line.split('|').map((cell) => cell.trim()).join('|') : line.trimStart());
    texts.push(...readFileSync(path.join(ROOT, 'README.zh-CN.md'), 'utf8').split('\n').map(words));
    expect(offenders(texts)).toEqual([]);
  });
});
