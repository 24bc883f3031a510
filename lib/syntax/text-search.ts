/**
 * `text.indexOf(word, from)`, found faster: V8 finds a needle of a few
 * characters that starts with an uncommon one several times faster than a long
 * word or one that starts with a common lowercase letter (`-api` against
 * `open-apis`, `Reac` against `messageReaction`: docs/performance.md#the-rules-own-time).
 * So each word is searched by such a part of it, and every hit of the part is
 * checked for the whole word around it. The result is the same offset
 * `indexOf` gives, overlapping occurrences included.
 */
export function indexOfWord(text: string, word: string, from = 0): number {
  return indexOfSearch(text, wordSearch(word), from);
}

/** How indexOfWord finds a word: the word, with the part of it searched for and where that part stands (SearchPart). */
export interface WordSearch extends SearchPart {
  readonly word: string;
}

/**
 * How indexOfWord searches `word`, made once per word: a loop over a word's occurrences takes it once, before the
 * loop, rather than looking it up in a table at every hit
 * (docs/performance.md#029-cheaper-checks-in-the-files-with-nothing-to-report).
 */
export function wordSearch(word: string): WordSearch {
  let known = searches.get(word);
  if (known === undefined) {
    known = Object.freeze({ word, ...choosePart(word) });
    searches.set(word, known);
  }
  return known;
}

/** `text.indexOf(search.word, from)`, by the search's part (indexOfWord). */
export function indexOfSearch(text: string, search: WordSearch, from = 0): number {
  const { word, part, at } = search;
  if (part === word) return text.indexOf(word, from);
  for (let hit = text.indexOf(part, from + at); hit !== -1; hit = text.indexOf(part, hit + 1)) {
    if (text.startsWith(word, hit - at)) return hit - at;
  }
  return -1;
}

/** Whether `text` holds `word`: `text.includes(word)`, by indexOfWord. */
export function holdsWord(text: string, word: string): boolean {
  return indexOfWord(text, word) !== -1;
}

/**
 * Where the text holds each of `words` (catalog names and codes, none empty):
 * for each word it holds, in the order of `words`, its occurrences in text
 * order, each after the end of the one before (as nodesAtText finds them).
 * One pass per start the words share rather than one per word: a notice's
 * error codes (`232102`, `231021`, `232033`) are found by one pass over `23`,
 * the SDK's module names by one over `@lar`, the most their names share (up to
 * PART_LENGTH characters: `@l` alone also stops at every JSDoc `@link`). A
 * pass costs about what a search for one word does, and in a large text
 * several cost milliseconds (docs/performance.md#028-fewer-passes-over-a-file-with-findings).
 */
export function wordOffsets(text: string, words: readonly string[]): ReadonlyMap<string, readonly number[]> {
  const found = new Map<string, number[]>();
  // Indexed loops throughout: few files get here, and code run that rarely stays unoptimized, where `for … of`
  // allocates a result object at every step (docs/performance.md#the-rules-allocation).
  const groups = wordGroups(words);
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    const needle = sharedStart(group);
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
      for (let i = 0; i < group.length; i++) {
        const word = group[i]!;
        if (!text.startsWith(word, at)) continue;
        const offsets = found.get(word);
        if (offsets === undefined) found.set(word, [at]);
        else if (at >= offsets[offsets.length - 1]! + word.length) offsets.push(at);
      }
    }
  }
  // In the order of `words`, whatever order the passes found them in.
  const ordered = new Map<string, readonly number[]>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const offsets = found.get(word);
    if (offsets !== undefined && !ordered.has(word)) ordered.set(word, offsets);
  }
  return ordered;
}

/** `words` grouped by their first SHARED_START characters, each word once; the empty word in none. */
function wordGroups(words: readonly string[]): string[][] {
  const groups: string[][] = [];
  const starts: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    // The empty word is found at every offset, and a pass for it would never end: none is asked for.
    if (word.length === 0) continue;
    const start = word.slice(0, SHARED_START);
    const index = starts.indexOf(start);
    if (index === -1) {
      starts.push(start);
      groups.push([word]);
    } else if (!groups[index]!.includes(word)) groups[index]!.push(word);
  }
  return groups;
}

/** The longest start every word of `group` has, up to PART_LENGTH characters: what one pass searches for them. */
function sharedStart(group: readonly string[]): string {
  const first = group[0]!;
  let length = Math.min(PART_LENGTH, first.length);
  for (let i = 1; i < group.length; i++) {
    const word = group[i]!;
    let same = 0;
    while (same < length && word.charCodeAt(same) === first.charCodeAt(same)) same++;
    length = same;
  }
  return first.slice(0, length);
}

/**
 * The characters that put words in one group of wordOffsets, searched by one pass: two, so that no pass searches a
 * single character (unless a word is one character long), which stops at far more places that start no word.
 */
const SHARED_START = 2;

/** `[A-Za-z0-9_]`, the characters `\w` matches without the `u` flag, by char code. */
export function isWordCharCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/** The part of a word searched for, and where it stands in the word. */
interface SearchPart {
  readonly part: string;
  readonly at: number;
}

// Words come from the catalog and the code's own constants: a handful, each computed once.
const searches = new Map<string, WordSearch>();

/** Characters a part has: beyond six, V8 switches to a search that is slower on source text; four is plenty. */
const PART_LENGTH = 4;
/** The shortest part: a word's last three characters, when they start with its rarest one (`hat` of `chat`). */
const MIN_PART_LENGTH = 3;

/**
 * Lowercase letters and digits by how often they occur in JavaScript, most
 * often first (counted over the benchmark corpus); any other character is
 * rarer than all of them.
 */
const BY_FREQUENCY = 'etraosniclpudhfmybgvkwx0j1q2z3465897';

/** The part `indexOfWord` searches `word` by: `-api` for `open-apis`, `Reac` for `addReaction`, `mess` for `message`. */
export function searchPartOf(word: string): string {
  return wordSearch(word).part;
}

/**
 * V8 finds a needle fastest when its first character is rare in the text: of
 * the word's windows of PART_LENGTH characters, and the last MIN_PART_LENGTH
 * ones, the one that starts with the rarest character (the first of equals).
 * A word no longer than MIN_PART_LENGTH is its own part.
 */
function choosePart(word: string): SearchPart {
  if (word.length <= MIN_PART_LENGTH) return { part: word, at: 0 };
  let best = 0;
  for (let at = 1; at <= word.length - MIN_PART_LENGTH; at++) {
    if (rarity(word[at]!) > rarity(word[best]!)) best = at;
  }
  return { part: word.slice(best, best + PART_LENGTH), at: best };
}

function rarity(c: string): number {
  const rank = BY_FREQUENCY.indexOf(c);
  return rank === -1 ? BY_FREQUENCY.length : rank;
}
