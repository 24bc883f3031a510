import { OPEN_APIS_SEGMENT } from '../catalog';
import { UNKNOWN } from './unknown';

/** A path split into segments; a segment that holds an unknown piece is exactly `UNKNOWN`. */
export interface NormalizedPath {
  readonly segments: readonly string[];
  /** The path had an `open-apis` segment (everything up to it is dropped). */
  readonly hasOpenApis: boolean;
  /** An unknown piece before the first `/` was read as a base (`https://host[/open-apis]`). */
  readonly fromUnknownBase: boolean;
  /**
   * The host written in the value (lower-cased), `UNKNOWN` where part of it is
   * unknown, undefined for a path without one.
   */
  readonly host: string | undefined;
}

/**
 * Normalizes an evaluated string (docs/spec/behaviour.md#evaluating-strings): `?query` and
 * `#fragment`, scheme and host are dropped, `.` and `..` segments resolved as
 * the WHATWG URL parser does (which `fetch`, axios and `new URL` use), then
 * everything up to the first `open-apis` segment, one leading and one trailing
 * `/` are dropped. Returns undefined for a value that is not, as a whole, a URL
 * or a path (whitespace means prose).
 *
 * Every step is one forward scan: linear in the value's length.
 */
export function normalizePath(value: string): NormalizedPath | undefined {
  let end = value.length;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x3f /* ? */ || c === 0x23 /* # */) {
      end = i;
      break;
    }
    if (isSpace(c)) return undefined;
  }
  // Whitespace after the query still means prose (`'/x?a=1 failed'`).
  for (let i = end; i < value.length; i++) {
    if (isSpace(value.charCodeAt(i))) return undefined;
  }

  let start = 0;
  let fromUnknownBase = false;
  let host: string | undefined;
  const firstSlash = value.indexOf('/');
  const schemeEnd = schemeLength(value, end);
  const hostStart = schemeEnd > 0 ? schemeEnd : value.startsWith('//') ? 2 : -1;
  if (hostStart !== -1) {
    // `https://host/...`, `//host/...`: the host is whatever stands up to the next `/`.
    start = skipHost(value, hostStart, end);
    host = value.slice(hostStart, start).toLowerCase();
    if (host.includes(UNKNOWN)) host = UNKNOWN;
  } else if (firstSlash !== 0) {
    const head = firstSlash === -1 || firstSlash > end ? end : firstSlash;
    if (value.slice(0, head).includes(UNKNOWN)) {
      // An unknown before the first `/` is a base: `${BASE}/message/v4/send`.
      fromUnknownBase = true;
      start = head;
    }
  }

  const path = value.slice(start, end);
  // A path after a host, or one that starts with `/`, is rooted: `..` cannot climb above it.
  // After an unknown base it is not: a `..` there climbs into the base, which the code does not say.
  const raw = resolveDotSegments(path.split('/'), host !== undefined || (!fromUnknownBase && path.startsWith('/')));
  if (raw.length > 0 && raw[0] === '') raw.shift();
  if (raw.length > 0 && raw[raw.length - 1] === '') raw.pop();
  if (raw.length === 0) return { segments: [], hasOpenApis: false, fromUnknownBase, host };

  // An unknown glued to the end of the last segment (`/chat/v4/info${query}`)
  // is read as the query string code appends there.
  const last = raw[raw.length - 1]!;
  if (last.length > 1 && last.endsWith(UNKNOWN)) {
    const trimmed = trimTrailingUnknowns(last);
    if (trimmed.length > 0 && !trimmed.includes(UNKNOWN)) raw[raw.length - 1] = trimmed;
  }

  const segments = raw.map((segment) => (segment.includes(UNKNOWN) ? UNKNOWN : segment));
  const openApis = segments.indexOf(OPEN_APIS_SEGMENT);
  if (openApis === -1) return { segments, hasOpenApis: false, fromUnknownBase, host };
  return { segments: segments.slice(openApis + 1), hasOpenApis: true, fromUnknownBase, host };
}

/**
 * Removes `.` and `..` segments (also spelled `%2e`, in any case) as WHATWG URL
 * path parsing does: `..` drops the segment before it, and either, when last,
 * leaves a trailing `/`. `segments` is a path split at `/`; its leading empty
 * segment stays. Where nothing is left to drop, `..` goes in a rooted path (it
 * cannot climb above the root) and stays in any other, where it names nothing. An unknown segment is one segment
 * (docs/spec/behaviour.md#evaluating-strings).
 */
export function resolveDotSegments(segments: readonly string[], rooted: boolean): string[] {
  if (!segments.some(isDotSegment)) return [...segments];
  const output: string[] = [];
  // A leading empty segment (the path starts with `/`) is where the path starts: never dropped.
  const floor = segments[0] === '' ? 1 : 0;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const last = i === segments.length - 1;
    const dots = i < floor ? 0 : dotsIn(segment, 0, segment.length);
    if (i < floor) {
      output.push(segment);
    } else if (dots === 1) {
      if (last) output.push('');
    } else if (dots === 2) {
      if (output.length > floor && output[output.length - 1] !== '..') output.pop();
      else if (!rooted) output.push('..');
      if (last) output.push('');
    } else {
      output.push(segment);
    }
  }
  return output;
}

/** `.` or `..`, also spelled with `%2e`: a segment URL resolution removes. */
export function isDotSegment(segment: string): boolean {
  return dotsIn(segment, 0, segment.length) !== 0;
}

/**
 * isDotSegment of `text.slice(start, end)`, read in place, for `0 <= start <= end <= text.length`: the marker scan
 * asks at many `/v` of a large file, where a slice and its lower-cased copy per ask were most of the check's cost.
 */
export function isDotSegmentIn(text: string, start: number, end: number): boolean {
  return dotsIn(text, start, end) !== 0;
}

/**
 * The dots of a dot segment between `start` and `end`: 1 for `.`, 2 for `..`, each dot also spelled `%2e` (in
 * either case); 0 for any other segment. The one reading of a dot segment, for resolution and the marker scan.
 */
function dotsIn(text: string, start: number, end: number): number {
  let dots = 0;
  for (let at = start; at < end; dots++) {
    if (text.charCodeAt(at) === 0x2e /* . */) at += 1;
    // `%2e` or `%2E`: `| 0x20` lower-cases the letter.
    else if (end - at >= 3 && text.charCodeAt(at) === 0x25 && text.charCodeAt(at + 1) === 0x32 && (text.charCodeAt(at + 2) | 0x20) === 0x65) at += 3;
    else return 0;
  }
  return dots === 1 || dots === 2 ? dots : 0;
}

function isSpace(c: number): boolean {
  return c <= 0x20 || c === 0xa0 || c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029;
}

/** Length of a leading `scheme://`, or 0. */
function schemeLength(value: string, end: number): number {
  const colon = value.indexOf('://');
  if (colon <= 0 || colon > end) return 0;
  for (let i = 0; i < colon; i++) {
    const c = value.charCodeAt(i);
    const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    const other = (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e;
    if (!(letter || (i > 0 && other))) return 0;
  }
  return colon + 3;
}

/** Index of the `/` that ends the host starting at `from`, or `end`. */
function skipHost(value: string, from: number, end: number): number {
  const slash = value.indexOf('/', from);
  return slash === -1 || slash > end ? end : slash;
}

function trimTrailingUnknowns(segment: string): string {
  let end = segment.length;
  while (end > 0 && segment[end - 1] === UNKNOWN) end--;
  return segment.slice(0, end);
}
