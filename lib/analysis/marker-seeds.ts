// From its module, not the catalog's index: in the CommonJS build a re-export is a getter call at every read.
import { OPEN_APIS_SEGMENT } from '../catalog/open-platform';
import type { CompiledNotice } from '../matcher';
import { isDotSegmentIn } from '../matcher/normalize';
import { isModuleSpecifier, isStringLiteral, nodeAtOffset, type Node, type SourceCode } from '../syntax/ast';
import { escapedNodes } from '../syntax/escapes';
import { LastPairMemo } from '../memo';
import { indexOfSearch, isWordCharCode, wordSearch } from '../syntax/text-search';
import { work } from '../syntax/work';

/**
 * The text pre-scan of the endpoint search (docs/spec/behaviour.md#evaluating-strings): the string
 * literals and template literals that may be part of a value naming a catalog
 * route, each once, in text order. Work starts only where the text holds a
 * marker:
 *
 * - `open-apis`, unless the literal segment written after it is not the start
 *   of a catalog's first segment (other services' paths, most of an SDK bundle);
 * - a catalog path's first two segments (`message/v4`, `im/v1`): they all have
 *   the shape `<word>/v<n>`, so the `/v` is checked against the words before
 *   and the versions after it;
 * - a marker split across the pieces of a `+` chain, a template or `const`s
 *   (`'/message' + '/v4/send'`, `'/chat/' + V + '/info'`): one piece then holds,
 *   at its edge, the `/v` with the rest of the word before it, the word with
 *   `/` or `/v` after it, or the version (compiled.markerFragments);
 * - the same in the value of a literal that spells a character with an escape
 *   (`'/open-ap\u0069s/…'`), which the text does not show.
 *
 * The text is read in a few passes (markerOffsets), and every hit located in
 * the tree lets the search skip the rest of its string: linear in the file's size.
 */
export function markerSeeds(sourceCode: SourceCode, compiled: CompiledNotice): Node[] {
  const seeds: Node[] = [];
  let resume = 0;
  for (const offset of fileMarkerOffsets(sourceCode, compiled)) {
    if (offset < resume) continue;
    const node = nodeAtOffset(sourceCode, offset);
    const seed = seedAt(node);
    if (seed !== undefined) seeds.push(seed);
    // The rest of a string located is skipped: it is a seed already, or it is not a value.
    resume = seed === undefined ? offset + 1 : node.range[1];
  }
  for (const node of escapedNodes(sourceCode)) {
    const seed = seedAt(node);
    if (seed !== undefined && holdsMarker(compiled, cookedText(node))) seeds.push(seed);
  }
  return seeds;
}

/**
 * Whether some marker of the file's text locates a seed (markerSeeds): the
 * pre-filter's test of the markers. One in a module specifier
 * (`require("./message")`, `import … from './chat'`) or a literal type gives
 * none, and nothing else reads the markers, so a file whose markers are all
 * such needs no analysis for them.
 */
export function fileHasMarkerSeed(sourceCode: SourceCode, compiled: CompiledNotice): boolean {
  const offsets = fileMarkerOffsets(sourceCode, compiled);
  for (let i = 0; i < offsets.length; i++) if (seedAt(nodeAtOffset(sourceCode, offsets[i]!)) !== undefined) return true;
  return false;
}

/**
 * Where a file's text holds a marker of the notice (markerOffsets, with
 * fragments). The pre-filter and the search ask in turn: the last file's
 * answer is kept.
 */
export function fileMarkerOffsets(sourceCode: SourceCode, compiled: CompiledNotice): readonly number[] {
  return fileOffsets.getWith(compiled, sourceCode.ast, sourceCode.text, markerAndFragmentOffsets);
}

function markerAndFragmentOffsets(text: string, compiled: CompiledNotice): readonly number[] {
  return markerOffsets(text, compiled, true);
}

const fileOffsets = new LastPairMemo<CompiledNotice, Node, readonly number[]>();

/**
 * The seed a located node gives: a string literal that is a runtime value, or the template a quasi is part of unless
 * it is a module specifier (`` require(`./chat/v4/info`) ``).
 */
