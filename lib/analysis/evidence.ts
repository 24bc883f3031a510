import type { TSESTree } from '@typescript-eslint/utils';
import { API_HOSTS, EVIDENCE_VOCABULARY, LARK_MODULES_OUTSIDE_SCOPE, OPEN_APIS_SEGMENT, PLATFORM_NAMES, SDK_SCOPE } from '../catalog';
import { WeakMemo } from '../memo';
import type { FeishuSettings } from '../settings';
import { isModuleSpecifier, isStringLiteral, locatedString, nodeAtOffset, nodesAtText, staticString, type Node, type SourceCode } from '../syntax/ast';
import { escapedNodes } from '../syntax/escapes';
import { work } from '../syntax/work';

/**
 * Open Platform evidence (docs/spec/behaviour.md#open-platform-evidence): does this file talk to Feishu /
 * Lark? Host-less paths (`'/chat/v4/info'`) and hand-written event handlers are
 * reported only in files that do. Each signal is one named predicate; a file
 * shows evidence when any of them holds. Every predicate starts from a plain
 * text search and looks at the tree only where the text matches, so a file
 * without the words costs a few `indexOf` calls.
 */
type EvidenceSignal = 'assumeOpenPlatform' | 'larkImport' | 'openApisOrHost' | 'vocabulary' | 'larkName';

export interface Evidence {
  /** The first signal found, or undefined for none. */
  readonly signal: EvidenceSignal | undefined;
}

/** The signals in the order they are tried: cheapest and surest first. */
export function findEvidence(sourceCode: SourceCode, settings: Pick<FeishuSettings, 'apiHosts' | 'assumeOpenPlatform'>): Evidence {
  if (settings.assumeOpenPlatform) return { signal: 'assumeOpenPlatform' };
  if (importsLarkSdk(sourceCode)) return { signal: 'larkImport' };
  if (mentionsOpenApisOrHost(sourceCode, hostIndexOf(settings.apiHosts))) return { signal: 'openApisOrHost' };
  if (usesOpenPlatformVocabulary(sourceCode)) return { signal: 'vocabulary' };
  if (namesLarkOrFeishu(sourceCode)) return { signal: 'larkName' };
  return { signal: undefined };
}

/** An import, export or require of `@larksuiteoapi/*` or of another Lark package (`@larksuite/channel`). */
function importsLarkSdk(sourceCode: SourceCode): boolean {
  const isSdkModule = (located: Node) => {
    // A template specifier (`` require(`@larksuiteoapi/node-sdk`) ``) is located at its quasi.
    const node = locatedString(located);
    if (!isModuleSpecifier(node)) return false;
    const module = staticString(node) ?? '';
    return module.startsWith(SDK_SCOPE) || LARK_MODULES_OUTSIDE_SCOPE.includes(module);
  };
  return (
    someHit(sourceCode, SDK_SCOPE, isSdkModule) ||
    LARK_MODULES_OUTSIDE_SCOPE.some((module) => someHit(sourceCode, module, isSdkModule)) ||
    escapedNodes(sourceCode).some(isSdkModule)
  );
}

/** A string with an `open-apis` segment, or one naming a Feishu / Lark API host (built-in or `apiHosts`). */
function mentionsOpenApisOrHost(sourceCode: SourceCode, hosts: HostIndex): boolean {
  const openApis = someHit(sourceCode, OPEN_APIS_SEGMENT, (node, offset) => isStringPart(node) && isSegmentAt(sourceCode.text, offset, OPEN_APIS_SEGMENT));
  return (
    openApis ||
    someHostAt(sourceCode.text, hosts, (start) => isStringPart(nodeAtOffset(sourceCode, start))) ||
    // A string spelled with escapes, read by its value.
    escapedValues(sourceCode).some(([node, value]) => {
      if (!isStringPart(node)) return false;
      const quoted = `'${value}'`;
      for (let at = quoted.indexOf(OPEN_APIS_SEGMENT); at !== -1; at = quoted.indexOf(OPEN_APIS_SEGMENT, at + 1)) {
        if (isSegmentAt(quoted, at, OPEN_APIS_SEGMENT)) return true;
      }
      return someHostAt(quoted, hosts, () => true);
    })
  );
}

/** The API hosts, built-in and `apiHosts`, for a lookup by the host a text names. */
interface HostIndex {
  readonly hosts: ReadonlySet<string>;
  /** Some host has no dot (`localhost`): every word may be one. */
  readonly dotless: boolean;
}

// Built once per settings' `apiHosts` array, which parsed settings share between files.
const hostIndexes = new WeakMemo<readonly string[], HostIndex>();

function hostIndexOf(apiHosts: readonly string[]): HostIndex {
  return hostIndexes.get(apiHosts, () => {
    const hosts = new Set([...API_HOSTS, ...apiHosts]);
    return { hosts, dotless: [...hosts].some((host) => !host.includes('.')) };
  });
}

/**
 * A string names a host of the index as a whole host: `'https://open.feishu.cn'`
 * and `'open.feishu.cn:443'` do, `'open.feishu.cn.example.com'` and
 * `` `${region}.open.feishu.cn` `` do not. One scan of the text for host-shaped
 * words (letters, digits, `-` and `.`; a port after a `:`), each looked up in a
 * Set: the cost does not grow with the number of hosts.
 */
