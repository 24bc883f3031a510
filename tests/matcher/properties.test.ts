import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOG, LOOK_ALIKE_PATHS } from '../../lib/catalog';
import { isDotSegment, matchPath, normalizePath, UNKNOWN } from '../../lib/matcher';
import { isDotSegmentIn } from '../../lib/matcher/normalize';
import { lint } from '../support/lint';

// npm test is deterministic: a fixed seed. FC_SEED=<n> explores other inputs.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261124) });

/**
 * The reference matcher, written for clarity: one regular expression per
 * catalog path, tried in turn, on the same normalized segments. A `:param`
 * matches any one segment (an unknown one too); a literal matches itself only.
 */
const REFERENCE = [...new Set(CATALOG.map((entry) => entry.path))].map((path) => {
  const body = path
    .slice('/open-apis/'.length)
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return { path, pattern: new RegExp(`^${body}$`), literals: path.split('/').filter((s) => s !== '' && !s.startsWith(':')).length };
});

function referenceMatch(value: string): string | undefined {
  const normalized = normalizePath(value);
  if (normalized === undefined || normalized.segments.length === 0) return undefined;
  const joined = normalized.segments.join('/');
  // Where a literal and a `:param` template both match, the literal one wins (as in routers).
  const hits = REFERENCE.filter((entry) => entry.pattern.test(joined)).sort((a, b) => b.literals - a.literals);
  return hits[0]?.path;
}

const CATALOG_SEGMENTS = [...new Set(CATALOG.flatMap((entry) => entry.path.split('/')))].filter((s) => s !== '' && !s.startsWith(':'));
// An id: `.` and `..` are dot segments, which URL resolution removes.
const placeholder = fc.stringMatching(/^[A-Za-z0-9_.~-]{1,12}$/).filter((value) => value !== '.' && value !== '..');
const segment = fc.oneof(fc.constantFrom(...CATALOG_SEGMENTS), placeholder, fc.constant(UNKNOWN), fc.constantFrom('v1', 'v4', 'x', ''));
const prefix = fc.constantFrom('', '/', 'https://open.feishu.cn/', 'http://h:8080/gw/', '//host/', `${UNKNOWN}/`, `https://${UNKNOWN}/`);
const suffix = fc.constantFrom('', '/', '?a=1', `?${UNKNOWN}`, '#f', UNKNOWN, ' x');
const path = fc.tuple(prefix, fc.array(segment, { minLength: 0, maxLength: 8 }), suffix).map(([p, segments, s]) => p + segments.join('/') + s);

describe('the compiled matcher', () => {
  it('answers as the reference matcher does, for generated paths', () => {
    fc.assert(
      fc.property(path, (value) => {
        expect(matchPath(value)?.route.path).toBe(referenceMatch(value));
      }),
      { numRuns: 5000 },
    );
  });

  it('matches every catalog path, with placeholder values, to its own entry', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CATALOG), fc.array(placeholder, { minLength: 3, maxLength: 3 }), prefix, (entry, values, p) => {
        let i = 0;
        const filled = entry.path.replace(/:\w+/g, () => values[i++ % values.length]!);
        const value = p === '' ? filled : p + filled.slice(1);
        expect(matchPath(value)?.route.entries).toContain(entry);
      }),
      { numRuns: 2000 },
    );
  });

  it('never matches a look-alike, whatever fills its placeholders', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOOK_ALIKE_PATHS), placeholder, (lookAlike, value) => {
        expect(matchPath(lookAlike.replace(/:\w+/g, value))).toBeUndefined();
      }),
    );
  });
});

describe('normalization', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(path, (value) => {
        const once = normalizePath(value);
        if (once === undefined || !once.hasOpenApis) return;
        // Written back as a path: normalization drops one trailing `/`, so an empty last segment needs it back.
        const trailing = once.segments[once.segments.length - 1] === '' ? '/' : '';
        const twice = normalizePath(`/open-apis/${once.segments.join('/')}${trailing}`);
        expect(twice?.segments).toEqual(once.segments);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a dot segment in place as it reads the segment cut out (isDotSegmentIn, isDotSegment)', () => {
    // The reference: the spellings written out, lower-cased, as the segment was read until 0.2.7.
    const reference = (segment: string) => ['.', '%2e', '..', '.%2e', '%2e.', '%2e%2e'].includes(segment.toLowerCase());
    const piece = fc.constantFrom('.', '%2e', '%2E', '%2', '%', 'e', '2', '/', 'a', '%2f');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 5 }).map((pieces) => pieces.join('')), fc.nat(8), fc.nat(8), (text, a, b) => {
        const [start, end] = [Math.min(a, b, text.length), Math.min(Math.max(a, b), text.length)];
        expect(isDotSegment(text.slice(start, end))).toBe(reference(text.slice(start, end)));
        expect(isDotSegmentIn(text, start, end)).toBe(isDotSegment(text.slice(start, end)));
      }),
      { numRuns: 5000 },
    );
    // The spellings resolution removes, and near misses.
    for (const segment of ['.', '..', '%2e', '%2E.', '.%2e', '%2e%2E']) expect(isDotSegmentIn(`/${segment}/`, 1, segment.length + 1)).toBe(true);
    for (const segment of ['', '...', '%2', '%2e%2e.', 'a.', '%2f']) expect(isDotSegmentIn(`/${segment}/`, 1, segment.length + 1)).toBe(false);
  });
});

describe('string evaluation', () => {
  // Expressions built from the pieces the evaluator reads, nested at random.
  const { expression } = fc.letrec<{ expression: string; leaf: string }>((tie) => ({
    leaf: fc.oneof(
      fc.constantFrom("'/open-apis/'", "'message/v4/send'", "'im/v1/chats/'", '"/link"', '1', 'null', 'x', 'API.SEND', 'process.env.H', "new URL('a', 'https://h/')"),
      path.map((value) => JSON.stringify(value.replaceAll(UNKNOWN, ''))),
    ),
    expression: fc.oneof(
      { depthSize: 'small' },
      tie('leaf'),
      fc.tuple(tie('expression'), tie('expression')).map(([a, b]) => `(${a} + ${b})`),
      fc.array(tie('expression'), { maxLength: 3 }).map((parts) => '`/open-apis/' + parts.map((p) => '${' + p + '}').join('/') + '`'),
      tie('expression').map((e) => `new URL(${e}, 'https://open.feishu.cn/open-apis/')`),
      tie('expression').map((e) => `(${e} as string)`),
    ),
  }));

  it('never throws', () => {
    fc.assert(
      fc.property(expression, expression, (a, b) => {
        const code = `const API = { SEND: ${a} };\nconst B = ${b};\nfetch(B + API.SEND, { method: 'POST' });\nfetch(${a});`;
        expect(() => lint(code)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
