import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { AuditError } from './audit-error';
import type { FileOutcome, FileTask, LintJob } from './file-linter';
import type { ToMain, ToWorker } from './lint-protocol';
import { displayPath } from './source-files';

/** The linting process's script, built beside this one. */
const WORKER = path.join(__dirname, 'lint-worker.js');
/** Files sent to a process ahead of the one it lints, so that it never waits for the next. */
const AHEAD = 1;
/** A file whose process died is tried once more in a fresh process before it counts as the cause. */
const ATTEMPTS = 2;
/** The last bytes of a process's stderr, kept to say why it died. */
const STDERR_KEPT = 8192;

interface PoolOptions {
  /** How many processes at most; fewer when there are few files. */
  readonly processes?: number | undefined;
  /** After each file. */
  readonly onFile?: ((done: number) => void) | undefined;
}

/**
 * As many processes as cores, at most 4 (each holds an ESLint and the largest file's tree), and one per
 * FILES_PER_PROCESS files: a process's start (node, ESLint, the parsers, the plugin: about 0.5 s of CPU) costs as
 * much as linting a few dozen ordinary files, so a second one pays only on a larger tree.
 */
export const FILES_PER_PROCESS = 32;
export function defaultPoolSize(files: number): number {
  return Math.max(1, Math.min(availableParallelism(), 4, Math.ceil(files / FILES_PER_PROCESS)));
}

interface Slot {
  readonly child: ChildProcess;
  /** Sent and not answered, oldest first: the first is the one being linted. */
  readonly sent: QueuedTask[];
  ready: boolean;
  stopping: boolean;
  stderr: string;
}

interface QueuedTask {
  readonly task: FileTask;
  attempts: number;
}

/**
 * Lints `tasks` in a small pool of child processes and resolves to each file's
 * outcome. A V8 fatal error (a parser's runaway recursion, memory) ends a
 * whole process, worker threads included; here it ends one child: its file is
 * tried once more in a fresh child, and skipped when it kills that one too;
 * the other files sent to the dead child go back to the queue. A pool whose
 * processes cannot start at all rejects with an AuditError.
 */
export function lintInPool(tasks: readonly FileTask[], job: LintJob, options: PoolOptions = {}): Promise<Map<string, FileOutcome>> {
  const outcomes = new Map<string, FileOutcome>();
  const queue: QueuedTask[] = tasks.map((task) => ({ task, attempts: 0 }));
  const size = Math.min(options.processes ?? defaultPoolSize(tasks.length), Math.max(1, tasks.length));
  const slots = new Set<Slot>();
  let startFailures = 0;

  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const slot of slots) stop(slot);
      if (error === undefined) resolve(outcomes);
      else reject(error);
    };
    const stop = (slot: Slot) => {
      slot.stopping = true;
      if (slot.child.connected) send(slot, { type: 'stop' });
      else slot.child.kill();
    };

    const feed = (slot: Slot) => {
      while (slot.ready && !slot.stopping && slot.sent.length <= AHEAD) {
        const next = queue.shift();
        if (next === undefined) break;
        slot.sent.push(next);
        send(slot, { type: 'lint', task: next.task });
      }
      if (queue.length === 0 && slot.sent.length === 0 && slot.ready) stop(slot);
      if (outcomes.size === tasks.length) finish();
    };

    const spawn = () => {
      const child = fork(WORKER, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
      const slot: Slot = { child, sent: [], ready: false, stopping: false, stderr: '' };
      slots.add(slot);
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (chunk: string) => {
        slot.stderr = (slot.stderr + chunk).slice(-STDERR_KEPT);
      });
      child.on('message', (message: ToMain) => {
        switch (message.type) {
          case 'ready':
            slot.ready = true;
            startFailures = 0;
            feed(slot);
            return;
          case 'failed':
            finish(new AuditError(message.message));
            return;
          case 'outcome': {
            const done = slot.sent.shift();
            if (done?.task.file !== message.file) {
              finish(new Error(`a linting process answered for ${message.file}, not for ${done?.task.file ?? 'nothing'}`));
              return;
            }
            outcomes.set(message.file, message.outcome);
            options.onFile?.(outcomes.size);
            feed(slot);
            return;
          }
        }
      });
      child.on('error', (error) => {
        // Spawning failed, or the channel broke: the exit handler requeues what was sent.
        slot.stderr += `\n${error.message}`;
      });
      child.on('exit', (code, signal) => {
        slots.delete(slot);
        if (settled || (slot.stopping && slot.sent.length === 0)) return;
        if (!slot.ready) {
          // Twice in a row before it could lint anything: this is no file's fault, and no retry will help.
          if (++startFailures >= 2) {
            finish(new AuditError(`the linting processes could not start: ${ending(code, signal, slot.stderr)}.`));
            return;
          }
        } else {
          blame(slot, code, signal);
        }
        if (queue.length > 0) spawn();
        else if (outcomes.size === tasks.length) finish();
      });
      send(slot, { type: 'start', job });
    };

    /** The dead process's first file is the one it was linting: tried again, or skipped; the others are requeued. */
    const blame = (slot: Slot, code: number | null, signal: NodeJS.Signals | null) => {
      const [culprit, ...others] = slot.sent;
      queue.unshift(...others);
      if (culprit === undefined) return;
      culprit.attempts++;
      if (culprit.attempts < ATTEMPTS) {
        queue.unshift(culprit);
        return;
      }
      outcomes.set(culprit.task.file, {
        findings: [],
        suppressed: 0,
        skipped: { file: displayPath(culprit.task.file, job.cwd), reason: 'crashed', detail: ending(code, signal, slot.stderr) },
      });
      options.onFile?.(outcomes.size);
    };

    if (tasks.length === 0) {
      finish();
      return;
    }
    for (let index = 0; index < size; index++) spawn();
  });
}

function send(slot: Slot, message: ToWorker): void {
  // A process that died between two messages: its exit handler requeues what it held.
  if (slot.child.connected) slot.child.send(message, (error) => void error);
}

/** `signal SIGABRT: FATAL ERROR: … out of memory`: how a process ended, in the words it left on stderr. */
function ending(code: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  const how = signal === null ? `exit code ${code ?? '?'}` : `signal ${signal}`;
  const lines = stderr.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const said = lines.find((line) => /^(FATAL ERROR|Fatal error|RangeError|Error)\b/.test(line)) ?? lines.at(-1);
  return said === undefined ? `the linting process ended (${how})` : `the linting process ended (${how}): ${said.slice(0, 200)}`;
}
