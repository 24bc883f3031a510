import { IM_NAMESPACE, type CatalogEntry, type Notice } from '../catalog';
import { WeakMemo } from '../memo';
import { searchPartOf } from '../syntax/text-search';
import { compileMatcher, pathSegments, type PathMatch } from './path-matcher';

/**
 * Everything the analysis looks up about one notice, compiled once per notice
 * object: the path matcher, the text markers that let a file without any skip
 * the search, and the node-sdk methods and channel helpers by name.
 */
export interface CompiledNotice {
  readonly notice: Notice;
  readonly matchPath: (value: string) => PathMatch | undefined;
  /**
   * The first two segments after `open-apis` of every catalog path, as
   * `[word, version]` (`['message', 'v4']`, `['im', 'v1']`): a string that
   * names an endpoint without `open-apis` holds one of them.
   */
  readonly versionedMarkers: readonly (readonly [word: string, version: string])[];
  /**
   * A marker's pieces at the edge of a string, where a `+` chain, a template
   * or a `const` may join them into the marker: a first segment at the end
   * of a path (`'/chat'`, `'/chat/'`, `'/chat/v'`) or as the whole string
   * with `/` or `/v` (`'chat/'`), and a version at a string's start (`'v4'`,
   * `'v4/send'`). The words and versions to look for, each once.
   */
  readonly markerFragments: {
    /** The catalog's first segments after `open-apis` (`message`, `chat`, `bot`, `im`). */
    readonly words: readonly string[];
    readonly versions: readonly string[];
    /** The first characters of the versions (`v`), each once: one text pass each. */
    readonly versionStarts: readonly string[];
    /** 1 at the char codes the words begin and end with: most slashes of a text have neither beside them. */
    readonly firstChars: Readonly<Uint8Array>;
    readonly lastChars: Readonly<Uint8Array>;
  };
  /** resource → method → entry, for `X.im.<resource>.<method>(…)` and `X.im.v1.<resource>.<method>(…)`. */
  readonly sdkMethods: ReadonlyMap<string, ReadonlyMap<string, CatalogEntry>>;
  /** Channel helper → the entries it calls. */
  readonly channelHelpers: ReadonlyMap<string, readonly CatalogEntry[]>;
  /**
   * Every SDK call reported names one of these words (a resource or a helper), here by length (the index): a run of
   * word characters in the text is compared in place with the words of its length.
   */
  readonly sdkWordsByLength: readonly (readonly string[] | undefined)[];
  /** The length of the longest of them. */
  readonly longestSdkWord: number;
  /**
   * Short parts of those words that every one of them contains (`Reac` for `messageReaction` and
   * `addReaction`, `hat` for `chat` and `chatTab`), as `indexOf` finds fastest (searchPartOf): the text is
   * searched for these, and each hit read as the whole word around it.
   */
  readonly sdkWordParts: readonly string[];
}

const compiled = new WeakMemo<Notice, CompiledNotice>();

/** Compiles a notice, once per notice object; throws on a catalog the matcher cannot read. */
export function compileNotice(notice: Notice): CompiledNotice {
  return compiled.get(notice, compile);
}

function compile(notice: Notice): CompiledNotice {
  const versionedMarkers = uniqueMarkers(notice.entries);
  const sdkMethods = sdkMethodIndex(notice.entries);
  const channelHelpers = new Map(
    Object.entries(notice.channelHelpers).map(([helper, ids]) => [
      helper,
      ids.map((id) => {
        const entry = notice.entries.find((e) => e.id === id);
        if (entry === undefined) throw new Error(`notice ${notice.id}: channel helper ${helper} names no catalog entry ${id}`);
        return entry;
      }),
    ]),
  );
  const words = [...sdkMethods.keys(), ...channelHelpers.keys()];
  return {
    notice,
    matchPath: compileMatcher(notice.entries),
    versionedMarkers,
    markerFragments: markerFragments(versionedMarkers),
    sdkMethods,
    channelHelpers,
    sdkWordsByLength: byLength(words),
    longestSdkWord: Math.max(0, ...words.map((word) => word.length)),
    // The words no other word is part of (`chat`, not `chatTab`), each by its search part.
    sdkWordParts: [...new Set(words.filter((word) => !words.some((other) => other !== word && word.includes(other))).map(searchPartOf))],
  };
}

function byLength(words: readonly string[]): (readonly string[] | undefined)[] {
  const table: string[][] = [];
  for (const word of new Set(words)) (table[word.length] ??= []).push(word);
  // Every index up to the longest, so that a lookup reads a packed array.
  return Array.from({ length: table.length }, (_, length) => table[length]);
}

function markerFragments(versionedMarkers: readonly (readonly [string, string])[]): CompiledNotice['markerFragments'] {
  const words = [...new Set(versionedMarkers.map(([word]) => word))];
  const versions = [...new Set(versionedMarkers.map(([, version]) => version))];
  return {
    words,
    versions,
    versionStarts: [...new Set(versions.map((version) => version[0]!))],
    firstChars: charTable(words.map((word) => word.charCodeAt(0))),
    lastChars: charTable(words.map((word) => word.charCodeAt(word.length - 1))),
  };
}

/** A table over every UTF-16 code unit, 1 at `codes`: one array read per lookup, in the text scans' inner loop. */
function charTable(codes: readonly number[]): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const code of codes) table[code] = 1;
  return table;
}

function uniqueMarkers(entries: readonly CatalogEntry[]): [string, string][] {
  const seen = new Map<string, [string, string]>();
  for (const entry of entries) {
    const [word, version] = pathSegments(entry.path);
    if (word === undefined || version === undefined || !/^v\d+$/.test(version)) {
      throw new Error(`catalog entry ${entry.id}: a path must start with <word>/v<n> after open-apis, got ${entry.path}`);
    }
    seen.set(`${word}/${version}`, [word, version]);
  }
  return [...seen.values()];
}

function sdkMethodIndex(entries: readonly CatalogEntry[]): Map<string, Map<string, CatalogEntry>> {
  const resources = new Map<string, Map<string, CatalogEntry>>();
  for (const entry of entries) {
    for (const sdkMethod of entry.sdkMethods ?? []) {
      const [namespace, resource, method, ...rest] = sdkMethod.split('.');
      if (namespace !== IM_NAMESPACE.name || resource === undefined || method === undefined || rest.length > 0) {
        throw new Error(`catalog entry ${entry.id}: node-sdk method must be ${IM_NAMESPACE.name}.<resource>.<method>, got ${sdkMethod}`);
      }
      let methods = resources.get(resource);
      if (methods === undefined) {
        methods = new Map();
        resources.set(resource, methods);
      }
      methods.set(method, entry);
    }
  }
  return resources;
}
