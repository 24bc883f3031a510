import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';

// Not on Windows, where a FIFO cannot stand in for a file anyway.
const NON_BLOCKING = constants.O_NONBLOCK ?? 0;

/** A path that is there but is no regular file (a FIFO, a socket, a device): reading it could block forever. */
export class NotAFileError extends Error {
  readonly code = 'ENOTFILE';
  constructor(file: string) {
    super(`${file} is not a regular file`);
    this.name = 'NotAFileError';
  }
}

/**
 * The text of the regular file at `file`. Opened without blocking and checked
 * before it is read, so that a FIFO in its place (a `.gitignore`, a source file
 * swapped mid-run) throws NotAFileError instead of waiting for a writer that
 * never comes. System errors (ENOENT, EACCES…) are thrown as they are.
 */
export function readRegularFile(file: string): string {
  const descriptor = openSync(file, constants.O_RDONLY | NON_BLOCKING);
  try {
    if (!fstatSync(descriptor).isFile()) throw new NotAFileError(file);
    return readFileSync(descriptor, 'utf8');
  } finally {
    closeSync(descriptor);
  }
}

/** The text of the regular file at `file`, or undefined when there is none or it cannot be read. */
export function readRegularFileIfAny(file: string): string | undefined {
  try {
    return readRegularFile(file);
  } catch {
    return undefined;
  }
}
