import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { GitignoreFile } from './gitignore';

/** The rules of one ignore file, and the directory its patterns are relative to. */
interface IgnoreLayer {
  readonly directory: string;
  readonly rules: GitignoreFile;
}

/**
 * The .gitignore files in force for one directory, shallowest first, with
 * git's precedence: the last matching pattern of the deepest file that has
 * one decides, ignoring or (`!`) re-including.
 */
export class IgnoreChain {
  private constructor(private readonly layers: readonly IgnoreLayer[]) {}

  /**
   * The chain for an audited directory: the .gitignore files from the
   * repository's root (the nearest ancestor with `.git`) down to it, and the
   * repository's `.git/info/exclude`. Outside a repository, only the
   * directory's own .gitignore.
   */
  static forRoot(directory: string): IgnoreChain {
    const repository = repositoryRoot(directory);
    const layers: IgnoreLayer[] = [];
    if (repository !== undefined) {
      const exclude = readRules(path.join(repository, '.git', 'info', 'exclude'));
      if (exclude !== undefined) layers.push({ directory: repository, rules: exclude });
    }
    const chain = new IgnoreChain(layers);
    const above = repository === undefined ? [] : ancestorsBetween(repository, directory);
    return [...above, directory].reduce((current, dir) => current.enter(dir), chain);
  }

  /** The chain inside `directory`, with its .gitignore if it has one. */
  enter(directory: string): IgnoreChain {
    const rules = readRules(path.join(directory, '.gitignore'));
    return rules === undefined ? this : new IgnoreChain([...this.layers, { directory, rules }]);
  }

  /**
   * True when git would ignore the file or directory at `absolute`, whose
   * parent directories the walk has already found not ignored.
   */
  ignores(absolute: string, isDirectory: boolean): boolean {
    for (let index = this.layers.length - 1; index >= 0; index--) {
      const layer = this.layers[index]!;
      const relative = path.relative(layer.directory, absolute).split(path.sep).join('/');
      if (relative === '' || relative.startsWith('../')) continue;
      const verdict = layer.rules.verdict(relative, isDirectory);
      if (verdict !== undefined) return verdict;
    }
    return false;
  }
}

function readRules(file: string): GitignoreFile | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // No ignore file here, or one that cannot be read: git skips those too.
    return undefined;
  }
  return GitignoreFile.parse(text);
}

function repositoryRoot(directory: string): string | undefined {
  for (let dir = directory; ; dir = path.dirname(dir)) {
    try {
      statSync(path.join(dir, '.git'));
      return dir;
    } catch {
      // not here
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The directories from `top` down to the parent of `bottom`: `top` included, `bottom` not. */
function ancestorsBetween(top: string, bottom: string): string[] {
  const between: string[] = [];
  for (let dir = bottom; dir !== top; ) {
    const parent = path.dirname(dir);
    if (parent === dir) return [];
    dir = parent;
    between.unshift(dir);
  }
  return between;
}
