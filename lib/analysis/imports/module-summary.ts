import type { TSESTree } from '@typescript-eslint/utils';
import { importEqualsModule, isStringLiteral, isTypeOnly, staticKey, staticString, unwrap, type Expression } from '../../syntax/ast';

/**
 * What another file of the project exports and where each value is written,
 * read from its top level by name (docs/behaviour-decisions.md#constants-imported-from-other-files).
 * Names are enough there: a module's top-level declarations are unique, and
 * only top-level initializers are evaluated.
 */
export interface ModuleSummary {
  /** Top-level `const` initializers by name. */
  readonly consts: ReadonlyMap<string, Expression>;
  /** `declare const X: '…'` (declaration files): the literal type's text. */
  readonly declared: ReadonlyMap<string, string>;
  /** String enums whose members are all string literals, by name. */
  readonly enums: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Local names bound to another module: `import`, `import x = require`, `const … = require(…)`. */
  readonly imports: ReadonlyMap<string, ImportOrigin>;
  /** Every top-level name the module declares, so that `URL` and `String` are known not to be the globals. */
  readonly declaredNames: ReadonlySet<string>;
  /** Exported names: ESM exports, `exports.X = …` and `module.exports.X = …` assigned once. */
  readonly exports: ReadonlyMap<string, ExportTarget>;
  /** `export * from '…'` specifiers, in order. */
  readonly exportAll: readonly string[];
  /** `module.exports = …` or `export = …`, when assigned once: the whole CommonJS export. */
  readonly commonJsExport: Expression | undefined;
}

/** Where an imported binding comes from: an export of a module, or the module's whole namespace (`*`). */
export interface ImportOrigin {
  readonly specifier: string;
  /** The export's name, `default`, or `*` for the namespace (also `const m = require(…)`). */
  readonly name: string;
}

export type ExportTarget =
  | { readonly kind: 'local'; readonly name: string }
  | { readonly kind: 'value'; readonly expression: Expression }
  | { readonly kind: 'reexport'; readonly origin: ImportOrigin };

/** The name `*` stands for a module's namespace. */
export const NAMESPACE = '*';

export function summarizeModule(program: TSESTree.Program): ModuleSummary {
  const consts = new Map<string, Expression>();
  const declared = new Map<string, string>();
  const enums = new Map<string, Map<string, string>>();
  const imports = new Map<string, ImportOrigin>();
  const declaredNames = new Set<string>();
  const exports = new Map<string, ExportTarget>();
  const exportAll: string[] = [];
  // CommonJS assignments are counted: one assigned twice is not a constant.
  const commonJs = new Map<string, Expression[]>();
  const wholeExports: Expression[] = [];

  const declare = (statement: TSESTree.Node): string[] => {
    const names: string[] = [];
    switch (statement.type) {
      case 'VariableDeclaration':
        for (const declarator of statement.declarations) {
          names.push(...variableDeclarator(statement, declarator, { consts, declared, imports }));
        }
        break;
      case 'FunctionDeclaration':
      case 'ClassDeclaration':
      case 'TSDeclareFunction':
        if (statement.id) names.push(statement.id.name);
        break;
      case 'TSEnumDeclaration': {
        names.push(statement.id.name);
        const members = stringEnumMembers(statement);
        if (members !== undefined) enums.set(statement.id.name, members);
        break;
      }
      case 'TSImportEqualsDeclaration': {
        names.push(statement.id.name);
        const specifier = isTypeOnly(statement.importKind) ? undefined : importEqualsModule(statement);
        if (specifier !== undefined) imports.set(statement.id.name, { specifier, name: NAMESPACE });
        break;
      }
      default:
        break;
    }
    for (const name of names) declaredNames.add(name);
    return names;
  };

  for (const statement of program.body) {
    switch (statement.type) {
      case 'ImportDeclaration':
        for (const specifier of statement.specifiers) {
          declaredNames.add(specifier.local.name);
          if (isTypeOnly(statement.importKind) || (specifier.type === 'ImportSpecifier' && isTypeOnly(specifier.importKind))) continue;
          imports.set(specifier.local.name, { specifier: statement.source.value, name: importedName(specifier) });
        }
        break;
      case 'ExportNamedDeclaration':
        // `export declare const X: '…'` is a type-only export to the parser, and a value to read here.
        if (isTypeOnly(statement.exportKind) && statement.declaration?.type !== 'VariableDeclaration') break;
        if (statement.declaration) {
          for (const name of declare(statement.declaration)) exports.set(name, { kind: 'local', name });
        } else {
          for (const specifier of statement.specifiers) {
            if (isTypeOnly(specifier.exportKind)) continue;
            const exported = moduleExportName(specifier.exported);
            const local = moduleExportName(specifier.local);
            exports.set(
              exported,
              statement.source ? { kind: 'reexport', origin: { specifier: statement.source.value, name: local } } : { kind: 'local', name: local },
            );
          }
        }
        break;
      case 'ExportAllDeclaration':
        if (isTypeOnly(statement.exportKind)) break;
        if (statement.exported) exports.set(moduleExportName(statement.exported), { kind: 'reexport', origin: { specifier: statement.source.value, name: NAMESPACE } });
        else exportAll.push(statement.source.value);
        break;
      case 'ExportDefaultDeclaration': {
        const declaration = statement.declaration;
        if (declaration.type === 'Identifier') exports.set('default', { kind: 'local', name: declaration.name });
        else if (isExpression(declaration)) exports.set('default', { kind: 'value', expression: declaration });
        else declare(declaration);
        break;
      }
      case 'TSExportAssignment':
        wholeExports.push(statement.expression);
        break;
      case 'ExpressionStatement':
        commonJsAssignment(statement.expression, commonJs, wholeExports);
        break;
      default:
        declare(statement);
    }
  }
  for (const [name, values] of commonJs) {
    if (values.length === 1 && !exports.has(name)) exports.set(name, { kind: 'value', expression: values[0]! });
  }
  return {
    consts,
    declared,
    enums,
    imports,
    declaredNames,
    exports,
    exportAll,
    commonJsExport: wholeExports.length === 1 ? wholeExports[0] : undefined,
  };
}

