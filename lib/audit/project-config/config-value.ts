/**
 * A config read without running it is plain data with holes: where the code
 * computes a value (a call, an import, a `let`), the reader puts a marker
 * naming the place. Plain objects, so that ESLint can merge settings that hold
 * one as it merges any other.
 */
const COMPUTED_KEY = '\u0000eslint-plugin-feishu:computed';

export type ComputedMarker = { readonly [COMPUTED_KEY]: string };

export function computed(where: string): ComputedMarker {
  return { [COMPUTED_KEY]: where };
}

/** Where the first computed value inside `value` is (`eslint.config.js:12:5`), or undefined when it is all literal. */
export function computedIn(value: unknown, depth = 0): string | undefined {
  if (value === null || typeof value !== 'object' || depth > 50) return undefined;
  if (Object.hasOwn(value, COMPUTED_KEY)) return (value as ComputedMarker)[COMPUTED_KEY];
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    const found = computedIn(item, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !Object.hasOwn(value, COMPUTED_KEY);
}

/**
 * What one config object (an element of a flat config, an eslintrc file or
 * one of its overrides) says that the audit uses: which files it is for, its
 * `settings.feishu`, and its entries for the feishu rules. Patterns are
 * relative to the directory the object's file is in.
 */
export interface ConfigBlock {
  readonly files?: readonly string[];
  readonly ignores?: readonly string[];
  /** Absent when the object has no `settings.feishu`. */
  readonly feishu?: unknown;
  /** `feishu/…` rule entries, as written (computed ones hold a marker). */
  readonly rules: Readonly<Record<string, unknown>>;
}

/** One config file, read. */
export interface ConfigDocument {
  readonly file: string;
  readonly kind: 'flat' | 'eslintrc';
  readonly blocks: readonly ConfigBlock[];
  /** eslintrc `root: true`: no config above it counts. */
  readonly root: boolean;
  /** Why the file could not be read (a syntax error, no export found): its blocks are then empty. */
  readonly problem?: string;
}

/** The feishu rule entries of a `rules` object. */
export function feishuRules(rules: unknown, prefix: string): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  if (!isPlainObject(rules)) return picked;
  for (const [id, entry] of Object.entries(rules)) if (id.startsWith(prefix)) picked[id] = entry;
  return picked;
}

/** The `feishu` key of a `settings` object, if it has one; a computed `settings` may hold anything. */
export function feishuSettings(settings: unknown): { feishu?: unknown } {
  if (settings === undefined) return {};
  if (!isPlainObject(settings)) {
    const where = computedIn(settings);
    return where === undefined ? {} : { feishu: computed(where) };
  }
  if (Object.hasOwn(settings, 'feishu')) return { feishu: settings.feishu };
  // `settings: { ...shared }` with `shared` imported: it may hold a feishu key nobody can see without running it.
  for (const [key, value] of Object.entries(settings)) {
    if (key.startsWith(SPREAD_PREFIX)) {
      const where = computedIn(value);
      if (where !== undefined) return { feishu: computed(where) };
    }
  }
  return {};
}

/** The key under which the reader keeps an object spread it could not read (`{ ...imported }`). */
export const SPREAD_PREFIX = '\u0000spread:';

/** `files`, `ignores`, `excludedFiles`: a pattern or a list of them (computed ones make the block's files unknown). */
export function patterns(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value.flat() : [value];
  return list.map((pattern) => (typeof pattern === 'string' ? pattern : '\u0000computed'));
}
