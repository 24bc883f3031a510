import path from 'node:path';
import type { ESLint, Linter } from 'eslint';
import type { Notice } from '../catalog';
import { AuditError } from './audit-error';
import type { AuditTarget } from './audit-target';
import { FileLinter, type FileOutcome, type FileTask, type LintJob } from './file-linter';
import { lintInPool } from './lint-pool';
import type { Finding, SkippedFile } from './report';
import { subjectFromWire } from './subject-wire';

/** What the audit needs of the `eslint` package: `loadESLint` and `Linter`, in ESLint 8.57 and later. */
export interface EslintPackage {
  loadESLint?: (options?: { useFlatConfig?: boolean }) => Promise<typeof ESLint>;
  Linter?: new (options?: { configType?: 'flat' | 'eslintrc'; cwd?: string }) => Linter;
}

interface LintOutcome {
  readonly findings: Finding[];
  readonly skipped: SkippedFile[];
  /** Findings comments in the code turn off. */
  suppressed: number;
}

/**
 * How the files are linted: in a pool of child processes (what the command
 * does: a file that kills its process costs only itself, and the main process
 * stays free to draw progress), or in this process with tools a test hands
 * in (an ESLint package, rules of another notice), which cannot cross to a
 * child process.
 */
export type LintMode =
  | { readonly kind: 'pool'; readonly processes?: number | undefined }
  | { readonly kind: 'in-process'; readonly eslintPackage: EslintPackage; readonly target: AuditTarget; readonly typescriptParser: Linter.Parser | undefined };

/**
 * Lints every task and gathers the findings, the files not audited and the
 * findings comments turn off, in the order of `tasks`.
 */
export async function lintFiles(
  tasks: readonly FileTask[],
  job: LintJob,
  mode: LintMode,
  notices: readonly Notice[],
  onFile?: (done: number) => void,
): Promise<LintOutcome> {
  const outcomes = mode.kind === 'pool' ? await lintInPool(tasks, job, { processes: mode.processes, onFile }) : await lintHere(tasks, job, mode, onFile);
  const outcome: LintOutcome = { findings: [], skipped: [], suppressed: 0 };
  for (const { file } of tasks) {
    const one = outcomes.get(file);
    if (one === undefined) throw new Error(`no outcome for ${file}`);
    if (one.skipped !== undefined) outcome.skipped.push(one.skipped);
    outcome.findings.push(...one.findings.map((finding) => ({ ...finding, subject: subjectFromWire(finding.subject, notices) })));
    outcome.suppressed += one.suppressed;
  }
  return outcome;
}

async function lintHere(
  tasks: readonly FileTask[],
  job: LintJob,
  mode: Extract<LintMode, { kind: 'in-process' }>,
  onFile?: (done: number) => void,
): Promise<Map<string, FileOutcome>> {
  const linter = new FileLinter(job, { ESLint: await flatESLint(mode.eslintPackage), target: mode.target, typescriptParser: mode.typescriptParser });
  const outcomes = new Map<string, FileOutcome>();
  try {
    for (const task of tasks) {
      outcomes.set(task.file, await linter.lint(task));
      onFile?.(outcomes.size);
    }
  } finally {
    linter.close();
  }
  return outcomes;
}

/** The ESLint class that reads flat config, from ESLint 8.57, 9 or 10. */
export async function flatESLint(eslintPackage: EslintPackage): Promise<typeof ESLint> {
  if (typeof eslintPackage.loadESLint !== 'function') {
    throw new AuditError('the installed eslint is older than 8.57; install eslint 8.57 or later (npm install --save-dev eslint).');
  }
  return eslintPackage.loadESLint({ useFlatConfig: true });
}

/** The `eslint` package beside the plugin (its peer dependency), never one of the audited tree's. */
export function loadEslintPackage(): EslintPackage {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the peer dependency, loaded only to audit
    return require('eslint') as EslintPackage;
  } catch {
    throw new AuditError('eslint is not installed: run npm install --save-dev eslint (8.57 or later).');
  }
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
