import type { TSESTree } from '@typescript-eslint/utils';
import type { CatalogEntry, HttpMethod } from '../catalog';
import type { CompiledNotice, PathMatch, Route } from '../matcher';
import type { Expression, Node, SourceCode } from '../syntax/ast';
import { initializerOf, type Binding } from './const-bindings';
import type { ImportedBindings } from './imported-bindings';
import { commonMethod, methodAt } from './http-method';
import { findNewRequestCalls, newRequestUrl } from './lark-sdk';
import { holdsMarkerText, markerSeeds } from './marker-seeds';
import { collectStringSites, destinationsOf, outermostSameString, outermostStringSite } from './string-sites';
import { fileScope, StringEvaluator } from './string-value';
import { WeakMemo } from '../memo';
import { work } from '../syntax/work';
import type { Protection } from './protection';

/** A place in the code that calls a restricted endpoint: a URL or path, or an SDK call. */
export interface EndpointFinding {
  /** Where the report lands (docs/spec/behaviour.md#where-a-report-lands). */
  readonly node: Node;
  readonly code: number;
  /**
   * The entries it may call. A URL names every entry of its path, and a known
   * `method` picks among them; an SDK call names exactly what it calls.
   */
  readonly entries: readonly [CatalogEntry, ...CatalogEntry[]];
  /** The HTTP method the code sends a URL with, when the code says (docs/spec/behaviour.md#evaluating-strings). */
  readonly method: HttpMethod | undefined;
  /** For an SDK call, the method called, as in the SDK: `client.im.messageReaction.create`. */
  readonly sdkCall?: string;
  /** How the code keeps it from failing in external chats, if it does (docs/spec/behaviour.md#guarded-and-handled-findings). */
  readonly protection?: Protection;
}

/**
 * Finds the string sites of a file that name a catalog route. Work starts only
 * where the file's text holds a marker: each hit is located in the tree by a
 * binary-search descent, widened to its outermost string-building expression,
 * and followed through `const` bindings to the expressions that read them.
 * A path without `open-apis` and without a host counts only in a file with
 * Open Platform evidence (`hasEvidence`, asked only then), or as the path of
 * the deprecated SDK's `newRequest`.
 */
export function findEndpoints(
  sourceCode: SourceCode,
  compiled: CompiledNotice,
  hasEvidence: () => boolean,
  imported: ImportedBindings,
): EndpointFinding[] {
  // Constants imported from other files are read at each use, with or without type information
  // (docs/spec/behaviour.md#where-a-report-lands).
  const importedReads = importedRouteReads(imported, compiled);
  const found = markerSeeds(sourceCode, compiled);
  if (found.length === 0 && importedReads.length === 0) return [];
  const seeds = importedReads.length === 0 ? found : [...found, ...importedReads];

  const evaluator = new StringEvaluator(fileScope(sourceCode, (node) => imported.valueOf(node)));
  let newRequests: ReadonlySet<TSESTree.CallExpression> | undefined;
  const isNewRequest = (call: TSESTree.CallExpression) => (newRequests ??= findNewRequestCalls(sourceCode)).has(call);
  // `newRequest(path)`, also `newRequest(String(path))`: the SDK builds the URL from the path.
  const isNewRequestPath = (node: Node) => {
    const top = outermostSameString(sourceCode, node);
    return top.parent?.type === 'CallExpression' && top.parent.arguments[0] === top && isNewRequest(top.parent);
  };

  /**
   * The route a site names, if it counts where it stands; `destinations` are the
   * site's (destinationsOf). Where the value is the path of the deprecated SDK's
   * `newRequest`, it is read as the URL that SDK builds from it (newRequestUrl);
   * anywhere else, as it is.
   */
  const countedRoute = (text: string | undefined, destinations: () => Node[]): Route | undefined => {
    if (text === undefined) return undefined;
    work.matched++;
    const match = compiled.matchPath(text);
    if (match === undefined) return undefined;
    const sent = destinations();
    const viaNewRequest = sent.filter(isNewRequestPath).length;
    if (viaNewRequest < sent.length || sent.length === 0) {
      // A written host without `open-apis` is another service's route (or a URL that cannot work).
      if (match.hasOpenApis || (!hasWrittenHost(match) && hasEvidence())) return match.route;
    }
    if (viaNewRequest === 0) return undefined;
    work.matched++;
    const built = compiled.matchPath(newRequestUrl(text));
    // A URL the SDK builds has the Open Platform's host and `open-apis`; one it takes as written
    // follows the rules of any URL, and an unknown start is a base, which counts here without evidence.
    return built !== undefined && (built.hasOpenApis || !hasWrittenHost(built)) ? built.route : undefined;
  };

  const bindingRoutes = new Map<string, Route | undefined>();
  const routeOfBinding = (target: Binding): Route | undefined => {
    if (!bindingRoutes.has(target.key)) {
      const initializer = initializerOf(sourceCode, target);
      const value = evaluator.valueOfBinding(target);
      bindingRoutes.set(target.key, initializer === undefined ? undefined : countedRoute(value?.text, () => destinationsOf(sourceCode, initializer)));
    }
    return bindingRoutes.get(target.key);
  };

  const methodContext = { evaluate: (e: TSESTree.Expression) => evaluator.evaluate(e).text, isNewRequest };
  const findings: EndpointFinding[] = [];
  // An imported constant used as it is (`fetch(SEND_URL)`) is its own site.
  const bareReads = importedReads.filter((read) => outermostStringSite(sourceCode, read) === read) as Expression[];
  for (const site of [...collectStringSites(sourceCode, seeds), ...bareReads]) {
    const value = evaluator.evaluate(site);
    let destinations: Node[] | undefined;
    const destinationsOfSite = () => (destinations ??= destinationsOf(sourceCode, site));
    const route = countedRoute(value.text, destinationsOfSite);
    if (route === undefined) continue;
    // A binding that names the route on its own is reported once, where it is written.
    if (value.bindings.some((target) => routeOfBinding(target) === route)) continue;
    const method = commonMethod(destinationsOfSite().map((node) => methodAt(node, methodContext)));
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
 * The file's reads of imported constants whose files may write one of the notice's routes (a marker in the
 * text, or a barrel's re-export): where the search starts in other files. Kept by `imported` after the first ask.
 */
export function importedRouteReads(imported: ImportedBindings, compiled: CompiledNotice): readonly Node[] {
  return imported.reads(markerTest.get(compiled, markerTestOf));
}

// One marker test per notice, so that its verdict on an imported file is kept with the file.
const markerTest = new WeakMemo<CompiledNotice, (text: string) => boolean>();

function markerTestOf(compiled: CompiledNotice): (text: string) => boolean {
  return (text) => holdsMarkerText(compiled, text);
}
