import type { TSESTree } from '@typescript-eslint/utils';
import { importEqualsModule, isGlobalReference, isTypeOnly, outermostWrapper, resolveVariable, staticKey, type Node, type SourceCode, type Variable } from '../syntax/ast';
import type { FileContext } from './file-context';
import { commonJsTarget, NAMESPACE, requiredFrom, type ImportOrigin } from './imports/module-summary';
import { ModuleValues, staticChain } from './imports/module-values';
import { isInPackage } from './imports/resolve-module';
import type { Stamps } from './imports/stamped-files';
import type { StringValue } from './string-value';

/**
 * Whether a file's imports are followed: it has a path, and is not in a
 * published package (in `node_modules`), which imports only published code.
 */
export function followsImports(path: string | undefined): path is string {
  return path !== undefined && !isInPackage(path);
}

/**
 * The bindings this file imports from other files of the project, and their
 * values (docs/spec/behaviour.md#evaluating-strings): `import { A }`,
 * `import * as P` (`P.A`), `import D from`, `import x = require(…)`,
 * `const { A } = require(…)`, `const m = require(…)` (`m.A`) and
 * `const A = require(…).A`. The same with or without type information.
 */
export class ImportedBindings {
  private moduleValues: ModuleValues | undefined;
  private readonly file: string | undefined;
  // The last reads found, and for which test: the pre-filter asks, then the search (the same test each time).
  private lastReads: { readonly mayName: (text: string) => boolean; readonly reads: readonly Node[] } | undefined;
  // Each file looked at once per lint of this file, by both ModuleValues: resolution, then the record. Made with the
  // first of them: most files read no imported binding as a string.
  private lintStamps: Stamps | undefined;

  constructor(
    private readonly sourceCode: SourceCode,
    private readonly context: FileContext,
  ) {
    this.file = followsImports(context.path) ? context.path : undefined;
  }

  /** The value of an imported binding or a static member chain of one (`API.chat.info`), or undefined. */
  valueOf(node: TSESTree.Identifier | TSESTree.MemberExpression): StringValue | undefined {
    if (this.file === undefined) return undefined;
    const chain = staticChain(node);
    let root: Node = node;
    while (root.type === 'MemberExpression') root = root.object;
    const origin = chain === undefined || root.type !== 'Identifier' ? undefined : this.originOf(root);
    return origin === undefined ? undefined : this.modules().valueOfImport(origin, this.file, chain!.path);
  }

  /**
   * Where this file uses an imported value (docs/spec/behaviour.md#where-a-report-lands): each read
   * of an imported binding, widened to its longest static member chain that
   * has a value. Not import or export specifiers, re-exports (`export default X`,
   * `module.exports = { X }`), type positions, nor a call of the binding or of a member.
   *
   * @param mayName whether a file's text may write (part of) a route: only files
   *   that do, and barrels, are parsed to find these reads.
   */
  reads(mayName: (text: string) => boolean): readonly Node[] {
    if (this.file === undefined) return NO_READS;
    if (this.lastReads?.mayName === mayName) return this.lastReads.reads;
    const reads = this.findReads(this.file, mayName);
    this.lastReads = { mayName, reads };
    return reads;
  }

  private findReads(file: string, mayName: (text: string) => boolean): readonly Node[] {
    // Made at the first read that may be a string, which most files do not have.
    let modules: ModuleValues | undefined;
    let reads: Node[] | undefined;
    for (const [variable, origin] of this.importedVariables()) {
      // Asked at the first read that may be a string (most imports are functions, called): a module that is not
      // found, or whose text cannot write a route, gives no value, so the variable's other reads are passed over.
      let mayHaveValues: boolean | undefined;
      for (const reference of variable.references) {
        const identifier = reference.identifier as Node;
        if (reference.init === true || !reference.isRead() || !isValueUse(identifier)) continue;
        const chain = stringChain(identifier as TSESTree.Identifier);
        if (chain === undefined) continue;
        modules ??= new ModuleValues(this.context, mayName, this.stamps());
        if (!(mayHaveValues ??= modules.mayHaveValues(origin, file))) break;
        const read = longestValuedChain(chain, origin, file, modules);
        if (read !== undefined) (reads ??= []).push(read);
      }
    }
    return reads ?? NO_READS;
  }