function seedAt(node: Node): Node | undefined {
  if (isStringLiteral(node)) return isRuntimeValue(node) ? node : undefined;
  return node.type === 'TemplateElement' && node.parent.type === 'TemplateLiteral' && !isModuleSpecifier(node.parent) ? node.parent : undefined;
}

function cookedText(node: Node): string {
  if (isStringLiteral(node)) return node.value;
  return node.type === 'TemplateElement' ? (node.value.cooked ?? '') : '';
}

/**
 * Whether a file's text holds a whole marker anywhere (`open-apis` that may
 * begin a catalog path, or a catalog path's `<word>/v<n>`): the cheap test
 * before another file is parsed to follow a bare use of its constant.
 */
export function holdsMarkerText(compiled: CompiledNotice, text: string): boolean {
  return markerOffsets(text, compiled, false).length > 0;
}

/** Whether a value (a literal's or a quasi's, read as one piece) holds a marker as the text scans see them. */
function holdsMarker(compiled: CompiledNotice, value: string): boolean {
  // Quoted, so that the value's ends are a piece's edges, as in the text.
  return markerOffsets(`'${value}'`, compiled, true).length > 0;
}

/**
 * A string literal that is a value the program can send: not a literal type
 * (`type Route = '/open-apis/…'`), not a module specifier.
 */
function isRuntimeValue(literal: Node): boolean {
  const parent = literal.parent;
  return parent?.type !== 'TSLiteralType' && parent?.type !== 'TSImportType' && !isModuleSpecifier(literal);
}

/**
 * Where the text holds a marker, in ascending order (an offset may repeat):
 * whole markers, and with `fragments` their split pieces. Three kinds of pass,
 * each with a needle `indexOf` finds fast (docs/performance.md#the-rules-own-time):
 * `open-apis` (by its `-api`), every `/` (the `/v` of `<word>/v<n>`, and the
 * words just before or after a slash), and the versions (`v4`) at a piece's
 * start, by one pass per first character (`v`).
 */
export function markerOffsets(text: string, compiled: CompiledNotice, fragments: boolean): readonly number[] {
  // Made at the first marker: most files have none, and every file's empty array was the scan's one allocation
  // (docs/performance.md#the-rules-allocation).
  let offsets: number[] | undefined;
  for (let at = indexOfSearch(text, OPEN_APIS_SEARCH); at !== -1; at = indexOfSearch(text, OPEN_APIS_SEARCH, at + 1)) {
    if (mayBeginCatalogPath(compiled.markerFragments.words, text, at)) (offsets ??= []).push(at);
  }
  // Every field read before the loops: a read first reached inside a loop, in some later file, made V8 drop the
  // function's optimized code and compile it again (seen with --trace-deopt over the bench corpus).
  const { words, versions, versionStarts, firstChars, lastChars } = compiled.markerFragments;
  const { versionedMarkers } = compiled;
  let sorted = offsets === undefined;
  for (let slash = text.indexOf('/'); slash !== -1; slash = text.indexOf('/', slash + 1)) {
    // Char code 0 past the text's ends: NaN would make the table reads slow.
    const before = slash === 0 ? 0 : text.charCodeAt(slash - 1);
    const after = slash + 1 === text.length ? 0 : text.charCodeAt(slash + 1);
    if (fragments && lastChars[before] === 1 && endsPieceAfterSlash(text, slash)) {
      // `<word>/` at a piece's start (after a `/`, the `/<word>` check has it), which isWordFragmentAt requires to
      // end its piece: checked first, since most such slashes are inside longer paths.
      for (const word of words) {
        const start = slash - word.length;
        if (start >= 0 && text.startsWith(word, start) && text.charCodeAt(start - 1) !== SLASH && isWordFragmentAt(text, start, word)) {
          // Before the slash, and after every earlier slash's offsets, unless another word ends here too.
          if (offsets === undefined) offsets = [];
          else if (start < offsets[offsets.length - 1]!) sorted = false;
          offsets.push(start);
        }
      }
    }
    if (after === V && isVersionedMarkerAt(versionedMarkers, text, slash)) (offsets ??= []).push(slash);
    else if (fragments && firstChars[after] === 1 && startsWordFragment(text, slash + 1, words)) (offsets ??= []).push(slash);
  }
  if (fragments) {
    // One pass per first character (`v`) rather than per version. A version fragment stands at a piece's start, which
    // most `v`s, inside names and words, are not: that is checked once per hit, then each version.
    for (const first of versionStarts) {
      for (let at = text.indexOf(first); at !== -1; at = text.indexOf(first, at + 1)) {
        if (!isPieceStart(text.charCodeAt(at - 1))) continue;
        for (const version of versions) {
          if (text.startsWith(version, at) && endsVersionFragment(text, at + version.length)) {
            (offsets ??= []).push(at);
            sorted = false;
          }
        }
      }
    }
  }
  work.scanned += text.length * (fragments ? 2 + versionStarts.length : 2);
  if (offsets === undefined) return NO_OFFSETS;
  // The `/` pass finds its offsets in order; the other passes' are merged in.
  if (!sorted) offsets.sort((a, b) => a - b);
  return offsets;
}

