import { readFileSync, statSync } from 'node:fs';
import { work } from '../../syntax/work';

/**
 * Files over this size are not followed: a constants module is small, and a
 * generated bundle is not worth parsing a second time
 * (docs/behaviour-decisions.md#constants-imported-from-other-files).
 */
export const MAX_FOLLOWED_BYTES = 512 * 1024;

/** What identifies one version of a file: an edit changes its mtime or its size. */
export interface Stamp {
  readonly mtimeMs: number;
  readonly size: number;
}

/**
 * The stamps already read while linting one file, by path (undefined: no regular file there): a file the
 * resolution has just found is not looked at again to read its record.
 */
export type Stamps = Map<string, Stamp | undefined>;

/** stampOf, read once per `stamps`. */
export function stampIn(stamps: Stamps | undefined, path: string): Stamp | undefined {
  if (stamps === undefined) return stampOf(path);
  if (stamps.has(path)) return stamps.get(path);
  const stamp = stampOf(path);
  stamps.set(path, stamp);
  return stamp;
}

/** The stamp of a regular file, or undefined when there is none at `path`. */
export function stampOf(path: string): Stamp | undefined {
  work.stamped++;
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
 * resolution can be missed). Every `get` costs one `stat`, unless the `stamps` it is given hold the file's.
 */
export class StampedCache<Value> {
  private readonly entries = new Map<string, { stamp: Stamp; value: Value }>();

  constructor(private readonly compute: (path: string, text: string) => Value) {}

  /** The value for the file at `path`, or undefined when it is missing, unreadable or over the size cap. */
  get(path: string, stamps?: Stamps): Value | undefined {
    const stamp = stampIn(stamps, path);
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
