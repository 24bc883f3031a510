import type { TSESTree } from '@typescript-eslint/utils';
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
import { work } from '../syntax/work';

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
 * value inside (nested) object literals of such an initializer, unless a later
 * key or spread overrides it (then reading the member does not give `node`).
 */
export function bindingInitializedBy(sourceCode: SourceCode, node: Node): Binding | undefined {
  const step = enclosingStep(sourceCode, node);
  if (step?.kind !== 'property') return step?.binding;
  const owner = ownerOf(sourceCode, step.object);
  return owner === undefined ? undefined : binding(owner.variable, [...owner.path, step.key]);
}

/** One step out from a value: the `const` it initializes, or the object literal whose property it is. */
type EnclosingStep =
  | { readonly kind: 'declarator'; readonly binding: Binding | undefined }
  | { readonly kind: 'property'; readonly object: TSESTree.ObjectExpression; readonly key: string };

function enclosingStep(sourceCode: SourceCode, node: Node): EnclosingStep | undefined {
  work.visited++;
  const current = outermostValueNode(node);
  const parent = current.parent;
  if (parent?.type === 'Property' && parent.value === current && parent.kind === 'init' && !parent.method) {
    const key = staticKey(parent);
    const object = parent.parent;
    if (key === undefined || object.type !== 'ObjectExpression') return undefined;
    // A later key or spread with this key wins: this value is then no member's.
    const value = propertyValue(object, key);
    return value !== undefined && outermostValueNode(value) === current ? { kind: 'property', object, key } : undefined;
  }
  if (parent?.type === 'VariableDeclarator' && parent.init === current && parent.id.type === 'Identifier') {
    const variable = resolveVariable(sourceCode, parent.id);
    return { kind: 'declarator', binding: variable !== undefined && constDeclarator(variable) === parent ? binding(variable, []) : undefined };
  }
  return undefined;
}

// The binding each object literal initializes, found once: nested objects share the climb to their `const`.
const owners = new WeakMap<TSESTree.ObjectExpression, Binding | null>();

/** The binding an object literal is the value of (`const API = { chat: <object> }` → `API.chat`), or undefined. */
function ownerOf(sourceCode: SourceCode, object: TSESTree.ObjectExpression): Binding | undefined {
  // Climb to an object already known, or to the `const`, then name each object on the way from the top down.
  const climbed: [TSESTree.ObjectExpression, string][] = [];
  let current = object;
  let found: Binding | undefined;
  for (;;) {
    const known = owners.get(current);
    if (known !== undefined) {
      found = known ?? undefined;
      break;
    }
    const step = enclosingStep(sourceCode, current);
    if (step?.kind !== 'property') {
      found = step?.binding;
      owners.set(current, found ?? null);
      break;
    }
    climbed.push([current, step.key]);
    current = step.object;
  }
  for (let i = climbed.length - 1; i >= 0; i--) {
    const [inner, key] = climbed[i]!;
    found = found === undefined ? undefined : binding(found.variable, [...found.path, key]);
    owners.set(inner, found ?? null);
  }
  return found;
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
  return readsByPath(target.variable).get(pathKey(target.path)) ?? [];
}

// Per variable, its reads by the member path they name: `API.chat.info` is a read of `API`, `API.chat` and
// `API.chat.info`. Built with one pass over the references, so that the many members of one object cost
// their reads once between them.
const readIndexes = new WeakMap<Variable, ReadonlyMap<string, Node[]>>();

function readsByPath(variable: Variable): ReadonlyMap<string, Node[]> {
  let index = readIndexes.get(variable);
  if (index !== undefined) return index;
  const reads = new Map<string, Node[]>();
  const add = (key: string, node: Node) => {
    const list = reads.get(key);
    if (list === undefined) reads.set(key, [node]);
    else list.push(node);
  };
  for (const reference of variable.references) {
    work.visited++;
    if (reference.init === true || !reference.isRead()) continue;
    let node: Node = reference.identifier as Node;
    let path = pathKey([]);
    add(path, node);
    for (let depth = 0; ; depth++) {
      const top = outermostValueNode(node);
      const parent: Node | undefined = top.parent;
      const key = parent?.type === 'MemberExpression' && parent.object === top ? staticKey(parent) : undefined;
      if (key === undefined) break;
      work.visited++;
      path = depth === 0 ? key : `${path}\u0000${key}`;
      node = parent!;
      add(path, node);
    }
  }
  index = reads;
  readIndexes.set(variable, index);
  return index;
}

function pathKey(path: readonly string[]): string {
  return path.join('\u0000');
}
