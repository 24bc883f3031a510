import { OPEN_APIS_SEGMENT } from '../catalog';
import { isDotSegment, type CompiledNotice } from '../matcher';
import { isModuleSpecifier, isStringLiteral, nodeAtOffset, type Node, type SourceCode } from '../syntax/ast';
import { escapedNodes } from '../syntax/escapes';
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
 *   the shape `<word>/v<n>`, so one scan for `/v` finds them, each hit checked
 *   against the words before and the versions after it;
 * - a marker split across the pieces of a `+` chain, a template or `const`s
 *   (`'/message' + '/v4/send'`, `'/chat/' + V + '/info'`): one piece then holds,
 *   at its edge, the `/v` with the rest of the word before it, the word with
 *   `/` or `/v` after it, or the version (compiled.markerFragments);
 * - the same in the value of a literal that spells a character with an escape
 *   (`'/open-ap\u0069s/…'`), which the text does not show.
 *
 * Each scan is one pass over the text, and every hit located in the tree lets
 * the scans skip the rest of its string: linear in the file's size.
 */
export function markerSeeds(sourceCode: SourceCode, compiled: CompiledNotice): Node[] {
  const { text } = sourceCode;
  const scans = [
    new NeedleScan(text, OPEN_APIS_SEGMENT, (t, offset) => mayBeginCatalogPath(compiled.firstSegments, t, offset)),
    new NeedleScan(text, '/v', (t, offset) => isVersionedMarkerAt(compiled.versionedMarkers, t, offset)),
    ...fragmentScans(text, compiled),
  ];
  const seeds: Node[] = [];
  for (;;) {
    let offset = -1;
    for (const scan of scans) if (scan.hit !== -1 && (offset === -1 || scan.hit < offset)) offset = scan.hit;
    if (offset === -1) break;
    const node = nodeAtOffset(sourceCode, offset);
    const seed = seedAt(node);
    if (seed !== undefined) seeds.push(seed);
    // The rest of a string located is skipped: it is a seed already, or it is not a value.
    const resume = seed === undefined ? offset + 1 : node.range[1];
    for (const scan of scans) if (scan.hit !== -1 && scan.hit < resume) scan.advance(resume);
  }
  for (const node of escapedNodes(sourceCode)) {
    const seed = seedAt(node);
    if (seed !== undefined && holdsMarker(compiled, cookedText(node))) seeds.push(seed);
  }
  return seeds;
}

/** The seed a located node gives: a string literal that is a runtime value, or the template a quasi is part of. */
function seedAt(node: Node): Node | undefined {
  if (isStringLiteral(node)) return isRuntimeValue(node) ? node : undefined;
  return node.type === 'TemplateElement' && node.parent.type === 'TemplateLiteral' ? node.parent : undefined;
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
  return (
    new NeedleScan(text, OPEN_APIS_SEGMENT, (t, offset) => mayBeginCatalogPath(compiled.firstSegments, t, offset)).hit !== -1 ||
    new NeedleScan(text, '/v', (t, offset) => isVersionedMarkerAt(compiled.versionedMarkers, t, offset)).hit !== -1
  );
}

/** Whether a value (a literal's or a quasi's, read as one piece) holds a marker as the text scans see them. */
function holdsMarker(compiled: CompiledNotice, value: string): boolean {
  // Quoted, so that the value's ends are a piece's edges, as in the text.
  const piece = `'${value}'`;
  return (
    new NeedleScan(piece, OPEN_APIS_SEGMENT, (t, offset) => mayBeginCatalogPath(compiled.firstSegments, t, offset)).hit !== -1 ||
    new NeedleScan(piece, '/v', (t, offset) => isVersionedMarkerAt(compiled.versionedMarkers, t, offset)).hit !== -1 ||
    fragmentScans(piece, compiled).some((scan) => scan.hit !== -1)
  );
}

/**
 * A string literal that is a value the program can send: not a literal type
 * (`type Route = '/open-apis/…'`), not a module specifier.
 */
function isRuntimeValue(literal: Node): boolean {
  const parent = literal.parent;
  return parent?.type !== 'TSLiteralType' && parent?.type !== 'TSImportType' && !isModuleSpecifier(literal);
}

/** The next accepted occurrence of a needle; `hit` is -1 when there is none. */
class NeedleScan {
  hit = -1;

  constructor(
    private readonly text: string,
    private readonly needle: string,
    private readonly accept: (text: string, offset: number, needle: string) => boolean,
  ) {
    this.advance(0);
  }

  advance(from: number): void {
    const { text, needle } = this;
    let offset = text.indexOf(needle, from);
    while (offset !== -1 && !this.accept(text, offset, needle)) offset = text.indexOf(needle, offset + 1);
    work.scanned += (offset === -1 ? text.length : offset) - from;
    this.hit = offset;
  }
}

