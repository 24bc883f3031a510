import type { TSESTree } from '@typescript-eslint/utils';
import { OPEN_APIS_SEGMENT, type CatalogEntry, type HttpMethod } from '../catalog';
import type { CompiledNotice, PathMatch, Route } from '../matcher';
import { isModuleSpecifier, isStringLiteral, nodeAtOffset, outermostWrapper, type Expression, type Node, type SourceCode } from '../syntax/ast';
import { initializerOf, type Binding } from './const-bindings';
import { commonMethod, methodAt } from './http-method';
import { findNewRequestCalls } from './lark-sdk';
import { collectStringSites, destinationsOf, outermostStringSite } from './string-sites';
import { StringEvaluator } from './string-value';
import { work } from '../syntax/work';
import type { Protection } from './protection';
import type { TypeServices } from './typed';

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
 * Every string that names an endpoint holds `open-apis` or a catalog path's
 * first two segments (`message/v4`, `im/v1`): the latter all have the shape
 * `<word>/v<n>`, so one scan for `/v` finds them, each hit checked against the
 * words before and the versions after it. Two `indexOf` scans of the text are
 * cheaper than one regular expression with eight alternatives.
 */
function isVersionedMarkerAt(markers: CompiledNotice['versionedMarkers'], text: string, slash: number): boolean {
  return markers.some(([word, version]) => text.startsWith(word, slash - word.length) && text.startsWith(version, slash + 1));
}

/**
 * Whether the `open-apis` at `offset` may begin a catalog path, read from the
 * text alone: a literal segment written right after it must be a catalog's
 * first segment, since unknown pieces stand only for `:params`. Other
 * services' paths (`/open-apis/docx/v1/…`, most of an SDK bundle) are dropped
 * before the tree is searched. Anything else (a quote, `${`, an escape) keeps it.
 */
function mayBeginCatalogPath(firstSegments: ReadonlySet<string>, text: string, offset: number): boolean {
  const slash = offset + OPEN_APIS_SEGMENT.length;
  if (text[slash] !== '/') return true;
  let end = slash + 1;
  while (end < text.length && isSegmentChar(text.charCodeAt(end))) end++;
  const next = text[end];
  const delimited = next === '/' || next === '?' || next === '#' || next === "'" || next === '"' || next === '`';
  return end === slash + 1 || !delimited || firstSegments.has(text.slice(slash + 1, end));
}

function isSegmentChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d || c === 0x2e;
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
  types?: TypeServices,
): EndpointFinding[] {
  // With type information, constants imported from other files are read at each use
  // (docs/spec/behaviour.md#where-a-report-lands).
  const importedReads = types?.importedReads() ?? [];
  const seeds = [...markerSeeds(sourceCode, compiled), ...importedReads];
  if (seeds.length === 0) return [];

  const evaluator = new StringEvaluator(sourceCode, types?.importedValue);
  let newRequests: ReadonlySet<TSESTree.CallExpression> | undefined;
  const isNewRequest = (call: TSESTree.CallExpression) => (newRequests ??= findNewRequestCalls(sourceCode)).has(call);
  const isNewRequestPath = (node: Node) => {
    const top = outermostWrapper(node);
    return top.parent?.type === 'CallExpression' && top.parent.arguments[0] === top && isNewRequest(top.parent);
  };

  /** The route a site names, if it counts where it stands; `destinations` are the site's (destinationsOf). */
  const countedRoute = (text: string | undefined, destinations: () => Node[]): Route | undefined => {
    if (text === undefined) return undefined;
    work.matched++;
    const match = compiled.matchPath(text);
    if (match === undefined) return undefined;
    if (match.hasOpenApis || destinations().some(isNewRequestPath)) return match.route;
    // A written host without `open-apis` is another service's route (or a URL that cannot work).
    return hasWrittenHost(match) || !hasEvidence() ? undefined : match.route;
  };

  const bindingRoutes = new Map<string, Route | undefined>();
  const routeOfBinding = (target: Binding): Route | undefined => {
    if (!bindingRoutes.has(target.key)) {
      const initializer = initializerOf(target);
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
 * A string literal that is a value the program can send: not a literal type
 * (`type Route = '/open-apis/…'`), not a module specifier.
 */
function isRuntimeValue(literal: Node): boolean {
  const parent = literal.parent;
  return parent?.type !== 'TSLiteralType' && parent?.type !== 'TSImportType' && !isModuleSpecifier(literal);
}

/** The string literals and template literals whose text holds a marker, each once. */
function markerSeeds(sourceCode: SourceCode, compiled: CompiledNotice): Node[] {
  const { text } = sourceCode;
  const mayBegin = (t: string, offset: number) => mayBeginCatalogPath(compiled.firstSegments, t, offset);
  const isVersioned = (t: string, offset: number) => isVersionedMarkerAt(compiled.versionedMarkers, t, offset);
  const seeds: Node[] = [];
  // Both scans advance together in text order, so a string holding both markers
  // (`/open-apis/im/v1/…`) is located once, and the rest of it is skipped.
  let openApis = next(text, OPEN_APIS_SEGMENT, 0, mayBegin);
  let versioned = next(text, '/v', 0, isVersioned);
  while (openApis !== -1 || versioned !== -1) {
    const offset = openApis === -1 ? versioned : versioned === -1 ? openApis : Math.min(openApis, versioned);
    const node = nodeAtOffset(sourceCode, offset);
    const seed =
      isStringLiteral(node) && isRuntimeValue(node)
        ? node
        : node.type === 'TemplateElement' && node.parent.type === 'TemplateLiteral'
          ? node.parent
          : undefined;
    if (seed !== undefined) seeds.push(seed);
    const resume = seed === undefined ? offset + 1 : node.range[1];
    if (openApis !== -1 && openApis < resume) openApis = next(text, OPEN_APIS_SEGMENT, resume, mayBegin);
    if (versioned !== -1 && versioned < resume) versioned = next(text, '/v', resume, isVersioned);
  }
  return seeds;
}

/** The first occurrence of `needle` at or after `from` that `accept`s, or -1. */
function next(text: string, needle: string, from: number, accept: (text: string, offset: number) => boolean): number {
  for (let offset = text.indexOf(needle, from); offset !== -1; offset = text.indexOf(needle, offset + needle.length)) {
    if (accept(text, offset)) return offset;
  }
  return -1;
}
