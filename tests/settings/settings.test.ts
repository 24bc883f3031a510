import vm from 'node:vm';
import { Linter } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';
import { invalidSettingsMessage } from '../../lib/messages';
import { plugin } from '../../lib/plugin';
import { checkFeishuSettings, CONFIG_SPELLING, DEFAULT_SETTINGS, readFeishuSettings } from '../../lib/settings';
import { describeSettingsProblem } from '../../lib/messages';

const read = (feishu: unknown) => readFeishuSettings({ feishu });
/** The problems of `feishu`, in English, as the report words each. */
const problemsOf = (feishu: unknown) => checkFeishuSettings(feishu).problems.map((problem) => describeSettingsProblem(problem, CONFIG_SPELLING, 'en'));

/** Lints `code` (plain JavaScript) with every rule of the plugin and `feishu` as settings. */
function lint(code: string, feishu: unknown, linter = new Linter()): Linter.LintMessage[] {
  return linter.verify(code, [plugin.configs.recommended, { settings: { feishu } }], 'file.js');
}

describe('settings.feishu', () => {
  it('defaults to an unknown kind of app, English, the built-in hosts', () => {
    expect(readFeishuSettings(undefined).settings).toBe(DEFAULT_SETTINGS);
    expect(readFeishuSettings({}).settings).toBe(DEFAULT_SETTINGS);
    expect(read({}).settings).toMatchObject({
      appType: undefined,
      appKind: 'unknown',
      locale: 'en',
      linkedOrganization: false,
      externalSharing: false,
      assumeOpenPlatform: false,
      reportGuarded: false,
      apiHosts: [],
    });
    expect(read({}).problems).toEqual([]);
  });

  it('reads reportGuarded, a boolean that is false unless set', () => {
    expect(read({ reportGuarded: true }).settings.reportGuarded).toBe(true);
    expect(read({ reportGuarded: false }).settings.reportGuarded).toBe(false);
    expect(read({ appType: 'store' }).settings.reportGuarded).toBe(false);
  });

  it.each([
    [{ appType: 'store' }, 'store'],
    [{ appType: 'self-built' }, 'self-built'],
    [{ appType: 'self-built', linkedOrganization: true }, 'self-built-linked-organization'],
    [{ appType: 'self-built', externalSharing: true }, 'self-built-external-sharing'],
    [{ appType: 'self-built', linkedOrganization: false, externalSharing: false }, 'self-built'],
    [{ appType: 'store', externalSharing: false }, 'store'],
    [Object.assign(Object.create(null) as object, { appType: 'store' }), 'store'],
  ])('reads %j as the app kind %s', (feishu, kind) => {
    expect(read(feishu).settings.appKind).toBe(kind);
  });

  it('keeps apiHosts lower-cased and once each', () => {
    expect(read({ apiHosts: ['Open.Example.com', 'open.example.com', 'api.internal:8443', '10.0.0.1:65535'] }).settings.apiHosts).toEqual([
      'open.example.com',
      'api.internal:8443',
      '10.0.0.1:65535',
    ]);
  });

  it('reads equal settings once: the same reading for the same content', () => {
    expect(read({ appType: 'store' })).toBe(read({ appType: 'store' }));
  });

  it('ignores other plugins’ settings', () => {
    expect(readFeishuSettings({ react: { version: 'detect' } }).settings).toBe(DEFAULT_SETTINGS);
  });
});

