import { CALL, CONSTRUCT, ReferenceTracker, type TraceMap } from '@eslint-community/eslint-utils';
import type { ExportRef } from '../catalog';
// From its module, not the catalog's index: in the CommonJS build a re-export is a getter call at every read.
import { SDK_MODULES } from '../catalog/open-platform';
import { LastMemo } from '../memo';
import { importEqualsModule, isGlobalReference, isTypeOnly, locatedString, nodeAtOffset, resolveVariable, staticString, type Node, type SourceCode } from '../syntax/ast';
import { wordOffsets } from '../syntax/text-search';

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
  const modules = modulesWritten(sourceCode, Object.keys(traceMap));
  if (modules.size === 0) return [];
  // ReferenceTracker is typed for ESLint's scope objects; typescript-eslint's are the same objects.
  const tracker = new ReferenceTracker(sourceCode.getScope(sourceCode.ast) as never, { mode: 'legacy' });
  const nodes: Node[] = [];
  for (const { node } of tracker.iterateEsmReferences(traceMap)) nodes.push(node as unknown as Node);
  for (const [name, offsets] of modules) {
    for (const value of requiredValues(sourceCode, name, offsets)) {
      for (const { node } of tracker.iteratePropertyReferences(value as never, traceMap[name]!)) nodes.push(node as unknown as Node);
    }
  }
  return nodes;
}

/**
 * Where the text writes each of `names` that it writes, in their order. The
 * SDK's module names are searched together, once per file, whichever trace map
 * asks first (they all start with `@lar`: one pass, which costs about a
 * millisecond in the 6 MB node-sdk bundle); their `require` calls are looked
 * for at these offsets. A name outside the catalog's modules is searched alone.
 */
function modulesWritten(sourceCode: SourceCode, names: readonly string[]): ReadonlyMap<string, readonly number[]> {
  const sdk = sdkModulesOf.get(sourceCode.ast, () => wordOffsets(sourceCode.text, SDK_MODULE_NAMES));
  const written = new Map<string, readonly number[]>();
  for (const name of names) {
    const offsets = SDK_MODULE_NAMES.includes(name) ? sdk.get(name) : wordOffsets(sourceCode.text, [name]).get(name);
    if (offsets !== undefined) written.set(name, offsets);
  }
  return written;
}

const SDK_MODULE_NAMES: readonly string[] = Object.values(SDK_MODULES);
const sdkModulesOf = new LastMemo<Node, ReadonlyMap<string, readonly number[]>>();

/**
 * The expressions whose value is the module `name`, each followed from there: `require('<name>')` calls, `require`
 * not being a local binding, and every read of a TypeScript `import x = require('<name>')` binding (which
 * ReferenceTracker does not follow); `offsets`: where the text writes `name`.
 */
function requiredValues(sourceCode: SourceCode, name: string, offsets: readonly number[]): Node[] {
  const values: Node[] = [];
  for (const offset of offsets) {
    // In quotes or in backticks without a placeholder, where the offset locates the quasi.
    const node = locatedString(nodeAtOffset(sourceCode, offset));
    const call = node.parent;
    const declaration = call?.parent;
    if (call?.type === 'TSExternalModuleReference' && declaration?.type === 'TSImportEqualsDeclaration' && importEqualsModule(declaration) === name) {
      // `import type x = require(…)` names types only.
      if (isTypeOnly(declaration.importKind)) continue;
      const variable = resolveVariable(sourceCode, declaration.id);
      // Its values only: `lark.EventDispatcher` in a type is the annotation's business (annotated-receivers).
      for (const reference of variable?.references ?? []) if (reference.isValueReference) values.push(reference.identifier as Node);
      continue;
    }
    if (
      staticString(node) === name &&
      call?.type === 'CallExpression' &&
      call.arguments[0] === node &&
      call.callee.type === 'Identifier' &&
      call.callee.name === 'require' &&
      isGlobalReference(sourceCode, call.callee)
    ) {
      values.push(call);
    }
  }
  return values;
}
