import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ESLint, Linter } from 'eslint';
import { RULE_PREFIX } from '../package-meta';
import { observeReports, type ObservedReport } from '../subjects';
import { AuditError } from './audit-error';
import { ruleIdsOf, type AuditTarget } from './audit-target';
import type { Finding, SkippedFile } from './report';
import { displayPath, errorCode, isTypeScript, JAVASCRIPT_EXTENSIONS, TYPESCRIPT_EXTENSIONS } from './source-files';

/** What the runner needs of the `eslint` package: `loadESLint`, in ESLint 8.57 and later. */
export interface EslintPackage {
  loadESLint?: (options?: { useFlatConfig?: boolean }) => Promise<typeof ESLint>;
}

interface LintOutcome {
  readonly findings: Finding[];
  readonly skipped: SkippedFile[];
  /** Findings comments in the code turn off. */
  readonly suppressed: number;
}

interface RunnerOptions {
  readonly eslintPackage: EslintPackage;
  /** The rules to run, with their recommended config. */
  readonly target: AuditTarget;
  /** `@typescript-eslint/parser`, when the files include TypeScript. */
  readonly typescriptParser: Linter.Parser | undefined;
  readonly rawSettings: Readonly<Record<string, unknown>>;
  /** Where reported paths are relative to. */
  readonly cwd: string;
  /** Called after each file. */
  readonly onFile?: (done: number) => void;
}

type SourceType = 'module' | 'commonjs';

/** A report of one of the plugin's rules (ESLint's own complaints about a comment naming one have no messageId). */
function isFinding(message: Linter.LintMessage): message is Linter.LintMessage & { ruleId: string; messageId: string } {
  return message.ruleId?.startsWith(RULE_PREFIX) === true && message.messageId !== undefined;
}
const glob = (extensions: readonly string[]) => extensions.map((extension) => `**/*${extension}`);

/**
 * The whole configuration of an audit: the plugin's recommended config, the
 * settings from the flags, espree for JavaScript (JSX on), typescript-eslint's
 * parser for TypeScript. No config file of the audited project is read.
 */
