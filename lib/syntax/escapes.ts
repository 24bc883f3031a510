import type { TSESTree } from '@typescript-eslint/utils';
import { LastMemo } from '../memo';
import { nodeAtOffset, searchSorted, type Node, type SourceCode } from './ast';
import { work } from './work';

type Token = TSESTree.Token;

/**
 * Text searches read the source as written, while the analysis reads values:
 * `'/open-ap\u0069s/…'` is `'/open-apis/…'`, and `\u006dessageReaction` is the
 * name `messageReaction`. These are the nodes whose value an escape may hide a
 * word in: string literals, template quasis and identifiers with an escape
 * that may spell a character of such a word (harmlessLength). Each node once, in
 * text order; found with one scan for backslashes, and kept for the last file that holds one.
 */
export function escapedNodes(sourceCode: SourceCode): readonly Node[] {
  const { text } = sourceCode;
  // Most files hold no backslash: one search answers them, before the memo, which lets go of the last file's tree
  // (docs/performance.md#0210-one-search-before-the-layers-in-most-files).
  if (text.indexOf('\\') === -1) {
    work.scanned += text.length;
    escaped.forget();
    return NONE;
  }
  return escaped.get(sourceCode.ast, () => findEscapedNodes(sourceCode));
}

const escaped = new LastMemo<Node, readonly Node[]>();

const NONE: readonly Node[] = Object.freeze([]);

function findEscapedNodes(sourceCode: SourceCode): readonly Node[] {
  const { text } = sourceCode;
  // A parser may give no tokens (the audit's oxc-parser): then every escape is located in the tree.
  const tokens: readonly Token[] = sourceCode.ast.tokens ?? [];
  const nodes: Node[] = [];
  let from = 0;
  for (let offset = text.indexOf('\\'); offset !== -1; offset = text.indexOf('\\', from)) {
    work.scanned += offset + 1 - from;
    const harmless = harmlessLength(text, offset);
    if (harmless > 0) {
      from = offset + harmless;
      continue;
    }
    // Most escapes of a file are in regular expressions: found among the tokens, with no walk down the tree.
    const token = searchSorted(tokens, offset);
    if (token?.type === 'RegularExpression') {
      from = token.range[1];
      continue;
    }
    const node = nodeAtOffset(sourceCode, offset);
    if (isValueToken(node)) {
      nodes.push(node);
      from = node.range[1];
    } else {
      // A regular expression, a comment, JSX text: nothing to read, and the rest of a token is skipped.
      from = node.type === 'Literal' || node.type === 'JSXText' ? node.range[1] : offset + 2;
    }
  }
  work.scanned += Math.max(0, text.length - from);
  return nodes.length === 0 ? NONE : nodes;
}

function isValueToken(node: Node): boolean {
  return (node.type === 'Literal' && typeof node.value === 'string') || node.type === 'TemplateElement' || node.type === 'Identifier';
}

/**
 * The characters the words read through escapes are made of: catalog paths,
 * SDK names, module names and hosts (`/open-apis/im/v1/…`, `messageReaction`,
 * `@larksuiteoapi/node-sdk`, `open.feishu.cn`, `%2e`): ASCII letters and
 * digits, and these.
 */
const WORD_PUNCTUATION = '-./:@_%';

/** Escapes passed over as they always were (`\n`, `\r`, `\t`, `\\`, quotes, `\$`): they spell no word's character. */
const PASSED_OVER = '\\nrt\'"`$';

/** Escapes that spell a control character: `\b`, `\f`, `\v`. */
const CONTROL_ESCAPES = 'bfv';

/**
 * The three sets above by ASCII char code, one bit each: read at every backslash of a file, as a table of 128 bytes
 * rather than a string search per set (docs/performance.md#029-cheaper-checks-in-the-files-with-nothing-to-report).
 */