describe('invalid settings.feishu: every problem, in words', () => {
  it.each([
    [[], ['settings.feishu must be a plain object; got [].']],
    ['store', ["settings.feishu must be a plain object; got 'store'."]],
    [
      { apptype: 'store' },
      ['settings.feishu.apptype is not a setting; the settings are appType, linkedOrganization, externalSharing, locale, apiHosts, assumeOpenPlatform, reportGuarded. Did you mean appType?'],
    ],
    [{ color: 'red' }, ['settings.feishu.color is not a setting; the settings are appType, linkedOrganization, externalSharing, locale, apiHosts, assumeOpenPlatform, reportGuarded.']],
    [{ appType: 'selfbuilt' }, ["settings.feishu.appType must be 'store' or 'self-built'; got 'selfbuilt'. Did you mean 'self-built'?"]],
    [{ appType: 'Store' }, ["settings.feishu.appType must be 'store' or 'self-built'; got 'Store'. Did you mean 'store'?"]],
    [{ appType: 'bot' }, ["settings.feishu.appType must be 'store' or 'self-built'; got 'bot'."]],
    [{ appType: 1 }, ["settings.feishu.appType must be 'store' or 'self-built'; got 1."]],
    [{ locale: 'zh' }, ["settings.feishu.locale must be 'en' or 'zh-CN'; got 'zh'. Did you mean 'zh-CN'?"]],
    [{ assumeOpenPlatform: 'yes' }, ["settings.feishu.assumeOpenPlatform must be true or false; got 'yes'."]],
    [{ reportGuarded: 'true' }, ["settings.feishu.reportGuarded must be true or false; got 'true'. Did you mean true?"]],
    [{ reportGuarded: 1 }, ['settings.feishu.reportGuarded must be true or false; got 1. Did you mean true?']],
    [{ assumeOpenPlatform: 'true' }, ["settings.feishu.assumeOpenPlatform must be true or false; got 'true'. Did you mean true?"]],
    [{ appType: 'self-built', linkedOrganization: 1 }, ['settings.feishu.linkedOrganization must be true or false; got 1. Did you mean true?']],
    [{ apiHosts: 'open.example.com' }, ["settings.feishu.apiHosts must be an array of host names; got 'open.example.com'."]],
    [{ apiHosts: ['https://open.example.com'] }, ["settings.feishu.apiHosts[0] must be a host name such as 'open.example.com' (no scheme, no path); got 'https://open.example.com'."]],
    [{ apiHosts: ['ok.example.com', 'open.example.com/api'] }, ["settings.feishu.apiHosts[1] must be a host name such as 'open.example.com' (no scheme, no path); got 'open.example.com/api'."]],
    [{ apiHosts: [42] }, ["settings.feishu.apiHosts[0] must be a host name such as 'open.example.com' (no scheme, no path); got 42."]],
    [
      { appType: 'store', externalSharing: true },
      ["settings.feishu.externalSharing: true is not allowed with appType: 'store' (store apps cannot enable external sharing); remove externalSharing or set appType: 'self-built'."],
    ],
    [
      { appType: 'self-built', linkedOrganization: true, externalSharing: true },
      ['settings.feishu.externalSharing: true is not allowed with linkedOrganization: true (the platform does not let an app with linked organizations enable external sharing); keep only one of them.'],
    ],
    [{ linkedOrganization: true }, ["settings.feishu.linkedOrganization: true needs appType: 'self-built'; got appType: nothing."]],
    [{ appType: 'store', linkedOrganization: true }, ["settings.feishu.linkedOrganization: true needs appType: 'self-built'; got appType: 'store'."]],
    [{ externalSharing: true }, ["settings.feishu.externalSharing: true needs appType: 'self-built'; got appType: nothing."]],
  ])('%j', (feishu, problems) => {
    expect(problemsOf(feishu)).toEqual(problems);
  });

  it('names every problem, not only the first', () => {
    expect(problemsOf({ appTyp: 'store', locale: 'fr', apiHosts: ['x.com:0'], assumeOpenPlatform: 1 })).toEqual([
      'settings.feishu.appTyp is not a setting; the settings are appType, linkedOrganization, externalSharing, locale, apiHosts, assumeOpenPlatform, reportGuarded. Did you mean appType?',
      "settings.feishu.locale must be 'en' or 'zh-CN'; got 'fr'.",
      "settings.feishu.apiHosts[0] must be a host name such as 'open.example.com' (no scheme, no path); got 'x.com:0'. The port must be 1 to 65535.",
      'settings.feishu.assumeOpenPlatform must be true or false; got 1. Did you mean true?',
    ]);
  });

  it('lists 20 problems at most, and says how many more there are', () => {
    const feishu = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`key${i}`, i]));
    const message = invalidSettingsMessage(checkFeishuSettings(feishu).problems, 'en');
    expect(message.match(/is not a setting/g)).toHaveLength(20);
    expect(message.endsWith('(5 more not listed.)')).toBe(true);
  });

  it('speaks Chinese with a valid locale', () => {
    expect(invalidSettingsMessage(checkFeishuSettings({ locale: 'zh-CN', appType: 'Store' }).problems, 'zh-CN')).toBe(
      "settings.feishu 设置无效（修正之前，feishu 规则不会报告此文件中的其他问题）：settings.feishu.appType 必须是 'store' 或 'self-built'，实际为 'Store'。是否想写 'store'？",
    );
    expect(checkFeishuSettings({ locale: 'zh-CN', appType: 'Store' }).locale).toBe('zh-CN');
    expect(checkFeishuSettings({ locale: 'zh', appType: 'Store' }).locale).toBe('en');
  });
});

