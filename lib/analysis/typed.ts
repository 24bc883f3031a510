import type { TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { SDK_MODULES } from '../catalog';
import { WeakMemo } from '../memo';
import { staticKey, resolveVariable, type Node, type SourceCode } from '../syntax/ast';
import { TypedStrings } from './typed-strings';

/**
 * What type information adds, when the parser provides a program
 * (`parserOptions.project` / `projectService`). Untyped linting never loads
 * TypeScript: this module requires it only once a program exists, and then the
 * parser has loaded it already.
 */
export interface TypeServices {
  /**
   * Whether the value of an expression comes from the node-sdk's types; undefined
   * where its type says nothing (`any`, unresolved), and the structural check stands.
   */
  isSdkReceiver(node: Node): boolean | undefined;
  /** The value of a constant imported from another file, read through the checker (docs/spec/behaviour.md#where-a-report-lands). */
  importedValue(node: TSESTree.Identifier | TSESTree.MemberExpression): string | undefined;
  /** Reads of imported bindings in this file, widened to their static member chains (`API.chat.info`). */
  importedReads(): Node[];
}

interface ProgramServices {
  readonly tsApi: typeof ts;
  readonly checker: ts.TypeChecker;
  readonly strings: TypedStrings;
}

// One checker-backed evaluator per program: files of one program share their constants' values.
const perProgram = new WeakMemo<ts.Program, ProgramServices>();

/** A file inside the node-sdk package: `…/node_modules/@larksuiteoapi/node-sdk/…`, with either separator. */
function isNodeSdkFile(fileName: string): boolean {
  return fileName.replaceAll('\\', '/').includes(`/${SDK_MODULES.nodeSdk}/`);
}

export function typeServices(sourceCode: SourceCode): TypeServices | undefined {
  const services = sourceCode.parserServices;
  const program = services?.program as ts.Program | null | undefined;
  const toTs = services?.esTreeNodeToTSNodeMap;
  if (program === undefined || program === null || toTs === undefined) return undefined;

  const { tsApi, checker, strings } = perProgram.get(program, () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- typed linting only: the parser has loaded TypeScript
    const tsApi = require('typescript') as typeof ts;
    const checker = program.getTypeChecker();
    return { tsApi, checker, strings: new TypedStrings(tsApi, checker) };
  });
  const tsNode = (node: Node) => toTs.get(node as never) as ts.Node | undefined;

  const fromSdk = (type: ts.Type): boolean | undefined => {
    const vague = tsApi.TypeFlags.Any | tsApi.TypeFlags.Unknown;
    if (type.flags & vague) return undefined;
    const nonNull = checker.getNonNullableType(type);
    const parts = nonNull.isUnion() ? nonNull.types : [nonNull];
    if (parts.some((part) => (part.flags & vague) !== 0)) return undefined;
    return parts.some((part) =>
      ((part.aliasSymbol ?? part.getSymbol())?.declarations ?? []).some((declaration) => isNodeSdkFile(declaration.getSourceFile().fileName)),
    );
  };

  const isImportRead = (node: Node): boolean => {
    let root: Node = node;
    while (root.type === 'MemberExpression') root = root.object;
    if (root.type !== 'Identifier') return false;
    const definition = resolveVariable(sourceCode, root)?.defs[0];
    return definition !== undefined && (definition.type as string) === 'ImportBinding';
  };

  const importedValue = (node: TSESTree.Identifier | TSESTree.MemberExpression): string | undefined => {
    if (!isImportRead(node)) return undefined;
    const target = tsNode(node);
    return target === undefined ? undefined : strings.valueAt(target);
  };

  return {
    isSdkReceiver(node) {
      const target = tsNode(node);
      return target === undefined ? undefined : fromSdk(checker.getTypeAtLocation(target));
    },
    importedValue,
    importedReads() {
      const reads: Node[] = [];
      for (const statement of sourceCode.ast.body) {
        if (statement.type !== 'ImportDeclaration' || statement.importKind !== 'value') continue;
        for (const specifier of statement.specifiers) {
          if (specifier.type === 'ImportSpecifier' && specifier.importKind !== 'value') continue;
          const variable = resolveVariable(sourceCode, specifier.local);
          for (const reference of variable?.references ?? []) {
            const identifier = reference.identifier as Node;
            if (!reference.isRead() || !isValueUse(identifier)) continue;
            const read = longestValuedChain(identifier, importedValue);
            if (read !== undefined) reads.push(read);
          }
        }
      }
      return reads;
    },
  };
}

/**
 * A read that uses the value here: not a re-export (`export { X }`,
 * `export default X`: the declaring file reports the constant) and not a type
 * (`typeof X` in a type position).
 */
function isValueUse(identifier: Node): boolean {
  let node = identifier;
  while (node.parent?.type === 'TSQualifiedName') node = node.parent;
  const parent = node.parent;
  return parent?.type !== 'ExportSpecifier' && parent?.type !== 'ExportDefaultDeclaration' && parent?.type !== 'TSTypeQuery';
}

/** The longest static member chain from `identifier` (`API.chat.info`) that has a value, or undefined. */
function longestValuedChain(identifier: Node, valueOf: (node: TSESTree.Identifier | TSESTree.MemberExpression) => string | undefined): Node | undefined {
  const chain: (TSESTree.Identifier | TSESTree.MemberExpression)[] = [identifier as TSESTree.Identifier];
  let current: Node = identifier;
  while (current.parent?.type === 'MemberExpression' && current.parent.object === current && staticKey(current.parent) !== undefined) {
    current = current.parent;
    chain.push(current as TSESTree.MemberExpression);
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    if (valueOf(chain[i]!) !== undefined) return chain[i];
  }
  return undefined;
}