/**
 * The scans for a marker's split pieces (compiled.markerFragments), found with `indexOf` by their rarer
 * spellings (`/im`, `im/`, not `im`) and checked where they stand: a few fast scans cost less than one
 * regular expression that tries every quote and slash, or a scan for a word as common as `im`.
 */
function fragmentScans(text: string, compiled: CompiledNotice): NeedleScan[] {
  const { words, versions } = compiled.markerFragments;
  const scans: NeedleScan[] = [];
  for (const word of words) {
    scans.push(
      new NeedleScan(text, `/${word}`, (t, offset) => isWordFragmentAt(t, offset + 1, word)),
      // After a `/`, the scan above has it.
      new NeedleScan(text, `${word}/`, (t, offset) => t[offset - 1] !== '/' && isWordFragmentAt(t, offset, word)),
    );
  }
  for (const version of versions) scans.push(new NeedleScan(text, version, isVersionFragmentAt));
  return scans;
}

/**
 * A catalog path's first word standing as a fragment of a split marker: after a `/`, followed
 * by the piece's end, by `/` and its end, or by `/v` and its end; or at a
 * piece's start, followed by `/` or `/v` and the piece's end.
 */
function isWordFragmentAt(text: string, offset: number, word: string): boolean {
  const before = text[offset - 1];
  const after = offset + word.length;
  if (before === '/') {
    if (isPieceEnd(text, after)) return true;
    if (text[after] !== '/') return false;
    return isPieceEnd(text, after + 1) || (text[after + 1] === 'v' && isPieceEnd(text, after + 2));
  }
  if (!isPieceStart(before) || text[after] !== '/') return false;
  return isPieceEnd(text, after + 1) || (text[after + 1] === 'v' && isPieceEnd(text, after + 2));
}

/** A catalog path's version (`v4`) alone at a piece's start, followed by a path delimiter or the piece's end. */
function isVersionFragmentAt(text: string, offset: number, version: string): boolean {
  if (!isPieceStart(text[offset - 1])) return false;
  const after = text[offset + version.length];
  return after === '/' || after === '?' || after === '#' || isPieceEnd(text, offset + version.length);
}

/** A string's edges in the text: a quote, or where a template's placeholder begins (`${`) or ends (`}`). */
function isPieceEnd(text: string, offset: number): boolean {
  const c = text[offset];
  return c === "'" || c === '"' || c === '`' || (c === '$' && text[offset + 1] === '{');
}

function isPieceStart(c: string | undefined): boolean {
  return c === "'" || c === '"' || c === '`' || c === '}';
}

/**
 * Whether the `/v` at `slash` may be the middle of a catalog path's first two
 * segments: `message/v4` in full; or split between pieces, with the piece
 * before ending in the word and the piece after starting with `/v`, or only
 * the end of the word before it (`'/mess' + 'age/v4/send'`); or the version's
 * number in the next piece (`'/message/v' + 4`); or after a dot segment
 * (`/message/./v4`), which resolution removes.
 */
function isVersionedMarkerAt(markers: CompiledNotice['versionedMarkers'], text: string, slash: number): boolean {
  const afterDotSegment = isDotSegmentBefore(text, slash);
  return markers.some(([word, version]) => {
    const before = text.startsWith(word, slash - word.length) || startsPieceWithEndOf(word, text, slash) || afterDotSegment;
    const after = text.startsWith(version, slash + 1) || (text[slash + 1] === 'v' && isPieceEnd(text, slash + 2));
    return before && after;
  });
}

/** The segment that ends at `slash` is `.` or `..` (also spelled `%2e`), after a `/` or at a piece's start. */
function isDotSegmentBefore(text: string, slash: number): boolean {
  // The longest dot segment, `%2e%2e`, has 6 characters.
  for (let start = slash - 2; start >= 0 && start >= slash - 7; start--) {
    if (text[start] === '/' || isPieceStart(text[start])) return isDotSegment(text.slice(start + 1, slash));
  }
  return false;
}

/** A piece starts before `end` with the last letters of `word`, or right at `end`. */
function startsPieceWithEndOf(word: string, text: string, end: number): boolean {
  for (let length = 0; length < word.length; length++) {
    if (isPieceStart(text[end - length - 1]) && text.startsWith(word.slice(word.length - length), end - length)) return true;
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
function mayBeginCatalogPath(firstSegments: ReadonlySet<string>, text: string, offset: number): boolean {
  const slash = offset + OPEN_APIS_SEGMENT.length;
  if (text[slash] !== '/') return true;
  let end = slash + 1;
  while (end < text.length && isSegmentChar(text.charCodeAt(end))) end++;
  if (end === slash + 1) return true;
  const segment = text.slice(slash + 1, end);
  // `open-apis/./message/…`: resolution removes it.
  if (isDotSegment(segment)) return true;
  const next = text[end];
  if (next === '/' || next === '?' || next === '#') return firstSegments.has(segment);
  if (next === "'" || next === '"' || next === '`') return [...firstSegments].some((first) => first.startsWith(segment));
  return true;
}

function isSegmentChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d || c === 0x2e;
}