  private stamps(): Stamps {
    return (this.lintStamps ??= new Map());
  }

  /** The values of other files' exports, made when first needed: most files never read one. */
  private modules(): ModuleValues {
    return (this.moduleValues ??= new ModuleValues(this.context, undefined, this.stamps()));
  }

  /** What an identifier of this file imports, or undefined. */
  private originOf(identifier: TSESTree.Identifier): ImportOrigin | undefined {
    const variable = resolveVariable(this.sourceCode, identifier);
    return variable === undefined ? undefined : this.originOfVariable(variable);
  }

  private originOfVariable(variable: Variable): ImportOrigin | undefined {
    if (variable.defs.length !== 1) return undefined;
    const def = variable.defs[0]!;
    const node = def.node as Node;
    if (node.type === 'ImportSpecifier' || node.type === 'ImportDefaultSpecifier' || node.type === 'ImportNamespaceSpecifier') {
      const declaration = node.parent;
      if (declaration.type !== 'ImportDeclaration' || isTypeOnly(declaration.importKind) || (node.type === 'ImportSpecifier' && isTypeOnly(node.importKind))) return undefined;
      const name =
        node.type === 'ImportNamespaceSpecifier'
          ? NAMESPACE
          : node.type === 'ImportDefaultSpecifier'
            ? 'default'
            : node.imported.type === 'Identifier'
              ? node.imported.name
              : node.imported.value;
      return { specifier: declaration.source.value, name };
    }
    if (node.type === 'TSImportEqualsDeclaration') {
      const specifier = isTypeOnly(node.importKind) ? undefined : importEqualsModule(node);
      return specifier === undefined ? undefined : { specifier, name: NAMESPACE };
    }
    if (node.type !== 'VariableDeclarator' || node.init === null || node.parent.type !== 'VariableDeclaration' || node.parent.kind !== 'const') return undefined;
    const required = requiredFrom(node.init);
    if (required === undefined || !this.isGlobalRequire(node.init)) return undefined;
    if (node.id.type === 'Identifier') return required;
    // `const { A, B: C } = require('./x')`: the property whose value is this variable.
    if (node.id.type !== 'ObjectPattern' || required.name !== NAMESPACE) return undefined;
    const property = node.id.properties.find((p): p is TSESTree.Property => p.type === 'Property' && p.value === (def.name as Node));
    const key = property === undefined ? undefined : staticKey(property);
    return key === undefined ? undefined : { specifier: required.specifier, name: key };
  }

  /** `require` in `require('./x')` (possibly under members) is not a local binding. */
  private isGlobalRequire(init: TSESTree.Expression): boolean {
    let node: Node = init;
    while (node.type === 'MemberExpression' || node.type === 'TSAsExpression' || node.type === 'TSNonNullExpression') node = 'object' in node ? node.object : node.expression;
    return node.type === 'CallExpression' && node.callee.type === 'Identifier' && isGlobalReference(this.sourceCode, node.callee);
  }

  /** Variables bound by imports and by `require` of a relative, alias or package specifier, with what each imports. */
  private importedVariables(): ReadonlyMap<Variable, ImportOrigin> {
    const { sourceCode } = this;
    let variables: Map<Variable, ImportOrigin> | undefined;
    const add = (node: Node) => {
      for (const variable of sourceCode.scopeManager?.getDeclaredVariables(node as never) ?? []) {
        if (variables?.has(variable as Variable) === true) continue;
        const origin = this.originOfVariable(variable as Variable);
        if (origin !== undefined) (variables ??= new Map()).set(variable as Variable, origin);
      }
    };
    for (const statement of sourceCode.ast.body) {
      if (statement.type === 'ImportDeclaration' && !isTypeOnly(statement.importKind)) add(statement);
      else if (statement.type === 'TSImportEqualsDeclaration') add(statement);
    }
    // `require(…)` calls: the references to a `require` no scope declares, or the configured global.
    const globalScope = sourceCode.scopeManager?.globalScope;
    const addRequired = (references: readonly { readonly identifier: unknown }[]) => {
      for (const reference of references) {
        const node = reference.identifier as Node;
        if (node.type !== 'Identifier' || node.name !== 'require' || node.parent?.type !== 'CallExpression' || node.parent.callee !== node) continue;
        let top: Node = outermostWrapper(node.parent);
        while (top.parent?.type === 'MemberExpression' && top.parent.object === top) top = outermostWrapper(top.parent);
        // Only a `const` binds a constant (originOfVariable): the others are passed over before their variables are looked up.
        const declarator = top.parent;
        if (declarator?.type === 'VariableDeclarator' && declarator.init === top && declarator.parent.kind === 'const') add(declarator);
      }
    };
    addRequired(globalScope?.through ?? []);
    addRequired(globalScope?.set.get('require')?.references ?? []);
    return variables ?? NO_VARIABLES;
  }
}

