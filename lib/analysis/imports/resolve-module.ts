import { realpathSync } from 'node:fs';
import path from 'node:path';
import { resolveExports, resolveImports, type PathConditions, type PathConditionsMap } from 'resolve-pkg-maps';
import { nearestPackageJson, packageJsonIn, pathsMatcherFor, type PackageJson } from './project-config';
import { stampIn, type Stamp, type Stamps } from './stamped-files';

/**
 * Where a module specifier of a project file points, by Node's and
 * TypeScript's rules (docs/behaviour-decisions.md#constants-imported-from-other-files):
 * relative paths with the extensions `.ts .tsx .mts .cts .js .jsx .mjs .cjs`
 * (and declaration files), a `.js` written for a `.ts` file, directory index
 * files; `paths` and `baseUrl` of the nearest tsconfig.json or jsconfig.json;
 * package.json `imports` (`#x`); and packages found in `node_modules` whose real
 * path lies outside it (workspace packages). The result is followed only when it is
 * a real file of the project, outside `node_modules`: a published package is
 * never followed, and neither are the imports of a file inside one.
 */
export function resolveModule(specifier: string, importer: string, stamps: Stamps): string | undefined {
  if (isInPackage(importer)) return undefined;
  const outer = lookingWith;
  lookingWith = stamps;
  try {
    return resolveFrom(specifier, importer);
  } finally {
    lookingWith = outer;
  }
}

/**
 * The stamps of the lint resolveModule is resolving for: each file it looks at (a candidate, or a file found
 * before) is looked at once per linted file, and the imported file's record reads the same stamp.
 */
let lookingWith: Stamps | undefined;

/** The stamp of a file the resolution looks at (stampIn the lint's stamps). */
function stamp(file: string): Stamp | undefined {
  return stampIn(lookingWith, file);
}

function resolveFrom(specifier: string, importer: string): string | undefined {
  const directory = path.dirname(importer);
  const order = isJavaScript(importer) ? JAVASCRIPT_ORDER : TYPESCRIPT_ORDER;
  // A relative file found once is looked for again only when it has gone; a specifier not found, and an alias
  // (whose tsconfig or package.json may change), are looked for at every lint.
  const relative = isRelative(specifier);
  const key = `${order.name}\u0000${directory}\u0000${specifier}`;
  let file = relative ? locatedFiles.get(key) : undefined;
  if (file === undefined || stamp(file) === undefined) {
    file = locate(specifier, directory, order);
    if (file !== undefined && relative) locatedFiles.set(key, file);
    else locatedFiles.delete(key);
  }
  return file !== undefined && !isInPackage(file) ? file : undefined;
}

// Per thread. A file added later that would take precedence (`x.ts` beside a found `x.js`) is seen after a restart.
const locatedFiles = new Map<string, string>();
// The real folder of each package name seen from a folder, or null for a published package: per thread, as
// packages are installed or linked between editor sessions, not during one.
const packageFolders = new Map<string, string | null>();

function realPath(file: string): string | undefined {
  try {
    return realpathSync.native(file);
  } catch {
    return undefined;
  }
}

/** Conditions of `exports` and `imports` maps: with `types` (a TypeScript project's sources), and without. */
const WITH_TYPES = ['types', 'import', 'require', 'node', 'default'];
const WITHOUT_TYPES = ['import', 'require', 'node', 'default'];

/**
 * The order files are looked for: extensions tried for a specifier written
 * without one, and whether a written JavaScript extension stands first for its
 * TypeScript source (`import './x.js'` of `x.ts`). A TypeScript file resolves as
 * TypeScript does (sources and declarations first); a JavaScript file as Node
 * and bundlers do (JavaScript first, then TypeScript sources, declarations last).
 */
interface ResolutionOrder {
  readonly name: string;
  readonly extensions: readonly string[];
  readonly sourceFirst: boolean;
  /** The condition lists of `exports` and `imports` maps, tried in turn. */
  readonly conditions: readonly (readonly string[])[];
}

const TYPESCRIPT_ORDER: ResolutionOrder = {
  name: 'typescript',
  extensions: ['.ts', '.tsx', '.d.ts', '.mts', '.d.mts', '.cts', '.d.cts', '.js', '.jsx', '.mjs', '.cjs'],
  sourceFirst: true,
  conditions: [WITH_TYPES, WITHOUT_TYPES],
};
const JAVASCRIPT_ORDER: ResolutionOrder = {
  name: 'javascript',
  extensions: ['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts', '.d.ts', '.d.mts', '.d.cts'],
  sourceFirst: false,
  conditions: [WITHOUT_TYPES, WITH_TYPES],
};

function isJavaScript(file: string): boolean {
  return /\.[cm]?jsx?$/.test(file);
}

/** The TypeScript sources a written JavaScript extension stands for (`import './x.js'` of `x.ts`). */
const SOURCE_FOR_OUTPUT: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx', '.d.ts'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts', '.d.mts'],
  '.cjs': ['.cts', '.d.cts'],
};

