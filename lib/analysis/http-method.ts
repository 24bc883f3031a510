import type { TSESTree } from '@typescript-eslint/utils';
import type { HttpMethod } from '../catalog';
import { outermostWrapper, propertyValue, staticKey, unwrap, type Expression, type Node } from '../syntax/ast';

const METHODS: ReadonlySet<string> = new Set<HttpMethod>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** Client methods named after the verb: `axios.post`, `instance.get`, `got.delete`, `superagent.del`. */
const VERB_METHODS: ReadonlyMap<string, HttpMethod> = new Map([
  ['get', 'GET'],
  ['post', 'POST'],
  ['put', 'PUT'],
  ['patch', 'PATCH'],
  ['delete', 'DELETE'],
  ['del', 'DELETE'],
]);

/** Object keys that hold the URL in request options: `{ method, url }`, `https.request({ method, path })`. */
const URL_KEYS: ReadonlySet<string> = new Set(['url', 'path', 'uri']);

interface MethodContext {
  /** Evaluates a method expression (`'POST'`, a const) to its text, or undefined. */
  readonly evaluate: (expression: Expression) => string | undefined;
  /** The deprecated SDK's `newRequest(path, method, …)` calls of the file. */
  readonly isNewRequest: (call: TSESTree.CallExpression) => boolean;
}

/**
 * The HTTP method the code sends a URL with, read from where the URL is used
 * (docs/spec/behaviour.md#evaluating-strings), or undefined when the code does not say. It only phrases
 * the message: matching is by path.
 */
export function methodAt(node: Node, context: MethodContext): HttpMethod | undefined {
  const top = outermostConversion(node);
  const parent = top.parent;
  if (parent?.type === 'CallExpression' && parent.arguments[0] === top) {
    if (context.isNewRequest(parent)) return methodOf(parent.arguments[1], context);
    const callee = unwrap(parent.callee as Expression);
    const name = callee.type === 'MemberExpression' ? staticKey(callee) : callee.type === 'Identifier' ? callee.name : undefined;
    const verb = callee.type === 'MemberExpression' && name !== undefined ? VERB_METHODS.get(name) : undefined;
    if (verb !== undefined) return verb;
    const options = parent.arguments[1];
    if (options?.type === 'ObjectExpression') {
      const method = propertyValue(options, 'method');
      if (method !== undefined) return methodOf(method, context);
    }
    // fetch(url) and fetch(url, { … }) without a method send GET.
    if (name === 'fetch' && (options === undefined || options.type === 'ObjectExpression')) return 'GET';
    return undefined;
  }
  if (parent?.type === 'Property' && parent.value === top && parent.parent.type === 'ObjectExpression') {
    const key = staticKey(parent);
    if (key !== undefined && URL_KEYS.has(key)) return methodOf(propertyValue(parent.parent, 'method'), context);
  }
  return undefined;
}

/**
 * The outermost node around `node` that is the same URL: wrappers, `.href`,
 * `.toString()` and `String(…)` (`axios.post(new URL(p, base).href)`).
 */
function outermostConversion(node: Node): Node {
  let current = outermostWrapper(node);
  for (;;) {
    const parent = current.parent;
    if (parent?.type === 'MemberExpression' && parent.object === current && staticKey(parent) === 'href') {
      current = outermostWrapper(parent);
    } else if (
      parent?.type === 'MemberExpression' &&
      parent.object === current &&
      staticKey(parent) === 'toString' &&
      parent.parent.type === 'CallExpression' &&
      parent.parent.callee === parent &&
      parent.parent.arguments.length === 0
    ) {
      current = outermostWrapper(parent.parent);
    } else if (
      parent?.type === 'CallExpression' &&
      parent.callee.type === 'Identifier' &&
      parent.callee.name === 'String' &&
      parent.arguments.length === 1 &&
      parent.arguments[0] === current
    ) {
      current = outermostWrapper(parent);
    } else {
      return current;
    }
  }
}

/** The one method all the given uses agree on, or undefined. */
export function commonMethod(methods: readonly (HttpMethod | undefined)[]): HttpMethod | undefined {
  const known = new Set(methods);
  if (known.size !== 1) return undefined;
  return [...known][0];
}

function methodOf(expression: TSESTree.Node | undefined, context: MethodContext): HttpMethod | undefined {
  if (expression === undefined || expression.type === 'SpreadElement') return undefined;
  const text = context.evaluate(expression as Expression)?.toUpperCase();
  return text !== undefined && METHODS.has(text) ? (text as HttpMethod) : undefined;
}
