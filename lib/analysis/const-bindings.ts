import type { TSESTree } from '@typescript-eslint/utils';
import { WeakMemo } from '../memo';
import {
  constDeclarator,
  isObjectFreeze,
  isTsWrapper,
  nodesAtText,
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
import { commonJsTarget, NAMESPACE, stringEnumMembers, summarizeModule, type ModuleSummary } from './imports/module-summary';

/**
 * A name the code can read a constant string through: a `const`, a member of
 * a `const` object literal (`API.chat.info` is `{ root: API, path: ['chat',
 * 'info'] }`), a member of an all-literal string enum (`Api.Send`), or an
 * export of this CommonJS file assigned once at its top level (`exports.SEND`,
 * `module.exports.SEND`: the root is the Program). Its value is written once,
 * at its initializer, which is where a finding is reported
 * (docs/spec/behaviour.md#where-a-report-lands).
 */
export interface Binding {
  readonly root: Variable | TSESTree.Program;
  readonly path: readonly string[];
  /** Identity for maps: the same binding read twice has the same key. */
  readonly key: string;
}

let nextRootId = 0;
const rootIds = new WeakMap<object, number>();

function binding(root: Variable | TSESTree.Program, path: readonly string[]): Binding {
  let id = rootIds.get(root);
  if (id === undefined) {
    id = nextRootId++;
    rootIds.set(root, id);
  }
  return { root, path, key: `${id}\u0000${path.join('\u0000')}` };
}

function isProgram(root: Binding['root']): root is TSESTree.Program {
  return (root as { type?: unknown }).type === 'Program';
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
  return owner === undefined ? undefined : binding(owner.root, [...owner.path, step.key]);
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
  // `enum Api { Send = node }`: a member of an all-literal string enum.
  if (parent?.type === 'TSEnumMember' && parent.initializer === current) {
    const declaration = enumDeclarationOf(parent);
    const variable = declaration === undefined ? undefined : resolveVariable(sourceCode, declaration.id);
    const name = parent.id.type === 'Identifier' ? parent.id.name : String((parent.id as TSESTree.StringLiteral).value);
    const target = variable === undefined || enumOf(variable) === undefined ? undefined : binding(variable, [name]);
    return { kind: 'declarator', binding: target };
  }
  // `exports.X = node`, `module.exports.X = node`, `module.exports = node`, assigned once at the top level.
  if (parent?.type === 'AssignmentExpression' && parent.right === current && parent.left.type === 'MemberExpression') {
    const name = isTopLevelStatement(parent) && isCommonJsRoot(sourceCode, parent.left) ? commonJsTarget(parent.left) : undefined;
    if (name === undefined) return undefined;
    const target = binding(sourceCode.ast, name === NAMESPACE ? [] : [name]);
    const initializer = initializerOf(sourceCode, target);
    return { kind: 'declarator', binding: initializer !== undefined && outermostValueNode(initializer) === current ? target : undefined };
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
    found = found === undefined ? undefined : binding(found.root, [...found.path, key]);
    owners.set(inner, found ?? null);
  }
  return found;
}

/** The binding a read names (`X`, `X.a`, `X['a'].b`, `X?.a`, `Api.Send`, `exports.SEND`), or undefined. */
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
  if (variable !== undefined && variable.defs.length > 0) {
    return constDeclarator(variable) !== undefined || (enumOf(variable) !== undefined && path.length === 1) ? binding(variable, path) : undefined;
  }
  // `exports.X` and `module.exports.X` where neither name is a local binding.
  if (current.name === 'exports' && path.length > 0) return commonJsBinding(sourceCode, path);
  if (current.name === 'module' && path[0] === 'exports' && path.length > 1) return commonJsBinding(sourceCode, path.slice(1));
  return undefined;
}

function commonJsBinding(sourceCode: SourceCode, path: readonly string[]): Binding | undefined {
  const target = binding(sourceCode.ast, path);
  return initializerOf(sourceCode, target) === undefined ? undefined : target;
}