function locate(specifier: string, directory: string, order: ResolutionOrder): string | undefined {
  if (specifier.length === 0) return undefined;
  if (isRelative(specifier) || path.isAbsolute(specifier)) return probe(path.resolve(directory, specifier), order);
  if (specifier.startsWith('#')) return subpathImport(specifier, directory, order);
  const matcher = pathsMatcherFor(directory);
  for (const candidate of matcher?.(specifier) ?? []) {
    const found = probe(candidate, order);
    if (found !== undefined) return found;
  }
  return packageImport(specifier, directory, order);
}

function isRelative(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}

/** A file at `base` as written, with an extension added, a JavaScript extension swapped for its source, or a directory's index. */
function probe(base: string, order: ResolutionOrder): string | undefined {
  const extension = path.extname(base);
  const written = extension !== '' && stamp(base) !== undefined;
  if (written && !order.sourceFirst) return base;
  for (const source of SOURCE_FOR_OUTPUT[extension] ?? []) {
    const candidate = base.slice(0, -extension.length) + source;
    if (stamp(candidate) !== undefined) return candidate;
  }
  if (written) return base;
  for (const added of order.extensions) if (stamp(base + added) !== undefined) return base + added;
  const json = packageJsonIn(base);
  const main = json === undefined ? undefined : stringField(json.main);
  if (main !== undefined) {
    const found = probe(path.resolve(base, main), order);
    if (found !== undefined) return found;
  }
  for (const added of order.extensions) {
    const index = path.join(base, `index${added}`);
    if (stamp(index) !== undefined) return index;
  }
  return undefined;
}

/** `#x` through the nearest package.json's `imports`. */
function subpathImport(specifier: string, directory: string, order: ResolutionOrder): string | undefined {
  const owner = nearestPackageJson(directory);
  const imports = owner?.json.imports;
  if (owner === undefined || !isMap(imports)) return undefined;
  for (const conditions of order.conditions) {
    for (const target of safely(() => resolveImports(imports, specifier, conditions))) {
      const found = isRelative(target) ? probe(path.resolve(owner.directory, target), order) : packageImport(target, owner.directory, order);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** A bare specifier: the package folder in the nearest `node_modules` that has it, then its `exports`, `main` or index. */
function packageImport(specifier: string, directory: string, order: ResolutionOrder): string | undefined {
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  if (parts.length < nameLength || parts.slice(0, nameLength).some((part) => part.length === 0)) return undefined;
  const name = parts.slice(0, nameLength).join('/');
  const subpath = parts.slice(nameLength).join('/');
  const key = `${directory}\u0000${name}`;
  if (!packageFolders.has(key)) packageFolders.set(key, workspaceFolder(name, directory));
  const folder = packageFolders.get(key);
  const json = folder === null || folder === undefined ? undefined : packageJsonIn(folder);
  return folder === null || folder === undefined || json === undefined ? undefined : packageEntry(folder, json, subpath, order);
}

/**
 * The real folder of the package `name` as seen from `directory` (the nearest `node_modules` that has it),
 * when it is a workspace package linked from outside `node_modules`; null for a published or missing one.
 */
function workspaceFolder(name: string, directory: string): string | null {
  for (let current = directory; ; current = path.dirname(current)) {
    if (path.basename(current) !== 'node_modules') {
      const folder = path.join(current, 'node_modules', name);
      if (packageJsonIn(folder) !== undefined) {
        const real = realPath(folder);
        return real === undefined || real.split(path.sep).includes('node_modules') ? null : real;
      }
    }
    if (path.dirname(current) === current) return null;
  }
}

function packageEntry(folder: string, json: PackageJson, subpath: string, order: ResolutionOrder): string | undefined {
  const exportsField = json.exports;
  if (exportsField !== undefined && exportsField !== null) {
    for (const conditions of order.conditions) {
      for (const target of safely(() => resolveExports(exportsField as PathConditions, subpath, conditions))) {
        const found = probe(path.resolve(folder, target), order);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  }
  if (subpath !== '') return probe(path.join(folder, subpath), order);
  for (const field of order.sourceFirst ? [json.types, json.module, json.main] : [json.main, json.module, json.types]) {
    const entry = stringField(field);
    const found = entry === undefined ? undefined : probe(path.resolve(folder, entry), order);
    if (found !== undefined) return found;
  }
  return probe(path.join(folder, 'index'), order);
}

/** resolve-pkg-maps throws on a specifier its map does not export: that is "not found" here. */
function safely(resolve: () => string[]): string[] {
  try {
    return resolve();
  } catch {
    return [];
  }
}

function isMap(value: unknown): value is PathConditionsMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The file lies in a package under `node_modules`: published code, not the project's. */
export function isInPackage(file: string): boolean {
  return file.includes(NODE_MODULES_DIR);
}

const NODE_MODULES_DIR = `${path.sep}node_modules${path.sep}`;