function auditConfig(
  recommended: Linter.Config,
  rawSettings: Readonly<Record<string, unknown>>,
  typescriptParser: Linter.Parser | undefined,
  javascriptSourceType: SourceType,
): Linter.Config[] {
  const config: Linter.Config[] = [
    { ...recommended, files: glob([...JAVASCRIPT_EXTENSIONS, ...TYPESCRIPT_EXTENSIONS]) },
    // The rules report guarded and handled calls too: the report lists them apart (docs/audit.md).
    { settings: { feishu: { ...rawSettings, reportGuarded: true } } },
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
 * Lints `files` one at a time through ESLint's Node API and joins each
 * feishu report ESLint keeps (eslint-disable comments honoured) to what the
 * rule said it is about. A file that does not parse, cannot be read or makes
 * linting throw is skipped, never fatal.
 */
export async function lintFiles(files: readonly string[], options: RunnerOptions): Promise<LintOutcome> {
  const ESLintClass = await flatESLint(options.eslintPackage);
  const ruleIds = ruleIdsOf(options.target);
  const cwd = commonDirectory(files);
  // One instance per way of reading a file, made when first needed.
  const instances = new Map<string, ESLint>();
  const eslintFor = (sourceType: SourceType, allowInlineConfig: boolean) => {
    const key = `${sourceType} ${allowInlineConfig}`;
    let eslint = instances.get(key);
    if (eslint === undefined) {
      eslint = new ESLintClass({
        cwd,
        overrideConfigFile: true,
        overrideConfig: auditConfig(options.target.recommended, options.rawSettings, options.typescriptParser, sourceType),
        allowInlineConfig,
      } as ESLint.Options);
      instances.set(key, eslint);
    }
    return eslint;
  };

  let observed: ObservedReport[] = [];
  let current = '';
  // Another audit in this process may lint at the same time: keep this file's reports only.
  const stopObserving = observeReports((report) => {
    if (report.filename === current) observed.push(report);
  });
  /** Lints one file's text; a .js file that module code cannot parse (`with`, octal literals) is read again as a script. */
  const lint = async (text: string, file: string): Promise<{ result: ESLint.LintResult; sourceType: SourceType }> => {
    current = file;
    observed = [];
    const result = await lintOne(eslintFor('module', true), text, file);
    if (fatalOf(result) === undefined || !isJavaScriptAmbiguous(file)) return { result, sourceType: 'module' };
    observed = [];
    const again = await lintOne(eslintFor('commonjs', true), text, file);
    return fatalOf(again) === undefined ? { result: again, sourceType: 'commonjs' } : { result, sourceType: 'module' };
  };
  /**
   * Findings that comments in the file turn off: `eslint-disable` ones ESLint
   * lists as suppressed; `/* eslint feishu/…: "off" *\/` ones only a second
   * lint without inline config shows, run when the text names one of the rules.
   */
  const turnedOff = async (text: string, file: string, linted: ESLint.LintResult, kept: number, sourceType: SourceType): Promise<number> => {
    const suppressed = (linted.suppressedMessages ?? []).filter(isFinding).length;
    // Only a comment that names one of the rules can turn it off (`./feishu/client` imports do not).
    if (!ruleIds.some((id) => text.includes(id))) return suppressed;
    current = '';
    const bare = await lintOne(eslintFor(sourceType, false), text, file);
    return Math.max(suppressed, bare.messages.filter(isFinding).length - kept);
  };

  const outcome = { findings: [] as Finding[], skipped: [] as SkippedFile[], suppressed: 0 };
  const audit = async (file: string): Promise<void> => {
    const shown = displayPath(file, options.cwd);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      outcome.skipped.push({ file: shown, reason: 'unreadable', detail: errorCode(error) });
      return;
    }
    try {
      const { result, sourceType } = await lint(text, file);
      const problem = skipReason(result, file, shown);
      if (problem !== undefined) {
        outcome.skipped.push(problem);
        return;
      }
      const findings = join(result, observed, shown);
      // Counted before anything is added, so that a failure leaves no half-audited file behind.
      const suppressed = await turnedOff(text, file, result, findings.length, sourceType);
      outcome.findings.push(...findings);
      outcome.suppressed += suppressed;
    } catch (error) {
      // A crash in a rule or a parser must not end the audit: the file is reported as not audited.
      outcome.skipped.push({ file: shown, reason: 'failed', detail: oneLine(error) });
    }
  };
  try {
    for (const [index, file] of files.entries()) {
      await audit(file);
      options.onFile?.(index + 1);
    }
  } finally {
    stopObserving();
  }
  return outcome;
}

/** Why a linted file counts as not audited: it did not parse, or ESLint ignored it. */
function skipReason(result: ESLint.LintResult, file: string, shown: string): SkippedFile | undefined {
  // Never expected (the config un-ignores everything), but never silent: a file ESLint skips is not clean.
  const ignored = result.messages.find((message) => message.ruleId === null && !message.fatal && message.message.startsWith('File ignored'));
  if (ignored !== undefined) return { file: shown, reason: 'failed', detail: ignored.message };
  const fatal = fatalOf(result);
  if (fatal === undefined) return undefined;
  // typescript-eslint's parse errors count columns from 0 and ESLint passes them on; espree's count from 1, as ESLint does.
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
function join(result: ESLint.LintResult, observed: readonly ObservedReport[], file: string): Finding[] {
  const pending = new Map<string, ObservedReport[]>();
  for (const report of observed) {
    const key = `${report.ruleId} ${report.line}:${report.column} ${report.messageId}`;
    const list = pending.get(key);
    if (list === undefined) pending.set(key, [report]);
    else list.push(report);
  }
  const findings: Finding[] = [];
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
      subject: report.subject,
    });
  }
  return findings;
}

/** The ESLint class that reads flat config, from ESLint 8.57, 9 or 10. */
async function flatESLint(eslintPackage: EslintPackage): Promise<typeof ESLint> {
  if (typeof eslintPackage.loadESLint !== 'function') {
    throw new AuditError('the installed eslint is older than 8.57; install eslint 8.57 or later (npm install --save-dev eslint).');
  }
  return eslintPackage.loadESLint({ useFlatConfig: true });
}

/** The deepest directory holding every file: ESLint's base path, so that no file lies outside it. */
export function commonDirectory(files: readonly string[]): string {
  const [first, ...rest] = files.map((file) => path.dirname(file));
  if (first === undefined) return process.cwd();
  let common = first;
  for (const directory of rest) {
    while (directory !== common && !directory.startsWith(common.endsWith(path.sep) ? common : common + path.sep)) {
      common = path.dirname(common);
    }
  }
  return common;
}

function oneLine(error: unknown): string {
  return String((error as Error | undefined)?.message ?? error).split('\n')[0] ?? '';
}
