import type { TSESTree } from '@typescript-eslint/utils';
import { IM_NAMESPACE, LARK_CHANNEL, type CatalogEntry } from '../catalog';
import type { CompiledNotice } from '../matcher';
import {
  bindingOrigin,
  holdsOneOf,
  locatedString,
  nodeAtOffset,
  outermostWrapper,
  resolveVariable,
  staticKey,
  staticString,
  unwrap,
  type Expression,
  type Node,
  type SourceCode,
  type Variable,
} from '../syntax/ast';
import { LastPairMemo } from '../memo';
import { escapedNodes } from '../syntax/escapes';
import { isWordCharCode } from '../syntax/text-search';
import { work } from '../syntax/work';
import { annotatedSdkKind } from './annotated-receivers';
import type { EndpointFinding } from './endpoints';
import { moduleReferences, traceMapOf } from './module-references';

/**
 * Calls of the node-sdk that reach a restricted endpoint, found by structure
 * (docs/spec/behaviour.md#what-counts-as-a-finding): `X.im.<resource>.<method>(…)` and
 * `X.im.v1.<resource>.<method>(…)` whatever X is, through wrappers, optional
 * chaining and string keys, and through the aliases scope can follow
 * (destructuring, `const m = client.im.messageReaction.create`, `.bind`), plus
 * the `LarkChannel` helpers that call the reaction endpoints. Work starts at
 * the text's hits of a resource or helper name, so a file without one costs an
 * `indexOf` per search part of those names (compiled.sdkWordParts).
 *
 * `isSdkReceiver`, when given (type-aware linting), decides for a resource
 * expression whose type is known whether it comes from the SDK.
 */
