import { readFileSync, statSync } from 'node:fs';

/**
 * Files over this size are not followed: a constants module is small, and a
 * generated bundle is not worth parsing a second time
 * (docs/behaviour-decisions.md#constants-imported-from-other-files).
 */
export const MAX_FOLLOWED_BYTES = 512 * 1024;

/** What identifies one version of a file: an edit changes its mtime or its size. */
interface Stamp {
  readonly mtimeMs: number;
  readonly size: number;
}

/** The stamp of a regular file, or undefined when there is none at `path`. */
export function stampOf(path: string): Stamp | undefined {
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat?.isFile() ? { mtimeMs: stat.mtimeMs, size: stat.size } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Per-thread values computed from files, each kept while the file's path,
 * mtime and size are unchanged, so that an editor sees an edited file on the
 * next lint (an edit that keeps the size within the file system's timestamp
 * resolution can be missed). Every `get` costs one `stat`.
 */
export class StampedCache<Value> {
  private readonly entries = new Map<string, { stamp: Stamp; value: Value }>();

  constructor(private readonly compute: (path: string, text: string) => Value) {}

  /** The value for the file at `path`, or undefined when it is missing, unreadable or over the size cap. */
  get(path: string): Value | undefined {
    const stamp = stampOf(path);
    if (stamp === undefined || stamp.size > MAX_FOLLOWED_BYTES) {
      this.entries.delete(path);
      return undefined;
    }
    const cached = this.entries.get(path);
    if (cached !== undefined && cached.stamp.mtimeMs === stamp.mtimeMs && cached.stamp.size === stamp.size) return cached.value;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      this.entries.delete(path);
      return undefined;
    }
    const value = this.compute(path, text);
    this.entries.set(path, { stamp, value });
    return value;
  }
}
