/** What the audit needs of an output stream: process.stdout and process.stderr, or a test's stand-in. */
export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
  readonly columns?: number | undefined;
}

/** Styles for the text report; every one is the identity without colour. */
export interface Styles {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
}

const sgr = (open: number, close: number) => (text: string) => `\u001B[${open}m${text}\u001B[${close}m`;
const plain = (text: string) => text;

export const COLOURS: Styles = { bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39), cyan: sgr(36, 39) };
export const NO_COLOURS: Styles = { bold: plain, dim: plain, red: plain, yellow: plain, green: plain, cyan: plain };

/**
 * Colour only on a terminal; NO_COLOR (any value but empty) turns it off
 * (no-color.org), FORCE_COLOR (any value but `0`) on where it is not.
 */
export function useColour(stream: OutputStream, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return stream.isTTY === true;
}

/**
 * A one-line progress indicator on a terminal: files done of the total and
 * the seconds since the audit started, redrawn in place at most every 100 ms
 * once the audit has run for half a second, and every second by a timer, so
 * that it moves while a large file is linted (the files are linted in other
 * processes: this one is free). Nothing off a terminal.
 */
export class Progress {
  private lastDraw = 0;
  private drawn = false;
  private done_ = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly stream: OutputStream,
    private readonly line: (done: number, total: number, seconds: number) => string,
    private readonly total: number,
    private readonly started: number = Date.now(),
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts the timer that redraws the elapsed time between files. */
  start(): void {
    if (this.stream.isTTY !== true || this.timer !== undefined) return;
    this.timer = setInterval(() => this.draw(), 1000);
    // It never keeps the process alive.
    this.timer.unref();
  }

  update(done: number): void {
    this.done_ = done;
    this.draw();
  }

  private draw(): void {
    if (this.stream.isTTY !== true) return;
    const now = this.now();
    if (now - this.started < 500 || now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.drawn = true;
    const width = Math.max(20, (this.stream.columns ?? 80) - 1);
    const seconds = Math.floor((now - this.started) / 1000);
    this.stream.write(`\r\u001B[2K${this.line(this.done_, this.total, seconds).slice(0, width)}`);
  }

  /** Stops the timer and clears the line, so that nothing of it stays above the report. */
  done(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    if (this.drawn) this.stream.write('\r\u001B[2K');
    this.drawn = false;
  }
}
