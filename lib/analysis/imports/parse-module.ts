import type { TSESTree } from '@typescript-eslint/utils';
import type { FileContext, ModuleParser } from '../file-context';

/**
 * Parses a file that a linted file imports, with the linted file's parser
 * (docs/behaviour-decisions.md#constants-imported-from-other-files): its
 * options without `project`, `projectService` and `programs`, so that no
 * TypeScript program is built per import. When that parser fails (or there is
 * none), espree tries; when espree fails too, the file is skipped (undefined).
 * The tree gets `parent` links, as ESLint gives the linted file's.
 */
export function parseModule(file: string, text: string, context: FileContext): TSESTree.Program | undefined {
  const options = parserOptionsFor(file, context);
  const ast = (context.parser === undefined ? undefined : tryParse(context.parser, text, options)) ?? parseWithEspree(text);
  if (ast === undefined) return undefined;
  linkParents(ast);
  return ast;
}

const TYPED_OPTIONS = new Set(['project', 'projectService', 'programs', 'EXPERIMENTAL_useProjectService']);

function parserOptionsFor(file: string, context: FileContext): Record<string, unknown> {
  const options: Record<string, unknown> = { ecmaVersion: context.ecmaVersion ?? 'latest', sourceType: context.sourceType ?? 'module' };
  for (const [key, value] of Object.entries(context.parserOptions)) if (!TYPED_OPTIONS.has(key)) options[key] = value;
  // What ESLint itself asks of a parser, less what only rules on the file's own tree need. Only the
  // tree is read, never its scopes: typescript-eslint need not load lib globals (`lib: []`) nor JSDoc.
  return { ...options, range: true, loc: true, tokens: false, comment: false, filePath: file, lib: [], jsDocParsingMode: 'none' };
}

function tryParse(parser: ModuleParser, text: string, options: Record<string, unknown>): TSESTree.Program | undefined {
  try {
    const result = typeof parser.parseForESLint === 'function' ? parser.parseForESLint(text, options).ast : parser.parse?.(text, options);
    return isProgram(result) ? result : undefined;
  } catch {
    return undefined;
  }
}

let espree: ModuleParser | null | undefined;

/** espree, which every ESLint installation has, as a module, then as a script. */
function parseWithEspree(text: string): TSESTree.Program | undefined {
  if (espree === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when the file's own parser fails
      espree = require('espree') as ModuleParser;
    } catch {
      espree = null;
    }
  }
  if (espree === null) return undefined;
  for (const sourceType of ['module', 'script']) {
    const ast = tryParse(espree, text, { ecmaVersion: 'latest', sourceType, range: true, loc: true });
    if (ast !== undefined) return ast;
  }
  return undefined;
}

function isProgram(value: unknown): value is TSESTree.Program {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'Program';
}

/** Sets `parent` on every node, with a work list: trees are as deep as the file makes them. */
function linkParents(root: TSESTree.Program): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const key of Object.keys(node)) {
      if (key === 'parent' || key === 'loc' || key === 'range' || key === 'tokens' || key === 'comments') continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (typeof child === 'object' && child !== null && typeof (child as { type?: unknown }).type === 'string') {
          (child as { parent?: TSESTree.Node }).parent = node;
          stack.push(child as TSESTree.Node);
        }
      }
    }
  }
}
