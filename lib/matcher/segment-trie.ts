import { UNKNOWN } from './unknown';

/**
 * A segment trie over path templates (`/a/:b/c`), determinized at build time so
 * that matching never backtracks: one `Map.get` per segment, whatever the number
 * of templates.
 *
 * Where a node has both literal children and a `:param` child, the param's
 * subtree is merged into every literal child, so "try the literal, else the
 * param" at each step finds every match the templates allow. A literal template
 * wins over a param template that ends at the same place, as in HTTP routers.
 */
interface TrieNode<T> {
  readonly literal: Map<string, TrieNode<T>>;
  param: TrieNode<T> | undefined;
  value: T | undefined;
}

function emptyNode<T>(): TrieNode<T> {
  return { literal: new Map(), param: undefined, value: undefined };
}

/** Splits a template into segments; `:name` segments become `:`. */
export function templateSegments(template: string): string[] {
  return template
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => (segment.startsWith(':') ? ':' : segment));
}

export class SegmentTrie<T> {
  private readonly root: TrieNode<T>;
  /** The longest template, in segments: longer paths are rejected at once. */
  readonly maxDepth: number;

  /** @param merge combines two values stored under the same template. */
  constructor(entries: Iterable<readonly [segments: readonly string[], value: T]>, merge: (a: T, b: T) => T) {
    const root = emptyNode<T>();
    let maxDepth = 0;
    for (const [segments, value] of entries) {
      let node = root;
      for (const segment of segments) {
        if (segment === ':') {
          node.param ??= emptyNode();
          node = node.param;
        } else {
          let next = node.literal.get(segment);
          if (next === undefined) {
            next = emptyNode();
            node.literal.set(segment, next);
          }
          node = next;
        }
      }
      node.value = node.value === undefined ? value : merge(node.value, value);
      maxDepth = Math.max(maxDepth, segments.length);
    }
    this.root = determinize(root);
    this.maxDepth = maxDepth;
  }

  /**
   * The value of the template the segments name, or undefined. A segment equal
   * to `UNKNOWN` matches only a `:param` of a template.
   */
  match(segments: readonly string[]): T | undefined {
    if (segments.length > this.maxDepth) return undefined;
    let node: TrieNode<T> | undefined = this.root;
    for (const segment of segments) {
      node = segment === UNKNOWN ? node.param : (node.literal.get(segment) ?? node.param);
      if (node === undefined) return undefined;
    }
    return node.value;
  }
}

/** Returns a trie in which no step needs a second try (see the class comment). */
function determinize<T>(node: TrieNode<T>): TrieNode<T> {
  const out = emptyNode<T>();
  out.value = node.value;
  out.param = node.param === undefined ? undefined : determinize(node.param);
  for (const [segment, child] of node.literal) {
    const merged = out.param === undefined ? child : mergeInto(clone(child), out.param);
    out.literal.set(segment, determinize(merged));
  }
  return out;
}

/** Adds everything `from` matches to `into` (literal wins where both end). */
function mergeInto<T>(into: TrieNode<T>, from: TrieNode<T>): TrieNode<T> {
  into.value ??= from.value;
  if (from.param !== undefined) into.param = into.param === undefined ? clone(from.param) : mergeInto(into.param, from.param);
  for (const [segment, child] of from.literal) {
    const existing = into.literal.get(segment);
    into.literal.set(segment, existing === undefined ? clone(child) : mergeInto(existing, child));
  }
  return into;
}

function clone<T>(node: TrieNode<T>): TrieNode<T> {
  const copy = emptyNode<T>();
  copy.value = node.value;
  copy.param = node.param === undefined ? undefined : clone(node.param);
  for (const [segment, child] of node.literal) copy.literal.set(segment, clone(child));
  return copy;
}
