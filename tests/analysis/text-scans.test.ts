import { describe, expect, it } from 'vitest';
import { fileSdkWords } from '../../lib/analysis/sdk-calls';
import { markerOffsets } from '../../lib/analysis/marker-seeds';
import { EXTERNAL_CHAT_NOTICE, OPEN_APIS_SEGMENT } from '../../lib/catalog';
import { compileNotice, isDotSegment, type CompiledNotice } from '../../lib/matcher';
import type { SourceCode } from '../../lib/syntax/ast';
import { mayHoldLegacyEvent } from '../../lib/analysis/legacy-events';
import { indexOfSearch, indexOfWord, searchPartOf, wordOffsets, wordSearch } from '../../lib/syntax/text-search';
import { passesOver } from '../support/passes';
import { seededInts } from '../support/random';

// The text scans were made faster in 0.2.1 (docs/performance.md#the-rules-own-time) and must find exactly what
// the plain scans before them found. The plain ones are kept here as the reference: one `indexOf` pass per
// needle, each hit checked where it stands, and the SDK words by one regular expression.

const NOTICE = compileNotice(EXTERNAL_CHAT_NOTICE);

const PIECES = [
  '/open-apis/message/v4/send', '/message/v', '/chat/', 'im/v1/', '/', '/', '}', 'open-apis', 'open-api', 'message',
  'chat', 'bot', 'im', 'v1', 'v3', 'v4', 'v', 'v2', '.', '..', '%2e', '-', 'x', '?', '#', 'send', 'mess', 'age',
  "'", "'", '"', '`', '${', 'Reaction', 'messageReaction', 'chatTab', 'xchat', 'addReaction', '_', '$', ' ',
  // A word and its `/` or `/v` alone in a piece, which the piece's end must follow.
  "'message/v'", '`chat/v${', "'bot/'", '}im/v`', "'im/vx'",
];

function randomText(next: (n: number) => number): string {
  return Array.from({ length: 1 + next(24) }, () => PIECES[next(PIECES.length)]).join('');
}

