// A linting process of the audit's pool (lint-pool.ts): lints the files the
// main process sends, one at a time, in order, and sends back each outcome.
import { PLUGIN_TARGET } from './audit-target';
import { flatESLint, loadEslintPackage } from './eslint-runner';
import { FileLinter, type FileOutcome, type FileTask, type LintJob } from './file-linter';
import type { ToMain, ToWorker } from './lint-protocol';
import { loadNamedParser } from './typescript-parser';

// ESLint's warnings speak of the project's own config, which the audit does not use (see cli.ts).
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (/^ESLint\w*Warning$/.test(warning.name)) return;
  process.stderr.write(`${warning.name}: ${warning.message}\n`);
});
// The main process is gone (ended, or killed): nothing is waiting for this one.
process.on('disconnect', () => process.exit(0));

const send = (message: ToMain) => process.send?.(message);

let linter: FileLinter | undefined;
const queue: FileTask[] = [];
let running = false;

async function start(job: LintJob): Promise<void> {
  try {
    const ESLint = await flatESLint(loadEslintPackage());
    const typescriptParser = job.typescriptParser === undefined ? undefined : await loadNamedParser(job.typescriptParser);
    linter = new FileLinter(job, { ESLint, target: PLUGIN_TARGET, typescriptParser });
    send({ type: 'ready' });
    void drain();
  } catch (error) {
    send({ type: 'failed', message: (error as Error).message });
  }
}

/** Strictly one file at a time: a crash is then always the oldest file sent and not answered. */
async function drain(): Promise<void> {
  if (running || linter === undefined) return;
  running = true;
  for (let task = queue.shift(); task !== undefined; task = queue.shift()) {
    let outcome: FileOutcome;
    try {
      outcome = await linter.lint(task);
    } catch (error) {
      // lint() catches what linting throws; this is a bug of the audit itself, kept to the one file.
      outcome = { findings: [], suppressed: 0, skipped: { file: task.file, reason: 'failed', detail: String((error as Error).message) } };
    }
    send({ type: 'outcome', file: task.file, outcome });
  }
  running = false;
}

process.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'start':
      void start(message.job);
      return;
    case 'lint':
      queue.push(message.task);
      void drain();
      return;
    case 'stop':
      linter?.close();
      process.disconnect();
      return;
  }
});
