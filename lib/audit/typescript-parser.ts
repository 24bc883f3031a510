import path from 'node:path';
import type { Linter } from 'eslint';
import { createOxcParser, type OxcModule } from './oxc-parser';

/**
 * The parsers the audit reads TypeScript with, in the order it tries them
 * (docs/audit.md#typescript-without-installing-typescript):
 * - `typescript-eslint`: `@typescript-eslint/parser`, when it is installed
 *   beside the plugin (with its peer `typescript`): what the project's own
 *   ESLint runs, so the audit reads files exactly as the rules do there;
 * - `oxc`: `oxc-parser`, the plugin's optional dependency: native, needs no
 *   TypeScript, so JavaScript projects that install the plugin get no compiler.
 */
export const TYPESCRIPT_PARSERS = ['typescript-eslint', 'oxc'] as const;
export type TypeScriptParserName = (typeof TYPESCRIPT_PARSERS)[number];

/** A parser that is there: oxc-parser loaded (its native binding is what may fail), typescript-eslint's resolved and loaded on first use (TypeScript takes half a second to load). */
export interface LoadedParser {
  readonly name: TypeScriptParserName;
  parser(): Linter.Parser;
}

/** No parser could be loaded: why, per parser tried (`oxc-parser: …`). */
export interface NoParser {
  readonly reasons: readonly string[];
}

const PACKAGE = { 'typescript-eslint': '@typescript-eslint/parser', oxc: 'oxc-parser' } as const satisfies Record<TypeScriptParserName, string>;

/**
 * The first of `order` that loads. Each is resolved from beside the plugin
 * only, never from the working directory or the audited tree: an untrusted
 * tree's `node_modules` is never run.
 */
export async function loadTypeScriptParser(order: readonly TypeScriptParserName[] = TYPESCRIPT_PARSERS): Promise<LoadedParser | NoParser> {
  const reasons: string[] = [];
  for (const name of order) {
    try {
      if (name === 'oxc') {
        const parser = await loadOxc();
        return { name, parser: () => parser };
      }
      resolveTypescriptEslint();
      let parser: Linter.Parser | undefined;
      return { name, parser: () => (parser ??= loadTypescriptEslint()) };
    } catch (error) {
      reasons.push(`${PACKAGE[name]}: ${firstLine(error)}`);
    }
  }
  return { reasons };
}

/** One of the parsers by name, in a linting process the main one has told which. */
export async function loadNamedParser(name: TypeScriptParserName): Promise<Linter.Parser> {
  return name === 'oxc' ? loadOxc() : loadTypescriptEslint();
}

/** `@typescript-eslint/parser` and its peer `typescript`, found without loading them. */
function resolveTypescriptEslint(): string {
  let resolved: string;
  try {
    resolved = require.resolve(PACKAGE['typescript-eslint']);
  } catch {
    throw new Error('not installed beside eslint-plugin-feishu');
  }
  try {
    require.resolve('typescript', { paths: [path.dirname(resolved)] });
  } catch {
    throw new Error('its peer typescript is not installed beside it');
  }
  return resolved;
}

function loadTypescriptEslint(): Linter.Parser {
  const resolved = resolveTypescriptEslint();
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional, resolved beside the plugin at run time
    return require(resolved) as Linter.Parser;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && /'typescript'/.test((error as Error).message)) {
      throw new Error('its peer typescript is not installed beside it', { cause: error });
    }
    throw new Error(`cannot be loaded from ${path.dirname(resolved)}: ${firstLine(error)}`, { cause: error });
  }
}

async function loadOxc(): Promise<Linter.Parser> {
  let oxc: OxcModule;
  try {
    oxc = (await import(PACKAGE.oxc)) as OxcModule;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new Error(`not installed (it is an optional dependency; npm skips it on Node.js ${process.versions.node} or without a build for ${process.platform}-${process.arch})`, {
        cause: error,
      });
    }
    throw new Error(`cannot be loaded on Node.js ${process.versions.node} ${process.platform}-${process.arch}: ${firstLine(error)}`, { cause: error });
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- its version, for the parser's meta
  const { version } = require(`${PACKAGE.oxc}/package.json`) as { version: string };
  const parser = createOxcParser(oxc, version);
  // A binding that loads but does not work is found here, not on the first file.
  parser.parseForESLint('const checked: number = 1;', { filePath: 'check.ts', sourceType: 'module' });
  return parser;
}

function firstLine(error: unknown): string {
  return (String((error as Error | undefined)?.message ?? error).split('\n')[0] ?? '').replace(/\.$/, '');
}
