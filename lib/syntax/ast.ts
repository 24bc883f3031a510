import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { WeakMemo } from '../memo';
import { indexOfSearch, wordSearch } from './text-search';
import { work } from './work';

export type Node = TSESTree.Node;
export type Expression = TSESTree.Expression;
export type SourceCode = Readonly<TSESLint.SourceCode>;
export type Variable = TSESLint.Scope.Variable;

type TsWrapper =
  | TSESTree.TSAsExpression
  | TSESTree.TSNonNullExpression
  | TSESTree.TSSatisfiesExpression
  | TSESTree.TSTypeAssertion;

/**
 * Wrappers that leave the value as it is: `x as string`, `x!`, `x satisfies T`,
 * `<T>x`, and the ChainExpression around `a?.b`.
 */
export function isTsWrapper(node: Node): node is TsWrapper | TSESTree.ChainExpression {
  return (
    node.type === 'TSAsExpression' ||
    node.type === 'TSNonNullExpression' ||
    node.type === 'TSSatisfiesExpression' ||
    node.type === 'TSTypeAssertion' ||
    node.type === 'ChainExpression'
  );
}

/** The expression inside any wrappers. */
export function unwrap(node: Expression): Expression {
  let current = node;
  while (isTsWrapper(current)) current = current.expression as Expression;
  return current;
}

/** `Object.freeze(x)`: an object literal frozen is still that object literal. */
export function isObjectFreeze(node: Node): node is TSESTree.CallExpression {
  return (
    node.type === 'CallExpression' &&
    node.arguments.length === 1 &&
    node.callee.type === 'MemberExpression' &&
    !node.callee.computed &&
    node.callee.object.type === 'Identifier' &&
    node.callee.object.name === 'Object' &&
    node.callee.property.type === 'Identifier' &&
    node.callee.property.name === 'freeze'
  );
}

/** The expression inside wrappers and `Object.freeze(…)`. */
export function unwrapValue(node: Expression): Expression {
  let current = unwrap(node);
  while (isObjectFreeze(current) && current.arguments[0]?.type !== 'SpreadElement') {
    current = unwrap(current.arguments[0] as Expression);
  }
  return current;
}

/** The key a non-computed or string-keyed property or member names, or undefined. */
export function staticKey(node: TSESTree.Property | TSESTree.MemberExpression): string | undefined {
  const key = node.type === 'Property' ? node.key : node.property;
  if (!node.computed && key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && typeof key.value === 'number') return String(key.value);
  // In quotes or in backticks without a placeholder (a key is never a tagged template).
  return staticString(key);
}

/**
 * The value of `key` in an object literal, or undefined when the literal does
 * not say (no such key, or a spread after it that may replace it). Each
 * literal's keys are indexed once, so that reading every member of a large
 * object costs its size once, not once per member.
 */
export function propertyValue(object: TSESTree.ObjectExpression, key: string): Expression | undefined {
  let index = propertyIndexes.get(object);
  if (index === undefined) {
    index = new Map();
    for (const property of object.properties) {
      work.visited++;
      // A spread may replace every key before it.
      if (property.type === 'SpreadElement') index.clear();
      else if (property.kind === 'init' && !property.method) {
        const name = staticKey(property);
        if (name !== undefined) index.set(name, property.value as Expression);
      }
    }
    propertyIndexes.set(object, index);
  }
  return index.get(key);
}

const propertyIndexes = new WeakMap<TSESTree.ObjectExpression, Map<string, Expression>>();

/** The outermost TS wrapper around `node`, or `node` itself. */
export function outermostWrapper(node: Node): Node {
  let current = node;
  // Program's parent is null, every other node's is a node.
  while (current.parent && isTsWrapper(current.parent)) current = current.parent;
  return current;
}

export function isStringLiteral(node: Node): node is TSESTree.StringLiteral {
  return node.type === 'Literal' && typeof node.value === 'string';
}

/** A string the code writes whole: a string literal, or a template literal without placeholders (`` `message` ``). */
export type StaticString = TSESTree.StringLiteral | TSESTree.TemplateLiteral;

/**
 * The value of a string written whole (StaticString), or undefined for any other node. A template with a placeholder
 * is none, and so is a tagged template's (`` String.raw`…` ``): its value is what the tag returns.
 */
