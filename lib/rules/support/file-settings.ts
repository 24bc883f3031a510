import type { TSESLint } from '@typescript-eslint/utils';
import type { FileAnalysis, FileContext } from '../../analysis';
// From their modules, not the indexes: in the CommonJS build a re-export is a getter call at every use, and these
// run for every file.
import { analyzeFile, prefilterImportedReads } from '../../analysis/file-analysis';
import { mayNameEndpoints, mayNameEvent, type ImportedRouteReader } from '../../analysis/prefilter';
import type { LegacyEvent } from '../../catalog';
import type { CompiledNotice } from '../../matcher';
import { releaseAllTrees, releaseOtherTrees } from '../../memo';
import { invalidSettingsMessage } from '../../messages';
import type { FeishuSettings, SettingsReading } from '../../settings';
import { readFeishuSettings } from '../../settings/parse';
import type { SourceCode } from '../../syntax/ast';
import { contextField, fileContextOf, filePathOf } from './file-context';

/** What a rule reads of the file it lints: the source, where it is, and the analysis every rule of the file shares. */
export interface LintedFile {
  readonly sourceCode: SourceCode;
  /**
   * The file's valid settings, or undefined when `settings.feishu` is invalid:
   * then the rule returns invalidSettingsListener() instead of looking at the file.
   */
  readonly settings: FeishuSettings | undefined;
  /** The file's path on disk (FileContext.path), read from the first rule's context when first asked. */
  path(): string | undefined;
  /** Made by the first rule that asks. */
  analysis(): FileAnalysis;
  /** Whether the endpoint search may find anything here (the pre-filter): every API rule asks, the first computes. */
  mayNameEndpoints(compiled: CompiledNotice): boolean;
  /** Whether the search for the event may find anything here (the pre-filter): asked by the event rule alone. */
  mayNameEvent(event: LegacyEvent): boolean;
  /**
   * A rule's listener in a file whose settings are invalid (`settings`
   * undefined): one report per file, never a throw (docs/spec/behaviour.md#settings).
   * The first feishu rule ESLint creates for a file reports them at 1:1, and
   * every feishu rule reports nothing else there.
   */
  invalidSettingsListener(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): TSESLint.RuleListener;
}

/**
 * One lint of one file, shared by its rules: one object, and nothing else made
 * per rule, since every allocation brings the next garbage collection nearer,
 * and ESLint counts its pause in whichever rule runs then (docs/performance.md#budgets).
 */
class FileState implements LintedFile, ImportedRouteReader {
  /**
   * The ids of the rules created for this file so far, the first `createdCount` (hasCreated): one created twice
   * means a new lint of the same SourceCode. Room for the plugin's four rules from the start: an array that grows
   * at the second rule made a new backing store for every file (docs/performance.md#the-rules-allocation).
   */
  private readonly created: string[];
  private createdCount = 1;
  readonly settings: FeishuSettings | undefined;
  private made: FileAnalysis | undefined;
  private pathRead = false;
  private filePath: string | undefined;
  private endpointsOf: CompiledNotice | undefined;
  private endpointsMay = false;
  private file: FileContext | undefined;

  constructor(
    readonly sourceCode: SourceCode,
    readonly reading: SettingsReading,
    /** The configured id of the rule that reports the settings (`feishu/no-legacy-message-chat-api`). */
    readonly reporter: string,
    /** The first rule's context: every rule of the file has the same file name and parser. */
    private readonly context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  ) {
    this.created = [reporter, '', '', ''];
    this.settings = reading.problems.length === 0 ? reading.settings : undefined;
  }

  /** Whether the rule with this id was created for this lint of the file already. */
  hasCreated(id: string): boolean {
    for (let i = 0; i < this.createdCount; i++) if (this.created[i] === id) return true;
    return false;
  }

  /** Counts the rule with this id as created for this lint of the file. */
  addCreated(id: string): void {
    if (this.createdCount < this.created.length) this.created[this.createdCount] = id;
    else this.created.push(id);
    this.createdCount++;
  }

  path(): string | undefined {
    if (!this.pathRead) {
      this.filePath = filePathOf(this.context);
      this.pathRead = true;
    }
    return this.filePath;
  }

  analysis(): FileAnalysis {
    return (this.made ??= analyzeFile(this.sourceCode, this.reading.settings, this.fileContext()));
  }

  mayNameEndpoints(compiled: CompiledNotice): boolean {
    if (this.endpointsOf !== compiled) {
      this.endpointsMay = mayNameEndpoints(this.sourceCode, compiled, this.path(), this);
      this.endpointsOf = compiled;
    }
    return this.endpointsMay;
  }