describe('indexOfWord finds what indexOf finds', () => {
  const words = [OPEN_APIS_SEGMENT, 'message', 'register', "'message'", 'messageReaction', 'chat', 'ab', 'aaaaa', 'setTypeHandler', 'type', 'event', 'abab'];

  it.each(words)('%s, from every offset of generated texts', (word) => {
    const next = seededInts(word.length);
    for (let round = 0; round < 300; round++) {
      const text = randomText(next) + word.slice(0, next(word.length + 1)) + randomText(next) + (next(2) === 0 ? word : '');
      for (let from = 0; from <= text.length; from++) expect(indexOfWord(text, word, from), `${JSON.stringify(text)} from ${from}`).toBe(text.indexOf(word, from));
    }
  });

  it('makes the search for a word once, and a loop that keeps it finds what indexOf finds', () => {
    // 0.2.9: the hot loops take the search once instead of looking it up at every hit.
    for (const word of words) {
      const search = wordSearch(word);
      expect(wordSearch(word)).toBe(search);
      expect(Object.isFrozen(search)).toBe(true);
      expect(search.word).toBe(word);
      expect(word.slice(search.at, search.at + search.part.length)).toBe(search.part);
      const text = `x${word}y${word}${word}`;
      for (let from = 0; from <= text.length; from++) expect(indexOfSearch(text, search, from), `${word} from ${from}`).toBe(text.indexOf(word, from));
    }
  });

  it('overlapping occurrences, one after another', () => {
    const text = 'aaaaaaaaaa';
    const found: number[] = [];
    for (let at = indexOfWord(text, 'aaaaa'); at !== -1; at = indexOfWord(text, 'aaaaa', at + 1)) found.push(at);
    expect(found).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('searches each word by a short part that starts with its rarest character', () => {
    expect([OPEN_APIS_SEGMENT, 'messageReaction', 'message', 'register', 'chat', "'message'"].map(searchPartOf)).toEqual(['-api', 'Reac', 'mess', 'gist', 'hat', "'mes"]);
    // Three characters at the end of a word, when they start with its rarest: `type` by `ype`, not by the common `t`.
    expect(['type', 'event', 'abc', 'ab'].map(searchPartOf)).toEqual(['ype', 'vent', 'abc', 'ab']);
  });
});

describe('wordOffsets finds what one search per word finds', () => {
  // One pass per shared start (0.2.8): the same offsets as a search of each word on its own, each after the end of
  // the one before, as nodesAtText stepped through them.
  const one = (text: string, word: string) => {
    const offsets: number[] = [];
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) offsets.push(at);
    return offsets;
  };
  const WORDS = ['232102', '231021', '232033', '23', '2321', '@larksuiteoapi/node-sdk', '@larksuiteoapi/channel', '@l', 'aa', 'aaa', 'x'];
  const TEXT_PIECES = [...WORDS, '2', '3', '0', '1', 'a', '@', '/', ' ', "'", 'larksuiteoapi', 'node-sdk'];

  it('on 20,000 generated texts and word lists', () => {
    const next = seededInts(21);
    let held = 0;
    for (let round = 0; round < 20_000; round++) {
      const text = Array.from({ length: next(12) }, () => TEXT_PIECES[next(TEXT_PIECES.length)]).join('');
      const words = Array.from({ length: 1 + next(5) }, () => WORDS[next(WORDS.length)]!);
      const expected = new Map<string, number[]>();
      for (const word of words) if (!expected.has(word) && text.includes(word)) expected.set(word, one(text, word));
      if (expected.size > 0) held++;
      const found = wordOffsets(text, words);
      // The same words, in the order asked, with the same offsets.
      expect([...found], JSON.stringify([text, words])).toEqual([...expected]);
    }
    expect(held).toBeGreaterThan(5_000);
  });

  it('passes over an empty word instead of searching for it forever', () => {
    expect([...wordOffsets('abc', ['', 'b'])]).toEqual([['b', [1]]]);
  });

  it('reads the text once for words that start alike', () => {
    const words = ['232102', '231021', '232033', '@larksuiteoapi/node-sdk', '@larksuiteoapi/channel'];
    // Every search of a text that holds none of the words: each pass is one call.
    const text = 'x'.repeat(100);
    const { result, passes } = passesOver((searched) => searched === text, () => wordOffsets(text, words));
    expect(result.size).toBe(0);
    expect(passes).toEqual(['23', '@lar']);
  });

  it('stops only where a word of the group may start: at `@lar`, not at every JSDoc `@link`', () => {
    const words = ['@larksuiteoapi/node-sdk', '@larksuiteoapi/channel'];
    const text = `${'/** {@link Client} */\n'.repeat(50)}require('@larksuiteoapi/channel');`;
    // Every search of this text, each hit's included: one pass that stops once, where `@l` stopped 51 times.
    const searches: string[] = [];
    const indexOf = String.prototype.indexOf;
    String.prototype.indexOf = function (this: string, needle: string, from?: number) {
      if (this === text) searches.push(needle);
      return indexOf.call(this, needle, from);
    };
    let found: ReadonlyMap<string, readonly number[]>;
    try {
      found = wordOffsets(text, words);
    } finally {
      String.prototype.indexOf = indexOf;
    }
    expect([...found]).toEqual([['@larksuiteoapi/channel', [text.indexOf('@larksuiteoapi')]]]);
    expect(searches).toEqual(['@lar', '@lar']);
  });
});

describe('the event pre-filter answers what one search per word answered', () => {
  const EVENT_PIECES = ['message', "'message'", '"message"', "'", '"', 'register', 'regist', 'setTypeHandler', 'event', 'type', '.', 'x', ' ', 'messag', 'emessage', '_', '(', 'ed'];
  // These texts come without tokens, as from a parser that gives none: every quoted type is kept, and `register`
  // counts as a whole word (0.2.5: `registered`, `xregister` and `register_` are other names).
  it('on 20,000 generated texts', () => {
    const next = seededInts(11);
    let held = 0;
    let partOfName = 0;
    for (let round = 0; round < 20_000; round++) {
      const text = Array.from({ length: 1 + next(8) }, () => EVENT_PIECES[next(EVENT_PIECES.length)]).join('');
      if (text.includes('message') && text.includes('register') && !/\bregister\b/.test(text)) partOfName++;
      // One search per word (the text has no backslash, so no escaped name); `register` by a regular expression's `\b`.
      const expected =
        text.includes('message') &&
        (/\bregister\b/.test(text) || text.includes('setTypeHandler') || ((text.includes("'message'") || text.includes('"message"')) && text.includes('event') && text.includes('type')));
      if (expected) held++;
      const sourceCode = { text, ast: { type: 'Program', body: [], range: [0, text.length], tokens: [] } } as unknown as SourceCode;
      expect(mayHoldLegacyEvent(sourceCode, EXTERNAL_CHAT_NOTICE.legacyEvent), JSON.stringify(text)).toBe(expected);
    }
    expect(held).toBeGreaterThan(2_000);
    // Texts where `register` is only part of a longer name, which an `includes` would have let through.
    expect(partOfName).toBeGreaterThan(100);
  });

  it('needs the same quote on both sides, and keeps each quoted offset for the search', () => {
    const answer = (text: string) =>
      mayHoldLegacyEvent({ text, ast: { type: 'Program', body: [], range: [0, text.length], tokens: [] } } as unknown as SourceCode, EXTERNAL_CHAT_NOTICE.legacyEvent);
    expect(answer(`'message" event type`)).toBe(false);
    expect(answer(`"message' event type`)).toBe(false);
    expect(answer(`event type 'message`)).toBe(false);
    expect(answer(`message' event type`)).toBe(false);
    expect(answer(`'message' event type`)).toBe(true);
    expect(answer(`event type "message"`)).toBe(true);
    // One file, asked twice (the pre-filter, then the search): the kept answer.
    const sourceCode = { text: `x === 'message' || "message" === event.type`, ast: { type: 'Program', body: [], range: [0, 44], tokens: [] } } as unknown as SourceCode;
    expect(mayHoldLegacyEvent(sourceCode, EXTERNAL_CHAT_NOTICE.legacyEvent)).toBe(true);
    expect(mayHoldLegacyEvent(sourceCode, EXTERNAL_CHAT_NOTICE.legacyEvent)).toBe(true);
  });
});

describe('the marker scan finds what one pass per needle found', () => {
  it.each([true, false])('fragments %s, on 20,000 generated texts', (fragments) => {
    const next = seededInts(fragments ? 1 : 2);
    let withMarkers = 0;
    for (let round = 0; round < 20_000; round++) {
      const text = randomText(next);
      const expected = referenceMarkerOffsets(text, NOTICE, fragments);
      if (expected.length > 0) withMarkers++;
      expect([...new Set(markerOffsets(text, NOTICE, fragments))], JSON.stringify(text)).toEqual(expected);
    }
    // The generator must reach the markers, or the comparison says little.
    expect(withMarkers).toBeGreaterThan(5_000);
  });

  it('offsets come in ascending order', () => {
    const text = "x = '/open-apis/' + 'v4/send' + '/chat/' + 'message/v4' + `${a}/im/v1/`";
    const offsets = markerOffsets(text, NOTICE, true);
    expect(offsets.length).toBeGreaterThan(3);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  });

  it('makes no array for a text without a marker: every such text gets one frozen empty answer', () => {
    const none = markerOffsets("const a = require('./b'); // a/b/c, v2", NOTICE, true);
    expect(none).toEqual([]);
    expect(Object.isFrozen(none)).toBe(true);
    expect(markerOffsets('x', NOTICE, false)).toBe(none);
  });
});

describe('the SDK word scan finds what the regular expression found', () => {
  it('on 20,000 generated texts', () => {
    const words = [...NOTICE.sdkMethods.keys(), ...NOTICE.channelHelpers.keys()];
    const pattern = new RegExp(`\\b(?:${words.join('|')})\\b`, 'g');
    const next = seededInts(3);
    let withWords = 0;
    for (let round = 0; round < 20_000; round++) {
      const text = randomText(next);
      const expected = [...text.matchAll(pattern)].map((match) => [match.index, match[0]]);
      if (expected.length > 0) withWords++;
      const sourceCode = { text, ast: {} } as unknown as SourceCode;
      expect(fileSdkWords(sourceCode, NOTICE), JSON.stringify(text)).toEqual(expected);
    }
    expect(withWords).toBeGreaterThan(2_000);
  });

  it('a run of word characters longer than every SDK word is none of them', () => {
    const sourceCode = { text: `x.${'a'.repeat(10_000)}chat${'b'.repeat(10_000)} + im.chat`, ast: {} } as unknown as SourceCode;
    expect(fileSdkWords(sourceCode, NOTICE)).toEqual([[20_012, 'chat']]);
  });
});

// ---- The reference: the scans of 0.2.0, one `indexOf` pass per needle. ----

function referenceMarkerOffsets(text: string, compiled: CompiledNotice, fragments: boolean): number[] {
  const found = new Set<number>();
  const scan = (needle: string, accept: (offset: number) => boolean) => {
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) if (accept(at)) found.add(at);
  };
  scan(OPEN_APIS_SEGMENT, (at) => mayBeginCatalogPath(new Set(compiled.markerFragments.words), text, at));
  scan('/v', (at) => isVersionedMarkerAt(compiled.versionedMarkers, text, at));
  if (fragments) {
    for (const word of compiled.markerFragments.words) {
      scan(`/${word}`, (at) => isWordFragmentAt(text, at + 1, word));
      scan(`${word}/`, (at) => text[at - 1] !== '/' && isWordFragmentAt(text, at, word));
    }
    for (const version of compiled.markerFragments.versions) scan(version, (at) => isVersionFragmentAt(text, at, version));
  }
  return [...found].sort((a, b) => a - b);
}

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