const NO_READS: readonly Node[] = Object.freeze([]);
const NO_VARIABLES: ReadonlyMap<Variable, ImportOrigin> = new Map();

/**
 * Of a static member chain from a read of an imported binding (stringChain), the longest that has a value, or
 * undefined. The value is what `origin`, the import of the variable the read refers to, gives: a read in a
 * parameter's default refers to the binding outside the function even where the body declares the same name.
 */
function longestValuedChain(
  chain: readonly (TSESTree.Identifier | TSESTree.MemberExpression)[],
  origin: ImportOrigin,
  importer: string,
  modules: ModuleValues,
): Node | undefined {
  // The chain's members are its own (`object` is the link before it, unwrapped), so their keys are the path.
  const path = chain.slice(1).map((member) => staticKey(member as TSESTree.MemberExpression)!);
  for (let i = chain.length - 1; i >= 0; i--) {
    if (modules.valueOfImport(origin, importer, path.slice(0, i)) !== undefined) return chain[i];
  }
  return undefined;
}

/**
 * The static member chain from `identifier` (`API`, `API.chat`, `API.chat.info`), or undefined where its
 * longest is used as something other than a string (mayBeString).
 */
function stringChain(identifier: TSESTree.Identifier): (TSESTree.Identifier | TSESTree.MemberExpression)[] | undefined {
  const chain: (TSESTree.Identifier | TSESTree.MemberExpression)[] = [identifier];
  let current: Node = identifier;
  while (current.parent?.type === 'MemberExpression' && current.parent.object === current && staticKey(current.parent) !== undefined) {
    current = current.parent;
    chain.push(current as TSESTree.MemberExpression);
  }
  return mayBeString(outermostWrapper(current)) ? chain : undefined;
}

/**
 * Where a value is used as something other than a string, its module is not
 * read: a called chain (`utils.format(x)`, `API()`, `new Client()`, a tag), the
 * target of a write, `instanceof`, `in`, `typeof`, a spread or a class heritage.
 */
function mayBeString(top: Node): boolean {
  const parent = top.parent;
  switch (parent?.type) {
    case 'CallExpression':
    case 'NewExpression':
      return parent.callee !== top;
    case 'TaggedTemplateExpression':
      return parent.tag !== top;
    case 'AssignmentExpression':
      return parent.left !== top;
    case 'BinaryExpression':
      return parent.operator !== 'instanceof' && parent.operator !== 'in';
    case 'UnaryExpression':
    case 'UpdateExpression':
    case 'SpreadElement':
    case 'ClassDeclaration':
    case 'ClassExpression':
      return false;
    default:
      return true;
  }
}

/**
 * A read that uses the value here: not a re-export (`export { X }`,
 * `export default X`, `module.exports = { X }`, `exports.X = X`: the declaring
 * file reports the constant) and not a type (`typeof X` in a type position).
 */
function isValueUse(identifier: Node): boolean {
  let node = identifier;
  while (node.parent?.type === 'TSQualifiedName') node = node.parent;
  const parent = node.parent;
  if (parent?.type === 'ExportSpecifier' || parent?.type === 'ExportDefaultDeclaration' || parent?.type === 'TSTypeQuery') return false;
  // `module.exports = { X }`, `module.exports = X`, `exports.X = X`.
  const holder = parent?.type === 'Property' && parent.value === node && parent.parent.type === 'ObjectExpression' ? parent.parent : node;
  const assignment = holder.parent;
  return !(assignment?.type === 'AssignmentExpression' && assignment.right === holder && assignment.left.type === 'MemberExpression' && commonJsTarget(assignment.left) !== undefined);
}
