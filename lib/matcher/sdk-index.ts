import { CATALOG, LARK_CHANNEL_HELPERS, type CatalogEntry } from '../catalog';

/**
 * The node-sdk methods of the catalog, compiled once: resource → method →
 * entry, for `X.im.<resource>.<method>(…)` and `X.im.v1.<resource>.<method>(…)`.
 * One `Map.get` per step, whatever the catalog's size.
 */
export const SDK_METHODS: ReadonlyMap<string, ReadonlyMap<string, CatalogEntry>> = (() => {
  const resources = new Map<string, Map<string, CatalogEntry>>();
  for (const entry of CATALOG) {
    for (const sdkMethod of entry.sdkMethods ?? []) {
      const [namespace, resource, method, ...rest] = sdkMethod.split('.');
      if (namespace !== 'im' || resource === undefined || method === undefined || rest.length > 0) {
        throw new Error(`catalog entry ${entry.id}: node-sdk method must be im.<resource>.<method>, got ${sdkMethod}`);
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
})();

/** `LarkChannel` helper → the entries it calls. */
export const LARK_CHANNEL_METHODS: ReadonlyMap<string, readonly CatalogEntry[]> = new Map(
  Object.entries(LARK_CHANNEL_HELPERS).map(([helper, ids]) => [
    helper,
    ids.map((id) => {
      const entry = CATALOG.find((e) => e.id === id);
      if (entry === undefined) throw new Error(`LarkChannel helper ${helper}: no catalog entry ${id}`);
      return entry;
    }),
  ]),
);

/**
 * Every SDK call this plugin reports names one of these words in the file's
 * text (a resource, or a LarkChannel helper): one regular expression finds them.
 */
export const SDK_WORDS = new RegExp(`\\b(?:${[...SDK_METHODS.keys(), ...LARK_CHANNEL_METHODS.keys()].join('|')})\\b`, 'g');