export function findSdkCalls(
  sourceCode: SourceCode,
  compiled: CompiledNotice,
  isSdkReceiver?: (node: Node) => boolean | undefined,
): readonly EndpointFinding[] {
  const { text } = sourceCode;
  const words = fileSdkWords(sourceCode, compiled);
  work.scanned += text.length * compiled.sdkWordParts.length;
  const escaped = escapedNodes(sourceCode);
  // Most files name no SDK word: nothing more is made for them.
  if (words.length === 0 && escaped.length === 0) return NONE;
  const { sdkMethods, channelHelpers } = compiled;
  const findings = new Map<Node, EndpointFinding>();
  const report = (node: Node, entries: readonly CatalogEntry[], sdkCall: string) => {
    const [first, ...rest] = entries;
    if (first === undefined || findings.has(node)) return;
    findings.set(node, { node, code: first.code, entries: [first, ...rest], method: undefined, sdkCall });
  };

  /** `node` is the SDK method `sdkCall` (`client.im.messageReaction.create`); report where it is called. */
  const followMethod = (node: Node, entry: CatalogEntry, sdkCall: string, reportAt: Node, seen: Set<Variable>): void => {
    // Each alias adds a step: a chain longer than any real code is left unread.
    if (seen.size > MAX_ALIASES) return;
    const top = outermostWrapper(node);
    const parent = top.parent;
    if (parent?.type === 'CallExpression' && parent.callee === top) {
      report(reportAt, [entry], sdkCall);
    } else if (parent?.type === 'MemberExpression' && parent.object === top && parent.parent.type === 'CallExpression' && parent.parent.callee === parent) {
      const key = staticKey(parent);
      // `m.call(…)` and `m.apply(…)` call it; `m.bind(…)` makes another alias.
      if (key === 'call' || key === 'apply') report(reportAt, [entry], sdkCall);
      else if (key === 'bind') followMethod(parent.parent, entry, sdkCall, reportAt, seen);
    } else {
      for (const read of aliasReads(sourceCode, top, seen)) followMethod(read, entry, sdkCall, read, seen);
    }
  };

  /** `node` is the SDK resource `client.im.<resource>`; follow it to its method calls. */
  const followResource = (node: Node, resource: string, seen: Set<Variable>): void => {
    const methods = sdkMethods.get(resource);
    if (methods === undefined || seen.size > MAX_ALIASES) return;
    const top = outermostWrapper(node);
    const parent = top.parent;
    if (parent?.type === 'MemberExpression' && parent.object === top) {
      const method = staticKey(parent) ?? '';
      const entry = methods.get(method);
      if (entry !== undefined) followMethod(parent, entry, sdkCallName(resource, method), parent.property, seen);
      return;
    }
    if (parent?.type === 'VariableDeclarator' && parent.init === top && parent.id.type === 'ObjectPattern') {
      // `const { create, list: listReactions } = client.im.messageReaction`
      for (const property of parent.id.properties) {
        if (property.type !== 'Property') continue;
        const method = staticKey(property) ?? '';
        const entry = methods.get(method);
        const variable = entry === undefined ? undefined : boundVariable(sourceCode, property.value);
        if (entry === undefined || variable === undefined || seen.has(variable)) continue;
        seen.add(variable);
        for (const read of reads(variable)) followMethod(read, entry, sdkCallName(resource, method), read, seen);
      }
      return;
    }
    for (const read of aliasReads(sourceCode, top, seen)) followResource(read, resource, seen);
  };

  let channels: ReadonlySet<Node> | undefined;
  /** A resource or helper name `name` written at `found`. */
  const visit = (found: Node, name: string): void => {
    // A backtick key (`im[\`chatTab\`]`) is located at its quasi: the key is the template.
    const node = locatedString(found);
    const parent = node.parent;
    if (!isKey(node, name) || !parent) return;

    const helper = channelHelpers.get(name);
    if (helper !== undefined) {
      // `channel.addReaction(…)` on a channel the SDK created.
      if (parent.type !== 'MemberExpression' || parent.property !== node || parent.parent.type !== 'CallExpression' || parent.parent.callee !== parent) return;
      channels ??= larkChannelCreations(sourceCode);
      const receiver = unwrap(parent.object);
      const typed = isSdkReceiver?.(parent.object);
      if (typed === true || (typed === undefined && isLarkChannel(sourceCode, receiver, channels))) report(node, helper, `${LARK_CHANNEL.name}.${name}`);
      return;
    }

    if (!sdkMethods.has(name)) return;
    if (parent.type === 'MemberExpression' && parent.property === node) {
      if (namespaceOf(sourceCode, parent.object) === undefined) return;
      const typed = isSdkReceiver?.(parent);
      if (typed === false) return;
      followResource(parent, name, new Set());
    } else if (parent.type === 'Property' && parent.key === node && parent.parent.type === 'ObjectPattern') {
      // `const { messageReaction } = client.im`, `const { chatTab: tabs } = client.im.v1`
      if (patternNamespace(sourceCode, parent.parent) === undefined) return;
      const source = destructuredSource(parent.parent);
      if (source !== undefined && isSdkReceiver?.(source) === false) return;
      const variable = boundVariable(sourceCode, parent.value);
      if (variable === undefined) return;
      const seen = new Set([variable]);
      for (const read of reads(variable)) followResource(read, name, seen);
    }
  };

  for (const [offset, name] of words) visit(nodeAtOffset(sourceCode, offset), name);
  // A name spelled with escapes (`client.im.\u006dessageReaction`) is read by its value, which the text does not show.
  for (const node of escaped) {
    const name = node.type === 'Identifier' ? node.name : node.type === 'Literal' ? String(node.value) : node.type === 'TemplateElement' ? node.value.cooked : undefined;
    if (name !== undefined && name !== null && (sdkMethods.has(name) || channelHelpers.has(name))) visit(node, name);
  }
  return [...findings.values()];
}

/** Where a file's text holds an SDK word whole (sdkWordOffsets): the pre-filter and the search ask in turn. */
export function fileSdkWords(sourceCode: SourceCode, compiled: CompiledNotice): readonly (readonly [number, string])[] {
  return fileWords.getWith(compiled, sourceCode.ast, sourceCode.text, sdkWordOffsets);
}

