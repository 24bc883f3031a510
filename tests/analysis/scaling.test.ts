import { Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import { findEndpoints } from '../../lib/analysis/endpoints';
import { ImportedBindings } from '../../lib/analysis/imported-bindings';
import { EXTERNAL_CHAT_NOTICE } from '../../lib/catalog';
import { compileNotice } from '../../lib/matcher';
import { plugin } from '../../lib/plugin';
import { resetWork, work } from '../../lib/syntax/work';
import { plusChain, syntheticSourceCode } from '../support/synthetic-tree';

// Scaling (issue 15, items 13–15): each shape is measured at a size and at twice that size, and every work
// counter (lib/syntax/work.ts) may grow about 2× at most. Counted, never timed: a timed test is flaky.

const NOTICE = compileNotice(EXTERNAL_CHAT_NOTICE);
/** "About 2×": room for the constant parts of a file (its first lines, the catalog's words). */
const AT_MOST = 2.2;

type Counters = typeof work;

/** The work counters after linting `code` with every rule on (espree). */
function lintWork(code: string, settings: object = {}): Counters & { reports: number } {
  resetWork();
  const messages = new Linter().verify(
    code,
    [
      { files: ['**/*.js'], languageOptions: { parser: espree as Linter.Parser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } } },
      { ...plugin.configs.recommended, files: ['**/*.js'] },
      { files: ['**/*.js'], settings: { feishu: settings } },
    ],
    'file.js',
  );
  const fatal = messages.find((m) => m.fatal === true);
  if (fatal !== undefined) throw new Error(`parse error: ${fatal.message}`);
  return { ...work, reports: messages.length };
}

/** Each counter at twice the input, against the input: at most AT_MOST times as much. */
function expectLinear(once: Counters, twice: Counters, bound = AT_MOST): void {
  for (const key of ['located', 'matched', 'visited', 'scanned'] as const) {
    expect(twice[key], `${key}: ${once[key]} → ${twice[key]}`).toBeLessThanOrEqual(bound * Math.max(once[key], 1));
  }
}

describe('15.13 + chains where many terms hold a marker cost linear work', () => {
  // `'' + '/open-apis/message/v4/send' + '' + …`: every other term is a seed, and all of them share one site.
  const chain = (terms: number) => `const s = ${Array.from({ length: terms / 2 }, () => "'' + '/open-apis/message/v4/send'").join(' + ')};`;

  it('as ESLint lints them', () => {
    const once = lintWork(chain(500));
    const twice = lintWork(chain(1000));
    // One locate per seed, and one by the pre-filter, which locates the first marker to see that it is part of a value.
    expect(once.located).toBe(251);
    expectLinear(once, twice);
  });

  it('beyond what ESLint parses, on synthetic trees', () => {
    const measure = (terms: number) => {
      const { text, expression } = plusChain(Array.from({ length: terms }, (_, i) => (i % 2 === 0 ? '' : '/open-apis/message/v4/send')));
      resetWork();
      const sourceCode = syntheticSourceCode(text, expression);
      findEndpoints(sourceCode, NOTICE, () => true, new ImportedBindings(sourceCode, { path: undefined, parser: undefined, parserOptions: {}, ecmaVersion: undefined, sourceType: undefined }));
      return { ...work };
    };
    const once = measure(8000);
    const twice = measure(16000);
    expect(once.located).toBe(4000);
    expectLinear(once, twice);
  });
});

describe('15.14 sparse arrays cost holes plus markers, not holes × markers', () => {
  const sparse = (holes: number, markers: number) => `const a = [${','.repeat(holes)}${"'/open-apis/chat/v4/info', ".repeat(markers)}];`;

  it('doubles with the holes and the markers', () => {
    const once = lintWork(sparse(50_000, 100));
    const twice = lintWork(sparse(100_000, 200));
    expect([once.reports, twice.reports]).toEqual([100, 200]);
    expectLinear(once, twice);
  });

  it('holes between the markers', () => {
    const interleaved = (markers: number) => `const a = [${Array.from({ length: markers }, () => `${','.repeat(500)}'/open-apis/chat/v4/info'`).join(',')}];`;
    const once = lintWork(interleaved(100));
    const twice = lintWork(interleaved(200));
    expect([once.reports, twice.reports]).toEqual([100, 200]);
    expectLinear(once, twice);
  });
});

