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
 * lookup saves). The last key stays alive until the next one.
 */
export class LastMemo<Key extends object, Value> {
  private key: Key | undefined;
  private value: Value | undefined;

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

  /** Forgets the value unless it is the one for `key`: another file is being linted. */
  keepOnly(key: Key): void {
    if (this.key !== key) this.forget();
  }
}

/**
 * A LastMemo of two keys: the last file's answer for one notice, or for one
 * settings object (`(compiled, program)`). Another notice or settings asked in
 * between recomputes, which the plugin's rules, sharing one of each per file,
 * never do.
 */
export class LastPairMemo<First extends object, Second extends object, Value> {
  private first: First | undefined;
  private second: Second | undefined;
  private value: Value | undefined;

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

  /** Forgets the value unless its second key is `second`: another file is being linted. */
  keepOnlySecond(second: Second): void {
    if (this.second !== second) this.forget();
  }

  /** Forgets the value unless it is the one for `(first, second)`: another cache made a value for a newer key. */
  keepOnly(first: First, second: Second): void {
    if (this.first !== first || this.second !== second) {
      this.first = undefined;
      this.second = undefined;
      this.value = undefined;
    }
  }
}

/** Calls a computation that needs nothing more (LastPairMemo#get). */
function call<Value>(compute: () => Value): Value {
  return compute();
}
