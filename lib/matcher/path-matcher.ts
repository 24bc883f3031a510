import { OPEN_APIS_SEGMENT, type CatalogEntry } from '../catalog';
import { normalizePath } from './normalize';
import { SegmentTrie, templateSegments } from './segment-trie';

/** One path template of the catalog and the entries (one per HTTP method) that share it. */
export interface Route {
  /** `/open-apis/...` with `:params`. */
  readonly path: string;
  readonly code: number;
  readonly entries: readonly CatalogEntry[];
}

export interface PathMatch {
  readonly route: Route;
  /** The value had an `open-apis` segment; host-less paths need Open Platform evidence. */
  readonly hasOpenApis: boolean;
  /** The host written in the value (see NormalizedPath.host). */
  readonly host: string | undefined;
}

const OPEN_APIS_PREFIX = `/${OPEN_APIS_SEGMENT}/`;

/** Compiles catalog entries into a matcher: one `Map.get` per segment, whatever the number of entries. */
export function compileMatcher(entries: readonly CatalogEntry[]): (value: string) => PathMatch | undefined {
  const trie = new SegmentTrie<Route>(
    entries.map((entry) => {
      if (!entry.path.startsWith(OPEN_APIS_PREFIX)) {
        throw new Error(`catalog entry ${entry.id}: path must start with ${OPEN_APIS_PREFIX}, got ${entry.path}`);
      }
      const route: Route = { path: entry.path, code: entry.code, entries: [entry] };
      return [pathSegments(entry.path), route] as const;
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

/** A catalog path's segments after `open-apis`, `:params` as `:`. */
export function pathSegments(path: string): string[] {
  return templateSegments(path.slice(OPEN_APIS_PREFIX.length));
}