const PASSED_OVER_BIT = 1;
const CONTROL_BIT = 2;
const PUNCTUATION_BIT = 4;
const ASCII_SETS = new Uint8Array(0x80);
for (const [characters, bit] of [
  [PASSED_OVER, PASSED_OVER_BIT],
  [CONTROL_ESCAPES, CONTROL_BIT],
  [WORD_PUNCTUATION, PUNCTUATION_BIT],
] as const) {
  for (const character of characters) ASCII_SETS[character.charCodeAt(0)]! |= bit;
}

/** Whether the char code is ASCII and in the set of `bit`; NaN, past the text's end, is in none. */
function inSet(code: number, bit: number): boolean {
  return code < 0x80 && (ASCII_SETS[code]! & bit) !== 0;
}

/**
 * How many characters the escape at `offset` spans when its node needs no
 * locating, or 0 when it does. Such an escape spells no character of a word
 * (WORD_PUNCTUATION): a control character (`\n`, `\b`), punctuation other than
 * a word's (`\'`, `\(`: most escapes in regular expressions), or a code point
 * outside them (`\u00a0`, `\x1b`, `\u{1F600}`, `\0`). A letter or digit (`\d`,
 * `\141`, `\057`), a word's punctuation, a line continuation or a malformed
 * escape may, and is left to the tree. So is any but the first kind when a
 * word's character follows it: the text shows the escape's own letters and
 * digits there (`"\u95EEopen.feishu.cn"` reads `95EEopen`), and the value's
 * word edge would be lost to the searches that read the value for one
 * (Open Platform evidence).
 */
function harmlessLength(text: string, offset: number): number {
  const c = text.charCodeAt(offset + 1);
  if (inSet(c, PASSED_OVER_BIT)) return 2;
  const length = spelledOtherLength(text, offset, c);
  return length === 0 || mayBeWordCharacter(text.charCodeAt(offset + length)) ? 0 : length;
}

/** The length of the escape at `offset` (`c` the character after its backslash) if it spells no word's character, or 0. */
function spelledOtherLength(text: string, offset: number, c: number): number {
  if (c === 0x75 /* u */) {
    if (text.charCodeAt(offset + 2) === 0x7b /* { */) {
      const close = text.indexOf('}', offset + 3);
      // `\u{…}` has at most six hex digits past its leading zeros; longer is left to the tree.
      if (close === -1 || close - offset > 16) return 0;
      return spellsWordCharacter(hexValue(text, offset + 3, close)) ? 0 : close + 1 - offset;
    }
    return spellsWordCharacter(hexValue(text, offset + 2, offset + 6)) ? 0 : 6;
  }
  if (c === 0x78 /* x */) return spellsWordCharacter(hexValue(text, offset + 2, offset + 4)) ? 0 : 4;
  if (inSet(c, CONTROL_BIT)) return 2;
  // `\0` spells NUL unless an octal digit follows (`\057` is `/`).
  if (c === 0x30 /* 0 */) return isOctalDigit(text.charCodeAt(offset + 2)) ? 0 : 2;
  // Past the text's end (NaN), a line continuation (which joins the text on both sides), or the character itself.
  if (Number.isNaN(c) || c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return 0;
  return spellsWordCharacter(c) ? 0 : 2;
}

function isOctalDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x37;
}

/** A code point that a word may hold (WORD_PUNCTUATION); -1, a malformed escape, may hold anything. */
function spellsWordCharacter(code: number): boolean {
  if (code === -1) return true;
  if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return true;
  return inSet(code, PUNCTUATION_BIT);
}

/** A character of the text that may be part of a word, or of a name (`$`); NaN, the text's end, is not. */
function mayBeWordCharacter(code: number): boolean {
  return code === 0x24 /* $ */ || (!Number.isNaN(code) && spellsWordCharacter(code));
}

/** The value of the hex digits from `start` to `end`, or -1 when one is missing or not a hex digit. */
function hexValue(text: string, start: number, end: number): number {
  if (end <= start || end > text.length) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = Number.parseInt(text[i]!, 16);
    if (Number.isNaN(digit)) return -1;
    value = value * 16 + digit;
  }
  return value;
}
