import { CALL, CONSTRUCT, ReferenceTracker, type TraceMap } from '@eslint-community/eslint-utils';
import type { ExportRef } from '../catalog';
import { isGlobalReference, isStringLiteral, nodesAtText, type Node, type SourceCode } from '../syntax/ast';
import { holdsWord } from '../syntax/text-search';

/** The trace map of the catalog's export references: the calls and constructions of what they name. */
export function traceMapOf(refs: readonly ExportRef[]): TraceMap<true> {
  type Level = { [key: string]: Level } & { [CALL]?: true; [CONSTRUCT]?: true };
  const map: Record<string, Level> = {};
  for (const ref of refs) {
    let level = (map[ref.module] ??= {} as Level);
    for (const key of ref.path) level = level[key] ??= {} as Level;
    level[ref.use === 'call' ? CALL : CONSTRUCT] = true;
  }
  return map as TraceMap<true>;
}

/**
 * The nodes a trace map names in this file, through imports and `require()`
 * (aliases, destructuring, namespaces: eslint-plugin-n's way). ESLint's
 * ReferenceTracker follows `require` only where it is a configured global,
 * which TypeScript projects seldom declare, so the `require('<module>')` calls
 * are found here, wherever `require` is not a local binding, and followed from
 * there. Named imports of CommonJS packages count ('legacy' mode): the Lark SDKs
 * ship ESM builds that export those names.
 */
export function moduleReferences<T>(sourceCode: SourceCode, traceMap: TraceMap<T>): Node[] {
  const modules = Object.keys(traceMap).filter((name) => holdsWord(sourceCode.text, name));
  if (modules.length === 0) return [];
  // ReferenceTracker is typed for ESLint's scope objects; typescript-eslint's are the same objects.
  const tracker = new ReferenceTracker(sourceCode.getScope(sourceCode.ast) as never, { mode: 'legacy' });
  const nodes: Node[] = [];
  for (const { node } of tracker.iterateEsmReferences(traceMap)) nodes.push(node as unknown as Node);
  for (const name of modules) {
    for (const call of requireCalls(sourceCode, name)) {
      for (const { node } of tracker.iteratePropertyReferences(call as never, traceMap[name]!)) nodes.push(node as unknown as Node);
    }
  }
  return nodes;
}

/** `require('<name>')` calls, `require` not being a local binding. */
function requireCalls(sourceCode: SourceCode, name: string): Node[] {
  const calls: Node[] = [];
  for (const [node] of nodesAtText(sourceCode, name)) {
    const call = node.parent;
    if (
      isStringLiteral(node) &&
      node.value === name &&
      call?.type === 'CallExpression' &&
      call.arguments[0] === node &&
      call.callee.type === 'Identifier' &&
      call.callee.name === 'require' &&
      isGlobalReference(sourceCode, call.callee)
    ) {
      calls.push(call);
    }
  }
  return calls;
}
