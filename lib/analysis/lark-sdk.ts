import type { TSESTree } from '@typescript-eslint/utils';
import { NEW_REQUEST, NEW_REQUEST_URL, OPEN_APIS_SEGMENT } from '../catalog';
import { UNKNOWN } from '../matcher';
import { nodesAtText, staticKey, unwrap, type SourceCode } from '../syntax/ast';
import { holdsWord } from '../syntax/text-search';
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
  if (!holdsWord(text, NEW_REQUEST.name)) return calls;

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

/**
 * The URL the deprecated SDK sends for a `newRequest` path (an evaluated
 * value), built as its `Request#url()` does (NEW_REQUEST_URL): a path that
 * starts with `http` as it is, `/open-apis/…` after the domain, anything else
 * after `${domain}/open-apis/`. Two readings are this plugin's own
 * (docs/behaviour-decisions.md#the-deprecated-sdks-newrequest): the doubled
 * slash the SDK sends for a path that starts with `/` (`/open-apis//message/v4/send`)
 * is read as one, so that such a call is reported rather than hidden; and a
 * path that starts with an unknown piece is taken as it is, the unknown being
 * a base as anywhere else.
 */
export function newRequestUrl(path: string): string {
  if (path.startsWith(UNKNOWN) || path.startsWith(NEW_REQUEST_URL.absolutePrefix)) return path;
  if (path.startsWith(NEW_REQUEST_URL.rootedPrefix)) return NEW_REQUEST_URL.domain + path;
  return `${NEW_REQUEST_URL.domain}/${OPEN_APIS_SEGMENT}/${path.startsWith('/') ? path.slice(1) : path}`;
}