export function staticString(node: Node): string | undefined {
  if (isStringLiteral(node)) return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0 && node.parent?.type !== 'TaggedTemplateExpression') {
    return node.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/**
 * The string a text offset inside it locates (nodeAtOffset): the node itself, or the template a quasi is part of. A
 * quasi's range holds the backticks around it (typescript-estree, espree and oxc alike), so every offset of a
 * template without placeholders, its opening backtick too, locates the quasi, not the template.
 */
export function locatedString(node: Node): Node {
  return node.type === 'TemplateElement' && node.parent.type === 'TemplateLiteral' ? node.parent : node;
}

/**
 * The deepest node whose range holds `offset`. Children in arrays are sorted by
 * position, so each level costs a binary search. The last path walked is kept
 * per file: text scans ask for offsets in order, so a lookup climbs only to the
 * nearest ancestor that holds the new offset and descends from there.
 */
export function nodeAtOffset(sourceCode: SourceCode, offset: number): Node {
  work.located++;
  return locators.get(sourceCode.ast, (ast) => new NodeLocator(ast, sourceCode.visitorKeys)).locate(offset);
}

const locators = new WeakMemo<Node, NodeLocator>();

class NodeLocator {
  private readonly path: Node[];

  constructor(
    root: Node,
    private readonly visitorKeys: TSESLint.SourceCode.VisitorKeys,
  ) {
    this.path = [root];
  }

  locate(offset: number): Node {
    const path = this.path;
    while (path.length > 1 && !holds(path[path.length - 1]!, offset)) {
      path.pop();
      work.visited++;
    }
    let node = path[path.length - 1]!;
    descend: for (;;) {
      // Indexed, and no empty array made for a type without keys: allocation brings the next garbage collection
      // nearer, and ESLint counts its pause in the rule that runs then (docs/performance.md#the-rules-allocation).
      const keys = this.visitorKeys[node.type];
      if (keys === undefined) return node;
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k]!;
        const child = (node as unknown as Record<string, unknown>)[key];
        work.visited++;
        const next = Array.isArray(child)
          ? searchSorted(key === 'elements' ? withoutHoles(child as readonly (Node | null)[]) : (child as readonly Node[]), offset)
          : asContaining(child, offset);
        if (next !== undefined) {
          node = next;
          path.push(node);
          continue descend;
        }
      }
      return node;
    }
  }
}

function holds(node: Node, offset: number): boolean {
  return node.range[0] <= offset && offset < node.range[1];
}

/**
 * The node at each occurrence of `needle` in the file's text, in text order,
 * with its offset: the first step of every text-driven search here.
 */
export function* nodesAtText(sourceCode: SourceCode, needle: string): Generator<readonly [node: Node, offset: number]> {
  const { text } = sourceCode;
  let from = 0;
  const search = wordSearch(needle);
  for (let offset = indexOfSearch(text, search); offset !== -1; offset = indexOfSearch(text, search, offset + needle.length)) {
    work.scanned += offset + needle.length - from;
    from = offset + needle.length;
    yield [nodeAtOffset(sourceCode, offset), offset];
  }
  work.scanned += Math.max(0, text.length - from);
}

function asContaining(value: unknown, offset: number): Node | undefined {
  if (typeof value !== 'object' || value === null || !('range' in value)) return undefined;
  const node = value as Node;
  return node.range[0] <= offset && offset < node.range[1] ? node : undefined;
}

/**
 * The element of an array sorted by position (a node's children, a file's
 * tokens) whose range holds `offset`, by binary search.
 */
export function searchSorted<Ranged extends { readonly range: readonly [number, number] }>(elements: readonly Ranged[], offset: number): Ranged | undefined {
  const index = indexSorted(elements, offset);
  return index === -1 ? undefined : elements[index];
}

/** The index of the element whose range holds `offset` (searchSorted), or -1. */
export function indexSorted(elements: readonly { readonly range: readonly [number, number] }[], offset: number): number {
  let lo = 0;
  let hi = elements.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const element = elements[mid]!;
    work.visited++;
    if (offset < element.range[0]) hi = mid - 1;
    else if (offset >= element.range[1]) lo = mid + 1;
    else return mid;
  }
  return -1;
}

const denseElements = new WeakMap<readonly (Node | null)[], readonly Node[]>();

/**
 * The elements of an array literal or pattern without its holes (`[a, , b]`
 * has a null), listed once per array: K lookups in an array of H holes cost
 * H + K log n, not H × K.
 */
function withoutHoles(nodes: readonly (Node | null)[]): readonly Node[] {
  let elements = denseElements.get(nodes);
  if (elements === undefined) {
    work.visited += nodes.length;
    elements = nodes.filter((node): node is Node => node !== null);
    denseElements.set(nodes, elements);
  }
  return elements;
}

/**
 * The source of an import or export, the argument of `require()` or `import()`: a string literal, or for the last two
 * a template without placeholders (`` require(`@larksuiteoapi/node-sdk`) ``), a string written whole too.
 */