function importedName(specifier: TSESTree.ImportClause): string {
  if (specifier.type === 'ImportNamespaceSpecifier') return NAMESPACE;
  if (specifier.type === 'ImportDefaultSpecifier') return 'default';
  return moduleExportName(specifier.imported);
}

function moduleExportName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === 'Identifier' ? node.name : node.value;
}

function isExpression(node: TSESTree.Node): node is Expression {
  return !node.type.endsWith('Declaration') && node.type !== 'TSDeclareFunction';
}

/**
 * A top-level declarator: `const X = …`, `declare const X: '…'`, and the
 * `require` forms `const m = require('./x')`, `const { A, B: C } = require('./x')`,
 * `const A = require('./x').A`. Returns the names it declares.
 */
function variableDeclarator(
  declaration: TSESTree.VariableDeclaration,
  declarator: TSESTree.VariableDeclarator,
  tables: { consts: Map<string, Expression>; declared: Map<string, string>; imports: Map<string, ImportOrigin> },
): string[] {
  const isConst = declaration.kind === 'const';
  const init = declarator.init === null ? undefined : unwrap(declarator.init);
  const id = declarator.id;
  if (id.type === 'Identifier') {
    const required = init === undefined ? undefined : requiredFrom(init);
    if (required !== undefined && isConst) tables.imports.set(id.name, required);
    else if (isConst && declarator.init !== null) tables.consts.set(id.name, declarator.init);
    else if (isConst && declaration.declare) {
      const annotation = id.typeAnnotation?.typeAnnotation;
      if (annotation?.type === 'TSLiteralType' && isStringLiteral(annotation.literal)) tables.declared.set(id.name, annotation.literal.value);
    }
    return [id.name];
  }
  if (id.type !== 'ObjectPattern') return [];
  const required = init === undefined ? undefined : requiredFrom(init);
  const names: string[] = [];
  for (const property of id.properties) {
    if (property.type !== 'Property') continue;
    const target = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
    if (target.type !== 'Identifier') continue;
    names.push(target.name);
    const key = staticKey(property);
    // A default value (`{ A = 'x' }`) may be what the binding holds: not followed.
    if (isConst && required !== undefined && required.name === NAMESPACE && key !== undefined && property.value.type !== 'AssignmentPattern') {
      tables.imports.set(target.name, { specifier: required.specifier, name: key });
    }
  }
  return names;
}

/** `require('./x')` is the namespace of `./x`; `require('./x').A` (also `['A']`) is its export `A`. */
export function requiredFrom(expression: Expression): ImportOrigin | undefined {
  const node = unwrap(expression);
  if (node.type === 'CallExpression') {
    const [argument] = node.arguments;
    // The specifier in quotes or in backticks without a placeholder.
    const specifier = argument === undefined ? undefined : staticString(argument);
    return node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1 && specifier !== undefined
      ? { specifier, name: NAMESPACE }
      : undefined;
  }
  if (node.type === 'MemberExpression') {
    const key = staticKey(node);
    const object = requiredFrom(node.object);
    return key !== undefined && object?.name === NAMESPACE ? { specifier: object.specifier, name: key } : undefined;
  }
  return undefined;
}

/** `exports.X = e`, `module.exports.X = e` (counted per name) and `module.exports = e`. */
function commonJsAssignment(expression: TSESTree.Expression, named: Map<string, Expression[]>, whole: Expression[]): void {
  if (expression.type !== 'AssignmentExpression' || expression.operator !== '=' || expression.left.type !== 'MemberExpression') return;
  const target = commonJsTarget(expression.left);
  if (target === undefined) return;
  if (target === NAMESPACE) whole.push(expression.right);
  else named.set(target, [...(named.get(target) ?? []), expression.right]);
}

/**
 * What a member expression assigns to in CommonJS: `*` for `module.exports`,
 * the name for `exports.X` and `module.exports.X`, or undefined.
 */
export function commonJsTarget(member: TSESTree.MemberExpression): string | undefined {
  const key = staticKey(member);
  if (key === undefined) return undefined;
  const object = member.object;
  if (object.type === 'Identifier' && object.name === 'module' && key === 'exports') return NAMESPACE;
  if (object.type === 'Identifier' && object.name === 'exports') return key;
  if (object.type === 'MemberExpression' && commonJsTarget(object) === NAMESPACE) return key;
  return undefined;
}

/** The members of an enum whose every member is initialized with a string literal, or undefined. */
export function stringEnumMembers(declaration: TSESTree.TSEnumDeclaration): Map<string, string> | undefined {
  const members = new Map<string, string>();
  // typescript-eslint 8 puts the members in `body`; older trees had them on the declaration.
  const list = (declaration as { body?: { members: TSESTree.TSEnumMember[] } }).body?.members ?? (declaration as unknown as { members: TSESTree.TSEnumMember[] }).members;
  for (const member of list) {
    const key = member.id.type === 'Identifier' ? member.id.name : isStringLiteral(member.id as TSESTree.Node) ? (member.id as TSESTree.StringLiteral).value : undefined;
    const initializer = member.initializer;
    if (key === undefined || initializer === undefined) return undefined;
    const value = staticString(unwrap(initializer));
    if (value === undefined) return undefined;
    members.set(key, value);
  }
  return members;
}