const NO_OFFSETS: readonly number[] = Object.freeze([]);

const V = 0x76;
const OPEN_APIS_SEARCH = wordSearch(OPEN_APIS_SEGMENT);

/** One of `words` begins at `offset` and stands there as a fragment (isWordFragmentAt). */
function startsWordFragment(text: string, offset: number, words: readonly string[]): boolean {
  for (const word of words) if (text.startsWith(word, offset) && isWordFragmentAt(text, offset, word)) return true;
  return false;
}

/**
 * A catalog path's first word standing as a fragment of a split marker: after a `/`, followed
 * by the piece's end, by `/` and its end, or by `/v` and its end; or at a
 * piece's start, followed by `/` or `/v` and the piece's end.
 */
function isWordFragmentAt(text: string, offset: number, word: string): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = offset + word.length;
  if (before === SLASH) {
    if (isPieceEnd(text, after)) return true;
    return text.charCodeAt(after) === SLASH && endsPieceAfterSlash(text, after);
  }
  return isPieceStart(before) && text.charCodeAt(after) === SLASH && endsPieceAfterSlash(text, after);
}

/** After `slash`, the piece ends, or a `v` ends it: what `<word>/` and `<word>/v` need to be a fragment. */
function endsPieceAfterSlash(text: string, slash: number): boolean {
  return isPieceEnd(text, slash + 1) || (text.charCodeAt(slash + 1) === V && isPieceEnd(text, slash + 2));
}

/**
 * After a catalog path's version (`v4`) written at a piece's start, at `end`: a path delimiter or the piece's end,
 * which make the version a fragment alone.
 */
function endsVersionFragment(text: string, end: number): boolean {
  const after = text.charCodeAt(end);
  return after === SLASH || after === QUESTION_MARK || after === HASH || isPieceEnd(text, end);
}

/** A string's edges in the text: a quote, or where a template's placeholder begins (`${`) or ends (`}`). */
function isPieceEnd(text: string, offset: number): boolean {
  const c = text.charCodeAt(offset);
  return c === SINGLE_QUOTE || c === DOUBLE_QUOTE || c === BACKTICK || (c === DOLLAR && text.charCodeAt(offset + 1) === OPEN_BRACE);
}

/** A char code that may stand just before a string's start: a quote or `}` (NaN, outside the text, is neither). */
function isPieceStart(c: number): boolean {
  return c === SINGLE_QUOTE || c === DOUBLE_QUOTE || c === BACKTICK || c === CLOSE_BRACE;
}

// Every check here reads char codes: a character read as a string (`text[i]`) is a lookup in V8's table of
// one-character strings, and in a lint, where such tables are out of the processor's caches, a lookup at each hit
// cost more than the comparisons (docs/performance.md#029-cheaper-checks-in-the-files-with-nothing-to-report).

const SINGLE_QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const BACKTICK = 0x60;
const DOLLAR = 0x24;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const SLASH = 0x2f;
const QUESTION_MARK = 0x3f;
const HASH = 0x23;

/**
 * Whether the `/v` at `slash` may be the middle of a catalog path's first two
 * segments: `message/v4` in full; or split between pieces, with the piece
 * before ending in the word and the piece after starting with `/v`, or only
 * the end of the word before it (`'/mess' + 'age/v4/send'`); or the version's
 * number in the next piece (`'/message/v' + 4`); or after a dot segment
 * (`/message/./v4`), which resolution removes.
 */
