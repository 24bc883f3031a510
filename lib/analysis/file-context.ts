/**
 * What the analysis of one file needs to know beyond its tree: where the file
 * is, and how its project parses code, so that constants imported from other
 * files can be read (docs/spec/behaviour.md#evaluating-strings). The rules
 * build it from their context (`lib/rules/support/file-context.ts`).
 */
export interface FileContext {
  /** The file's absolute path on disk, or undefined when it has none (`<input>`, a virtual file). */
  readonly path: string | undefined;
  /** The parser that parsed this file: `parse` or `parseForESLint`, as ESLint loads it. */
  readonly parser: ModuleParser | undefined;
  /** The parser options this file was parsed with (`project` and `projectService` are dropped before use). */
  readonly parserOptions: Readonly<Record<string, unknown>>;
  /** `languageOptions.ecmaVersion` and `sourceType`, which ESLint passes to the parser beside its options. */
  readonly ecmaVersion: unknown;
  readonly sourceType: unknown;
}

/** A parser as ESLint sees one: an object with `parseForESLint` or `parse`. */
export interface ModuleParser {
  parse?: (text: string, options: Record<string, unknown>) => unknown;
  parseForESLint?: (text: string, options: Record<string, unknown>) => { ast: unknown };
}

