import type { TSESTree } from '@typescript-eslint/utils';
import { isStringLiteral, isTsWrapper, type Node, type SourceCode } from '../syntax/ast';
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

/**
 * The outermost string-building expression `node` is part of (docs/spec/behaviour.md#where-a-report-lands):
 * climbs through `+` operands, template expressions, `new URL` arguments and
 * wrappers. Returns `node` itself when nothing embeds it.
 */
export function outermostStringSite(sourceCode: SourceCode, node: Node): Node {
  let site = node;
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (!parent) return site; // Program: its parent is null
    if (isTsWrapper(parent)) {
      current = parent;
    } else if (embeds(sourceCode, parent, current)) {
      site = parent;
      current = parent;
    } else {
      return site;
    }
  }
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
    for (const read of readsOf(target)) queue.push(outermostStringSite(sourceCode, read));
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
    for (const read of readsOf(target)) {
      if (outermostStringSite(sourceCode, read) === read) queue.push(read);
    }
  }
  return destinations;
}
