import path from 'node:path';
import type { ESLint, Linter } from 'eslint';
import { RULE_PREFIX } from '../package-meta';
import { INVALID_ALLOW } from '../rules/support/endpoint-rule';
import { INVALID_SETTINGS } from '../rules/support/file-settings';
import { observeReports, type ObservedReport } from '../subjects';
import { ruleIdsOf, type AuditTarget } from './audit-target';
import type { Finding, SkippedFile } from './report';
import { NotAFileError, readRegularFile } from './safe-read';
import { displayPath, errorCode, isTypeScript, JAVASCRIPT_EXTENSIONS, TYPESCRIPT_EXTENSIONS } from './source-files';
import { subjectToWire, type WireSubject } from './subject-wire';
import type { TypeScriptParserName } from './typescript-parser';

/**
 * What every linting process of one audit shares, all plain data so that it
 * crosses to a child process: the settings, the project's switches of the
 * rules, and which TypeScript parser to load.
 */
export interface LintJob {
  /** Where reported paths are relative to. */
  readonly cwd: string;
  /** ESLint's base path: a directory holding every audited file. */
  readonly baseDirectory: string;
  /** `settings.feishu` as the rules get it. */
  readonly settings: Readonly<Record<string, unknown>>;
  /**
   * The rules' entries per group of files, as the project's config sets them
   * (`'off'`, or the rule with its `allow` list); group 0 is the plugin's
   * recommended config unchanged.
   */
  readonly ruleVariants: readonly Readonly<Linter.RulesRecord>[];
  /** The parser for TypeScript files; none when no TypeScript file is linted. */
  readonly typescriptParser: TypeScriptParserName | undefined;
}

/** One file to lint, with the group of rule entries that applies to it. */
export interface FileTask {
  /** Absolute, as the walk found it: the rules see this path (cross-file reads start from it). */
  readonly file: string;
  readonly variant: number;
}

export type WireFinding = Omit<Finding, 'subject'> & { readonly subject: WireSubject };

/** What linting one file gave: its findings, or why it was not audited. */
export interface FileOutcome {
  readonly findings: readonly WireFinding[];
  readonly skipped?: SkippedFile;
  /** Findings comments in the code turn off. */
  readonly suppressed: number;
}

/** What a linting process loads for itself: ESLint's class, the rules, the TypeScript parser. */
export interface LintTools {
  readonly ESLint: typeof ESLint;
  readonly target: AuditTarget;
  readonly typescriptParser: Linter.Parser | undefined;
}

type SourceType = 'module' | 'commonjs';

/** A report of one of the plugin's rules (ESLint's own complaints about a comment naming one have no messageId). */
function isFinding(message: Linter.LintMessage): message is Linter.LintMessage & { ruleId: string; messageId: string } {
  return message.ruleId?.startsWith(RULE_PREFIX) === true && message.messageId !== undefined;
}
const glob = (extensions: readonly string[]) => extensions.map((extension) => `**/*${extension}`);

/**
 * The whole configuration of an audit: the plugin's recommended config with
 * the project's switches of its rules, the settings, espree for JavaScript
 * (JSX on), the TypeScript parser for TypeScript. Nothing else of the
 * project's ESLint config.
 */
