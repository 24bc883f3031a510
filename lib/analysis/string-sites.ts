import type { TSESTree } from '@typescript-eslint/utils';
import { constDeclarator, isStringLiteral, isTsWrapper, outermostWrapper, resolveVariable, type Node, type SourceCode, type Variable } from './ast';

/**
 * A node that builds a string from its parts: a string literal, a template
 * literal, or a `+` expression. Tagged templates are not: the tag decides what
 * they return.
 */
export type StringSite = TSESTree.StringLiteral | TSESTree.TemplateLiteral | TSESTree.BinaryExpression;

export function isStringBuilding(node: Node): node is StringSite {
  if (isStringLiteral(node)) return true;
  if (node.type === 'TemplateLiteral') return node.parent.type !== 'TaggedTemplateExpression';
  return node.type === 'BinaryExpression' && node.operator === '+';
}

/**
 * The outermost string-building expression `node` is part of (behaviour.md §3):
 * climbs through `+` operands, template expressions and TS wrappers. Returns
 * `node` itself when nothing embeds it.
 */
export function outermostStringSite(node: Node): Node {
  let site = node;
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (parent === undefined) return site;
    if (isTsWrapper(parent)) {
      current = parent;
    } else if (
      (parent.type === 'BinaryExpression' && parent.operator === '+') ||
      (parent.type === 'TemplateLiteral' &&
        parent.parent.type !== 'TaggedTemplateExpression' &&
        (parent.expressions as Node[]).includes(current))
    ) {
      site = parent;
      current = parent;
    } else {
      return site;
    }
  }
}

/** The variable that `site` (through TS wrappers) initializes as `const x = site`, if any. */
export function constInitializedBy(sourceCode: SourceCode, site: Node): Variable | undefined {
  const top = outermostWrapper(site);
  const parent = top.parent;
  if (parent?.type !== 'VariableDeclarator' || parent.init !== top || parent.id.type !== 'Identifier') return undefined;
  const variable = resolveVariable(sourceCode, parent.id);
  return variable !== undefined && constDeclarator(variable) === parent ? variable : undefined;
}

/**
 * Every string site the seeds reach: each seed's outermost site, then, where a
 * site initializes a `const`, the outermost site around each read of that const,
 * and so on. The result holds string-building sites only, each once.
 */
export function collectStringSites(sourceCode: SourceCode, seeds: Iterable<Node>): StringSite[] {
  const seen = new Set<Node>();
  const sites: StringSite[] = [];
  const queue: Node[] = [];
  for (const seed of seeds) queue.push(outermostStringSite(seed));
  while (queue.length > 0) {
    const site = queue.pop()!;
    if (seen.has(site)) continue;
    seen.add(site);
    if (isStringBuilding(site)) sites.push(site);
    const variable = constInitializedBy(sourceCode, site);
    if (variable === undefined) continue;
    for (const reference of variable.references) {
      if (reference.init === true || !reference.isRead()) continue;
      queue.push(outermostStringSite(reference.identifier as Node));
    }
  }
  return sites;
}
