/**
 * A cache keyed by object identity, dropped with its key: the one way the
 * plugin keeps per-Program, per-settings and per-notice work. ESLint hands
 * every rule of a file the same Program node and every file of a config the
 * same settings object, so what is computed once for them is shared.
 */
export class WeakMemo<Key extends object, Value> {
  private readonly values = new WeakMap<Key, Value>();

  /** The value for `key`, computed by `compute` the first time. */
  get(key: Key, compute: (key: Key) => Value): Value {
    if (this.values.has(key)) return this.values.get(key) as Value;
    const value = compute(key);
    this.values.set(key, value);
    return value;
  }
}

/**
 * A cache of one value: the last key's, by identity. For per-file work that
 * several searches of one file ask for in turn: ESLint lints one file after
 * another, so the last file is nearly always the one asked about, and no
 * entry is made per file (a WeakMap entry per file costs more than the
 * lookup saves). Its key is a file's tree: the value stays alive until the
 * file's lint is over (releaseAllTrees), or, for files linted in one
 * synchronous loop, until the next file's first rule (releaseOtherTrees).
 */
export class LastMemo<Key extends object, Value> {
  private key: Key | undefined;
  private value: Value | undefined;

  constructor() {
    keptForTrees.push(this);
  }

  /** The value for `key`, computed by `compute` unless `key` was the last asked. */
  get(key: Key, compute: (key: Key) => Value): Value {
    if (this.key !== key) {
      this.value = compute(key);
      this.key = key;
    }
    return this.value as Value;
  }

  /** Drops the last key and value: a file answered without the memo must not keep the one before it alive. */
  forget(): void {
    this.key = undefined;
    this.value = undefined;
  }

  /** Forgets the value unless its key is `tree` (releaseOtherTrees). */
  keepTree(tree: object): void {
    if (this.key !== tree) this.forget();
  }
}

/**
 * A LastMemo of two keys: the last file's answer for one notice, or for one
 * settings object (`(compiled, program)`, the second key the file's tree).
 * Another notice or settings asked in between recomputes, which the plugin's
 * rules, sharing one of each per file, never do.
 */
export class LastPairMemo<First extends object, Second extends object, Value> {
  private first: First | undefined;
  private second: Second | undefined;
  private value: Value | undefined;

  constructor() {
    keptForTrees.push(this);
  }

  /** The value for `(first, second)`, computed by `compute` unless they were the last asked. */
  get(first: First, second: Second, compute: () => Value): Value {
    return this.getWith(first, second, compute, call);
  }

  /**
   * get, computed by `compute(arg, first)`: with a function made once, at module level, a caller asking for every
   * file makes no closure per file (docs/performance.md#the-rules-allocation).
   */
  getWith<Arg>(first: First, second: Second, arg: Arg, compute: (arg: Arg, first: First) => Value): Value {
    if (this.first !== first || this.second !== second) {
      // Keys set after `compute`, which may throw: a failed computation is not an answer.
      this.value = compute(arg, first);
      this.first = first;
      this.second = second;
    }
    return this.value as Value;
  }

  /** Drops the last keys and value: a file answered without the memo must not keep the one before it alive. */
  forget(): void {
    this.first = undefined;
    this.second = undefined;
    this.value = undefined;
  }

  /** Forgets the value unless its second key is `tree` (releaseOtherTrees). */
  keepTree(tree: object): void {
    if (this.second !== tree) this.forget();
  }

  /** Forgets the value unless it is the one for `(first, second)`: another cache made a value for a newer key. */
  keepOnly(first: First, second: Second): void {
    if (this.first !== first || this.second !== second) this.forget();
  }
}

/** Calls a computation that needs nothing more (LastPairMemo#get). */
function call<Value>(compute: () => Value): Value {
  return compute();
}

/** A memo of one entry keyed by a file's tree: every LastMemo and LastPairMemo, registered as it is made. */
interface KeptForTree {
  keepTree(tree: object): void;
  forget(): void;
}

const keptForTrees: KeptForTree[] = [];

/**
 * Lets go of what every LastMemo and LastPairMemo keeps for another tree than
 * `tree`: each lint's first rule calls it. Only the files a memo's computation
 * reaches replace its entry (most are answered by the pre-filters, and a file
 * with invalid settings reaches none), so without this the last file that did
 * stayed alive through the files after it: the node-sdk bundle, linted first in
 * the bench, kept 865 MB of tree, tokens and scopes, which every later full
 * garbage collection marked (docs/performance.md#the-last-analysis-kept-alive).
 */
export function releaseOtherTrees(tree: object): void {
  for (let index = 0; index < keptForTrees.length; index++) keptForTrees[index]!.keepTree(tree);
}

/**
 * Lets go of what every LastMemo and LastPairMemo keeps, whatever its tree: called once a file's lint is over
 * (lintedFile), so that no file is kept through the next file's parse, where ESLint allocates the most and full
 * garbage collections fall (docs/performance.md#the-file-before-kept-through-the-next-parse).
 */
export function releaseAllTrees(): void {
  for (let index = 0; index < keptForTrees.length; index++) keptForTrees[index]!.forget();
}
