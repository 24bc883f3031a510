import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Linter, type Rule } from 'eslint';
import * as espree from 'espree';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeFile, mayNameEndpoints, mayNameEvent, type FileContext } from '../../lib/analysis';
import { prefilterImportedReads } from '../../lib/analysis/file-analysis';
import { fileMarkerOffsets } from '../../lib/analysis/marker-seeds';
import { EXTERNAL_CHAT_NOTICE } from '../../lib/catalog';
import { compileNotice } from '../../lib/matcher';
import { plugin } from '../../lib/plugin';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import type { SourceCode } from '../../lib/syntax/ast';
import { escapedNodes } from '../../lib/syntax/escapes';
import { work } from '../../lib/syntax/work';
import { seededInts } from '../support/random';

// The pre-filter (docs/performance.md#the-rules-own-time): a rule adds no listener to a file where its search
// cannot find anything. It must never hide a finding: wherever it says no, the analysis finds nothing.

const NOTICE = compileNotice(EXTERNAL_CHAT_NOTICE);
/** The listeners of a rule that looks at the file: its work at `Program`, and the release of the file at its end. */
const LOOKS_AT_THE_FILE = ['Program', 'Program:exit'];
const IN_PACKAGE: FileContext = { path: '/project/node_modules/pkg/index.js', parser: undefined, parserOptions: {}, ecmaVersion: undefined, sourceType: undefined };
const SETTINGS = { ...DEFAULT_SETTINGS, assumeOpenPlatform: true };

/** The pre-filter as the rules ask it, for a file at `file`'s path. */
function mayName(sourceCode: SourceCode, file: FileContext): boolean {
  return mayNameEndpoints(sourceCode, NOTICE, file.path, { readsImportedRoute: (compiled) => prefilterImportedReads(sourceCode, SETTINGS, file, compiled).length > 0 });
}

/** A config of the plugin's rules `rules` (with `settings`) for `.js` files, parsed by espree as modules. */
function pluginConfig({ rules, settings }: { rules: Linter.RulesRecord; settings?: Linter.Config['settings'] }): Linter.Config[] {
  return [{ files: ['**/*.js'], languageOptions: { parser: espree as Linter.Parser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } }, plugins: { feishu: plugin as never }, ...(settings === undefined ? {} : { settings }), rules }];
}

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
  // A file on disk is linted from its folder: ESLint ignores a file outside its cwd.
  const messages = new Linter(path.isAbsolute(physicalFilename) ? { cwd: path.dirname(physicalFilename) } : {}).verify(
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
  // Each escape the scan passes over by its character alone: control characters, the quotes, `\\`, `$`.
  "const s = '\\b\\f\\v\\n\\r\\t\\\\\\$\\`\\\"\\'';",
  // Markers in module specifiers only (a marker there is never a value): `./message`, `/bot/`, `im/v1`.
  "import c from './message';\nexport * from \"../bot/\";\nconst m = require('./message');\nconst n = import('./im/v1');",
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
  ['a marker beside a module specifier', "import c from './chat';\nconst p = '/chat/v4/info';"],
  ['a method named require', "api.require('/message/v4/send');"],
  ['a specifier built with a marker', "const m = require('/message' + '/v4/send');"],
];

