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
}

/** A new LastMemo: the `compute` of a WeakMemo that keeps one per key (`WeakMemo<Notice, LastMemo<Tree, …>>`). */
export function newLastMemo<Key extends object, Value>(): LastMemo<Key, Value> {
  return new LastMemo();
}
