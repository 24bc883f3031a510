import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import type { FileContext, ModuleParser } from '../../analysis';

/** The rule context's fields this reads, on ESLint 8.57 to 10 (flat config and eslintrc). */
interface ParserFields {
  readonly filename?: string;
  readonly physicalFilename?: string;
  readonly languageOptions?: { parser?: unknown; parserOptions?: Record<string, unknown>; ecmaVersion?: unknown; sourceType?: unknown };
  /** eslintrc only (ESLint 8): the resolved path of the configured parser. */
  readonly parserPath?: string;
  readonly parserOptions?: Record<string, unknown>;
}

/**
 * A field of a rule's context, read for every file. ESLint (8.57 to 10) makes
 * each file's rule contexts from a new prototype, the file's own context
 * object, so a plain read (`context.sourceCode`) meets a new hidden class on
 * every file: its inline cache misses, and V8 looks the field up in its
 * runtime. Reflect.get looks it up in one builtin call, with no cache to miss
 * (docs/performance.md#the-rules-own-time).
 */
export function contextField<Context extends object, Key extends keyof Context>(context: Context, key: Key): Context[Key] {
  return Reflect.get(context, key) as Context[Key];
}

/**
 * The file context of a rule's file: its path on disk (the physical file, for
 * code blocks a processor extracts, read by the caller: filePathOf) and the
 * parser that parsed it, from `context.languageOptions.parser` (flat config,
 * and eslintrc on ESLint 8.57) or `context.parserPath` (older eslintrc
 * contexts). The parser's fields are read when first asked: only a file that
 * parses another file needs them, and a plain read of a rule context costs a
 * missed inline cache on every file (contextField).
 */
export function fileContextOf(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, path: string | undefined): FileContext {
  return new RuleFileContext(context as unknown as ParserFields, path);
}

class RuleFileContext implements FileContext {
  private read: Omit<FileContext, 'path'> | undefined;

  constructor(
    private readonly fields: ParserFields,
    readonly path: string | undefined,
  ) {}

  get parser(): ModuleParser | undefined {
    return this.parsing().parser;
  }

  get parserOptions(): Readonly<Record<string, unknown>> {
    return this.parsing().parserOptions;
  }

  get ecmaVersion(): unknown {
    return this.parsing().ecmaVersion;
  }

  get sourceType(): unknown {
    return this.parsing().sourceType;
  }

  private parsing(): Omit<FileContext, 'path'> {
    if (this.read === undefined) {
      const { fields } = this;
      const languageOptions = fields.languageOptions;
      this.read = {
        parser: asParser(languageOptions?.parser) ?? parserAt(fields.parserPath),
        parserOptions: languageOptions?.parserOptions ?? fields.parserOptions ?? {},
        ecmaVersion: languageOptions?.ecmaVersion,
        sourceType: languageOptions?.sourceType,
      };
    }
    return this.read;
  }
}

/** The file's absolute path on disk (FileContext.path): the physical file, for code blocks a processor extracts. */
export function filePathOf(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): string | undefined {
  const fields = context as unknown as ParserFields;
  const name = contextField(fields, 'physicalFilename') ?? contextField(fields, 'filename');
  return name !== undefined && path.isAbsolute(name) ? name : undefined;
}

function asParser(value: unknown): ModuleParser | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const parser = value as ModuleParser;
  return typeof parser.parseForESLint === 'function' || typeof parser.parse === 'function' ? parser : undefined;
}

function parserAt(parserPath: string | undefined): ModuleParser | undefined {
  if (parserPath === undefined) return undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- eslintrc names its parser by path; ESLint has loaded it already
    return asParser(require(parserPath));
  } catch {
    return undefined;
  }
}
