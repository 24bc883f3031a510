import type { TSESTree } from '@typescript-eslint/utils';
import { WeakMemo } from '../memo';
import { isGlobalReference, isStringLiteral, isTsWrapper, type Node, type SourceCode } from '../syntax/ast';
import { work } from '../syntax/work';
import { bindingInitializedBy, readsOf } from './const-bindings';
import { isUrlConstructor } from './string-value';

/**
 * A node that builds a string from its parts (docs/spec/behaviour.md#evaluating-strings): a string
 * literal, a template literal, a `+` expression, or `new URL(input, base)`.
 * Tagged templates are not: the tag decides what they return.
 */
type StringSite =
  | TSESTree.StringLiteral
  | TSESTree.TemplateLiteral
  | TSESTree.BinaryExpression
  | TSESTree.NewExpression;

function isStringBuilding(sourceCode: SourceCode, node: Node): node is StringSite {
  if (isStringLiteral(node)) return true;
  if (node.type === 'TemplateLiteral') return node.parent.type !== 'TaggedTemplateExpression';
  if (node.type === 'NewExpression') return isUrlConstructor(sourceCode, node);
  return node.type === 'BinaryExpression' && node.operator === '+';
}

/** `parent` builds a string from `child`. */
function embeds(sourceCode: SourceCode, parent: Node, child: Node): boolean {
  switch (parent.type) {
    case 'BinaryExpression':
      return parent.operator === '+';
    case 'TemplateLiteral':
      return parent.parent.type !== 'TaggedTemplateExpression' && (parent.expressions as Node[]).includes(child);
    case 'NewExpression':
      return isUrlConstructor(sourceCode, parent) && (parent.arguments[0] === child || parent.arguments[1] === child);
    default:
      return false;
  }
}

/** `String(child)` with the global `String`: the same string (docs/spec/behaviour.md#evaluating-strings). */
function isStringConversionOf(sourceCode: SourceCode, parent: Node, child: Node): boolean {
  return (
    parent.type === 'CallExpression' &&
    parent.callee.type === 'Identifier' &&
    parent.callee.name === 'String' &&
    parent.arguments.length === 1 &&
    parent.arguments[0] === child &&
    isGlobalReference(sourceCode, parent.callee)
  );
}

/** The outermost node around `node` with the same string: wrappers and `String(…)`. */
export function outermostSameString(sourceCode: SourceCode, node: Node): Node {
  let current = node;
  while (current.parent && (isTsWrapper(current.parent) || isStringConversionOf(sourceCode, current.parent, current))) current = current.parent;
  return current;
}

// Per file: each string-building node already climbed from → the outermost site above it.
const climbs = new WeakMemo<Node, Map<Node, Node>>();

/**
 * The outermost string-building expression `node` is part of (docs/spec/behaviour.md#where-a-report-lands):
 * climbs through `+` operands, template expressions, `new URL` arguments,
 * wrappers and `String(…)`. Returns `node` itself when nothing embeds it.
 *
 * Every embedding parent passed on the way is remembered with the answer, so
 * that the many terms of one `+` chain or template climb it once between them:
 * a chain of n terms costs n steps, not n² (work.visited counts them).
 */
export function outermostStringSite(sourceCode: SourceCode, node: Node): Node {
  const known = climbs.get(sourceCode.ast, () => new Map());
  const passed: Node[] = [];
  let site = node;
  let current = node;
  for (;;) {
    const parent = current.parent;
    work.visited++;
    if (!parent) break; // Program: its parent is null
    if (isTsWrapper(parent) || isStringConversionOf(sourceCode, parent, current)) {
      current = parent;
    } else if (embeds(sourceCode, parent, current)) {
      const above = known.get(parent);
      if (above !== undefined) {
        site = above;
        break;
      }
      passed.push(parent);
      site = parent;
      current = parent;
    } else {
      break;
    }
  }
  for (const embedding of passed) known.set(embedding, site);
  return site;
}

/**
 * Every string site the seeds reach: each seed's outermost site, then, where a
 * site initializes a binding (`const X = site`, `const API = { K: site }`), the
 * outermost site around each read of it, and so on. Each site once.
 */
export function collectStringSites(sourceCode: SourceCode, seeds: Iterable<Node>): StringSite[] {
  const seen = new Set<Node>();
  const sites: StringSite[] = [];
  const queue: Node[] = [];
  for (const seed of seeds) queue.push(outermostStringSite(sourceCode, seed));
  while (queue.length > 0) {
    const site = queue.pop()!;
    if (seen.has(site)) continue;
    seen.add(site);
    if (isStringBuilding(sourceCode, site)) sites.push(site);
    const target = bindingInitializedBy(sourceCode, site);
    if (target === undefined) continue;
    for (const read of readsOf(sourceCode, target)) queue.push(outermostStringSite(sourceCode, read));
  }
  return sites;
}

/**
 * Where a site's value is used as it is: the site itself, or, for a binding's
 * initializer, each read of it that nothing embeds (through aliases such as
 * `const AGAIN = SEND`). The parents of these nodes say how the value is sent:
 * `axios.post(node)`, `{ method, url: node }`.
 */
export function destinationsOf(sourceCode: SourceCode, site: Node): Node[] {
  const destinations: Node[] = [];
  const seen = new Set<Node>();
  // A work list, not recursion: alias chains are as long as the file makes them.
  const queue: Node[] = [site];
  while (queue.length > 0) {
    const node = queue.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    const target = bindingInitializedBy(sourceCode, node);
    if (target === undefined) {
      destinations.push(node);
      continue;
    }
    for (const read of readsOf(sourceCode, target)) {
      if (outermostStringSite(sourceCode, read) === read) queue.push(read);
    }
  }
  return destinations;
}
