import type * as ts from 'typescript';
import { SDK_TYPE_MODULES } from '../catalog';
import { WeakMemo } from '../memo';
import type { Node, SourceCode } from '../syntax/ast';

/**
 * What type information adds, when the parser provides a program
 * (`parserOptions.project` / `projectService`): which values are the Lark
 * SDKs' (docs/behaviour-decisions.md#type-information). Constants from other
 * files are read the same way with or without it (`imported-bindings.ts`).
 * Untyped linting never loads TypeScript: this module requires it only once a
 * program exists, and then the parser has loaded it already.
 */
export interface TypeServices {
  /**
   * Whether the value of an expression comes from the SDKs' types; undefined
   * where its type says nothing (`any`, unresolved), and the structural check stands.
   */
  isSdkReceiver(node: Node): boolean | undefined;
}

interface ProgramServices {
  readonly tsApi: typeof ts;
  readonly checker: ts.TypeChecker;
}

const perProgram = new WeakMemo<ts.Program, ProgramServices>();

/**
 * A declaration of an SDK package: in a file inside it (`…/node_modules/@larksuiteoapi/node-sdk/…`,
 * either separator), or inside `declare module '<package>'` (a project's own stub of a package npm does not serve).
 */
function isSdkDeclaration(tsApi: typeof ts, declaration: ts.Declaration): boolean {
  const fileName = declaration.getSourceFile().fileName.replaceAll('\\', '/');
  if (SDK_TYPE_MODULES.some((module) => fileName.includes(`/${module}/`))) return true;
  for (let node: ts.Node | undefined = declaration.parent; node !== undefined; node = node.parent) {
    if (tsApi.isModuleDeclaration(node) && tsApi.isStringLiteral(node.name) && SDK_TYPE_MODULES.includes(node.name.text)) return true;
  }
  return false;
}

export function typeServices(sourceCode: SourceCode): TypeServices | undefined {
  const services = sourceCode.parserServices;
  const program = services?.program as ts.Program | null | undefined;
  const toTs = services?.esTreeNodeToTSNodeMap;
  if (program === undefined || program === null || toTs === undefined) return undefined;

  const { tsApi, checker } = perProgram.get(program, () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- typed linting only: the parser has loaded TypeScript
    const tsApi = require('typescript') as typeof ts;
    return { tsApi, checker: program.getTypeChecker() };
  });

  const fromSdk = (type: ts.Type): boolean | undefined => {
    const vague = tsApi.TypeFlags.Any | tsApi.TypeFlags.Unknown;
    if (type.flags & vague) return undefined;
    const nonNull = checker.getNonNullableType(type);
    const parts = nonNull.isUnion() ? nonNull.types : [nonNull];
    if (parts.some((part) => (part.flags & vague) !== 0)) return undefined;
    return parts.some((part) => ((part.aliasSymbol ?? part.getSymbol())?.declarations ?? []).some((declaration) => isSdkDeclaration(tsApi, declaration)));
  };

  return {
    isSdkReceiver(node) {
      const target = toTs.get(node as never) as ts.Node | undefined;
      return target === undefined ? undefined : fromSdk(checker.getTypeAtLocation(target));
    },
  };
}