function auditConfig(
  recommended: Linter.Config,
  rules: Readonly<Linter.RulesRecord>,
  settings: Readonly<Record<string, unknown>>,
  typescriptParser: Linter.Parser | undefined,
  javascriptSourceType: SourceType,
): Linter.Config[] {
  const config: Linter.Config[] = [
    { ...recommended, files: glob([...JAVASCRIPT_EXTENSIONS, ...TYPESCRIPT_EXTENSIONS]) },
    { rules: { ...rules } },
    // The rules report guarded and handled calls too: the report lists them apart (docs/audit.md).
    { settings: { feishu: { ...settings, reportGuarded: true } } },
    {
      files: glob(JAVASCRIPT_EXTENSIONS),
      languageOptions: { ecmaVersion: 'latest', sourceType: javascriptSourceType, parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    { files: glob(['.mjs']), languageOptions: { sourceType: 'module' } },
    { files: glob(['.cjs']), languageOptions: { sourceType: 'commonjs' } },
    // Reports of other tools' directives are not the audit's business.
    { linterOptions: { reportUnusedDisableDirectives: false } },
    // The audit chooses its files itself: ESLint's default ignores would drop a path named inside node_modules.
    { ignores: ['!**/node_modules/'] },
  ];
  if (typescriptParser !== undefined) {
    config.push({ files: glob(TYPESCRIPT_EXTENSIONS), languageOptions: { parser: typescriptParser, sourceType: 'module' } });
  }
  return config;
}

/**
 * Lints one file at a time through ESLint's Node API and joins each feishu
 * report ESLint keeps (eslint-disable comments honoured) to what the rule said
 * it is about. A file that does not parse, cannot be read or makes linting
 * throw comes back skipped, never thrown. The same code runs in the linting
 * processes of the pool and, for tests, in the main process.
 */
export class FileLinter {
  private readonly ruleIds: readonly string[];
  private readonly instances = new Map<string, ESLint>();
  private observed: ObservedReport[] = [];
  private current = '';
  private readonly stopObserving: () => void;

  constructor(
    private readonly job: LintJob,
    private readonly tools: LintTools,
  ) {
    this.ruleIds = ruleIdsOf(tools.target);
    // Another audit in this process may lint at the same time: keep this file's reports only.
    this.stopObserving = observeReports((report) => {
      if (report.filename === this.current) this.observed.push(report);
    });
  }

  close(): void {
    this.stopObserving();
  }

  async lint({ file, variant }: FileTask): Promise<FileOutcome> {
    const shown = displayPath(file, this.job.cwd);
    let text: string;
    try {
      // Not readFileSync: a FIFO put in the file's place would block the process for good.
      text = readRegularFile(file);
    } catch (error) {
      return { findings: [], suppressed: 0, skipped: { file: shown, reason: 'unreadable', detail: error instanceof NotAFileError ? 'not a regular file' : errorCode(error) } };
    }
    try {
      const { result, sourceType } = await this.lintText(text, file, variant);
      const problem = skipReason(result, file, shown);
      if (problem !== undefined) return { findings: [], suppressed: 0, skipped: problem };
      const findings = join(result, this.observed, shown);
      // Counted before anything is returned, so that a failure leaves no half-audited file behind.
      const suppressed = await this.turnedOff(text, file, variant, result, findings.length, sourceType);
      return { findings, suppressed };
    } catch (error) {
      // A crash in a rule or a parser must not end the audit: the file is reported as not audited.
      return { findings: [], suppressed: 0, skipped: { file: shown, reason: 'failed', detail: oneLine(error) } };
    }
  }

  /** One instance per group of rule entries and way of reading a file, made when first needed. */
  private eslintFor(variant: number, sourceType: SourceType, allowInlineConfig: boolean): ESLint {
    const key = `${variant} ${sourceType} ${allowInlineConfig}`;
    let eslint = this.instances.get(key);
    if (eslint === undefined) {
      const rules = this.job.ruleVariants[variant] ?? {};
      eslint = new this.tools.ESLint({
        cwd: this.job.baseDirectory,
        overrideConfigFile: true,
        overrideConfig: auditConfig(this.tools.target.recommended, rules, this.job.settings, this.tools.typescriptParser, sourceType),
        allowInlineConfig,
      } as ESLint.Options);
      this.instances.set(key, eslint);
    }
    return eslint;
  }

  /** Lints one file's text; a .js file that module code cannot parse (`with`, octal literals) is read again as a script. */
  private async lintText(text: string, file: string, variant: number): Promise<{ result: ESLint.LintResult; sourceType: SourceType }> {
    this.current = file;
    this.observed = [];
    const result = await lintOne(this.eslintFor(variant, 'module', true), text, file);
    if (fatalOf(result) === undefined || !isJavaScriptAmbiguous(file)) return { result, sourceType: 'module' };
    this.observed = [];
    const again = await lintOne(this.eslintFor(variant, 'commonjs', true), text, file);
    return fatalOf(again) === undefined ? { result: again, sourceType: 'commonjs' } : { result, sourceType: 'module' };
  }

  /**
   * Findings that comments in the file turn off: `eslint-disable` ones ESLint
   * lists as suppressed; `/* eslint feishu/…: "off" *\/` ones only a second
   * lint without inline config shows, run when the text names one of the rules.
   */
  private async turnedOff(text: string, file: string, variant: number, linted: ESLint.LintResult, kept: number, sourceType: SourceType): Promise<number> {
    const suppressed = (linted.suppressedMessages ?? []).filter(isFinding).length;
    // Only a comment that names one of the rules can turn it off (`./feishu/client` imports do not).
    if (!this.ruleIds.some((id) => text.includes(id))) return suppressed;
    this.current = '';
    const bare = await lintOne(this.eslintFor(variant, sourceType, false), text, file);
    return Math.max(suppressed, bare.messages.filter(isFinding).length - kept);
  }
}

/** Why a linted file counts as not audited: it did not parse, or ESLint ignored it. */
function skipReason(result: ESLint.LintResult, file: string, shown: string): SkippedFile | undefined {
  // Never expected (the config un-ignores everything), but never silent: a file ESLint skips is not clean.
  const ignored = result.messages.find((message) => message.ruleId === null && !message.fatal && message.message.startsWith('File ignored'));
  if (ignored !== undefined) return { file: shown, reason: 'failed', detail: ignored.message };
  // A rule that cannot read its options or the settings says so at 1:1 and reports nothing else there: the file
  // was not audited, and the rule's own words say why (the audit checks both before it lints, so this is rare).
  const unread = result.messages.find((message) => message.messageId === INVALID_SETTINGS || message.messageId === INVALID_ALLOW);
  if (unread !== undefined) return { file: shown, reason: 'failed', detail: unread.message };
  const fatal = fatalOf(result);
  if (fatal === undefined) return undefined;
  // The TypeScript parsers' errors count columns from 0 and ESLint passes them on; espree's count from 1, as ESLint does.
  const column = isTypeScript(file) && fatal.column !== undefined ? fatal.column + 1 : fatal.column;
  return { file: shown, reason: 'parse', detail: fatal.message, line: fatal.line, column };
}

async function lintOne(eslint: ESLint, text: string, filePath: string): Promise<ESLint.LintResult> {
  const [result] = await eslint.lintText(text, { filePath });
  if (result === undefined) throw new Error(`ESLint returned no result for ${filePath}`);
  return result;
}

/**
 * The parse error, if the file did not parse. ESLint 10 also marks an
 * `/* eslint-env *\/` comment fatal while still running the rules: only a
 * `Parsing error:` (the words of ESLint 8.57 to 10) means the file was not read.
 */
function fatalOf(result: ESLint.LintResult): Linter.LintMessage | undefined {
  return result.messages.find((message) => message.fatal === true && message.ruleId === null && message.message.startsWith('Parsing error'));
}

function isJavaScriptAmbiguous(file: string): boolean {
  const extension = path.extname(file);
  return extension === '.js' || extension === '.jsx';
}

/**
 * ESLint's feishu messages, each with the subject its rule observed at the
 * same rule, position and messageId (taken in order where several match).
 */
function join(result: ESLint.LintResult, observed: readonly ObservedReport[], file: string): WireFinding[] {
  const pending = new Map<string, ObservedReport[]>();
  for (const report of observed) {
    const key = `${report.ruleId} ${report.line}:${report.column} ${report.messageId}`;
    const list = pending.get(key);
    if (list === undefined) pending.set(key, [report]);
    else list.push(report);
  }
  const findings: WireFinding[] = [];
  for (const message of result.messages) {
    if (!isFinding(message)) continue;
    const report = pending.get(`${message.ruleId} ${message.line}:${message.column} ${message.messageId}`)?.shift();
    if (report === undefined) throw new Error(`no observed report for ${message.ruleId} at ${file}:${message.line}:${message.column}`);
    findings.push({
      file,
      line: message.line,
      column: message.column,
      endLine: message.endLine,
      endColumn: message.endColumn,
      ruleId: message.ruleId,
      message: message.message,
      subject: subjectToWire(report.subject),
    });
  }
  return findings;
}

function oneLine(error: unknown): string {
  return String((error as Error | undefined)?.message ?? error).split('\n')[0] ?? '';
}
