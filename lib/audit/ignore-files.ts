import { lstatSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { GitignoreFile } from './gitignore';
import { readRegularFile, readRegularFileIfAny } from './safe-read';

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
  private constructor(
    private readonly layers: readonly IgnoreLayer[],
    /** The repository's `core.ignorecase`. */
    private readonly ignoreCase: boolean,
  ) {}

  /**
   * The chain for an audited directory: the .gitignore files from its
   * repository's root (the nearest directory up with `.git`) down to it, and
   * the repository's `info/exclude`. Outside a repository, only the
   * directory's own .gitignore.
   */
  static forRoot(directory: string): IgnoreChain {
    const repository = repositoryOf(directory);
    if (repository === undefined) return new IgnoreChain([], false).withIgnoreFileOf(directory);
    const ignoreCase = readIgnoreCase(repository.gitDirectory);
    const exclude = readRules(path.join(repository.gitDirectory, 'info', 'exclude'), ignoreCase);
    const chain = new IgnoreChain(exclude === undefined ? [] : [{ directory: repository.root, rules: exclude }], ignoreCase);
    return [...ancestorsBetween(repository.root, directory), directory].reduce((current, dir) => current.withIgnoreFileOf(dir), chain);
  }

  /**
   * The chain inside `directory`, a subdirectory the walk enters, from the
   * entries the walk has read there (no further look at the disk unless it
   * holds a .gitignore). A nested repository (a submodule, a vendored
   * checkout) starts a chain of its own, as git reads it from inside.
   */
  enter(directory: string, entries: readonly Dirent[]): IgnoreChain {
    if (entries.some((entry) => entry.name === '.git')) return IgnoreChain.forRoot(directory);
    // git (2.32 and later) does not follow a symbolic link in place of an ignore file.
    const ignoreFile = entries.some((entry) => entry.name === '.gitignore' && entry.isFile());
    return ignoreFile ? this.withIgnoreFileOf(directory) : this;
  }

  private withIgnoreFileOf(directory: string): IgnoreChain {
    const rules = readRules(path.join(directory, '.gitignore'), this.ignoreCase);
    return rules === undefined ? this : new IgnoreChain([...this.layers, { directory, rules }], this.ignoreCase);
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

function readRules(file: string, ignoreCase: boolean): GitignoreFile | undefined {
  let text: string;
  try {
    // git (2.32 and later) does not follow a symbolic link in place of an ignore file.
    if (lstatSync(file).isSymbolicLink()) return undefined;
    text = readRegularFile(file);
  } catch {
    // No ignore file here, or one that cannot be read (a FIFO in its place is not waited on): git skips those too.
    return undefined;
  }
  return GitignoreFile.parse(text, ignoreCase);
}

interface Repository {
  /** The work tree's root: where `.git` is. */
  readonly root: string;
  /** Where `info/exclude` and `config` are: `.git`, or for a worktree or submodule, what its `.git` file points to. */
  readonly gitDirectory: string;
}

function repositoryOf(directory: string): Repository | undefined {
  for (let dir = directory; ; dir = path.dirname(dir)) {
    const gitDirectory = gitDirectoryOf(dir);
    if (gitDirectory !== undefined) return { root: dir, gitDirectory };
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** `.git` itself, or the directory a `.git` file's `gitdir:` names, followed to its `commondir` (worktrees). */
function gitDirectoryOf(directory: string): string | undefined {
  const dotGit = path.join(directory, '.git');
  let stats;
  try {
    stats = statSync(dotGit);
  } catch {
    return undefined;
  }
  if (stats.isDirectory()) return dotGit;
  try {
    const pointer = readRegularFile(dotGit)
      .split('\n')
      .find((line) => line.startsWith('gitdir:'))
      ?.slice('gitdir:'.length)
      .trim();
    if (pointer === undefined || pointer === '') return dotGit;
    const gitDirectory = path.resolve(directory, pointer);
    const commonDirectory = readRegularFileIfAny(path.join(gitDirectory, 'commondir'));
    return commonDirectory === undefined ? gitDirectory : path.resolve(gitDirectory, commonDirectory.trim());
  } catch {
    return dotGit;
  }
}

/** `core.ignorecase` from the repository's config: `git init` sets it on case-insensitive file systems. */
function readIgnoreCase(gitDirectory: string): boolean {
  const text = readRegularFileIfAny(path.join(gitDirectory, 'config'));
  if (text === undefined) return false;
  let section = '';
  for (const line of text.split('\n')) {
    const header = /^\s*\[([^\]\s]+)/.exec(line);
    if (header?.[1] !== undefined) {
      section = header[1].toLowerCase();
      continue;
    }
    const setting = /^\s*ignorecase\s*=\s*(\w+)/i.exec(line);
    if (section === 'core' && setting?.[1] !== undefined) return /^(true|yes|on|1)$/i.test(setting[1]);
  }
  return false;
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