export function isModuleSpecifier(node: Node): boolean {
  if (staticString(node) === undefined) return false;
  const parent = node.parent;
  switch (parent?.type) {
    case 'ImportDeclaration':
    case 'ExportAllDeclaration':
    case 'ExportNamedDeclaration':
    case 'ImportExpression':
    case 'TSExternalModuleReference':
      return true;
    case 'CallExpression':
      return parent.callee.type === 'Identifier' && parent.callee.name === 'require' && parent.arguments[0] === node;
    default:
      return false;
  }
}

/**
 * The module TypeScript's `import x = require('<module>')` names, its type-only form too (the callers that follow
 * values ask isTypeOnly); undefined for `import x = N.y`, which names a namespace's member.
 */
export function importEqualsModule(declaration: TSESTree.TSImportEqualsDeclaration): string | undefined {
  const reference = declaration.moduleReference;
  return reference.type === 'TSExternalModuleReference' && isStringLiteral(reference.expression) ? reference.expression.value : undefined;
}

/** The variable `identifier` refers to, found by name from its innermost scope outwards. */
export function resolveVariable(sourceCode: SourceCode, identifier: TSESTree.Identifier): Variable | undefined {
  let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(identifier);
  while (scope !== null) {
    const variable = scope.set.get(identifier.name);
    if (variable !== undefined) return variable;
    scope = scope.upper;
  }
  return undefined;
}

/** The identifier names a global (`URL`, `String`), not a local binding of that name. */
export function isGlobalReference(sourceCode: SourceCode, identifier: TSESTree.Identifier): boolean {
  const variable = resolveVariable(sourceCode, identifier);
  return variable === undefined || variable.defs.length === 0;
}

/**
 * How a variable got its value, where its one declaration in this file says:
 * `x = init` (`const`, `let`, `var`), or `{ key: x }` destructured, with the
 * expression destructured when the pattern is a declaration's own (`const { key } = source`;
 * undefined for a parameter or a nested pattern).
 */
type BindingOrigin =
  | { readonly kind: 'init'; readonly init: Expression }
  | { readonly kind: 'destructured'; readonly key: string; readonly pattern: TSESTree.ObjectPattern; readonly source: Expression | undefined };

export function bindingOrigin(sourceCode: SourceCode, identifier: TSESTree.Identifier): BindingOrigin | undefined {
  const variable = resolveVariable(sourceCode, identifier);
  if (variable?.defs.length !== 1) return undefined;
  const name = variable.defs[0]!.name;
  const holder = name.parent;
  if (holder?.type === 'VariableDeclarator' && holder.id === name) {
    return holder.init === null ? undefined : { kind: 'init', init: holder.init };
  }
  const property = holder?.type === 'AssignmentPattern' ? holder.parent : holder;
  if (property?.type !== 'Property' || property.parent.type !== 'ObjectPattern') return undefined;
  const key = staticKey(property);
  if (key === undefined) return undefined;
  const pattern = property.parent;
  const declarator = pattern.parent;
  const source = declarator?.type === 'VariableDeclarator' && declarator.id === pattern && declarator.init !== null ? declarator.init : undefined;
  return { kind: 'destructured', key, pattern, source };
}

/**
 * Whether `expression` holds one of `origins` (nodes that create something:
 * `new EventDispatcher(…)`, `createLarkChannel(…)`): an origin itself, or a
 * variable initialized with one, or what `passOn` says a node passes on
 * (`await x` → `x`), for at most 20 steps.
 */
export function holdsOneOf(
  sourceCode: SourceCode,
  expression: Expression,
  origins: ReadonlySet<Node>,
  passOn: (node: Expression) => Expression | undefined,
): boolean {
  let node = unwrap(expression);
  for (let step = 0; step <= 20; step++) {
    if (origins.has(node)) return true;
    const origin = node.type === 'Identifier' ? bindingOrigin(sourceCode, node) : undefined;
    const next = origin?.kind === 'init' ? origin.init : passOn(node);
    if (next === undefined) return false;
    node = unwrap(next);
  }
  return false;
}

/** The declarator of `const name = init` (a plain identifier, one definition), or undefined. */
export function constDeclarator(variable: Variable): (TSESTree.VariableDeclarator & { id: TSESTree.Identifier; init: Expression }) | undefined {
  if (variable.defs.length !== 1) return undefined;
  const def = variable.defs[0]!;
  const declarator = def.node;
  if (declarator.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier' || declarator.init === null) {
    return undefined;
  }
  const declaration = declarator.parent;
  if (declaration.type !== 'VariableDeclaration' || declaration.kind !== 'const') return undefined;
  return declarator as TSESTree.VariableDeclarator & { id: TSESTree.Identifier; init: Expression };
}

/**
 * An `importKind` / `exportKind` that makes a declaration or specifier type-only
 * (`import type`, `export { type X }`). espree's trees have no kind: values.
 */
export function isTypeOnly(kind: string | undefined): boolean {
  return kind !== undefined && kind !== 'value';
}
