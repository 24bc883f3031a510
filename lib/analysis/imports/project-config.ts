import path from 'node:path';
import { createPathsMatcher, parseTsconfig, type TsConfigJsonResolved } from 'get-tsconfig';
import { StampedCache, stampOf } from './stamped-files';

/**
 * The project configuration that decides where a module specifier points:
 * the nearest `tsconfig.json` or `jsconfig.json` (its `paths` and `baseUrl`,
 * read with get-tsconfig, `extends` included) and the nearest `package.json`
 * (its `imports`, for `#x` specifiers). Each is read once per thread while its
 * path, mtime and size are unchanged.
 */

/** A `paths` / `baseUrl` matcher: the candidate paths of a specifier, most specific pattern first. */
type PathsMatcher = (specifier: string) => string[];

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'] as const;

const tsconfigs = new StampedCache<PathsMatcher | null>((configPath) => {
  try {
    // get-tsconfig resolves `extends` itself; its own cache is not kept, so an edited base is read again
    // whenever the file that extends it changes.
    const config: TsConfigJsonResolved = parseTsconfig(configPath);
    return createPathsMatcher({ path: configPath, config });
  } catch {
    // A tsconfig that does not parse gives no aliases; the file is not followed through them.
    return null;
  }
});

const packageJsons = new StampedCache<PackageJson | null>((_, text) => {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as PackageJson) : null;
  } catch {
    return null;
  }
});

/** The fields of a package.json that resolution reads. */
export interface PackageJson {
  readonly name?: unknown;
  readonly main?: unknown;
  readonly module?: unknown;
  readonly types?: unknown;
  readonly exports?: unknown;
  readonly imports?: unknown;
}

// The nearest config file of each directory, found once per thread: a config created later is seen after a restart.
const nearestConfig = new Map<string, string | null>();
const nearestPackage = new Map<string, string | null>();

function findUp(directory: string, names: readonly string[], memo: Map<string, string | null>): string | undefined {
  const known = memo.get(directory);
  // A remembered file that has gone is looked for again.
  if (known !== undefined && (known === null || stampOf(known) !== undefined)) return known ?? undefined;
  let found: string | null = null;
  for (const name of names) {
    const candidate = path.join(directory, name);
    if (stampOf(candidate) !== undefined) {
      found = candidate;
      break;
    }
  }
  if (found === null && !isTopOfProject(directory)) {
    const parent = path.dirname(directory);
    found = parent === directory ? null : (findUp(parent, names, memo) ?? null);
  }
  memo.set(directory, found);
  return found ?? undefined;
}

/** The search stops at a `node_modules` folder's package root and at the file system root. */
function isTopOfProject(directory: string): boolean {
  const parent = path.dirname(directory);
  if (path.basename(parent) === 'node_modules') return true;
  return path.basename(parent).startsWith('@') && path.basename(path.dirname(parent)) === 'node_modules';
}

/** The `paths` / `baseUrl` matcher of the nearest tsconfig.json or jsconfig.json, or undefined. */
export function pathsMatcherFor(directory: string): PathsMatcher | undefined {
  const config = findUp(directory, CONFIG_NAMES, nearestConfig);
  return config === undefined ? undefined : (tsconfigs.get(config) ?? undefined);
}

/** The nearest package.json and its folder, or undefined. */
export function nearestPackageJson(directory: string): { readonly directory: string; readonly json: PackageJson } | undefined {
  const file = findUp(directory, ['package.json'], nearestPackage);
  const json = file === undefined ? undefined : packageJsons.get(file);
  return file === undefined || json === undefined || json === null ? undefined : { directory: path.dirname(file), json };
}

/** The package.json in a package folder, or undefined. */
export function packageJsonIn(directory: string): PackageJson | undefined {
  return packageJsons.get(path.join(directory, 'package.json')) ?? undefined;
}
