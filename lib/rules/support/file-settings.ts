import type { TSESLint } from '@typescript-eslint/utils';
import { analyzeFile, type FileAnalysis } from '../../analysis';
import { invalidSettingsMessage } from '../../messages';
import { readFeishuSettings, type FeishuSettings, type SettingsReading } from '../../settings';
import type { SourceCode } from '../../syntax/ast';
import { fileContextOf, filePathOf } from './file-context';

/**
 * Invalid settings are one report per file, never a throw
 * (docs/spec/behaviour.md#settings): the first feishu rule ESLint creates for
 * a file reports them at 1:1, and every feishu rule reports nothing else
 * there. The rules find each other through the file's SourceCode, the one
 * object all of them get in ESLint 8, 9 and 10, and share the file's analysis
 * through it.
 */
/** What a rule reads of the file it lints: the source, where it is, and the analysis every rule of the file shares. */
export interface LintedFile {
  readonly sourceCode: SourceCode;
  /** The file's path on disk (FileContext.path), read from the first rule's context when first asked. */
  path(): string | undefined;
  /** Made by the first rule that asks. */
  analysis(): FileAnalysis;
}

/**
 * One lint of one file, shared by its rules: one object, and nothing else made
 * per rule, since every allocation brings the next garbage collection nearer,
 * and ESLint counts its pause in whichever rule runs then (docs/performance.md#budgets).
 */
class FileState implements LintedFile {
  /** The rules created for this file so far: one created twice means a new lint of the same SourceCode. */
  readonly created: Set<string>;
  private made: FileAnalysis | undefined;
  private where: { readonly path: string | undefined } | undefined;

  constructor(
    readonly sourceCode: SourceCode,
    readonly reading: SettingsReading,
    /** The configured id of the rule that reports the settings (`feishu/no-legacy-message-chat-api`). */
    readonly reporter: string,
    /** The first rule's context: every rule of the file has the same file name and parser. */
    private readonly context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  ) {
    this.created = new Set([reporter]);
  }

  path(): string | undefined {
    if (this.where === undefined) this.where = { path: filePathOf(this.context) };
    return this.where.path;
  }

  analysis(): FileAnalysis {
    return (this.made ??= analyzeFile(this.sourceCode, this.reading.settings, fileContextOf(this.context)));
  }
}

const files = new WeakMap<object, FileState>();
/** The state last made or found: ESLint creates the rules of one file after another, so this is nearly always it. */
let latest: FileState | undefined;

/** What a rule returns for a file it has nothing to look at in: no listener, and nothing made. */
export const NO_LISTENERS: TSESLint.RuleListener = Object.freeze({});

/** The messageId of the settings report: every rule of the plugin has it. */
export const INVALID_SETTINGS = 'invalidSettings';

/**
 * `create` for the file's valid settings, or, when they are invalid, a
 * listener that reports them (the file's first feishu rule) or nothing.
 */
export function withSettings<MessageId extends string>(
  context: Readonly<TSESLint.RuleContext<MessageId | typeof INVALID_SETTINGS, readonly unknown[]>>,
  create: (settings: FeishuSettings, file: LintedFile) => TSESLint.RuleListener,
): TSESLint.RuleListener {
  const id = context.id;
  const state = fileState(context, id);
  if (state.reading.problems.length === 0) return create(state.reading.settings, state);
  if (state.reporter !== id) return NO_LISTENERS;
  const message = invalidSettingsMessage(state.reading.problems, state.reading.locale);
  return {
    Program() {
      context.report({ loc: { line: 1, column: 0 }, messageId: INVALID_SETTINGS, data: { message } });
    },
  };
}

function fileState(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, id: string): FileState {
  const sourceCode = context.sourceCode as SourceCode;
  const known = latest?.sourceCode === sourceCode ? latest : files.get(sourceCode);
  if (known !== undefined && !known.created.has(id)) {
    known.created.add(id);
    return (latest = known);
  }
  // The first rule of this lint of the file: read the settings (cheap: cached by content).
  const state = new FileState(sourceCode, readFeishuSettings(context.settings), id, context);
  files.set(sourceCode, state);
  return (latest = state);
}