const fileWords = new LastPairMemo<CompiledNotice, Node, readonly (readonly [number, string])[]>();

/**
 * Where the text holds an SDK word whole (a resource or a helper between
 * characters that are not `[A-Za-z0-9_]`, as `\b` reads them), in text order,
 * with the word: each found by the search part it contains (compiled.sdkWordParts).
 */
function sdkWordOffsets(text: string, compiled: CompiledNotice): readonly (readonly [number, string])[] {
  const { sdkWordsByLength, sdkWordParts, longestSdkWord } = compiled;
  let found: Map<number, string> | undefined;
  for (const part of sdkWordParts) {
    for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + 1)) {
      // A run of word characters longer than every SDK word is none of them: stop there.
      let start = at;
      while (start > 0 && at - start <= longestSdkWord && isWordCharCode(text.charCodeAt(start - 1))) start--;
      let end = at + part.length;
      while (end < text.length && end - start <= longestSdkWord && isWordCharCode(text.charCodeAt(end))) end++;
      if (end - start > longestSdkWord) continue;
      // Compared in place with the words of the run's length: a slice per hit allocated at every `that` and `what` of
      // every file (docs/performance.md#the-rules-allocation).
      const word = sdkWordAt(sdkWordsByLength[end - start], text, start);
      if (word !== undefined) (found ??= new Map()).set(start, word);
    }
  }
  if (found === undefined) return NONE;
  return found.size === 1 ? [...found] : [...found].sort((a, b) => a[0] - b[0]);
}

/** The word of `words` (all of one length) that the text writes at `start`, or undefined. */
function sdkWordAt(words: readonly string[] | undefined, text: string, start: number): string | undefined {
  if (words === undefined) return undefined;
  for (let i = 0; i < words.length; i++) if (text.startsWith(words[i]!, start)) return words[i];
  return undefined;
}

const NONE: readonly never[] = Object.freeze([]);

/** The expression an object pattern destructures, through nesting: `client` in `const { im: { … } } = client`. */
function destructuredSource(pattern: TSESTree.ObjectPattern): Expression | undefined {
  let current: Node = pattern;
  while (current.parent?.type === 'Property' && current.parent.value === current && current.parent.parent.type === 'ObjectPattern') {
    current = current.parent.parent;
  }
  const declarator = current.parent;
  return declarator?.type === 'VariableDeclarator' && declarator.id === current && declarator.init !== null ? declarator.init : undefined;
}

/** Aliases followed from one SDK resource or method at most: recursion stays far from the stack's limit. */
const MAX_ALIASES = 200;

/** `name` stands here as a property key: `x.name`, `x['name']`, `` x[`name`] ``, `{ name }`, `{ name: y }`. */
function isKey(node: Node, name: string): boolean {
  const parent = node.parent;
  if (node.type === 'TemplateLiteral') {
    return staticString(node) === name && parent?.type === 'MemberExpression' && parent.property === node;
  }
  if (node.type === 'Identifier') {
    return (parent?.type === 'MemberExpression' && parent.property === node && !parent.computed) || (parent?.type === 'Property' && parent.key === node && !parent.computed);
  }
  if (node.type === 'Literal' && node.value === name) {
    return (parent?.type === 'MemberExpression' && parent.property === node) || (parent?.type === 'Property' && parent.key === node);
  }
  return false;
}

/** How a message names an SDK method: `client.im.messageReaction.create`. */
function sdkCallName(resource: string, method: string): string {
  return `client.${IM_NAMESPACE.name}.${resource}.${method}`;
}

/** The level of the node-sdk's messenger namespace an expression holds: `X.im`, or its version `X.im.v1`. */
type NamespaceLevel = 'namespace' | 'version';

