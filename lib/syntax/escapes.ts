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
 * other than `\n`, `\r`, `\t`, `\\` and escaped quotes (which spell no letter,
 * digit, `/` or `-`). Each node once, in text order; found with one scan for
 * backslashes, and kept per file.
 */
export function escapedNodes(sourceCode: SourceCode): readonly Node[] {
  return escaped.get(sourceCode.ast, () => findEscapedNodes(sourceCode));
}

const escaped = new LastMemo<Node, readonly Node[]>();

const NONE: readonly Node[] = Object.freeze([]);

/** After a backslash, these spell no character a word of the catalog holds. */
const HARMLESS = new Set(['\\', 'n', 'r', 't', "'", '"', '`', '$']);

function findEscapedNodes(sourceCode: SourceCode): readonly Node[] {
  const { text } = sourceCode;
  // A parser may give no tokens (the audit's oxc-parser): then every escape is located in the tree.
  const tokens: readonly Token[] = sourceCode.ast.tokens ?? [];
  const nodes: Node[] = [];
  let from = 0;
  for (let offset = text.indexOf('\\'); offset !== -1; offset = text.indexOf('\\', from)) {
    work.scanned += offset + 1 - from;
    if (HARMLESS.has(text[offset + 1] ?? '\\')) {
      from = offset + 2;
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
