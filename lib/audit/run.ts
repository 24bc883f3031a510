import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TEXTS } from '../messages';
import { PACKAGE_VERSION } from '../package-meta';
import { AuditError } from './audit-error';
import { PLUGIN_TARGET, type AuditTarget } from './audit-target';
import { lintFiles, type EslintPackage } from './eslint-runner';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import { HELP, parseCommandLine, type AuditOptions } from './options';
import { buildReport, type AuditReport } from './report';
import { errorCode, findSourceFiles } from './source-files';
import { COLOURS, NO_COLOURS, Progress, useColour, type OutputStream } from './terminal';
import { loadTypeScriptParser } from './typescript-parser';

/** Everything the command touches outside itself, so that tests can hand in their own. */
interface AuditEnvironment {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** The `eslint` package to lint with; `require('eslint')` when not given. */
  readonly eslintPackage?: EslintPackage;
  /** The rules to audit with; this package's plugin when not given. */
  readonly target?: AuditTarget;
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
    write(render(report, command.options, environment), command.options, environment);
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
  // Checked before any file is linted: a run that cannot read TypeScript must not look clean.
  const typescriptParser = typescript > 0 ? loadTypeScriptParser(typescript, environment.cwd) : undefined;
  const target = environment.target ?? PLUGIN_TARGET;
  const progress = new Progress(environment.stderr, TEXTS[options.settings.locale].audit.progress, files.length);
  try {
    const outcome = await lintFiles(files, {
      eslintPackage: environment.eslintPackage ?? loadEslintPackage(),
      target,
      typescriptParser,
      rawSettings: options.rawSettings,
      cwd: environment.cwd,
      onFile: (done) => progress.update(done),
    });
    return buildReport(
      {
        files: files.length,
        audited: files.length - outcome.skipped.length,
        findings: outcome.findings,
        skipped: [...unreadable, ...outcome.skipped],
        suppressed: outcome.suppressed,
      },
      options.settings,
      options.rawSettings,
      options.maxFindings,
      target,
    );
  } finally {
    progress.done();
  }
}

function render(report: AuditReport, options: AuditOptions, environment: AuditEnvironment): string {
  switch (options.format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, environment.cwd);
    case 'text': {
      const toTerminal = options.output === undefined;
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

function loadEslintPackage(): EslintPackage {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the peer dependency, loaded only to audit
    return require('eslint') as EslintPackage;
  } catch {
    throw new AuditError('eslint is not installed: run npm install --save-dev eslint (8.57 or later).');
  }
}