/** The level a key names, below `above` (the level of the object it is read from). */
function levelOf(key: string | undefined, above: () => NamespaceLevel | undefined): NamespaceLevel | undefined {
  if (key === IM_NAMESPACE.name) return 'namespace';
  if (key === IM_NAMESPACE.version && above() === 'namespace') return 'version';
  return undefined;
}

/**
 * Which level of the node-sdk namespace an expression holds: `X.im`, `X.im.v1`,
 * or a variable bound to one (`const im = client.im`, `const { im } = client`,
 * a destructured `{ im }` parameter).
 */
function namespaceOf(sourceCode: SourceCode, expression: Expression, depth = 0): NamespaceLevel | undefined {
  if (depth > 20) return undefined;
  const node = unwrap(expression);
  if (node.type === 'MemberExpression') return levelOf(staticKey(node), () => namespaceOf(sourceCode, node.object, depth + 1));
  const origin = node.type === 'Identifier' ? bindingOrigin(sourceCode, node) : undefined;
  // `const im = client.im`
  if (origin?.kind === 'init') return namespaceOf(sourceCode, origin.init, depth + 1);
  // `const { im } = client`, `function f({ im })`, `const { im: { v1 } } = client`
  if (origin?.kind === 'destructured') return levelOf(origin.key, () => patternNamespace(sourceCode, origin.pattern, depth + 1));
  return undefined;
}

/** The namespace level an object pattern destructures: `const { … } = client.im`, `{ im: { … } }`. */
function patternNamespace(sourceCode: SourceCode, pattern: TSESTree.ObjectPattern, depth = 0): NamespaceLevel | undefined {
  const parent = pattern.parent;
  if (parent.type === 'VariableDeclarator' && parent.id === pattern && parent.init !== null) {
    return namespaceOf(sourceCode, parent.init, depth + 1);
  }
  if (parent.type === 'Property' && parent.value === pattern && parent.parent.type === 'ObjectPattern') {
    return levelOf(staticKey(parent), () => patternNamespace(sourceCode, parent.parent as TSESTree.ObjectPattern, depth + 1));
  }
  return undefined;
}

/** The variable a destructuring target binds: `{ a }`, `{ k: a }`, `{ k: a = d }`. */
function boundVariable(sourceCode: SourceCode, target: Node): Variable | undefined {
  const identifier = target.type === 'AssignmentPattern' ? target.left : target;
  return identifier.type === 'Identifier' ? resolveVariable(sourceCode, identifier) : undefined;
}

function reads(variable: Variable): Node[] {
  return variable.references.filter((reference) => reference.isRead() && reference.init !== true).map((reference) => reference.identifier as Node);
}

/** The reads of a variable `node` initializes as a plain alias (`const x = node`), each variable once. */
function aliasReads(sourceCode: SourceCode, node: Node, seen: Set<Variable>): Node[] {
  const parent = node.parent;
  if (parent?.type !== 'VariableDeclarator' || parent.init !== node || parent.id.type !== 'Identifier') return [];
  const variable = resolveVariable(sourceCode, parent.id);
  if (variable === undefined || seen.has(variable)) return [];
  seen.add(variable);
  return reads(variable);
}

const LARK_CHANNEL_CREATIONS = traceMapOf(LARK_CHANNEL.exports);

/** The `createLarkChannel(…)` calls and `new LarkChannel(…)` of the SDK in this file. */
function larkChannelCreations(sourceCode: SourceCode): ReadonlySet<Node> {
  return new Set(moduleReferences(sourceCode, LARK_CHANNEL_CREATIONS));
}

/**
 * The receiver is a channel the SDK created: the creation itself, awaited, or a
 * variable holding it; or a value whose type annotation names `LarkChannel`.
 */
function isLarkChannel(sourceCode: SourceCode, receiver: Expression, creations: ReadonlySet<Node>): boolean {
  return (
    holdsOneOf(sourceCode, receiver, creations, (node) => (node.type === 'AwaitExpression' ? node.argument : undefined)) ||
    annotatedSdkKind(sourceCode, receiver) === 'larkChannel'
  );
}