describe('mayNameEndpoints', () => {
  it.each(NOTHING)('is false where no search starts: %s', (code) => {
    const { sourceCode, listeners } = lintOf(code);
    expect(mayName(sourceCode, IN_PACKAGE)).toBe(false);
    // …and the API rules add no listener there.
    expect(listeners['no-legacy-message-chat-api']).toEqual([]);
    expect(listeners['no-external-chat-reaction-api']).toEqual([]);
    expect(listeners['no-external-chat-management-api']).toEqual([]);
  });

  it.each(SOMETHING)('is true for %s', (_shape, code) => {
    const { sourceCode, listeners } = lintOf(code);
    expect(mayName(sourceCode, IN_PACKAGE)).toBe(true);
    expect(listeners['no-legacy-message-chat-api']).toEqual(LOOKS_AT_THE_FILE);
  });

  it('is true for an octal escape, which may spell a character of a path, and false for NUL', () => {
    // Legacy octal escapes exist in scripts only: `\057` is `/`, `\0` alone is NUL.
    const octal = lintOf("var p = '/chat\\057v4/info';", 'file.js', 'script');
    expect(mayName(octal.sourceCode, IN_PACKAGE)).toBe(true);
    expect(analyzeFile(octal.sourceCode, { ...DEFAULT_SETTINGS, assumeOpenPlatform: true }, IN_PACKAGE).endpoints(NOTICE)).toHaveLength(1);
    const nul = lintOf("var s = '\\0' + '(\\0)';", 'file.js', 'script');
    expect(mayName(nul.sourceCode, IN_PACKAGE)).toBe(false);
  });

  it('is false where every marker is in a module specifier, which is never a value', () => {
    const { sourceCode } = lintOf(NOTHING[NOTHING.length - 1]!);
    // Four markers in the text…
    expect(fileMarkerOffsets(sourceCode, NOTICE)).toHaveLength(4);
    // …none of them part of a value.
    expect(mayName(sourceCode, IN_PACKAGE)).toBe(false);
    expect(analyzeFile(sourceCode, { ...DEFAULT_SETTINGS, assumeOpenPlatform: true }, IN_PACKAGE).endpoints(NOTICE)).toEqual([]);
  });

  describe('in a project file, whose imported constants are followed', () => {
    // A project on disk: a constants file that writes a route, a barrel, and files that write none.
    const root = mkdtempSync(path.join(tmpdir(), 'feishu-prefilter-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    const files: Record<string, string> = {
      'constants.js': "export const SEND = '/open-apis/message/v4/send';\nexport const HOME = 'https://example.com';\n",
      'barrel.js': "export * from './constants.js';\n",
      'util.js': 'export const format = (s) => s.trim();\nexport const NAME = "bot";\n',
      'cjs.js': "module.exports = { SEND: '/open-apis/message/v4/send' };\n",
      'fresh.js': "export const SEND = '/open-apis/chat/v4/info';\n",
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
    const app = path.join(root, 'app.js');
    const IN_ROOT: FileContext = { ...IN_PACKAGE, path: app };
    const lintApp = (code: string) => lintOf(code, app, /^(?:import|export)\b/m.test(code) ? 'module' : 'script');

    const NOT_READ: ReadonlyArray<readonly [shape: string, code: string]> = [
      ['no import', NOTHING[0]!],
      ['an import whose file writes no route', "import { NAME } from './util.js';\nfetch(NAME);"],
      ['an imported route constant only called', "import { SEND } from './constants.js';\nSEND();"],
      ['an imported route constant re-exported', "import { SEND } from './constants.js';\nexport { SEND };"],
      ['an import that is not found', "import { SEND } from './missing.js';\nfetch(SEND);"],
      ['a published package', "import { SEND } from 'some-package';\nfetch(SEND);"],
      // Only a `const` binds a constant: a `var` or `let` may change (docs/behaviour-decisions.md).
      ['a route constant required into a var', "var { SEND } = require('./cjs.js');\nfetch(SEND);"],
      ['a route constant required into a let', "let C = require('./cjs.js');\nfetch(C.SEND);"],
    ];
    const READ: ReadonlyArray<readonly [shape: string, code: string]> = [
      ['an imported route constant', "import { SEND } from './constants.js';\nfetch(SEND);"],
      ['a constant through a barrel', "import { SEND } from './barrel.js';\nfetch(SEND);"],
      ['a namespace member', "import * as C from './constants.js';\nfetch(C.SEND);"],
      ['a required constant', "const { SEND } = require('./cjs.js');\nfetch(SEND);"],
      // A constant that names no route still starts the search where its file writes one: the search decides.
      ['another constant of a file that writes a route', "import { HOME } from './constants.js';\nfetch(HOME);"],
    ];

    it.each(NOT_READ)('is false with %s, and the API rules add no listener', (_shape, code) => {
      const { sourceCode, listeners } = lintApp(code);
      expect(mayName(sourceCode, IN_ROOT)).toBe(false);
      expect(listeners['no-legacy-message-chat-api']).toEqual([]);
      expect(listeners['no-external-chat-management-api']).toEqual([]);
    });

    it.each(READ)('is true with %s', (_shape, code) => {
      const { sourceCode, listeners } = lintApp(code);
      expect(mayName(sourceCode, IN_ROOT)).toBe(true);
      expect(listeners['no-legacy-message-chat-api']).toEqual(LOOKS_AT_THE_FILE);
    });

    it('never hides a finding there', () => {
      const found = (code: string) => analyzeFile(lintApp(code).sourceCode, SETTINGS, IN_ROOT).endpoints(NOTICE);
      for (const [, code] of NOT_READ) expect(found(code), code).toEqual([]);
      // The reads that name a route are found, so the check above is not empty.
      expect(READ.filter(([, code]) => found(code).length > 0).map(([shape]) => shape)).toEqual([
        'an imported route constant',
        'a constant through a barrel',
        'a namespace member',
        'a required constant',
      ]);
    });

    it('reads a file for its text, and stats it, only where an imported value may be a string', () => {
      work.stamped = 0;
      lintApp("import { format } from './util.js';\nimport * as C from './constants.js';\nformat(' x ');\nC.SEND.call();");
      expect(work.stamped).toBe(0);
    });

    it('looks at an imported file once per lint: the resolution and the check for an edit share the look', () => {
      // Never resolved before: the resolution finds it (one look), and its record reads the same stamp.
      work.stamped = 0;
      expect(lintApp("import { SEND } from './fresh.js';\nfetch(SEND);").listeners['no-legacy-message-chat-api']).toEqual(LOOKS_AT_THE_FILE);
      expect(work.stamped).toBe(1);
      // Found before: the resolution checks it is still there, and the record that it is unchanged, in one look.
      work.stamped = 0;
      lintApp("import { SEND } from './fresh.js';\nfetch(SEND);");
      expect(work.stamped).toBe(1);
    });

    it('walks the imports once per lint: the search of the rules takes the reads the pre-filter found', () => {
      // A second walk would resolve the import again, with its own looks at the disk.
      work.stamped = 0;
      const messages = new Linter({ cwd: root }).verify(
        "import { SEND } from './constants.js';\nfetch(SEND);",
        pluginConfig({ rules: { 'feishu/no-legacy-message-chat-api': 'error' } }),
        app,
      );
      expect(messages.map((m) => `${m.ruleId} ${m.line}:${m.column}`)).toEqual(['feishu/no-legacy-message-chat-api 2:7']);
      expect(work.stamped).toBe(1);
    });

    it('reads an edited imported file afresh when the same tree is linted again with other settings', () => {
      // Through the API, a SourceCode may be linted again; the imported bindings are kept only with the same settings.
      mkdirSync(path.join(root, 'relint'), { recursive: true });
      const constants = path.join(root, 'relint', 'c.js');
      writeFileSync(constants, "export const SEND = '/open-apis/message/v4/send';\n");
      const linter = new Linter({ cwd: root });
      const config = (locale: string) => pluginConfig({ settings: { feishu: { locale } }, rules: { 'feishu/no-legacy-message-chat-api': 'error' } });
      const file = path.join(root, 'relint', 'app.js');
      expect(linter.verify("import { SEND } from './c.js';\nfetch(SEND);", config('en'), file)).toHaveLength(1);
      const sourceCode = linter.getSourceCode();
      // Another size: the edit is seen whatever the file system's timestamp resolution.
      writeFileSync(constants, "export const SEND = '/health';\n");
      expect(linter.verify(sourceCode as never, config('zh-CN'), file)).toEqual([]);
    });

    it('reads an edited imported file afresh when the same tree is linted again after another file', () => {
      // The pre-filter of another project file drops what was kept for this one, as making its analysis did in 0.2.6.
      mkdirSync(path.join(root, 'between'), { recursive: true });
      const constants = path.join(root, 'between', 'c.js');
      writeFileSync(constants, "export const SEND = '/health';\n");
      writeFileSync(path.join(root, 'between', 'd.js'), "export const OTHER = 'x';\n");
      const linter = new Linter({ cwd: root });
      const config = pluginConfig({ rules: { 'feishu/no-legacy-message-chat-api': 'error' } });
      const file = path.join(root, 'between', 'x.js');
      // `'im/v1'` lets the file through on its text: its analysis is made, and keeps the imported bindings.
      expect(linter.verify("import { SEND } from './c.js';\nconst doc = 'im/v1';\nfetch(SEND);", config, file)).toEqual([]);
      const sourceCode = linter.getSourceCode();
      expect(linter.verify("import { OTHER } from './d.js';\nfetch(OTHER);", config, path.join(root, 'between', 'a.js'))).toEqual([]);
      writeFileSync(constants, "export const SEND = '/open-apis/message/v4/send';\n");
      expect(linter.verify(sourceCode as never, config, file).map((m) => `${m.ruleId} ${m.line}:${m.column}`)).toEqual(['feishu/no-legacy-message-chat-api 3:7']);
    });

    it('reads an edited imported file afresh when the same tree is linted again after an analysis of another file', () => {
      // The event rule alone analyses the other file; making that analysis drops the bindings kept for this one.
      mkdirSync(path.join(root, 'events-between'), { recursive: true });
      const constants = path.join(root, 'events-between', 'c.js');
      writeFileSync(constants, "export const SEND = '/health';\n");
      const linter = new Linter({ cwd: root });
      const config = (rule: string) => pluginConfig({ rules: { [`feishu/${rule}`]: 'error' } });
      const file = path.join(root, 'events-between', 'x.js');
      expect(linter.verify("import { SEND } from './c.js';\nfetch(SEND);", config('no-legacy-message-chat-api'), file)).toEqual([]);
      const sourceCode = linter.getSourceCode();
      const other = "import * as lark from '@larksuiteoapi/node-sdk';\nnew lark.EventDispatcher({}).register({ message: () => {} });";
      expect(linter.verify(other, config('no-legacy-message-event'), path.join(root, 'events-between', 'y.js')).map((m) => m.ruleId)).toEqual(['feishu/no-legacy-message-event']);
      writeFileSync(constants, "export const SEND = '/open-apis/message/v4/send';\n");
      expect(linter.verify(sourceCode as never, config('no-legacy-message-chat-api'), file).map((m) => `${m.ruleId} ${m.line}:${m.column}`)).toEqual(['feishu/no-legacy-message-chat-api 2:7']);
    });

    it('finds the imported reads once: the search takes those the pre-filter found', () => {
      const { sourceCode } = lintApp("import { SEND } from './constants.js';\nfetch(SEND);");
      const reads = prefilterImportedReads(sourceCode, SETTINGS, IN_ROOT, NOTICE);
      expect(reads).toHaveLength(1);
      expect(prefilterImportedReads(sourceCode, SETTINGS, IN_ROOT, NOTICE)).toBe(reads);
      // The analysis made next takes the same bindings: its search follows the import without another look at the disk.
      work.stamped = 0;
      expect(analyzeFile(sourceCode, SETTINGS, IN_ROOT).endpoints(NOTICE)).toHaveLength(1);
      expect(work.stamped).toBe(0);
    });

    it('reads an imported binding as scope resolves it, not by its name', () => {
      // The default `url = NAME` reads the imported NAME (util.js writes no route), not the body's `const NAME`,
      // which the parameters' scope does not see; 0.2.5 looked the name up and reported the body's constant here.
      const code = "import { NAME } from './util.js';\nexport function f(url = NAME) { const NAME = require('./cjs.js').SEND; return fetch(url); }";
      const { sourceCode, listeners } = lintApp(code);
      expect(listeners['no-legacy-message-chat-api']).toEqual([]);
      expect(analyzeFile(sourceCode, SETTINGS, IN_ROOT).endpoints(NOTICE)).toEqual([]);
      // The body's constant read in the body is found.
      const inBody = "import { NAME } from './util.js';\nexport function f() { const NAME = require('./cjs.js').SEND; return fetch(NAME); }";
      expect(analyzeFile(lintApp(inBody).sourceCode, SETTINGS, IN_ROOT).endpoints(NOTICE)).toHaveLength(1);
    });
  });

  it('never hides a finding: where it says no, the analysis finds nothing', () => {
    for (const code of [...NOTHING, ...SOMETHING.map(([, c]) => c)]) {
      const { sourceCode } = lintOf(code);
      const found = analyzeFile(sourceCode, { ...DEFAULT_SETTINGS, assumeOpenPlatform: true }, IN_PACKAGE).endpoints(NOTICE);
      if (!mayName(sourceCode, IN_PACKAGE)) expect(found, code).toEqual([]);
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
    expect(listeners['no-legacy-message-event']).toEqual(LOOKS_AT_THE_FILE);
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

/** A parser that gives the tokens espree gives, or none (as the audit's oxc-parser). */
function espreeParser(tokens: boolean): Linter.Parser {
  return {
    meta: { name: tokens ? 'espree' : 'espree-without-tokens' },
    parse(code: string, options: Record<string, unknown>) {
      const ast = espree.parse(code, options as espree.Options) as unknown as { tokens?: unknown[] };
      if (!tokens) ast.tokens = [];
      return ast;
    },
  } as unknown as Linter.Parser;
}

/** The event rule's messages for `code` (with suggestions), and whether the rule added a listener. */
function eventLint(code: string, tokens: boolean): { messages: string; listened: boolean } {
  let listened = false;
  const rule = plugin.rules['no-legacy-message-event'] as unknown as Rule.RuleModule;
  const probe: Rule.RuleModule = { ...rule, create: (context) => {
    const listeners = rule.create(context);
    listened = Object.keys(listeners).length > 0;
    return listeners;
  } };
  const messages = new Linter().verify(
    code,
    [{
      files: ['**/*.js'],
      languageOptions: { parser: espreeParser(tokens), parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
      plugins: { probe: { rules: { event: probe } } },
      rules: { 'probe/event': 'error' },
      settings: { feishu: { assumeOpenPlatform: true } },
    }],
    'file.js',
  );
  return { messages: JSON.stringify(messages.map((m) => [m.line, m.column, m.message, m.fatal, (m.suggestions ?? []).map((s) => s.fix.text)])), listened };
}

describe('the event pre-filter reads the tokens around `register` and the quoted type', () => {
  const LARK = "import * as lark from '@larksuiteoapi/node-sdk';\nconst d = new lark.EventDispatcher({});\n";

  it.each([
    'd.register({ message: h });',
    'd.register?.({ message: h });',
    "d['register']({ message: h });",
    'd.register( /* handlers */ ({ message: h }));',
    'd.register\n({ message(e) {} });',
    '(d.register)({ message: h });',
    'd /* c */ .register({ message: h });',
  ])('reports a register call: %s', (call) => {
    const { messages, listened } = eventLint(LARK + call, true);
    expect(listened).toBe(true);
    expect(JSON.parse(messages)).toHaveLength(1);
  });

  it.each([
    ['a longer name', 'd.registered({ message: h });'],
    ['a name that ends with it', 'd.unregister({ message: h });'],
    ['a call with no object literal', 'd.register(handlers); log(e.message);'],
    ['a read of the method', 'd.register.call(d, { message: h });'],
    ['a comment', '// d.register({ message: h })\nlog(e.message);'],
    ['a longer string', "log('d.register({ message: h })');"],
    ['the type as an argument', "if (body.event.type) emit('message', body);"],
    ['the type in an array', "if (['message'].includes(body.event.type)) h();"],
    ['the type in a comment beside a check', "if (body.event.type === x /* 'message' */) h();"],
  ])('adds no listener for %s, and reports nothing without the tokens either', (_shape, code) => {
    expect(eventLint(LARK + code, true).listened).toBe(false);
    expect(JSON.parse(eventLint(LARK + code, false).messages)).toEqual([]);
  });

  it.each([
    "if (body.event.type === 'message') h();",
    "if ('message' !== body.event.type) h();",
    "if (body.event.type == (('message'))) h();",
    "if (body.event.type === /* v1 */ 'message') h();",
    "if (body.event.type === // v1\n  'message') h();",
    "if (('message')\n  !== body.event.type) h();",
    "switch (body.event.type) { case ('message'): h(); }",
    'switch (body.event.type) { case/* v1 */"message": h(); }',
  ])('reports a check of the type however it is spaced, bracketed or commented: %s', (check) => {
    const { messages, listened } = eventLint(check, true);
    expect(listened).toBe(true);
    expect(JSON.parse(messages)).toHaveLength(1);
  });

  it.each([
    ['before the word', "d['\\\nregister']({ message: h });"],
    ['after the word', "d['register\\\n']({ message: h });"],
    ['with CRLF', "d[\"\\\r\nregister\"]({ message: h });"],
    ['with U+2028', "d['\\\u2028register']({ message: h });"],
  ])('reads a string key that is `register` through a line continuation %s, as 0.2.7 did', (_where, key) => {
    // The search locates the pre-filter's `register`s alone (0.2.8): such a key is kept for it. Like 0.2.7, it does not
    // let the pre-filter through by itself (so, alone in a file, it is not reported), but another search's start does.
    // The key's line continuation is a line break: its `message` is reported on line 4, the other start on line 5.
    const lines = (code: string) => (JSON.parse(eventLint(code, true).messages) as [number][]).map(([line]) => line);
    expect(lines(`${LARK}${key}\nd.register({ message: h });`)).toEqual([4, 5]);
    expect(lines(`${LARK}${key}\nif (body.event.type === 'message') h();`)).toEqual([4, 5]);
    expect(eventLint(`${LARK}${key}`, true).listened).toBe(false);
  });

  it('keeps what stands outside every token and comment, as code a parser keeps apart (a Vue template)', () => {
    // Tokens for the first statement only, as vue-eslint-parser gives the script's and not the template's.
    const token = (type: string, value: string, start: number) => ({ type, value, range: [start, start + value.length] });
    const tokens = [token('Keyword', 'let', 0), token('Identifier', 'a', 4), token('Punctuator', ';', 5)];
    const sourceCode = (text: string, comments: unknown[]) =>
      ({ text, ast: { type: 'Program', body: [], range: [0, text.length], tokens, comments } }) as unknown as SourceCode;
    for (const text of ["let a;\nif (body.event.type === 'message') h();", 'let a;\nd.register({ message: h });']) {
      expect(mayNameEvent(sourceCode(text, []), EVENT), text).toBe(true);
      // The same code inside a comment is passed over.
      expect(mayNameEvent(sourceCode(text, [{ type: 'Line', value: '', range: [7, text.length] }]), EVENT), text).toBe(false);
    }
  });

  it('reports the same with and without the tokens, on 3,000 generated programs', () => {
    const next = seededInts(5);
    const pick = <T>(items: readonly T[]): T => items[next(items.length)]!;
    const receiver = () => pick(['d', 'new lark.EventDispatcher({})', 'x', '(d)']);
    const member = () => pick(['.register', '.register?.', "['register']", '.registered', '.unregister', '.register.call', '.register /* c */', '\n.register']);
    const args = () => pick(['({ message: h })', '( /* c */ ({ message: h }))', '(handlers)', '(d, { message: h })', '(\n{ message(e) {} })', "({ ['message']: h })", '()']);
    const read = () => pick(['body.event.type', 'body.ev\\u0065nt.type', 'ev.type', 'f(x)', 'x']);
    const type = () => pick(["'message'", '"message"', "('message')", "(('message'))", "'chat'", "f('message')"]);
    const operator = () => pick(['===', '==', '!==', '!=', '=== /* c */', '=== // c\n', '\n===', '<', ',', '+', '&&']);
    const statement = () =>
      pick([
        () => `${receiver()}${member()}${args()};`,
        () => `if (${read()} ${operator()} ${type()}) h();`,
        () => `if (${type()} ${operator()} ${read()}) h();`,
        () => `switch (${read()}) { case ${pick(["'message'", "('message')", "/* c */'message'", '"message"', '`message`', "'chat'"])}: h(); }`,
        () => `emit(${type()}, ${read()});`,
        () => `log("'message'", \`'message'\`, ${read()});`,
        () => `// ${read()} === 'message'`,
      ])();
    let findings = 0;
    let sharper = 0;
    const programs = new Set<string>();
    for (let round = 0; round < 3_000; round++) {
      const code = (next(2) === 0 ? LARK : '') + Array.from({ length: 1 + next(4) }, statement).join('\n');
      programs.add(code);
      const withTokens = eventLint(code, true);
      const withoutTokens = eventLint(code, false);
      expect(withTokens.messages, code).toBe(withoutTokens.messages);
      findings += JSON.parse(withTokens.messages).filter((m: unknown[]) => m[3] !== true).length;
      if (withoutTokens.listened && !withTokens.listened) sharper++;
    }
    // Distinct programs that find the event, and the tokens leave many without a listener that would have had one.
    expect(programs.size).toBeGreaterThan(2_500);
    expect(findings).toBeGreaterThan(500);
    expect(sharper).toBeGreaterThan(300);
  });
});

describe('most files are answered from their text alone', () => {
  /** `sourceCode` with its reads of the tree counted: a search answered before the memos reads none. */
  function watchingTree(sourceCode: SourceCode): { sourceCode: SourceCode; treeReads: () => number } {
    let reads = 0;
    const watched = new Proxy(sourceCode, {
      get(target, key) {
        if (key === 'ast') reads++;
        return Reflect.get(target, key, target);
      },
    });
    return { sourceCode: watched, treeReads: () => reads };
  }

  // Nine files in ten never write the event's type, and most hold no backslash: one search answers them, without the
  // memo, which is keyed by the tree (docs/performance.md#0210-one-search-before-the-layers-in-most-files).
  it('the event pre-filter, in a file that never writes the type', () => {
    const without = watchingTree(lintOf("const mess = 'age';\nlog(mess);").sourceCode);
    expect(mayNameEvent(without.sourceCode, EVENT)).toBe(false);
    expect(without.treeReads()).toBe(0);
    // Where the type is written, the full reading runs, with its memo.
    const written = watchingTree(lintOf("emit('message', m);").sourceCode);
    expect(mayNameEvent(written.sourceCode, EVENT)).toBe(false);
    expect(written.treeReads()).toBeGreaterThan(0);
  });

  /**
   * Runs `lints` with the release at the end of each lint held back, so that what a test checks after it is the
   * release by the next file's first rule alone, as in lints run in one synchronous loop (ESLint 8's eslintrc CLI,
   * the Linter API). The release is a reaction to a settled promise: `then` is replaced while the lints run (nothing
   * else in a synchronous lint calls it) and restored before any await. Returns the held releases, which the test runs
   * at its end: each clears the flag that lets the next file queue one.
   */
  function lintsHoldingRelease(lints: () => void): (() => void)[] {
    const held: (() => void)[] = [];
    // By hand, not vi.spyOn: the spy calls `then` on what its implementation returns, a promise.
    const then = Object.getOwnPropertyDescriptor(Promise.prototype, 'then')!;
    Object.defineProperty(Promise.prototype, 'then', {
      ...then,
      value(this: Promise<unknown>, onFulfilled: () => void) {
        held.push(onFulfilled);
        return this;
      },
    });
    let linted = false;
    try {
      lints();
      linted = true;
    } finally {
      Object.defineProperty(Promise.prototype, 'then', then);
      // A failed lint leaves no release held back: the next tests (of any file, in this worker) need the flag cleared.
      if (!linted) for (const release of held) release();
    }
    // One release queued for the lints, by the first file's first rule: the stub caught it, and nothing else.
    const names = held.map((release) => release.name);
    if (names.length !== 1 || names[0] !== 'releaseLintedFile') for (const release of held.splice(0)) release();
    expect(names).toEqual(['releaseLintedFile']);
    return held;
  }

  /**
   * Collects what nothing holds any more, as a test can see it: after the current job (a WeakRef keeps its target
   * until the job ends), twice (a collection that finishes a marking already under way keeps what that marking had
   * reached).
   */
  async function collectGarbage(): Promise<void> {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    gc();
  }

  /**
   * Whether the target of `ref` is collected: after collectGarbage, and again after a few more turns of the event
   * loop if it is not yet. No release of the plugin runs between turns: each test has run the releases it checks, or
   * holds them back in its own hands, before the first turn, and the plugin queues nothing else (no timer). So what
   * the plugin still holds stays held through every turn. The retries are for what is not the plugin's: once, in a full
   * `npm test` with other test files in the same worker, an analysed file's tree was still there after the first
   * turn; what held it was not found.
   */
  async function isCollected(ref: WeakRef<object>): Promise<boolean> {
    for (let turn = 0; turn < COLLECTION_TURNS; turn++) {
      await collectGarbage();
      // deref() keeps a target alive until the job ends: the next turn starts a new job first.
      if (ref.deref() === undefined) return true;
    }
    return false;
  }

  const COLLECTION_TURNS = 5;

  /** A rule that keeps the tree of the last file it was made for (`tree()`), and the config entry that turns it on. */
  function treeProbe(): { config: Linter.Config; tree: () => object } {
    let ast: object | undefined;
    const probe: Rule.RuleModule = {
      create(context) {
        ast = context.sourceCode.ast;
        return {};
      },
    };
    return { config: { plugins: { probe: { rules: { ast: probe } } }, rules: { 'probe/ast': 'error' } }, tree: () => ast! };
  }

  it('and let go of the file before, which wrote the type and held a backslash', async () => {
    let before: WeakRef<object> | undefined;
    const held = lintsHoldingRelease(() => {
      // Not analysed: its backslash is in a regular expression, and it writes the type where no search starts.
      before = new WeakRef(lintOf('const digits = /\\d+/;\nlog(err.message);').sourceCode.ast);
      lintOf('const a = 1;');
    });
    try {
      expect(await isCollected(before!)).toBe(true);
    } finally {
      for (const release of held) release();
    }
  });

  /** The recommended rules with the README's settings, and a probe of the last tree linted. */
  function probedLinter(): { probe: ReturnType<typeof treeProbe>; linter: Linter; config: Linter.Config[] } {
    const probe = treeProbe();
    const config: Linter.Config[] = [plugin.configs.recommended as Linter.Config, probe.config, { settings: { feishu: { appType: 'self-built' } } }];
    return { probe, linter: new Linter(), config };
  }

  /**
   * Lints a file the rules analyse: they report its URL and its subscription, from the analysis the first of them
   * makes (which finds the SDK's module by its name, kept for the file too). `more` is added at its end.
   */
  function lintAnalysed(linter: Linter, config: Linter.Config[], more = ''): void {
    const messages = linter.verify(
      [
        "import * as lark from '@larksuiteoapi/node-sdk';",
        "fetch('https://open.feishu.cn/open-apis/message/v4/send', { method: 'POST' });",
        `new lark.EventDispatcher({}).register({ message: onMessage });${more}`,
      ].join('\n'),
      config,
      'analysed.js',
    );
    expect(messages.map((message) => message.ruleId)).toEqual(['feishu/no-legacy-message-chat-api', 'feishu/no-legacy-message-event']);
  }

  it('and let go of the last file analysed, when the files after it need no analysis', async () => {
    const { probe, linter, config } = probedLinter();
    let before: WeakRef<object> | undefined;
    const held = lintsHoldingRelease(() => {
      lintAnalysed(linter, config);
      // The probe's own hold moves to the next file's tree.
      before = new WeakRef(probe.tree());
      // Answered by the pre-filters: no analysis made, none of another file's kept.
      expect(linter.verify('const a = 1;', config, 'plain.js')).toEqual([]);
    });
    let again: WeakRef<object> | undefined;
    try {
      expect(await isCollected(before!)).toBe(true);
      // Run now, so that the lints below queue a release of their own to hold back.
      for (const release of held.splice(0)) release();
      // The same after a file whose settings are invalid, which never runs the pre-filters (their readings of the
      // file before are let go too).
      held.push(
        ...lintsHoldingRelease(() => {
          // With a backslash this time: the escape scan keeps its reading of the file too.
          linter.verify("fetch('https://open.feishu.cn/open-apis/message/v4/send', { method: 'POST' });\nconst crlf = '\\r\\n';", config, 'analysed.js');
          again = new WeakRef(probe.tree());
          const invalid = linter.verify('const a = 1;', [...config, { settings: { feishu: { appType: 42 } } }], 'invalid.js');
          expect(invalid.map((message) => message.messageId)).toEqual(['invalidSettings']);
        }),
      );
      expect(await isCollected(again!)).toBe(true);
    } finally {
      for (const release of held) release();
    }
  });

  it('and let go of an analysed file at the end of its traversal, in a synchronous loop', async () => {
    const { probe, linter, config } = probedLinter();
    let analysed: WeakRef<object> | undefined;
    // The release at the end of the lint held back, and no file linted after it: only Program:exit lets go of it.
    const held = lintsHoldingRelease(() => {
      // With a backslash: the escape scan keeps its reading of the file too.
      lintAnalysed(linter, config, "\nconst crlf = '\\r\\n';");
      analysed = new WeakRef(probe.tree());
    });
    try {
      // The probe and the Linter keep the tree too: let the Linter lint another text, and the probe move to it.
      new Linter().verify('const a = 1;', [probe.config]);
      linter.verify('const b = 2;', [probe.config]);
      expect(await isCollected(analysed!)).toBe(true);
    } finally {
      for (const release of held) release();
    }
  });

  it('and let go of a file once its lint is over, before the next file is parsed', async () => {
    const config: Linter.Config[] = [plugin.configs.recommended as Linter.Config, { settings: { feishu: { appType: 'self-built' } } }];
    /**
     * Lints `text` with a Linter and a probe of its own (a Linter keeps its last SourceCode), and watches the tree. The
     * release the lint queues is caught and run right after it, where the microtask would run: a release put off any
     * later (a timer) is not a reaction the lint queues, and lintsHoldingRelease fails.
     */
    function lintAndWatch(text: string, fileConfig: Linter.Config[], reported: string[]): WeakRef<object> {
      const probe = treeProbe();
      let tree: WeakRef<object> | undefined;
      const queued = lintsHoldingRelease(() => {
        const messages = new Linter().verify(text, [...fileConfig, probe.config], 'file.js');
        expect(messages.map((message) => message.messageId)).toEqual(reported);
        tree = new WeakRef(probe.tree());
      });
      for (const release of queued) release();
      return tree!;
    }
    // Each kind of file the rules keep something for: the state every file has, an analysed file's memos (its
    // backslash: the escape scan's too), and a file whose settings are invalid.
    const files: [string, Linter.Config[], string[]][] = [
      ['const a = 1;', config, []],
      ["fetch('https://open.feishu.cn/open-apis/message/v4/send', { method: 'POST' });\nconst crlf = '\\r\\n';", config, ['legacyEndpoint']],
      ['const a = 1;', [...config, { settings: { feishu: { appType: 42 } } }], ['invalidSettings']],
    ];
    for (const [text, fileConfig, reported] of files) {
      const linted = lintAndWatch(text, fileConfig, reported);
      // No other file is linted: ESLint itself drops its last SourceCode before it parses the next file, and so must
      // the rules, or a full collection that falls in that parse marks both files (docs/performance.md).
      expect(await isCollected(linted), text).toBe(true);
    }
  });

  it('the escape scan, in a file without a backslash', () => {
    const without = watchingTree(lintOf("const s = '/open-apis/im/v1/chats';").sourceCode);
    expect(escapedNodes(without.sourceCode)).toEqual([]);
    expect(without.treeReads()).toBe(0);
    const escaped = watchingTree(lintOf("const s = '/open-ap\\u0069s/im/v1/chats';").sourceCode);
    expect(escapedNodes(escaped.sourceCode).map((node) => node.type)).toEqual(['Literal']);
    expect(escaped.treeReads()).toBeGreaterThan(0);
  });
});
