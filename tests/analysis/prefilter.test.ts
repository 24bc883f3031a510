import { Linter, type Rule } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import { analyzeFile, mayNameEndpoints, mayNameEvent, type FileContext } from '../../lib/analysis';
import { EXTERNAL_CHAT_NOTICE } from '../../lib/catalog';
import { compileNotice } from '../../lib/matcher';
import { plugin } from '../../lib/plugin';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import type { SourceCode } from '../../lib/syntax/ast';

// The pre-filter (docs/performance.md#the-rules-own-time): a rule adds no listener to a file where its search
// cannot find anything. It must never hide a finding: wherever it says no, the analysis finds nothing.

const NOTICE = compileNotice(EXTERNAL_CHAT_NOTICE);
const IN_PACKAGE: FileContext = { path: '/project/node_modules/pkg/index.js', parser: undefined, parserOptions: {}, ecmaVersion: undefined, sourceType: undefined };
const IN_PROJECT: FileContext = { ...IN_PACKAGE, path: '/project/src/index.js' };

/** The SourceCode ESLint makes of `code`, and the keys of the listeners each rule of the plugin returns for it. */
function lintOf(code: string, physicalFilename = 'file.js', sourceType: 'module' | 'script' = 'module'): { sourceCode: SourceCode; listeners: Record<string, string[]> } {
  let sourceCode: SourceCode | undefined;
  const listeners: Record<string, string[]> = {};
  const probe: Rule.RuleModule = {
    create(context) {
      sourceCode = context.sourceCode as unknown as SourceCode;
      for (const [name, rule] of Object.entries(plugin.rules)) listeners[name] = Object.keys((rule as unknown as Rule.RuleModule).create(context));
      return {};
    },
  };
  const messages = new Linter().verify(
    code,
    [{ files: ['**/*.js'], languageOptions: { parser: espree as Linter.Parser, parserOptions: { ecmaVersion: 'latest', sourceType } }, plugins: { probe: { rules: { p: probe } } }, rules: { 'probe/p': 'error' } }],
    physicalFilename,
  );
  const fatal = messages.find((m) => m.fatal === true);
  if (fatal !== undefined) throw new Error(`parse error: ${fatal.message}`);
  return { sourceCode: sourceCode!, listeners };
}

const NOTHING = [
  'const a = 1;\nexport default a;',
  "import x from 'lodash';\nx.map([1], (y) => y / 2); // a comment with / slashes /v",
  "const r = /\\d+\\/v/; const s = 'a/b/c';",
  "fetch('https://example.com/api/v2/items');",
  // Escapes that spell no character of a word: control characters, other punctuation, other code points.
  "const s = '\\u00a0\\x1b[31m\\t\\u{1F600}\\(\\'\\0'; const re = /\\(\\[\\]\\)\\u2028/;",
];

const SOMETHING: ReadonlyArray<readonly [shape: string, code: string]> = [
  ['a whole path', "fetch('https://open.feishu.cn/open-apis/message/v4/send/');"],
  ['split pieces', "const p = '/message' + '/v4/send/';"],
  ['a version at a piece start', "const p = prefix + 'v4/send/';"],
  ['an SDK word', 'client.im.messageReaction.create({});'],
  ['an escaped string', "const p = '/open-ap\\u0069s/message/v4/send/';"],
  // Each spells a `/` the text does not show: hex, code point, identity.
  ['an escaped slash', "const p = '/chat\\x2fv4/info';"],
  ['an escaped code point', "const p = '/chat\\u{2F}v4/info';"],
  ['an identity escape', "const p = '/chat\\/v4/info';"],
  ['a line continuation', "const p = '/cha\\\nt/v4/info';"],
];

