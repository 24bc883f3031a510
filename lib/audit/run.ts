import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ESLint } from 'eslint';
import { TEXTS, type SettingsSource } from '../messages';
import { PACKAGE_NAME, PACKAGE_VERSION, RULE_PREFIX } from '../package-meta';
import { readRuleAllow } from '../rules/support/endpoint-rule';
import { FeishuSettingsError, parseFeishuSettings, type FeishuSettings, type SettingsSpelling } from '../settings';
import { AuditError } from './audit-error';
import { PLUGIN_TARGET, type AuditTarget } from './audit-target';
import { commonDirectory, flatESLint, lintFiles, loadEslintPackage, type EslintPackage, type LintMode } from './eslint-runner';
import type { FileTask } from './file-linter';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import { FLAG_SPELLING, HELP, parseCommandLine, type AuditOptions } from './options';
import { readProjectSettings, type PluginRules, type ProjectSettings } from './project-config/project-settings';
import { buildReport, type AuditReport, type SkippedFile } from './report';
import { shellCommand } from './shell-quote';
import { displayPath, errorCode, findSourceFiles, isTypeScript, wouldBeAudited } from './source-files';
import { COLOURS, NO_COLOURS, Progress, useColour, type OutputStream } from './terminal';
import { loadTypeScriptParser, TYPESCRIPT_PARSERS, type LoadedParser, type NoParser, type TypeScriptParserName } from './typescript-parser';

/** Everything the command touches outside itself, so that tests can hand in their own. */
interface AuditEnvironment {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** The `eslint` package to lint with; `require('eslint')` when not given. Given, the files are linted in this process. */
  readonly eslintPackage?: EslintPackage;
  /** The rules to audit with; this package's plugin when not given. Given, the files are linted in this process. */
  readonly target?: AuditTarget;
  /** The TypeScript parsers to try, in order (tests); typescript-eslint's, then oxc-parser when not given. */
  readonly typescriptParsers?: readonly TypeScriptParserName[];
  /** How many linting processes at most (tests); 0 lints in this process. */
  readonly processes?: number;
}

/** Exit codes: 0 no findings (or within --max-findings), 1 findings, 2 usage or run-time error. */
const EXIT = { clean: 0, findings: 1, error: 2 } as const;

/**
 * `eslint-plugin-feishu <command> …`: resolves to the exit code. Usage and
 * run-time problems print one line on stderr and give 2; nothing throws.
 */
export async function runCommand(environment: AuditEnvironment): Promise<number> {
  try {
    const command = parseCommandLine(environment.argv);
    if (command.kind === 'help') {
      environment.stdout.write(HELP);
      return EXIT.clean;
    }
    if (command.kind === 'version') {
      environment.stdout.write(`${PACKAGE_VERSION}\n`);
      return EXIT.clean;
    }
    const report = await audit(command.options, environment);
    write(render(report, command.options.format, command.options.output, environment), command.options, environment);
    if (report.audited === 0) {
      // The report lists why; no file read is no answer, not an all-clear.
      throw new AuditError(
        `${report.files === 1 ? 'the one file found could not' : `none of the ${report.files} files found could`} be audited (the report lists why).`,
      );
    }
    return report.findings > command.options.maxFindings ? EXIT.findings : EXIT.clean;
  } catch (error) {
    const message =
      error instanceof AuditError
        ? error.message
        : `internal error, please report it with the command line: ${(error as Error | undefined)?.stack ?? String(error)}`;
    environment.stderr.write(`eslint-plugin-feishu: ${message}\n`);
    return EXIT.error;
  }
}