function isVersionFragmentAt(text: string, offset: number, version: string): boolean {
  if (!isPieceStart(text[offset - 1])) return false;
  const after = text[offset + version.length];
  return after === '/' || after === '?' || after === '#' || isPieceEnd(text, offset + version.length);
}

function isPieceEnd(text: string, offset: number): boolean {
  const c = text[offset];
  return c === "'" || c === '"' || c === '`' || (c === '$' && text[offset + 1] === '{');
}

function isPieceStart(c: string | undefined): boolean {
  return c === "'" || c === '"' || c === '`' || c === '}';
}

function isVersionedMarkerAt(markers: CompiledNotice['versionedMarkers'], text: string, slash: number): boolean {
  const afterDotSegment = isDotSegmentBefore(text, slash);
  return markers.some(([word, version]) => {
    const before = text.startsWith(word, slash - word.length) || startsPieceWithEndOf(word, text, slash) || afterDotSegment;
    const after = text.startsWith(version, slash + 1) || (text[slash + 1] === 'v' && isPieceEnd(text, slash + 2));
    return before && after;
  });
}

function isDotSegmentBefore(text: string, slash: number): boolean {
  for (let start = slash - 2; start >= 0 && start >= slash - 7; start--) {
    if (text[start] === '/' || isPieceStart(text[start])) return isDotSegment(text.slice(start + 1, slash));
  }
  return false;
}

function startsPieceWithEndOf(word: string, text: string, end: number): boolean {
  for (let length = 0; length < word.length; length++) {
    if (isPieceStart(text[end - length - 1]) && text.startsWith(word.slice(word.length - length), end - length)) return true;
  }
  return false;
}

function mayBeginCatalogPath(firstSegments: ReadonlySet<string>, text: string, offset: number): boolean {
  const slash = offset + OPEN_APIS_SEGMENT.length;
  if (text[slash] !== '/') return true;
  let end = slash + 1;
  while (end < text.length && /[\w.-]/.test(text[end]!)) end++;
  if (end === slash + 1) return true;
  const segment = text.slice(slash + 1, end);
  if (isDotSegment(segment)) return true;
  const next = text[end];
  if (next === '/' || next === '?' || next === '#') return firstSegments.has(segment);
  if (next === "'" || next === '"' || next === '`') return [...firstSegments].some((first) => first.startsWith(segment));
  return true;
}
