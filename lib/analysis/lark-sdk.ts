import type { TSESTree } from '@typescript-eslint/utils';
import { NEW_REQUEST } from '../catalog';
import { nodesAtText, staticKey, unwrap, type SourceCode } from '../syntax/ast';
import { moduleReferences, traceMapOf } from './module-references';

/**
 * The deprecated SDK builds requests with `newRequest(path, method, …)` and
 * prefixes `open-apis/` to the path itself
 * (docs/spec/platform-facts.md#how-code-reaches-the-endpoints), so its path
 * argument names an endpoint without `open-apis` and without any other
 * evidence.
 */
const NEW_REQUEST_CALLS = traceMapOf(NEW_REQUEST.exports);

/**
 * The file's `newRequest(…)` calls: imports followed through scope (named,
 * namespace, default, `require`, aliases, destructuring), and by structure
 * `X.api.newRequest(…)` where scope can't see what X is (`this.lark`).
 */
export function findNewRequestCalls(sourceCode: SourceCode): ReadonlySet<TSESTree.CallExpression> {
  const calls = new Set<TSESTree.CallExpression>();
  const { text } = sourceCode;
  if (!text.includes(NEW_REQUEST.name)) return calls;

  for (const [node] of nodesAtText(sourceCode, NEW_REQUEST.name)) {
    const member = node.parent;
    if (member?.type !== 'MemberExpression' || member.property !== node) continue;
    const object = unwrap(member.object);
    const call = member.parent;
    if (object.type === 'MemberExpression' && staticKey(object) === NEW_REQUEST.member && call?.type === 'CallExpression' && call.callee === member) {
      calls.add(call);
    }
  }

  for (const node of moduleReferences(sourceCode, NEW_REQUEST_CALLS)) {
    if (node.type === 'CallExpression') calls.add(node);
  }
  return calls;
}
