import { CALL, type TraceMap } from '@eslint-community/eslint-utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { nodesAtText, staticKey, unwrap, type SourceCode } from './ast';
import { moduleReferences } from './module-references';

/**
 * The deprecated SDK builds requests with `newRequest(path, method, …)` and
 * prefixes `open-apis/` to the path itself (external-chat-facts.md §3), so its
 * path argument names an endpoint without `open-apis` and without any other
 * evidence.
 */
const NEW_REQUEST: TraceMap<true> = {
  '@larksuiteoapi/api': { newRequest: { [CALL]: true } },
  '@larksuiteoapi/allcore': { newRequest: { [CALL]: true }, api: { newRequest: { [CALL]: true } } },
};

/**
 * The file's `newRequest(…)` calls: imports followed through scope (named,
 * namespace, default, `require`, aliases, destructuring), and by structure
 * `X.api.newRequest(…)` where scope can't see what X is (`this.lark`).
 */
export function findNewRequestCalls(sourceCode: SourceCode): ReadonlySet<TSESTree.CallExpression> {
  const calls = new Set<TSESTree.CallExpression>();
  const { text } = sourceCode;
  if (!text.includes('newRequest')) return calls;

  for (const [node] of nodesAtText(sourceCode, 'newRequest')) {
    const member = node.parent;
    if (member?.type !== 'MemberExpression' || member.property !== node) continue;
    const object = unwrap(member.object);
    const call = member.parent;
    if (object.type === 'MemberExpression' && staticKey(object) === 'api' && call?.type === 'CallExpression' && call.callee === member) {
      calls.add(call);
    }
  }

  for (const node of moduleReferences(sourceCode, NEW_REQUEST)) {
    if (node.type === 'CallExpression') calls.add(node);
  }
  return calls;
}