async function audit(options: AuditOptions, environment: AuditEnvironment): Promise<AuditReport> {
  const started = Date.now();
  const { files, typescript, unreadable } = findSourceFiles(options.paths, environment.cwd);
  // An all-clear for an empty tree would hide a wrong path.
  if (files.length === 0) {
    const unread = unreadable.map((directory) => `${directory.file} (${directory.detail})`);
    throw new AuditError(
      `found no JavaScript or TypeScript files to audit in ${options.paths.join(' ')} ` +
        '(node_modules, build output, declaration and minified files, and what .gitignore ignores are skipped)' +
        (unread.length === 0 ? '.' : `; these directories could not be read: ${unread.slice(0, 5).join(', ')}${unread.length > 5 ? ', …' : ''}.`),
    );
  }
  refuseOutputOntoSource(options, files, environment.cwd);

  // The main process loads ESLint only to read a project's config; the linting processes load their own.
  let eslintPackage = environment.eslintPackage;
  const eslint = () => (eslintPackage ??= loadEslintPackage());
  const target = environment.target ?? PLUGIN_TARGET;
  // Loaded before any file is linted: the parser decides which files can be, and reads an eslint.config.ts.
  const parser: LoadedParser | NoParser | undefined = typescript > 0 ? await loadTypeScriptParser(environment.typescriptParsers ?? TYPESCRIPT_PARSERS) : undefined;
  const typescriptParser = parser !== undefined && 'parser' in parser ? parser : undefined;

  const project = await readProjectSettings({
    files,
    cwd: environment.cwd,
    ESLint: () => flatESLint(eslint()),
    LegacyESLint: () => legacyESLint(eslint()),
    Linter: () => linterOf(eslint()),
    typescriptParser: () => typescriptParser?.parser(),
    useEslintConfig: options.useEslintConfig,
    plugin: pluginRules(target),
  });
  const { raw, settings, source } = resolveSettings(options.flagSettings, project);

  const lintable = parser !== undefined && !('parser' in parser) ? files.filter((file) => !isTypeScript(file)) : files;
  const noParser: SkippedFile[] =
    parser !== undefined && !('parser' in parser)
      ? files.filter(isTypeScript).map((file) => ({ file: displayPath(file, environment.cwd), reason: 'no-parser', detail: parser.reasons.join('; ') || 'none was tried' }))
      : [];
  const tasks: FileTask[] = lintable.map((file) => ({ file, variant: project.variantOf.get(file) ?? 0 }));
  const job = {
    cwd: environment.cwd,
    baseDirectory: commonDirectory(files),
    settings: raw,
    ruleVariants: project.ruleVariants,
    typescriptParser: typescriptParser?.name,
  };
  // The linting processes run the built worker: run from the sources (tests through vitest's transform), the files
  // are linted in this process, as they are with tools a test hands in, which cannot cross to a child process.
  const fromSources = __filename.endsWith('.ts');
  const inProcess = fromSources || environment.eslintPackage !== undefined || environment.target !== undefined || environment.processes === 0;
  const mode: LintMode = inProcess
    ? { kind: 'in-process', eslintPackage: eslint(), target, typescriptParser: typescriptParser?.parser() }
    : { kind: 'pool', processes: environment.processes };

  // No progress line where a program reads the output, nor off a terminal.
  const showProgress = options.format === 'text';
  const progress = new Progress(showProgress ? environment.stderr : { write: () => true }, TEXTS[settings.locale].audit.progress, tasks.length, started);
  progress.start();
  try {
    const outcome = await lintFiles(tasks, job, mode, target.notices, (done) => progress.update(done));
    return buildReport(
      {
        files: files.length,
        audited: lintable.length - outcome.skipped.length,
        findings: outcome.findings,
        skipped: [...unreadable, ...noParser, ...outcome.skipped],
        suppressed: outcome.suppressed,
      },
      settings,
      raw,
      options.maxFindings,
      target,
      source,
      noParser.length === 0 ? undefined : fallbackCommand(options),
    );
  } finally {
    progress.done();
  }
}

/**
 * The settings in force: the config's settings.feishu (when it gives every
 * file one valid value) with the flags over it key by key. When the two do
 * not go together, the flags alone, and a note says so; when the flags alone
 * do not go together either, a usage error.
 */
function resolveSettings(
  flags: Readonly<Record<string, unknown>>,
  project: ProjectSettings,
): { raw: Readonly<Record<string, unknown>>; settings: FeishuSettings; source: SettingsSource } {
  const notes = [...project.notes];
  const fromConfig = project.settings ?? {};
  const merged = { ...fromConfig, ...flags };
  const origin = (key: string) => (key in flags ? 'flags' : (project.settingsFrom ?? 'config'));
  let raw: Readonly<Record<string, unknown>> = merged;
  let settings: FeishuSettings;
  try {
    settings = parseFeishuSettings(merged, project.settings === undefined ? FLAG_SPELLING : mixedSpelling(flags, fromConfig, project.settingsFrom ?? 'config'));
  } catch (error) {
    if (!(error instanceof FeishuSettingsError)) throw error;
    const problem = error.message.replace(/^eslint-plugin-feishu: /, '');
    try {
      settings = parseFeishuSettings(flags, FLAG_SPELLING);
    } catch {
      throw new AuditError(problem);
    }
    notes.push({ kind: 'conflict', problem: problem.replace(/\.$/, '') });
    raw = flags;
  }
  return {
    raw,
    settings,
    source: {
      configFiles: project.configFiles,
      how: project.how,
      keys: Object.entries(raw).map(([key, value]) => ({ key, value, from: raw === flags ? 'flags' : origin(key) })),
      overridden: Object.keys(fromConfig).filter((key) => key in flags),
      notes,
      rules: project.rules,
    },
  };
}

/**
 * Errors about settings partly from the flags and partly from a config: a
 * value the config gave is named with where it came from; a value required
 * is spelled as the flag that would give it.
 */
