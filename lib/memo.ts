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
