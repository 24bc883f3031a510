import { CATALOG, type CatalogEntry, type ErrorCode } from '../catalog';
import { normalizePath } from './normalize';
import { SegmentTrie, templateSegments } from './segment-trie';

export { UNKNOWN, hasUnknown } from './unknown';
export { normalizePath, type NormalizedPath } from './normalize';

/** One path template of the catalog and the entries (one per HTTP method) that share it. */
export interface Route {
  /** `/open-apis/...` with `:params`. */
  readonly path: string;
  readonly code: ErrorCode;
  readonly entries: readonly CatalogEntry[];
}

export interface PathMatch {
  readonly route: Route;
  /** The value had an `open-apis` segment; host-less paths need Open Platform evidence. */
  readonly hasOpenApis: boolean;
  /** The host written in the value (see NormalizedPath.host). */
  readonly host: string | undefined;
}

const OPEN_APIS_PREFIX = '/open-apis/';

/** Compiles catalog entries into a matcher. Exported for tests and benchmarks. */
export function compileMatcher(entries: readonly CatalogEntry[]): (value: string) => PathMatch | undefined {
  const trie = new SegmentTrie<Route>(
    entries.map((entry) => {
      if (!entry.path.startsWith(OPEN_APIS_PREFIX)) {
        throw new Error(`catalog entry ${entry.id}: path must start with ${OPEN_APIS_PREFIX}, got ${entry.path}`);
      }
      const route: Route = { path: entry.path, code: entry.code, entries: [entry] };
      return [templateSegments(entry.path.slice(OPEN_APIS_PREFIX.length)), route] as const;
    }),
    (a, b) => {
      if (a.code !== b.code) {
        throw new Error(`catalog: ${a.path} is listed under both ${a.code} and ${b.code}`);
      }
      return { ...a, entries: [...a.entries, ...b.entries] };
    },
  );
  return (value) => {
    const path = normalizePath(value);
    if (path === undefined || path.segments.length === 0) return undefined;
    const route = trie.match(path.segments);
    return route === undefined ? undefined : { route, hasOpenApis: path.hasOpenApis, host: path.host };
  };
}

/** The catalog's matcher, compiled once per process: it depends on nothing else. */
export const matchPath = compileMatcher(CATALOG);

/**
 * The first two segments after `open-apis` of every catalog path (`message/v4`,
 * `im/v1`, …): a string that names an endpoint without `open-apis` holds one of
 * them, so a file without any has no host-less path to look at.
 */
export const HOSTLESS_MARKERS: readonly string[] = [
  ...new Set(CATALOG.map((entry) => templateSegments(entry.path.slice(OPEN_APIS_PREFIX.length)).slice(0, 2).join('/'))),
];

export { LARK_CHANNEL_METHODS, SDK_METHODS, SDK_WORDS } from './sdk-index';