function someHostAt(text: string, index: HostIndex, accept: (start: number) => boolean): boolean {
  let from = 0;
  while (from < text.length) {
    // A host with a dot is found from its first dot; `localhost` only by looking at every word.
    const probe = index.dotless ? from : text.indexOf('.', from);
    if (probe === -1) break;
    let start = probe;
    while (start > 0 && isHostChar(text.charCodeAt(start - 1))) start--;
    let end = probe;
    while (end < text.length && isHostChar(text.charCodeAt(end))) end++;
    work.scanned += Math.max(end, probe + 1) - from;
    from = Math.max(end, probe + 1);
    if (end === start) continue;
    // A trailing dot ends a sentence (`'… open.feishu.cn.'`) and is not part of the host.
    const host = text.charCodeAt(end - 1) === 0x2e ? text.slice(start, end - 1) : text.slice(start, end);
    const port = text.charCodeAt(end) === 0x3a /* : */ ? portAt(text, end + 1) : '';
    if (!index.hosts.has(host) && (port === '' || !index.hosts.has(`${host}:${port}`))) continue;
    if (accept(start)) return true;
  }
  work.scanned += text.length - Math.min(from, text.length);
  return false;
}

function isHostChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;
}

/** The digits of a port at `offset`, when nothing but a non-host character follows them. */
function portAt(text: string, offset: number): string {
  let end = offset;
  while (end < text.length && text.charCodeAt(end) >= 0x30 && text.charCodeAt(end) <= 0x39) end++;
  return end > offset && !isHostChar(text.charCodeAt(end)) ? text.slice(offset, end) : '';
}

function usesOpenPlatformVocabulary(sourceCode: SourceCode): boolean {
  return EVIDENCE_VOCABULARY.some(
    (word) =>
      someHit(sourceCode, word, (node, offset) => (isName(node) || isStringPart(node)) && isWordAt(sourceCode.text, offset, word)) ||
      escapedValues(sourceCode).some(([, value]) => {
        for (let at = value.indexOf(word); at !== -1; at = value.indexOf(word, at + 1)) if (isWordAt(value, at, word)) return true;
        return false;
      }),
  );
}

/**
 * An identifier, class name or module specifier naming Lark or Feishu as a word
 * of its own (`LarkAPI`, `feishuClient`, `lark_bot`, `'./lark'`), not as part of
 * another word (`Clark`, `skylark`, `larkspur`).
 */
function namesLarkOrFeishu(sourceCode: SourceCode): boolean {
  return (
    someNameAt(sourceCode.text, (start) => {
      const node = nodeAtOffset(sourceCode, start);
      return isName(node) || isModuleSpecifier(locatedString(node));
    }) ||
    escapedValues(sourceCode).some(([node, value]) => (isName(node) || isModuleSpecifier(locatedString(node))) && someNameAt(value, () => true))
  );
}

/** Calls `accept` at each place `text` names Lark or Feishu as a word of its own, until it returns true. */
function someNameAt(text: string, accept: (start: number) => boolean): boolean {
  const pattern = new RegExp(PLATFORM_NAMES.join('|'), 'gi');
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const start = match.index;
    if (startsWord(text, start) && endsWord(text, start + match[0].length) && accept(start)) return true;
  }
  return false;
}

/** The names and strings spelled with escapes (escapedNodes), with their values. */
function escapedValues(sourceCode: SourceCode): (readonly [Node, string])[] {
  return escapedNodes(sourceCode).map((node) => [
    node,
    node.type === 'Identifier' ? node.name : node.type === 'TemplateElement' ? (node.value.cooked ?? '') : String((node as TSESTree.Literal).value),
  ]);
}

/** Calls `accept` with the node at each occurrence of `needle` until it returns true. */
function someHit(sourceCode: SourceCode, needle: string, accept: (node: Node, offset: number) => boolean): boolean {
  for (const [node, offset] of nodesAtText(sourceCode, needle)) if (accept(node, offset)) return true;
  return false;
}

function isStringPart(node: Node): boolean {
  return isStringLiteral(node) || node.type === 'TemplateElement';
}

function isName(node: Node): boolean {
  return node.type === 'Identifier' || node.type === 'PrivateIdentifier' || node.type === 'JSXIdentifier';
}

const isWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_$]/.test(c);
const isLower = (c: string | undefined) => c !== undefined && c >= 'a' && c <= 'z';
const isUpper = (c: string | undefined) => c !== undefined && c >= 'A' && c <= 'Z';

function isWordAt(text: string, offset: number, word: string): boolean {
  return !isWordChar(text[offset - 1]) && !isWordChar(text[offset + word.length]);
}

function isSegmentAt(text: string, offset: number, segment: string): boolean {
  const before = text[offset - 1];
  const after = text[offset + segment.length];
  return (before === '/' || before === "'" || before === '"' || before === '`') && (after === '/' || after === "'" || after === '"' || after === '`' || after === '?');
}

/** A camelCase, PascalCase, snake_case or kebab-case word starts here. */
function startsWord(text: string, start: number): boolean {
  const before = text[start - 1];
  if (!isWordChar(before) || before === '_' || before === '$') return true;
  // `myLark`, `feishuLark`: an upper-case letter after a lower-case one starts a word.
  return isUpper(text[start]) && (isLower(before) || (before !== undefined && before >= '0' && before <= '9'));
}

/** The word ends here: `lark` in `larkClient`, `LARK_APP`, `lark2`, not in `larks` or `larkspur`. */
function endsWord(text: string, end: number): boolean {
  const after = text[end];
  if (!isWordChar(after)) return true;
  if (after === '_' || after === '$' || (after! >= '0' && after! <= '9')) return true;
  // `larkClient`, `LarkAPI`, `FEISHU_…`: an upper-case letter after the word, or the word itself in capitals.
  return isUpper(after) && (isLower(text[end - 1]) || !isLower(text[end + 1]));
}
