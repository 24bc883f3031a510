import {
  constDeclarator,
  isObjectFreeze,
  isTsWrapper,
  propertyValue,
  resolveVariable,
  staticKey,
  unwrapValue,
  type Expression,
  type Node,
  type SourceCode,
  type Variable,
} from '../syntax/ast';

/**
 * A name the code can read a constant string through: a `const`, or a member
 * of a `const` object literal (`API.chat.info` is `{ variable: API, path:
 * ['chat', 'info'] }`). Its value is written once, at its initializer, which is
 * where a finding is reported (docs/spec/behaviour.md#where-a-report-lands).
 */
export interface Binding {
  readonly variable: Variable;
  readonly path: readonly string[];
  /** Identity for maps: the same binding read twice has the same key. */
  readonly key: string;
}

let nextVariableId = 0;
const variableIds = new WeakMap<Variable, number>();

function binding(variable: Variable, path: readonly string[]): Binding {
  let id = variableIds.get(variable);
  if (id === undefined) {
    id = nextVariableId++;
    variableIds.set(variable, id);
  }
  return { variable, path, key: `${id}\u0000${path.join('\u0000')}` };
}

/** The outermost node around `node` that still has its value: wrappers and `Object.freeze(node)`. */
function outermostValueNode(node: Node): Node {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (parent && (isTsWrapper(parent) || (isObjectFreeze(parent) && parent.arguments[0] === current))) {
      current = parent;
    } else {
      return current;
    }
  }
}

/**
 * The binding whose initializer `node` is: `const X = node`, or a property
 * value inside (nested) object literals of such an initializer.
 */
export function bindingInitializedBy(sourceCode: SourceCode, node: Node): Binding | undefined {
  const path: string[] = [];
  let current = outermostValueNode(node);
  for (;;) {
    const parent = current.parent;
    if (parent?.type === 'Property' && parent.value === current && parent.kind === 'init' && !parent.method) {
      const key = staticKey(parent);
      if (key === undefined || parent.parent.type !== 'ObjectExpression') return undefined;
      path.unshift(key);
      current = outermostValueNode(parent.parent);
      continue;
    }
    if (parent?.type === 'VariableDeclarator' && parent.init === current && parent.id.type === 'Identifier') {
      const variable = resolveVariable(sourceCode, parent.id);
      if (variable === undefined || constDeclarator(variable) !== parent) return undefined;
      const target = binding(variable, path);
      // A later key or spread may override this one: then reading the member does not give `node`.
      const initializer = initializerOf(target);
      return initializer !== undefined && outermostValueNode(initializer) === outermostValueNode(node) ? target : undefined;
    }
    return undefined;
  }
}

/** The binding a read names (`X`, `X.a`, `X['a'].b`, `X?.a`), or undefined. */
export function bindingReadBy(sourceCode: SourceCode, node: Expression): Binding | undefined {
  const path: string[] = [];
  let current: Expression = unwrapValue(node);
  while (current.type === 'MemberExpression') {
    const key = staticKey(current);
    if (key === undefined) return undefined;
    path.unshift(key);
    current = unwrapValue(current.object);
  }
  if (current.type !== 'Identifier') return undefined;
  const variable = resolveVariable(sourceCode, current);
  return variable === undefined || constDeclarator(variable) === undefined ? undefined : binding(variable, path);
}

/** The expression a binding's value is written in, or undefined when the code does not say. */
export function initializerOf(target: Binding): Expression | undefined {
  const declarator = constDeclarator(target.variable);
  if (declarator === undefined) return undefined;
  let expression: Expression = declarator.init;
  for (const key of target.path) {
    const object = unwrapValue(expression);
    if (object.type !== 'ObjectExpression') return undefined;
    const value = propertyValue(object, key);
    if (value === undefined) return undefined;
    expression = value;
  }
  return expression;
}

/**
 * The expressions that read a binding in this file: for `API.SEND`, each
 * `API.SEND` (through wrappers and `?.`), not `API` alone nor `API.OTHER`.
 */
export function readsOf(target: Binding): Node[] {
  const reads: Node[] = [];
  for (const reference of target.variable.references) {
    if (reference.init === true || !reference.isRead()) continue;
    let node: Node = reference.identifier as Node;
    let matched = true;
    for (const key of target.path) {
      node = outermostValueNode(node);
      const parent: Node | undefined = node.parent;
      if (parent?.type !== 'MemberExpression' || parent.object !== node || staticKey(parent) !== key) {
        matched = false;
        break;
      }
      node = parent;
    }
    if (matched) reads.push(node);
  }
  return reads;
}