describe('mayNameEndpoints', () => {
  it.each(NOTHING)('is false where no search starts: %s', (code) => {
    const { sourceCode, listeners } = lintOf(code);
    expect(mayNameEndpoints(sourceCode, NOTICE, IN_PACKAGE.path)).toBe(false);
    // …and the API rules add no listener there.
    expect(listeners['no-legacy-message-chat-api']).toEqual([]);
    expect(listeners['no-external-chat-reaction-api']).toEqual([]);
    expect(listeners['no-external-chat-management-api']).toEqual([]);
  });

  it.each(SOMETHING)('is true for %s', (_shape, code) => {
    const { sourceCode, listeners } = lintOf(code);
    expect(mayNameEndpoints(sourceCode, NOTICE, IN_PACKAGE.path)).toBe(true);
    expect(listeners['no-legacy-message-chat-api']).toEqual(['Program']);
  });

  it('is true for an octal escape, which may spell a character of a path, and false for NUL', () => {
    // Legacy octal escapes exist in scripts only: `\057` is `/`, `\0` alone is NUL.
    const octal = lintOf("var p = '/chat\\057v4/info';", 'file.js', 'script');
    expect(mayNameEndpoints(octal.sourceCode, NOTICE, IN_PACKAGE.path)).toBe(true);
    expect(analyzeFile(octal.sourceCode, { ...DEFAULT_SETTINGS, assumeOpenPlatform: true }, IN_PACKAGE).endpoints(NOTICE)).toHaveLength(1);
    const nul = lintOf("var s = '\\0' + '(\\0)';", 'file.js', 'script');
    expect(mayNameEndpoints(nul.sourceCode, NOTICE, IN_PACKAGE.path)).toBe(false);
  });

  it('is true in a project file, whose imported constants are followed', () => {
    const { sourceCode } = lintOf(NOTHING[0]!);
    expect(mayNameEndpoints(sourceCode, NOTICE, IN_PROJECT.path)).toBe(true);
  });

  it('never hides a finding: where it says no, the analysis finds nothing', () => {
    for (const code of [...NOTHING, ...SOMETHING.map(([, c]) => c)]) {
      const { sourceCode } = lintOf(code);
      const found = analyzeFile(sourceCode, { ...DEFAULT_SETTINGS, assumeOpenPlatform: true }, IN_PACKAGE).endpoints(NOTICE);
      if (!mayNameEndpoints(sourceCode, NOTICE, IN_PACKAGE.path)) expect(found, code).toEqual([]);
    }
    // The samples that may name one do, so the check above is not empty.
    expect(SOMETHING.filter(([, code]) => analyzeFile(lintOf(code).sourceCode, { ...DEFAULT_SETTINGS, assumeOpenPlatform: true }, IN_PACKAGE).endpoints(NOTICE).length > 0)).not.toEqual([]);
  });
});

const EVENT = EXTERNAL_CHAT_NOTICE.legacyEvent;

describe('mayNameEvent', () => {
  it.each([
    NOTHING[0]!,
    'try { run(); } catch (err) { log(err.message); }',
    'const message = `${a} message`;',
    // The type quoted, in a file that reads no v1 envelope's `event`.
    "if (item.kind === 'message') show(item);",
  ])(
    'is false, and the event rule adds no listener, where no search starts: %s',
    (code) => {
      const { sourceCode, listeners } = lintOf(code);
      expect(mayNameEvent(sourceCode, EVENT)).toBe(false);
      expect(listeners['no-legacy-message-event']).toEqual([]);
    },
  );

  it.each([
    ['a quoted type', "if (body.event.type === 'message') handle(body);"],
    ['the other quote', 'switch (body.event.type) { case "message": handle(body); }'],
    ['a register call', 'dispatcher.register({ message: onMessage });'],
    ['a quoted type read through an escape', "if (body.ev\\u0065nt.type === 'message') handle(body);"],
    ['setTypeHandler', "import { setTypeHandler } from 'x';\nsetTypeHandler(conf, TYPE, onMessage); // the message event"],
  ])('is true for %s', (_shape, code) => {
    const { sourceCode, listeners } = lintOf(code);
    expect(mayNameEvent(sourceCode, EVENT)).toBe(true);
    expect(listeners['no-legacy-message-event']).toEqual(['Program']);
  });

  it('never hides a finding: where it says no, the event search finds nothing', () => {
    const samples = [
      'try { run(); } catch (err) { log(err.message); }',
      "import * as lark from '@larksuiteoapi/node-sdk';\nnew lark.EventDispatcher({}).register({ message: async () => {} });",
      "import * as lark from '@larksuiteoapi/node-sdk';\nif (body.event.type === 'message') handle(body);",
      "import * as lark from '@larksuiteoapi/node-sdk';\nif (body.ev\\u0065nt.typ\\u0065 === 'message') handle(body);",
      "import * as lark from '@larksuiteoapi/node-sdk';\nif (item.kind === 'message') show(item);",
    ];
    let found = 0;
    for (const code of samples) {
      const { sourceCode } = lintOf(code);
      const events = analyzeFile(sourceCode, { ...DEFAULT_SETTINGS, assumeOpenPlatform: true }, IN_PACKAGE).legacyEvents(EVENT);
      found += events.length;
      if (!mayNameEvent(sourceCode, EVENT)) expect(events, code).toEqual([]);
    }
    expect(found).toBeGreaterThan(0);
    // The check behind escapes is one of them: the pre-filter lets it through.
    const escaped = lintOf(samples[3]!).sourceCode;
    expect(analyzeFile(escaped, { ...DEFAULT_SETTINGS, assumeOpenPlatform: true }, IN_PACKAGE).legacyEvents(EVENT)).toHaveLength(1);
  });
});