describe('15.15 apiHosts cost does not grow with the number of hosts', () => {
  // A host-less path needs evidence; no host is named, so the whole text is searched for one.
  const file = (lines: number) => `fetch('/chat/v4/info');\n${Array.from({ length: lines }, (_, i) => `const x${i} = 'api.example.com/v${i}';`).join('\n')}`;
  const hosts = (count: number) => Array.from({ length: count }, (_, i) => `gw${i}.example.com`);

  it('costs the same with twice the hosts', () => {
    const once = lintWork(file(2000), { apiHosts: hosts(2000) });
    const twice = lintWork(file(2000), { apiHosts: hosts(4000) });
    expect([once.reports, twice.reports]).toEqual([0, 0]);
    expectLinear(once, twice, 1.05);
  });

  it('doubles with the file, whatever the hosts', () => {
    const once = lintWork(file(2000), { apiHosts: hosts(2000) });
    const twice = lintWork(file(4000), { apiHosts: hosts(4000) });
    expectLinear(once, twice);
    // A dotless host (`localhost`) is looked for in every word: still one scan.
    expectLinear(lintWork(file(2000), { apiHosts: ['localhost', ...hosts(2000)] }), lintWork(file(4000), { apiHosts: ['localhost', ...hosts(4000)] }));
  });

  it('still finds a host among many', () => {
    const code = "fetch('/chat/v4/info');\nconst base = 'https://gw3999.example.com:8443';";
    expect(lintWork(code, { apiHosts: hosts(4000) }).reports).toBe(1);
    expect(lintWork(code.replace('gw3999', 'gw4000'), { apiHosts: hosts(4000) }).reports).toBe(0);
  });
});

describe('nesting costs linear work', () => {
  // Depths far below the parsers' limits; every level holds a marker.
  const shapes: [string, (depth: number) => string][] = [
    ['templates in templates', (d) => `const s = \`/open-apis/message/v4/send${'${`/open-apis/chat/v4/info'.repeat(d)}${'`}'.repeat(d)}\`;`],
    ['parenthesized + chains', (d) => `const s = ${"('/open-apis/message/v4/send' + ".repeat(d)}''${')'.repeat(d)};`],
    ['objects in objects', (d) => `const API = ${"{ a: '/open-apis/chat/v4/info', b: ".repeat(d)}0${' }'.repeat(d)};`],
    ['arrays in arrays', (d) => `const API = ${"['/open-apis/chat/v4/info', ".repeat(d)}0${']'.repeat(d)};`],
    ['String(…) in String(…)', (d) => `fetch(${'String('.repeat(d)}'/open-apis/chat/v4/info'${')'.repeat(d)});`],
    ['new URL(…) in new URL(…)', (d) => `fetch(${'new URL('.repeat(d)}'/open-apis/chat/v4/info'${", 'https://open.feishu.cn')".repeat(d)});`],
    ['const chains', (d) => ["const c0 = '/open-apis/';", ...Array.from({ length: d }, (_, i) => `const c${i + 1} = c${i} + 'message/v4/send';`)].join('\n')],
  ];

  it.each(shapes)('%s', (_, make) => {
    expectLinear(lintWork(make(100)), lintWork(make(200)));
  });

  it('a const object with many members, each read many times', () => {
    const table = (n: number) =>
      [`const API = { ${Array.from({ length: n }, (_, i) => `k${i}: '/open-apis/chat/v4/info'`).join(', ')} };`, ...Array.from({ length: n }, (_, i) => `fetch(API.k${i}); axios.post(API.k${i});`)].join('\n');
    const once = lintWork(table(200));
    const twice = lintWork(table(400));
    expect([once.reports, twice.reports]).toEqual([200, 400]);
    expectLinear(once, twice);
  });
});