// Issue 15, items 1–6: each test fails without its fix.
describe('issue 15: settings that used to crash, pass silently or go stale', () => {
  const WANTS_EVIDENCE = "if (typeof w === 'undefined') fetch('/chat/v4/info');";

  it('15.1 a hole in apiHosts does not crash: it is a problem, reported', () => {
    // eslint-disable-next-line no-sparse-arrays -- the hole is the input under test
    const messages = lint(WANTS_EVIDENCE, { apiHosts: ['open.example.com', , 'gw.example.com'] });
    expect(messages.map((m) => [m.messageId, m.line, m.column])).toEqual([['invalidSettings', 1, 1]]);
    expect(messages[0]!.message).toContain('settings.feishu.apiHosts[1] is empty (a hole in the array): remove the extra comma.');
    // A huge sparse array costs what it holds.
    const sparse: string[] = [];
    sparse.length = 1e9;
    sparse[5] = 'open.example.com';
    expect(problemsOf({ apiHosts: sparse })).toEqual(['settings.feishu.apiHosts[0] is empty (a hole in the array): remove the extra comma.']);
  });

  class Options {
    appType = 'store';
  }
  it.each([
    ['a Map', new Map([['appType', 'store']])],
    ['a Set', new Set(['store'])],
    ['a Date', new Date(0)],
    ['a RegExp', /store/],
    ['an instance of Options', new Options()],
    ['a Proxy', new Proxy({ appType: 'store' }, {})],
  ])('15.2 non-plain settings.feishu objects are rejected: %s', (what, feishu) => {
    expect(problemsOf(feishu)).toEqual([`settings.feishu must be a plain object; got ${what}.`]);
    const messages = lint("fetch('/open-apis/message/v4/send');", feishu);
    expect(messages.map((m) => m.messageId)).toEqual(['invalidSettings']);
  });

  it('15.2 an object that cannot be read (a getter that throws) is a problem too, never a crash', () => {
    const feishu = {
      get appType(): string {
        throw new Error('no');
      },
    };
    expect(problemsOf(feishu)).toEqual(['settings.feishu must be a plain object; got an object that cannot be read (no).']);
    expect(lint("fetch('/open-apis/message/v4/send');", feishu).map((m) => m.messageId)).toEqual(['invalidSettings']);
  });

  it('15.2 shared settings whose `feishu` cannot be read (a getter that throws, a revoked Proxy) are a problem too, never a crash', () => {
    const throwing = Object.defineProperty({}, 'feishu', {
      get(): never {
        throw new Error('no');
      },
      enumerable: true,
    });
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    for (const settings of [throwing, revoked.proxy]) {
      const reading = readFeishuSettings(settings);
      expect(reading.settings).toBe(DEFAULT_SETTINGS);
      expect(reading.problems.map((problem) => describeSettingsProblem(problem, CONFIG_SPELLING, 'en'))).toEqual([
        expect.stringMatching(/^settings\.feishu must be a plain object; got an object that cannot be read \(.+\)\.$/),
      ]);
    }
  });

  it('15.2 whatever a getter throws gives the problem, also what cannot be read itself', () => {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const unreadableMessage = Object.defineProperty(new Error('x'), 'message', {
      get(): never {
        throw new Error('y');
      },
    });
    const objectMessage = Object.assign(new Error('x'), { message: { toString: () => 'as text' } });
    const throwing = (thrown: unknown) =>
      Object.defineProperty({}, 'appType', {
        get(): never {
          throw thrown;
        },
        enumerable: true,
      });
    expect(problemsOf(throwing(Object.create(null)))).toEqual(['settings.feishu must be a plain object; got an object that cannot be read (no message).']);
    expect(problemsOf(throwing(revoked.proxy))).toEqual(['settings.feishu must be a plain object; got an object that cannot be read (no message).']);
    expect(problemsOf(throwing(unreadableMessage))).toEqual(['settings.feishu must be a plain object; got an object that cannot be read (no message).']);
    expect(problemsOf(throwing(objectMessage))).toEqual(['settings.feishu must be a plain object; got an object that cannot be read (as text).']);
    const shared = Object.defineProperty({}, 'feishu', {
      get(): never {
        throw Object.create(null);
      },
      enumerable: true,
    });
    expect(readFeishuSettings(shared).problems.map((problem) => problem.kind)).toEqual(['notObject']);
  });

  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).appType;
    delete (Object.prototype as Record<string, unknown>).externalSharing;
  });

  it('15.3 inherited keys are neither used nor accepted', () => {
    const REACTION = 'client.im.messageReaction.create({});';
    // Keys only inherited from another prototype: the object is not a plain one.
    const inheriting = { __proto__: { appType: 'self-built', externalSharing: true } };
    expect(problemsOf(inheriting)).toEqual(['settings.feishu must be a plain object; got an object that inherits appType, externalSharing.']);
    expect(lint(REACTION, inheriting).map((m) => m.messageId)).toEqual(['invalidSettings']);
    // A polluted Object.prototype is never read: the reaction rule stays on. (Non-enumerable, so that ESLint's own option checks run.)
    for (const [key, value] of [['appType', 'self-built'], ['externalSharing', true]] as const) {
      Object.defineProperty(Object.prototype, key, { value, configurable: true, writable: true, enumerable: false });
    }
    expect(checkFeishuSettings({}).settings.appKind).toBe('unknown');
    expect(lint(REACTION, {}).map((m) => m.ruleId)).toEqual(['feishu/no-external-chat-reaction-api']);
  });

  it.each([
    ['x.com:99999', 'The port must be 1 to 65535.'],
    ['x.com:0', 'The port must be 1 to 65535.'],
    ['x.com:', 'The port must be 1 to 65535.'],
    ['a-.example.com', 'Each dot-separated label holds letters, digits and inner hyphens.'],
    ['-a.example.com', 'Each dot-separated label holds letters, digits and inner hyphens.'],
    ['a..example.com', 'Each dot-separated label holds letters, digits and inner hyphens.'],
    [`${'a'.repeat(64)}.example.com`, 'A label may be at most 63 characters.'],
    [`${'abcdefghi.'.repeat(29)}example.com`, 'A host name may be at most 253 characters.'],
  ])('15.4 bad host names are rejected: %s', (host, why) => {
    const [problem] = problemsOf({ apiHosts: [host] });
    expect(problem).toMatch(/^settings\.feishu\.apiHosts\[0\] must be a host name such as 'open\.example\.com' \(no scheme, no path\); got '/);
    expect(problem!.endsWith(why)).toBe(true);
  });

  it('15.4 the longest valid names pass', () => {
    const longest = [...Array.from({ length: 3 }, () => 'a'.repeat(63)), 'a'.repeat(61)].join('.');
    expect(longest).toHaveLength(253);
    expect(read({ apiHosts: [longest, `${'b'.repeat(63)}.example.com:1`] }).problems).toEqual([]);
  });

  it('15.5 settings mutated in place between two lint runs are read again', () => {
    const linter = new Linter();
    const feishu: Record<string, unknown> = { appType: 'store' };
    const code = "fetch('/open-apis/message/v4/send');";
    expect(lint(code, feishu, linter)[0]!.message).toContain('No replacement for store apps');
    feishu.appType = 'self-built';
    expect(lint(code, feishu, linter)[0]!.message).toContain('Migrate to client.im.message.create');
    feishu.appType = 'bot';
    expect(lint(code, feishu, linter).map((m) => m.messageId)).toEqual(['invalidSettings']);
    // An array inside, mutated: the host counts as evidence once added.
    const hosts: Record<string, unknown> = { apiHosts: [] as string[] };
    const hostLess = "const base = 'https://open.corp.example'; http.post('/chat/v4/info');";
    expect(lint(hostLess, hosts, linter)).toEqual([]);
    (hosts.apiHosts as string[]).push('open.corp.example');
    expect(lint(hostLess, hosts, linter).map((m) => m.ruleId)).toEqual(['feishu/no-legacy-message-chat-api']);
  });

  it('15.5 every change made in place to an object read before is seen, as ESLint hands each file of a config the same object', () => {
    const feishu: Record<string, unknown> = { appType: 'self-built', apiHosts: ['open.a.example'] };
    const settings = { feishu };
    const kinds = () => readFeishuSettings(settings).problems.map((problem) => problem.kind);
    expect(readFeishuSettings(settings).settings.appKind).toBe('self-built');
    expect(readFeishuSettings(settings)).toBe(readFeishuSettings(settings));
    // A key added, then removed.
    feishu.linkedOrganization = true;
    expect(readFeishuSettings(settings).settings.appKind).toBe('self-built-linked-organization');
    delete feishu.linkedOrganization;
    expect(readFeishuSettings(settings).settings.appKind).toBe('self-built');
    // An array's item replaced, the length kept; then a hole made where the item was.
    (feishu.apiHosts as string[])[0] = 'open.b.example';
    expect(readFeishuSettings(settings).settings.apiHosts).toEqual(['open.b.example']);
    (feishu.apiHosts as unknown[])[0] = undefined;
    expect(kinds()).toEqual(['notHost']);
    delete (feishu.apiHosts as unknown[])[0];
    expect(kinds()).toEqual(['hole']);
    // The array given another prototype (read as a fresh check reads it), then the object (no longer a plain one).
    feishu.apiHosts = ['open.a.example'];
    expect(kinds()).toEqual([]);
    Object.setPrototypeOf(feishu.apiHosts, { __proto__: Array.prototype, 0: 'inherited' });
    expect(readFeishuSettings(settings)).toEqual(checkFeishuSettings(feishu));
    feishu.apiHosts = [];
    expect(kinds()).toEqual([]);
    Object.setPrototypeOf(feishu, { linkedOrganization: true });
    expect(kinds()).toEqual(['notObject']);
    Object.setPrototypeOf(feishu, Object.prototype);
    expect(kinds()).toEqual([]);
    // A class's prototype, whose keys are not enumerable: only the prototype itself shows the change.
    class Options {}
    Object.setPrototypeOf(feishu, Options.prototype);
    expect(kinds()).toEqual(['notObject']);
  });

  it('15.5 objects read in turn keep their own readings, and unknown keys reordered reorder their problems', () => {
    const store = { feishu: { appType: 'store' } };
    const selfBuilt = { feishu: { appType: 'self-built' } };
    // Two configs' files in turn, then an object of the same own content that inherits a key.
    for (let round = 0; round < 3; round++) {
      expect(readFeishuSettings(store).settings.appKind).toBe('store');
      expect(readFeishuSettings(selfBuilt).settings.appKind).toBe('self-built');
    }
    const inheriting = { feishu: Object.assign(Object.create({ externalSharing: true }) as object, { appType: 'store' }) };
    expect(readFeishuSettings(inheriting).problems.map((problem) => problem.kind)).toEqual(['notObject']);
    const unknown: Record<string, unknown> = { colour: 1, flavour: 1 };
    const keysOf = () => readFeishuSettings({ feishu: unknown }).problems.map((problem) => (problem.kind === 'unknownKey' ? problem.key : problem.kind));
    expect(keysOf()).toEqual(['colour', 'flavour']);
    delete unknown.colour;
    unknown.colour = 1;
    expect(keysOf()).toEqual(['flavour', 'colour']);
  });

  it('15.5 a getter among the settings is read again each time, in the object or in its array', () => {
    let appType = 'store';
    const withGetter = { feishu: Object.defineProperty({}, 'appType', { get: () => appType, enumerable: true }) };
    expect(readFeishuSettings(withGetter).settings.appKind).toBe('store');
    appType = 'self-built';
    expect(readFeishuSettings(withGetter).settings.appKind).toBe('self-built');
    let host = 'open.a.example';
    const hosts = Object.defineProperty([] as string[], 0, { get: () => host, enumerable: true });
    const withItemGetter = { feishu: { apiHosts: hosts } };
    expect(readFeishuSettings(withItemGetter).settings.apiHosts).toEqual(['open.a.example']);
    host = 'open.b.example';
    expect(readFeishuSettings(withItemGetter).settings.apiHosts).toEqual(['open.b.example']);
    // A getter that answers the first read of a call one way and the rest of it another, then the first way for
    // good: a comparison with that first read would take the reading made of the rest, so no snapshot is kept.
    let firstCall = true;
    let reads = 0;
    const changing = Object.defineProperty({ apiHosts: ['getter-test.example'] }, 'appType', {
      get: () => (!firstCall || ++reads === 1 ? 'self-built' : 'store'),
      enumerable: true,
    });
    readFeishuSettings({ feishu: changing });
    firstCall = false;
    expect(readFeishuSettings({ feishu: changing }).settings.appKind).toBe('self-built');
    // The same with an array's item.
    firstCall = true;
    reads = 0;
    const changingHosts = Object.defineProperty([] as string[], 0, {
      get: () => (!firstCall || ++reads === 1 ? 'open.c.example' : 'open.d.example'),
      enumerable: true,
    });
    readFeishuSettings({ feishu: { apiHosts: changingHosts } });
    firstCall = false;
    expect(readFeishuSettings({ feishu: { apiHosts: changingHosts } }).settings.apiHosts).toEqual(['open.c.example']);
  });

  it('15.5 a key that is not enumerable is read as the check reads it, never as another object with the same listed keys', () => {
    // Object.keys lists neither object's appType; the check reads it (an own key): the two must not share a reading.
    const listed = { linkedOrganization: true };
    const hidden = Object.defineProperty({ linkedOrganization: true }, 'appType', { value: 'self-built', enumerable: false });
    expect(checkFeishuSettings(listed).problems.map((problem) => problem.kind)).toEqual(['needsSelfBuilt']);
    expect(checkFeishuSettings(hidden).problems).toEqual([]);
    for (let round = 0; round < 2; round++) {
      expect(read(listed).problems.map((problem) => problem.kind)).toEqual(['needsSelfBuilt']);
      expect(read(hidden).settings.appKind).toBe('self-built-linked-organization');
    }
    // Such a key added in place to an object read before: the comparison sees it.
    const feishu = { linkedOrganization: true };
    const settings = { feishu };
    expect(readFeishuSettings(settings).problems.map((problem) => problem.kind)).toEqual(['needsSelfBuilt']);
    Object.defineProperty(feishu, 'appType', { value: 'self-built', enumerable: false, configurable: true });
    expect(readFeishuSettings(settings).settings.appKind).toBe('self-built-linked-organization');
    delete (feishu as { appType?: string }).appType;
    expect(readFeishuSettings(settings).problems.map((problem) => problem.kind)).toEqual(['needsSelfBuilt']);
  });

  it('15.5 a key or an array index made not enumerable, in place or from the start, is read as the check reads it', () => {
    // A key made not enumerable in place: the check no longer lists it (no unknown key), the comparison sees it.
    const feishu = { appType: 'self-built', flavour: 1 };
    const settings = { feishu };
    expect(readFeishuSettings(settings).problems.map((problem) => problem.kind)).toEqual(['unknownKey']);
    Object.defineProperty(feishu, 'flavour', { enumerable: false });
    expect(readFeishuSettings(settings).problems).toEqual([]);
    // An index that is not enumerable is a hole to the check: never a reading shared with an array that lists it.
    const hidden = () => Object.defineProperty([] as string[], 0, { value: 'index.example', enumerable: false, writable: true, configurable: true });
    expect(checkFeishuSettings({ apiHosts: hidden() }).problems.map((problem) => problem.kind)).toEqual(['hole']);
    expect(read({ apiHosts: ['index.example'] }).problems).toEqual([]);
    expect(read({ apiHosts: hidden() }).problems).toEqual([{ kind: 'hole', key: 'apiHosts', index: 0 }]);
    // The same made in place to an array read before.
    const hosts = { feishu: { apiHosts: ['in-place.example'] } };
    expect(readFeishuSettings(hosts).settings.apiHosts).toEqual(['in-place.example']);
    Object.defineProperty(hosts.feishu.apiHosts, 0, { enumerable: false });
    expect(readFeishuSettings(hosts).problems).toEqual([{ kind: 'hole', key: 'apiHosts', index: 0 }]);
  });

  it('15.5 an array is copied and compared as its own items: its constructor and the prototypes are never asked', () => {
    // slice() would ask the constructor for its species (a species of one's own may make a copy that follows the
    // array, and the comparison never fail) and read a hole through Array.prototype, which may hold a getter.
    let speciesAsked = 0;
    const constructor = {
      get [Symbol.species]() {
        speciesAsked++;
        return Array;
      },
    };
    const withConstructor = { feishu: { apiHosts: Object.assign(['species.example'], { constructor }) } };
    expect(readFeishuSettings(withConstructor).settings.apiHosts).toEqual(['species.example']);
    withConstructor.feishu.apiHosts[0] = 'https://species.example/path';
    expect(readFeishuSettings(withConstructor).problems.map((problem) => problem.kind)).toEqual(['notHost']);
    expect(speciesAsked).toBe(0);
    // Holes from 1 to 7, and at 7 a getter on Array.prototype that counts its reads (its setter defines the item, so
    // that arrays the read makes for itself stay as they are).
    const apiHosts: string[] = ['a.sparse.example'];
    apiHosts[8] = 'b.sparse.example';
    const sparse = { feishu: { apiHosts } };
    let holeReads = 0;
    Object.defineProperty(Array.prototype, 7, {
      get(): undefined {
        holeReads++;
        return undefined;
      },
      set(this: unknown[], value: unknown) {
        Object.defineProperty(this, 7, { value, writable: true, enumerable: true, configurable: true });
      },
      configurable: true,
    });
    try {
      for (let round = 0; round < 3; round++) {
        expect(readFeishuSettings(sparse).problems).toEqual([{ kind: 'hole', key: 'apiHosts', index: 1 }]);
      }
    } finally {
      delete (Array.prototype as unknown as Record<number, unknown>)[7];
    }
    expect(holeReads).toBe(0);
  });

  it('15.5 a problem that echoes an array of the settings is never handed to another object of the same content', () => {
    const message = (feishu: unknown) => readFeishuSettings({ feishu }).problems.map((problem) => describeSettingsProblem(problem, CONFIG_SPELLING, 'en'));
    const first = { locale: ['echoed-first'] };
    expect(message(first)).toEqual([`settings.feishu.locale must be 'en' or 'zh-CN'; got ["echoed-first"].`]);
    first.locale[0] = 'changed-in-place';
    expect(message(first)).toEqual([`settings.feishu.locale must be 'en' or 'zh-CN'; got ["changed-in-place"].`]);
    // Another object with the first one's content as it was read: its own array is echoed, not the first one's now.
    expect(message({ locale: ['echoed-first'] })).toEqual([`settings.feishu.locale must be 'en' or 'zh-CN'; got ["echoed-first"].`]);
  });

  it('15.5 an object of another realm is never keyed: its tag and keys run code, and may answer otherwise next time', () => {
    const context = vm.createContext({});
    let tags = 0;
    // The other realm's Object.prototype tells its tag by a getter: plain the first time it is asked, not the second.
    Object.assign(context, { tag: () => (tags++ % 2 === 0 ? 'Object' : 'Weird') });
    vm.runInContext('Object.defineProperty(Object.prototype, Symbol.toStringTag, { get() { return tag(); }, configurable: true })', context);
    // Primitives only: an array of that realm is not a plain array here, and would leave the object unkeyed anyway.
    const other = vm.runInContext("({ appType: 'store', reportGuarded: false, assumeOpenPlatform: false })", context) as object;
    read(other);
    // The same content from this realm reads as a fresh check does, whatever the other object read as.
    const same = { appType: 'store', reportGuarded: false, assumeOpenPlatform: false };
    expect(read(same)).toEqual(checkFeishuSettings(same));
    expect(read(same).problems).toEqual([]);
  });

  it('15.6 a huge value is echoed cut to 80 characters', () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const [message] = lint("fetch('/open-apis/message/v4/send');", { appType: huge, [huge]: 1 });
    expect(message!.message).toContain(`got '${'x'.repeat(80)}…'`);
    expect(message!.message).toContain(`settings.feishu.${'x'.repeat(64)}…`);
    expect(message!.message.length).toBeLessThan(1000);
    // Code points, not UTF-16 units: a cut never splits a character.
    expect(problemsOf({ locale: '飞'.repeat(100) })[0]).toContain(`got '${'飞'.repeat(80)}…'`);
    expect(problemsOf({ locale: '😀'.repeat(100) })[0]).toContain(`got '${'😀'.repeat(80)}…'`);
  });
});