  /** The pre-filter's last question (ImportedRouteReader), asked only of a project's file. */
  readsImportedRoute(compiled: CompiledNotice): boolean {
    return prefilterImportedReads(this.sourceCode, this.reading.settings, this.fileContext(), compiled).length > 0;
  }

  private fileContext(): FileContext {
    return (this.file ??= fileContextOf(this.context, this.path()));
  }

  mayNameEvent(event: LegacyEvent): boolean {
    // Only the event rule asks, once per file: nothing to keep.
    return mayNameEvent(this.sourceCode, event);
  }

  invalidSettingsListener(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): TSESLint.RuleListener {
    if (this.reporter !== context.id) return NO_LISTENERS;
    const message = invalidSettingsMessage(this.reading.problems, this.reading.locale);
    return {
      Program() {
        context.report({ loc: { line: 1, column: 0 }, messageId: INVALID_SETTINGS, data: { message } });
      },
    };
  }
}

/**
 * The state of the file whose rules ESLint is creating. ESLint creates all
 * rules of a file, one after another, before it traverses the file, so the
 * last state made is the only one a rule can ask for; a listener keeps the
 * state it was made with. No entry is made per file: a WeakMap keyed by each
 * file's SourceCode cost more per file than the rest of `create()` for a file
 * with nothing to report.
 */
let latest: FileState | undefined;

/** Whether releaseLintedFile is queued already: one microtask for any number of files linted before it runs. */
let releaseQueued = false;

/** Settled once: each file's release is a reaction to it, a microtask. */
const SETTLED = Promise.resolve();

/**
 * Lets go of the file linted last, and of what the memos keep for it, once its lint is over. ESLint lints a file in
 * one synchronous call (parse, rules made, traversal), so a microtask queued by its first rule runs after it. Left to
 * the next file's first rule, the file would stay alive through that file's parse (ESLint itself drops its last
 * SourceCode before parsing the next), and the full collections that fall there would mark both trees and find more
 * alive, which sets how far V8 lets the heap grow after them
 * (docs/performance.md#the-file-before-kept-through-the-next-parse). Files linted in one synchronous loop (the eslintrc
 * CLI, ESLint 8's ESLint and ESLint 9's LegacyESLint, which read and lint every file without an await, and the Linter
 * API) are let go by the next file's first rule, after its parse, as before.
 */
function releaseLintedFile(): void {
  releaseQueued = false;
  latest = undefined;
  releaseAllTrees();
}

/**
 * The `Program:exit` listener of a file a rule looks at: lets go of the file and of what the memos keep for it as soon
 * as its traversal is over, its analysis above all (every rule of the plugin does its work at `Program`, before).
 * Without it, files linted in one synchronous loop (the eslintrc CLI, the Linter API) keep an analysed file alive
 * through the next file's parse, until the next file's first rule lets go of it: the reaction that runs
 * releaseLintedFile runs only after the loop. Files the pre-filters answer get no listener, and are let go of as before
 * (docs/performance.md#the-file-before-kept-through-the-next-parse). The queued reaction still runs and finds nothing
 * left; its flag is left as it is, so that a loop still queues one reaction, not one per file.
 */
export function releaseAnalysedFile(): void {
  latest = undefined;
  releaseAllTrees();
}

/** What a rule returns for a file it has nothing to look at in: no listener, and nothing made. */
export const NO_LISTENERS: TSESLint.RuleListener = Object.freeze({});

/** The messageId of the settings report: every rule of the plugin has it. */
export const INVALID_SETTINGS = 'invalidSettings';

/**
 * The file a rule is created for, shared by the file's rules. The rules of a
 * file know each other by its SourceCode, the one object all of them get in
 * ESLint 8, 9 and 10 (see `latest`); the first feishu rule of a lint reads the
 * settings. A plain function and one object per file, no closure per rule: a
 * file with nothing to report costs little more than this lookup and the
 * pre-filter (docs/performance.md#the-rules-own-time).
 */
export function lintedFile(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): LintedFile {
  const sourceCode = contextField(context, 'sourceCode') as SourceCode;
  const id = contextField(context, 'id');
  const known = latest;
  if (known !== undefined && known.sourceCode === sourceCode && !known.hasCreated(id)) {
    known.addCreated(id);
    return known;
  }
  // The first rule of this lint of the file: read the settings (cheap: an object read before is compared with a
  // copy of it, not keyed again), and let go of what was kept for another file.
  releaseOtherTrees(sourceCode.ast);
  if (!releaseQueued) {
    // A reaction on a settled promise rather than queueMicrotask, which makes an AsyncResource for every call. The flag
    // is set once the release is queued: a `then` patched to throw leaves the next file to try again.
    void SETTLED.then(releaseLintedFile);
    releaseQueued = true;
  }
  return (latest = new FileState(sourceCode, readFeishuSettings(contextField(context, 'settings')), id, context));
}
