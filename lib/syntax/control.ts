import type { Node, SourceCode } from './ast';

/**
 * Statement-level control flow, as far as guards and handlers need it
 * (docs/spec/behaviour.md#guarded-and-handled-findings): where a function's
 * own code ends, which statement lists a statement runs in, and which
 * statements always leave their list. Every walk here is iterative: a file
 * can nest statements as deep as it likes.
 */

/**
 * A node whose inside runs at another time than the code around it: a
 * function (its body and default parameters), a class body (methods, fields,
 * static blocks), a TypeScript namespace.
 */
export function isFunctionBoundary(node: Node): boolean {
  switch (node.type) {
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
    case 'ClassBody':
    case 'TSModuleBlock':
      return true;
    default:
      return false;
  }
}

/** The statement list `child` is an element of, directly inside `parent`, if `parent` holds one. */
export function statementListOf(parent: Node, child: Node): readonly Node[] | undefined {
  switch (parent.type) {
    // Every child of these is an element of their one list.
    case 'Program':
    case 'BlockStatement':
    case 'StaticBlock':
      return parent.body;
    case 'SwitchCase':
      return parent.test === child ? undefined : parent.consequent;
    default:
      return undefined;
  }
}

/** A loop: its body may run again after any of its statements. */
export function isLoop(node: Node): boolean {
  switch (node.type) {
    case 'ForStatement':
    case 'ForInStatement':
    case 'ForOfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
      return true;
    default:
      return false;
  }
}

/**
 * Evaluates `root` bottom-up without recursion: `children` says which nodes a
 * value depends on, `combine` computes a node's value from theirs.
 */
export function evaluateBottomUp<T>(root: Node, children: (node: Node) => readonly Node[], combine: (node: Node, values: readonly T[]) => T): T {
  const values = new Map<Node, T>();
  const stack: [Node, boolean][] = [[root, false]];
  while (stack.length > 0) {
    const [node, expanded] = stack.pop()!;
    const kids = children(node);
    if (!expanded && kids.length > 0) {
      stack.push([node, true]);
      for (const kid of kids) stack.push([kid, false]);
      continue;
    }
    values.set(node, combine(node, kids.map((kid) => values.get(kid)!)));
  }
  return values.get(root)!;
}

/**
 * The statement always leaves the statement list it is in: `return`,
 * `throw`, `continue`, `break`, a block with such a statement among its own,
 * an `if` whose both branches always leave. Loops, `switch`, `try` and labelled
 * statements are not looked into: a `break` inside them may stop there.
 */
export function alwaysExits(statement: Node): boolean {
  return evaluateBottomUp<boolean>(
    statement,
    (node) => {
      if (node.type === 'BlockStatement') return node.body;
      if (node.type === 'IfStatement') return node.alternate === null ? [] : [node.consequent, node.alternate];
      return [];
    },
    (node, values) => {
      switch (node.type) {
        case 'ReturnStatement':
        case 'ThrowStatement':
        case 'ContinueStatement':
        case 'BreakStatement':
          return true;
        case 'BlockStatement':
          return values.some(Boolean);
        case 'IfStatement':
          return values.length === 2 && values.every(Boolean);
        default:
          return false;
      }
    },
  );
}

/**
 * The nodes inside `root` (itself included) that run as part of it: nested
 * functions and classes are left out, and TypeScript types. Iterative, in
 * no particular order; stops after `limit` nodes and then returns undefined.
 */
export function ownNodes(sourceCode: SourceCode, root: Node, limit: number): Node[] | undefined {
  const found: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (found.length >= limit) return undefined;
    found.push(node);
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      // Types say nothing about what runs; a wrapper's value is its `expression`.
      if (key === 'typeAnnotation' || key === 'typeArguments' || key === 'typeParameters' || key === 'returnType') continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (typeof child !== 'object' || child === null || !('type' in child)) continue;
        const kid = child as Node;
        if (kid !== root && (isFunctionBoundary(kid) || kid.type === 'ClassDeclaration' || kid.type === 'ClassExpression')) continue;
        stack.push(kid);
      }
    }
  }
  return found;
}

/** The innermost function (or class body, or namespace) around `node`, or the Program. */
export function enclosingFunction(node: Node): Node {
  let current = node.parent;
  while (current?.parent && !isFunctionBoundary(current)) current = current.parent;
  return current ?? node;
}

/** `outer` holds `inner` (or is it), by position. */
export function holdsNode(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}
