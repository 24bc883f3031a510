import type { TSESTree } from '@typescript-eslint/utils';
import type { CatalogEntry, ErrorCode, HttpMethod } from '../catalog';
import { HOSTLESS_MARKERS, matchPath, type PathMatch, type Route } from '../matcher';
import { isModuleSpecifier, isStringLiteral, nodeAtOffset, outermostWrapper, type Node, type SourceCode } from './ast';
import { initializerOf, type Binding } from './const-bindings';
import { commonMethod, methodAt } from './http-method';
import { findNewRequestCalls } from './lark-sdk';
import { collectStringSites, destinationsOf } from './string-sites';
import { StringEvaluator } from './string-value';

/** A place in the code that calls a restricted endpoint: a URL or path, or an SDK call. */
export interface EndpointFinding {
  /** Where the report lands (behaviour.md §3). */
  readonly node: Node;
  readonly code: ErrorCode;
  /**
   * The entries it may call. A URL names every entry of its path, and a known
   * `method` picks among them; an SDK call names exactly what it calls.
   */
  readonly entries: readonly [CatalogEntry, ...CatalogEntry[]];
  /** The HTTP method the code sends a URL with, when the code says (behaviour.md §2). */
  readonly method: HttpMethod | undefined;
  /** For an SDK call, the method called, as in the SDK: `client.im.messageReaction.create`. */
  readonly sdkCall?: string;
}

/**
 * Every string that names an endpoint holds one of these: `open-apis`, or a
 * catalog path's first two segments. One regular expression finds them all in
 * one pass over the text, in order (plain alternatives: no backtracking).
 */
const MARKERS = new RegExp(['open-apis', ...HOSTLESS_MARKERS].map((m) => m.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'), 'g');

/**
 * Finds the string sites of a file that name a catalog route. Work starts only
 * where the file's text holds a marker: each hit is located in the tree by a
 * binary-search descent, widened to its outermost string-building expression,
 * and followed through `const` bindings to the expressions that read them.
 * A path without `open-apis` and without a host counts only in a file with
 * Open Platform evidence (`hasEvidence`, asked only then), or as the path of
 * the deprecated SDK's `newRequest`.
 */
export function findEndpoints(sourceCode: SourceCode, hasEvidence: () => boolean): EndpointFinding[] {
  const seeds = markerSeeds(sourceCode);
  if (seeds.length === 0) return [];

  const evaluator = new StringEvaluator(sourceCode);
  let newRequests: ReadonlySet<TSESTree.CallExpression> | undefined;
  const isNewRequest = (call: TSESTree.CallExpression) => (newRequests ??= findNewRequestCalls(sourceCode)).has(call);
  const isNewRequestPath = (node: Node) => {
    const top = outermostWrapper(node);
    return top.parent?.type === 'CallExpression' && top.parent.arguments[0] === top && isNewRequest(top.parent);
  };

  /** The route a site names, if it counts where it stands. */
  const countedRoute = (site: Node, text: string | undefined): Route | undefined => {
    const match = text === undefined ? undefined : matchPath(text);
    if (match === undefined) return undefined;
    if (match.hasOpenApis || destinationsOf(sourceCode, site).some(isNewRequestPath)) return match.route;
    // A written host without `open-apis` is another service's route (or a URL that cannot work).
    return hasWrittenHost(match) || !hasEvidence() ? undefined : match.route;
  };

  const bindingRoutes = new Map<string, Route | undefined>();
  const routeOfBinding = (target: Binding): Route | undefined => {
    if (!bindingRoutes.has(target.key)) {
      const initializer = initializerOf(target);
      const value = evaluator.valueOfBinding(target);
      bindingRoutes.set(target.key, initializer === undefined ? undefined : countedRoute(initializer, value?.text));
    }
    return bindingRoutes.get(target.key);
  };

  const methodContext = { evaluate: (e: TSESTree.Expression) => evaluator.evaluate(e).text, isNewRequest };
  const findings: EndpointFinding[] = [];
  for (const site of collectStringSites(sourceCode, seeds)) {
    const value = evaluator.evaluate(site);
    const route = countedRoute(site, value.text);
    if (route === undefined) continue;
    // A binding that names the route on its own is reported once, where it is written.
    if (value.bindings.some((target) => routeOfBinding(target) === route)) continue;
    const method = commonMethod(destinationsOf(sourceCode, site).map((node) => methodAt(node, methodContext)));
    findings.push({ node: site, code: route.code, entries: route.entries as EndpointFinding['entries'], method });
  }
  return findings;
}

/**
 * The value writes a host out (`https://chat.example.com/chat/v4/info`, also
 * `https://${host}/chat/v4/info`), rather than being a path or starting from an
 * unknown base that may end in `/open-apis`.
 */
function hasWrittenHost(match: PathMatch): boolean {
  return match.host !== undefined;
}

/**
 * A string literal that is a value the program can send: not a literal type
 * (`type Route = '/open-apis/…'`), not a module specifier.
 */
function isRuntimeValue(literal: Node): boolean {
  const parent = literal.parent;
  return parent?.type !== 'TSLiteralType' && parent?.type !== 'TSImportType' && !isModuleSpecifier(literal);
}

/** The string literals and template literals whose text holds a marker, each once. */
function markerSeeds(sourceCode: SourceCode): Node[] {
  const { text, ast, visitorKeys } = sourceCode;
  const seeds: Node[] = [];
  const markers = new RegExp(MARKERS);
  for (let match = markers.exec(text); match !== null; match = markers.exec(text)) {
    const node = nodeAtOffset(ast, match.index, visitorKeys);
    if (isStringLiteral(node) && isRuntimeValue(node)) {
      seeds.push(node);
    } else if (node.type === 'TemplateElement' && node.parent.type === 'TemplateLiteral') {
      seeds.push(node.parent);
    } else {
      continue;
    }
    // Further markers in the same string add nothing.
    markers.lastIndex = node.range[1];
  }
  return seeds;
}
