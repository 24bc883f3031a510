import type { FileOutcome, FileTask, LintJob } from './file-linter';

/** What the main process sends a linting process: the job once, then files, then stop. */
export type ToWorker =
  | { readonly type: 'start'; readonly job: LintJob }
  | { readonly type: 'lint'; readonly task: FileTask }
  | { readonly type: 'stop' };

/** What a linting process answers: ready (or why it cannot start), then one outcome per file, in order. */
export type ToMain =
  | { readonly type: 'ready' }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'outcome'; readonly file: string; readonly outcome: FileOutcome };
