import type { SourceCode } from '../../lib/syntax/ast';

/**
 * Trees beyond what ESLint accepts: at about 4,000 `+` terms its scope analysis
 * (and espree itself, a little further) overflows the stack before any rule
 * runs, so the analysis is handed such trees directly. A tree has ranges and
 * parents, and the SourceCode carries the little the analysis reads; scope is
 * an empty global scope.
 */
type SyntheticNode = Record<string, unknown>;

const VISITOR_KEYS = {
  Program: ['body'],
  ExpressionStatement: ['expression'],
  BinaryExpression: ['left', 'right'],
  TemplateLiteral: ['quasis', 'expressions'],
  TemplateElement: [],
  MemberExpression: ['object', 'property'],
  CallExpression: ['callee', 'arguments'],
  Literal: [],
  Identifier: [],
};

/** The SourceCode of a program whose one statement is `expression`, written as `text`. */
export function syntheticSourceCode(text: string, expression: SyntheticNode): SourceCode {
  const program = { type: 'Program', body: [{ type: 'ExpressionStatement', expression, range: [0, text.length] }], range: [0, text.length], sourceType: 'module' };
  // A work list: the trees are as deep as the tests make them.
  const stack: [SyntheticNode, unknown][] = [[program, null]];
  while (stack.length > 0) {
    const [node, parent] = stack.pop()!;
    node.parent = parent;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && 'type' in child) stack.push([child as SyntheticNode, node]);
      }
    }
  }
  const scope = { set: new Map(), upper: null, references: [], variables: [], childScopes: [], type: 'global', block: program, through: [] };
  return { text, ast: program, visitorKeys: VISITOR_KEYS, getScope: () => scope, parserServices: {} } as unknown as SourceCode;
}

/** `t0 + t1 + … + tn`, left to right (left-deep, as parsers build it), each term a string literal. */
export function plusChain(terms: readonly string[]): { text: string; expression: SyntheticNode } {
  let text = '';
  let expression: SyntheticNode | undefined;
  for (const [i, value] of terms.entries()) {
    if (i > 0) text += ' + ';
    const raw = `'${value}'`;
    const literal = { type: 'Literal', value, raw, range: [text.length, text.length + raw.length] };
    text += raw;
    expression = expression === undefined ? literal : { type: 'BinaryExpression', operator: '+', left: expression, right: literal, range: [0, text.length] };
  }
  return { text, expression: expression! };
}
