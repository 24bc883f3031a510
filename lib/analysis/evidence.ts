import type { TSESTree } from '@typescript-eslint/utils';
import { API_HOSTS, EVIDENCE_VOCABULARY, OPEN_APIS_SEGMENT, PLATFORM_NAMES, SDK_SCOPE } from '../catalog';
import type { FeishuSettings } from '../settings';
import { isModuleSpecifier, isStringLiteral, nodeAtOffset, nodesAtText, type Node, type SourceCode } from '../syntax/ast';

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
  if (mentionsOpenApisOrHost(sourceCode, [...API_HOSTS, ...settings.apiHosts])) return { signal: 'openApisOrHost' };
  if (usesOpenPlatformVocabulary(sourceCode)) return { signal: 'vocabulary' };
  if (namesLarkOrFeishu(sourceCode)) return { signal: 'larkName' };
  return { signal: undefined };
}

/** An import, export or require of `@larksuiteoapi/*`. */
function importsLarkSdk(sourceCode: SourceCode): boolean {
  return someHit(sourceCode, SDK_SCOPE, (node) => isModuleSpecifier(node) && String((node as TSESTree.StringLiteral).value).startsWith(SDK_SCOPE));
}

/** A string with an `open-apis` segment, or one naming a Feishu / Lark API host (built-in or `apiHosts`). */
function mentionsOpenApisOrHost(sourceCode: SourceCode, hosts: readonly string[]): boolean {
  const openApis = someHit(sourceCode, OPEN_APIS_SEGMENT, (node, offset) => isStringPart(node) && isSegmentAt(sourceCode.text, offset, OPEN_APIS_SEGMENT));
  return (
    openApis ||
    hosts.some((host) => someHit(sourceCode, host, (node, offset) => isStringPart(node) && isHostAt(sourceCode.text, offset, host)))
  );
}

function usesOpenPlatformVocabulary(sourceCode: SourceCode): boolean {
  return EVIDENCE_VOCABULARY.some((word) =>
    someHit(sourceCode, word, (node, offset) => (isName(node) || isStringPart(node)) && isWordAt(sourceCode.text, offset, word)),
  );
}

/**
 * An identifier, class name or module specifier naming Lark or Feishu as a word
 * of its own (`LarkAPI`, `feishuClient`, `lark_bot`, `'./lark'`), not as part of
 * another word (`Clark`, `skylark`, `larkspur`).
 */
function namesLarkOrFeishu(sourceCode: SourceCode): boolean {
  const { text } = sourceCode;
  const pattern = new RegExp(PLATFORM_NAMES.join('|'), 'gi');
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (!startsWord(text, start) || !endsWord(text, end)) continue;
    const node = nodeAtOffset(sourceCode, start);
    if (isName(node) || isModuleSpecifier(node)) return true;
  }
  return false;
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

function isHostAt(text: string, offset: number, host: string): boolean {
  const before = text[offset - 1];
  const after = text[offset + host.length];
  const hostChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9.-]/.test(c);
  return !hostChar(before) && !(after !== undefined && /[A-Za-z0-9-]/.test(after)) && !(after === '.' && hostChar(text[offset + host.length + 1]));
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