/** The expression a binding's value is written in, or undefined when the code does not say. */
export function initializerOf(sourceCode: SourceCode, target: Binding): Expression | undefined {
  let expression: Expression;
  let rest = target.path;
  if (isProgram(target.root)) {
    const summary = summaryOf(sourceCode.ast);
    const [name, ...after] = target.path;
    const named = name === undefined ? undefined : summary.exports.get(name);
    if (named?.kind === 'value' && name !== 'default') {
      expression = named.expression;
      rest = after;
    } else if (summary.commonJsExport !== undefined) {
      expression = summary.commonJsExport;
    } else {
      return undefined;
    }
  } else {
    const declarator = constDeclarator(target.root);
    if (declarator === undefined) {
      const member = enumOf(target.root)?.get(target.path[0] ?? '');
      return target.path.length === 1 ? member : undefined;
    }
    expression = declarator.init;
  }
  for (const key of rest) {
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
export function readsOf(sourceCode: SourceCode, target: Binding): Node[] {
  if (!isProgram(target.root)) return readsByPath(target.root).get(pathKey(target.path)) ?? [];
  const reads: Node[] = [];
  for (const start of commonJsReads(sourceCode)) {
    let node = start;
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

/** The `exports` and `module.exports` reads of this file, not the targets of assignments. */
function commonJsReads(sourceCode: SourceCode): Node[] {
  const reads: Node[] = [];
  for (const [node] of nodesAtText(sourceCode, 'exports')) {
    if (node.type !== 'Identifier' || node.name !== 'exports') continue;
    const parent = node.parent;
    let start: Node | undefined;
    if (parent?.type === 'MemberExpression' && parent.object === node) {
      start = isCommonJsRoot(sourceCode, parent) ? node : undefined;
    } else if (parent?.type === 'MemberExpression' && parent.property === node && !parent.computed) {
      start = isCommonJsRoot(sourceCode, parent) ? parent : undefined;
    }
    if (start === undefined || isAssignedTo(start)) continue;
    reads.push(start);
  }
  return reads;
}

/** `node.x = …`: the read is the target of an assignment, not a read of the value. */
function isAssignedTo(node: Node): boolean {
  const member = node.parent;
  return member?.type === 'MemberExpression' && member.object === node && member.parent.type === 'AssignmentExpression' && member.parent.left === member;
}

/** The member's chain starts at `exports` or `module` that is not a local binding of this file. */
function isCommonJsRoot(sourceCode: SourceCode, member: TSESTree.MemberExpression): boolean {
  let root: Node = member;
  while (root.type === 'MemberExpression') root = root.object;
  if (root.type !== 'Identifier' || (root.name !== 'exports' && root.name !== 'module')) return false;
  const variable = resolveVariable(sourceCode, root);
  return variable === undefined || variable.defs.length === 0;
}

function isTopLevelStatement(assignment: TSESTree.AssignmentExpression): boolean {
  return assignment.parent.type === 'ExpressionStatement' && assignment.parent.parent.type === 'Program';
}

const summaries = new WeakMemo<TSESTree.Program, ModuleSummary>();

function summaryOf(program: TSESTree.Program): ModuleSummary {
  return summaries.get(program, summarizeModule);
}

function enumDeclarationOf(member: TSESTree.TSEnumMember): TSESTree.TSEnumDeclaration | undefined {
  let node: Node | undefined = member.parent;
  if (node?.type === 'TSEnumBody') node = node.parent;
  return node?.type === 'TSEnumDeclaration' ? node : undefined;
}

const enumMembers = new WeakMemo<TSESTree.TSEnumDeclaration, Map<string, Expression> | null>();

/** The members of an enum variable declared once with string literals only, by name, or undefined. */
function enumOf(variable: Variable): ReadonlyMap<string, Expression> | undefined {
  if (variable.defs.length !== 1) return undefined;
  const declaration = variable.defs[0]!.node;
  if (declaration.type !== 'TSEnumDeclaration') return undefined;
  return (
    enumMembers.get(declaration, (node) => {
      if (stringEnumMembers(node) === undefined) return null;
      const body = (node as { body?: { members: TSESTree.TSEnumMember[] } }).body?.members ?? (node as unknown as { members: TSESTree.TSEnumMember[] }).members;
      return new Map(body.map((member) => [member.id.type === 'Identifier' ? member.id.name : String((member.id as TSESTree.StringLiteral).value), member.initializer!]));
    }) ?? undefined
  );
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