function mixedSpelling(flags: Readonly<Record<string, unknown>>, config: Readonly<Record<string, unknown>>, from: string): SettingsSpelling {
  const fromConfig = (key: string, value: unknown) => !(key in flags) && key in config && config[key] === value;
  const written = (key: string, value: unknown) => `${key}: ${typeof value === 'string' ? `'${value}'` : String(value)} (${from})`;
  return {
    key: (key, index) => (key in flags || !(key in config) ? FLAG_SPELLING.key(key, index) : `settings.feishu.${key}${index === undefined ? '' : `[${index}]`} (${from})`),
    name: (key) => FLAG_SPELLING.name(key),
    set: (key, value) => (fromConfig(key, value) ? written(key, value) : FLAG_SPELLING.set(key, value)),
    value: (key, value) => (fromConfig(key, value) ? written(key, value) : FLAG_SPELLING.value(key, value)),
  };
}

/** The plugin's rules as the config names them (`feishu/…`), each with how it reads its `allow`. */
function pluginRules(target: AuditTarget): PluginRules {
  const allowOf = new Map<string, ((allow: readonly string[]) => { readonly ids: readonly string[]; readonly problems: readonly string[] }) | undefined>();
  for (const name of Object.keys(target.rules)) {
    const ruleId = `${RULE_PREFIX}${name}`;
    // The report's language for settings notes is English, as for the other notes.
    const reads = readRuleAllow(name, ruleId, [], 'en') !== undefined;
    allowOf.set(ruleId, reads ? (allow) => readRuleAllow(name, ruleId, allow, 'en')! : undefined);
  }
  return { plugins: target.recommended.plugins ?? {}, allowOf };
}

/** ESLint's `Linter`, which parses a config file for the static reader (8.57 and later have it). */
function linterOf(eslintPackage: EslintPackage): NonNullable<EslintPackage['Linter']> {
  if (eslintPackage.Linter === undefined) throw new AuditError('the installed eslint is older than 8.57; install eslint 8.57 or later (npm install --save-dev eslint).');
  return eslintPackage.Linter;
}

/** ESLint's eslintrc class, where the installed ESLint still has one (8.57, 9). */
async function legacyESLint(eslintPackage: EslintPackage): Promise<typeof ESLint | undefined> {
  try {
    return await eslintPackage.loadESLint?.({ useFlatConfig: false });
  } catch {
    return undefined;
  }
}

/**
 * The command that audits the TypeScript files too, with nothing installed
 * into the project: npx puts the plugin, typescript-eslint's parser and a
 * TypeScript it accepts (not npm's `latest`, TypeScript 7) in its cache, and
 * the user's own flags and paths follow.
 */
function fallbackCommand(options: AuditOptions): string {
  return shellCommand([
    'npx',
    '-p',
    `${PACKAGE_NAME}@${PACKAGE_VERSION}`,
    '-p',
    '@typescript-eslint/parser@8.72.0',
    '-p',
    'typescript@~6.0.3',
    PACKAGE_NAME,
    'audit',
    ...options.argv,
  ]);
}

/**
 * `-o` onto a file the audit reads, or onto a path a later audit of the same
 * paths would read (`-o src/report.js`), would overwrite the team's code or
 * feed the report back in as code. `-o report.json` inside the tree is fine.
 */
function refuseOutputOntoSource(options: AuditOptions, files: readonly string[], cwd: string): void {
  if (options.output === undefined) return;
  const output = path.resolve(cwd, options.output);
  const real = realOrSelf(output);
  if (files.some((file) => file === output || realOrSelf(file) === real)) {
    throw new AuditError(`--output ${options.output} is one of the audited source files; the report would overwrite it. Write it elsewhere (--output feishu-report.txt).`);
  }
  if (options.paths.some((given) => wouldBeAudited(path.resolve(cwd, given), output))) {
    throw new AuditError(
      `--output ${options.output} would be audited as source by the next run of the same command (it is a ${path.extname(output)} file inside an audited directory); write the report to a .txt, .json or .sarif file.`,
    );
  }
}

function realOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

function render(report: AuditReport, format: AuditOptions['format'], output: string | undefined, environment: AuditEnvironment): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, environment.cwd);
    case 'text': {
      const toTerminal = output === undefined;
      const colour = toTerminal && useColour(environment.stdout, environment.env);
      const width = toTerminal && environment.stdout.isTTY === true ? Math.min(environment.stdout.columns ?? 100, 120) : 100;
      return formatText(report, colour ? COLOURS : NO_COLOURS, Math.max(width, 60));
    }
  }
}

function write(text: string, options: AuditOptions, environment: AuditEnvironment): void {
  if (options.output === undefined) {
    environment.stdout.write(text);
    return;
  }
  const file = path.resolve(environment.cwd, options.output);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (error) {
    throw new AuditError(`--output ${options.output} cannot be written: ${writeProblem(errorCode(error))}.`);
  }
}

function writeProblem(code: string): string {
  if (code === 'EEXIST' || code === 'ENOTDIR') return `a part of its path is a file, not a directory (${code})`;
  if (code === 'EISDIR') return `it is a directory (${code})`;
  if (code === 'EACCES' || code === 'EPERM') return `permission denied (${code})`;
  return code;
}
