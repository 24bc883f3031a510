import { accessSync, constants, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { AuditError } from './audit-error';
import { IgnoreChain } from './ignore-files';
import { compareText, type SkippedFile } from './report';

/** The file kinds the audit lints, by extension: espree for JavaScript, typescript-eslint's parser for TypeScript. */
export const JAVASCRIPT_EXTENSIONS = ['.js', '.jsx', '.mjs', '.cjs'] as const;
export const TYPESCRIPT_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts'] as const;

/**
 * Directories a walk never enters: dependencies, version control, and the
 * build output and caches of common tools. Code there is not the team's own,
 * or is a copy of it. A directory named on the command line is audited anyway.
 */
const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set([
  'node_modules',
  'bower_components',
  'jspm_packages',
  '.git',
  '.hg',
  '.svn',
  'dist',
  'build',
  'out',
  'coverage',
  '.next',
  '.nuxt',
  '.output',
  '.svelte-kit',
  '.turbo',
  '.vercel',
  '.netlify',
  '.serverless',
  '.cache',
  '.parcel-cache',
  '.yarn',
  'storybook-static',
]);

// Declarations hold no calls; minified files are build output.
const SKIPPED_FILE = /\.d\.[cm]?ts$|\.min\.[cm]?js$/;

interface SourceFiles {
  /** Absolute paths, in code-point order. */
  readonly files: readonly string[];
  /** How many of them need the TypeScript parser. */
  readonly typescript: number;
  /** Directories inside the tree that could not be read. */
  readonly unreadable: readonly SkippedFile[];
}

/**
 * The files to audit under `paths` (resolved against `cwd`). Throws an
 * AuditError for a path that does not exist or cannot be read, and for a file
 * named that is not JavaScript or TypeScript.
 */
export function findSourceFiles(paths: readonly string[], cwd: string): SourceFiles {
  // By real path: a file reached twice (named and walked, or through a symbolic link) is audited once.
  const files = new Map<string, string>();
  const add = (file: string) => {
    const real = realPathOf(file);
    if (!files.has(real)) files.set(real, file);
  };
  const unreadable: SkippedFile[] = [];
  for (const given of paths) {
    if (given === '') throw new AuditError("cannot audit '': an empty path.");
    const absolute = path.resolve(cwd, given);
    const stats = namedPath(given, () => statSync(absolute));
    if (stats.isDirectory()) {
      const entries = namedPath(given, () => readdirSync(absolute, { withFileTypes: true }));
      walk(absolute, entries, IgnoreChain.forRoot(absolute), add, unreadable, cwd);
    } else if (stats.isFile()) {
      // A file named is audited whatever a walk would skip (.min.js, .d.ts); only its kind must be known.
      if (!hasSourceExtension(absolute)) {
        throw new AuditError(
          `cannot audit ${given}: not a JavaScript or TypeScript file (${[...JAVASCRIPT_EXTENSIONS, ...TYPESCRIPT_EXTENSIONS].join(' ')}).`,
        );
      }
      namedPath(given, () => accessSync(absolute, constants.R_OK));
      add(absolute);
    } else {
      throw new AuditError(`cannot audit ${given}: neither a file nor a directory.`);
    }
  }
  const sorted = [...files.values()].sort(compareText);
  return { files: sorted, typescript: sorted.filter(isTypeScript).length, unreadable };
}

/**
 * True when a walk of `root` would find a source file at `file` (which need
 * not exist yet): it lies inside `root`, it has a source extension and is no
 * declaration or minified file, no directory on the way is one the walk
 * skips, and .gitignore does not ignore it.
 */
export function wouldBeAudited(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
  if (!isSourceFile(path.basename(file))) return false;
  const directories = path.dirname(relative).split(path.sep).filter((part) => part !== '.' && part !== '');
  if (directories.some((part) => SKIPPED_DIRECTORIES.has(part))) return false;
  let chain: IgnoreChain;
  try {
    if (!statSync(root).isDirectory()) return false;
    chain = IgnoreChain.forRoot(root);
  } catch {
    return false;
  }
  let directory = root;
  for (const part of directories) {
    directory = path.join(directory, part);
    if (chain.ignores(directory, true)) return false;
    let entries: Dirent[] = [];
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch {
      // Not there yet: writing the report would create it, with no .gitignore in it.
    }
    chain = chain.enter(directory, entries);
  }
  return !chain.ignores(file, false);
}

export function isTypeScript(file: string): boolean {
  return (TYPESCRIPT_EXTENSIONS as readonly string[]).includes(path.extname(file));
}

// Case-sensitive, as ESLint's `files` patterns are: `A.JS` is not linted as JavaScript.
function hasSourceExtension(file: string): boolean {
  const extension = path.extname(file);
  return (JAVASCRIPT_EXTENSIONS as readonly string[]).includes(extension) || (TYPESCRIPT_EXTENSIONS as readonly string[]).includes(extension);
}

function isSourceFile(name: string): boolean {
  return hasSourceExtension(name) && !SKIPPED_FILE.test(name);
}

function realPathOf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

// Iterative: a deep tree must not overflow the stack.
function walk(
  root: string,
  rootEntries: Dirent[],
  rootChain: IgnoreChain,
  add: (file: string) => void,
  unreadable: SkippedFile[],
  cwd: string,
): void {
  const stack: { directory: string; entries: Dirent[] | undefined; chain: IgnoreChain }[] = [
    { directory: root, entries: rootEntries, chain: rootChain },
  ];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { directory } = next;
    let entries = next.entries;
    if (entries === undefined) {
      try {
        entries = readdirSync(directory, { withFileTypes: true });
      } catch (error) {
        unreadable.push({ file: `${displayPath(directory, cwd)}/`, reason: 'unreadable', detail: errorCode(error) });
        continue;
      }
    }
    const chain = directory === root ? next.chain : next.chain.enter(directory, entries);
    const subdirectories: string[] = [];
    for (const entry of entries) {
      const absolute = path.join(directory, entry.name);
      // Symbolic links are not followed: they may leave the tree or loop.
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name) && !chain.ignores(absolute, true)) subdirectories.push(absolute);
      } else if (entry.isFile() && isSourceFile(entry.name) && !chain.ignores(absolute, false)) {
        add(absolute);
      }
    }
    for (const subdirectory of subdirectories.sort(compareText).reverse()) {
      stack.push({ directory: subdirectory, entries: undefined, chain });
    }
  }
}

/** `read()` on a path named on the command line: a system error becomes the AuditError that words it. */
function namedPath<T>(given: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new AuditError(pathProblem(given, error));
  }
}

/** `cannot audit src/x: no such file or directory.`, `cannot audit src/x: permission denied (EACCES).` */
export function pathProblem(given: string, error: unknown): string {
  const code = errorCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') return `cannot audit ${given}: no such file or directory.`;
  if (code === 'EACCES' || code === 'EPERM') return `cannot audit ${given}: permission denied (${code}).`;
  return `cannot audit ${given}: it cannot be read (${code}).`;
}

export function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : String((error as Error | undefined)?.message ?? error);
}

/** Relative to the working directory, with `/` separators, as reports show paths. */
export function displayPath(absolute: string, cwd: string): string {
  return path.relative(cwd, absolute).split(path.sep).join('/') || '.';
}