function isVersionedMarkerAt(markers: CompiledNotice['versionedMarkers'], text: string, slash: number): boolean {
  // Most `/v` of a text are other paths' versions: what follows is checked first, the dot segment once at most.
  const versionEnds = text.charCodeAt(slash + 1) === V && isPieceEnd(text, slash + 2);
  let afterDotSegment: boolean | undefined;
  // By index: `for (const [word, version] of …)` destructures each pair through the iterator protocol, which allocates
  // in code not yet optimized, as in the first lints of the node-sdk bundle (docs/performance.md#the-rules-allocation).
  for (let i = 0; i < markers.length; i++) {
    const word = markers[i]![0];
    const version = markers[i]![1];
    if (!versionEnds && !text.startsWith(version, slash + 1)) continue;
    if (text.startsWith(word, slash - word.length) || startsPieceWithEndOf(word, text, slash)) return true;
    if ((afterDotSegment ??= isDotSegmentBefore(text, slash))) return true;
  }
  return false;
}

/** The segment that ends at `slash` is `.` or `..` (also spelled `%2e`), after a `/` or at a piece's start. */
function isDotSegmentBefore(text: string, slash: number): boolean {
  // The longest dot segment, `%2e%2e`, has 6 characters.
  for (let start = slash - 2; start >= 0 && start >= slash - 7; start--) {
    const c = text.charCodeAt(start);
    if (c === SLASH || isPieceStart(c)) return isDotSegmentIn(text, start + 1, slash);
  }
  return false;
}

/** A piece starts before `end` with the last letters of `word`, or right at `end`. */
function startsPieceWithEndOf(word: string, text: string, end: number): boolean {
  for (let length = 0; length < word.length; length++) {
    if (isPieceStart(text.charCodeAt(end - length - 1)) && spanMatches(text, end - length, end, word, word.length - length)) return true;
  }
  return false;
}

/**
 * Whether the `open-apis` at `offset` may begin a catalog path, read from the
 * text alone: a literal segment written right after it must be a catalog's
 * first segment, since unknown pieces stand only for `:params`; where the
 * string ends there, the next piece may complete it (`'/open-apis/m' +
 * 'essage/v4/send'`), so it need only begin one. Anything else after it (`${`,
 * an escape) keeps it.
 */
function mayBeginCatalogPath(firstSegments: readonly string[], text: string, offset: number): boolean {
  const slash = offset + OPEN_APIS_SEGMENT.length;
  if (text.charCodeAt(slash) !== SLASH) return true;
  const start = slash + 1;
  let end = start;
  while (end < text.length && isSegmentChar(text.charCodeAt(end))) end++;
  if (end === start) return true;
  // The segment read in place, not sliced, and the loops below indexed: the node-sdk bundle writes `open-apis`
  // thousands of times, in its first lints before this is optimized (docs/performance.md#the-rules-allocation).
  // `open-apis/./message/…`: resolution removes it.
  if (isDotSegmentIn(text, start, end)) return true;
  const next = text.charCodeAt(end);
  const length = end - start;
  if (next === SLASH || next === QUESTION_MARK || next === HASH) {
    for (let i = 0; i < firstSegments.length; i++) {
      const first = firstSegments[i]!;
      if (first.length === length && text.startsWith(first, start)) return true;
    }
    return false;
  }
  if (next === SINGLE_QUOTE || next === DOUBLE_QUOTE || next === BACKTICK) {
    for (let i = 0; i < firstSegments.length; i++) {
      const first = firstSegments[i]!;
      if (first.length >= length && spanMatches(text, start, end, first, 0)) return true;
    }
    return false;
  }
  return true;
}

/**
 * Whether `text.slice(start, end)` is the part of `word` from `at` on, read in place: `at` 0 for a start of the
 * word, `word.length - (end - start)` for an end of it (`0 <= start <= end`, `at + end - start <= word.length`).
 */
function spanMatches(text: string, start: number, end: number, word: string, at: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) !== word.charCodeAt(at + i - start)) return false;
  return true;
}

/** A character of a literal path segment as mayBeginCatalogPath reads one: `[A-Za-z0-9_]`, `-` or `.`. */
function isSegmentChar(c: number): boolean {
  return isWordCharCode(c) || c === 0x2d || c === 0x2e;
}
