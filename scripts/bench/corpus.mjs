// The benchmark and smoke corpus: real npm packages pinned by a committed
// lockfile (tests/bench/corpus), installed with `npm ci --ignore-scripts` on
// first use into a cache folder outside the repository, keyed by the lockfile.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpusSource = path.join(root, 'tests/bench/corpus');
const MAX_FILE_BYTES = 512 * 1024;
/** The node-sdk bundle: 6 MB, every Open Platform path in it. Linted whatever its size. */
export const SDK_BUNDLE = 'node_modules/@larksuiteoapi/node-sdk/lib/index.js';

/** Installs the corpus if needed; returns its folder. */
export function ensureCorpus() {
  const lock = readFileSync(path.join(corpusSource, 'package-lock.json'));
  const key = createHash('sha256').update(lock).digest('hex').slice(0, 12);
  const directory = process.env.FEISHU_CORPUS_DIR ?? path.join(tmpdir(), 'eslint-plugin-feishu-corpus', key);
  if (!existsSync(path.join(directory, 'node_modules/.package-lock.json'))) {
    mkdirSync(directory, { recursive: true });
    for (const file of ['package.json', 'package-lock.json']) copyFileSync(path.join(corpusSource, file), path.join(directory, file));
    process.stderr.write(`installing the corpus into ${directory}\n`);
    execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: directory, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return directory;
}

/** Every .js/.cjs/.mjs file of the corpus under 512 KB, plus the node-sdk bundle; sorted, absolute. */
export function corpusFiles(directory) {
  const files = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && /\.(?:c|m)?js$/.test(entry.name) && statSync(full).size < MAX_FILE_BYTES) files.push(full);
    }
  };
  walk(path.join(directory, 'node_modules'));
  const bundle = path.join(directory, SDK_BUNDLE);
  if (!files.includes(bundle)) files.push(bundle);
  return files.sort();
}

/** Every JavaScript and TypeScript fixture of the project's tests. */
export function fixtureFiles() {
  const files = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(full);
      else if (entry.isFile() && /\.(?:c|m)?[jt]s$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full);
    }
  };
  walk(path.join(root, 'tests/fixtures'));
  return files.sort();
}

/** Every k-th file, for a sample of about `count` files (deterministic). */
export function sample(files, count) {
  if (!(count > 0) || count >= files.length) return files;
  const step = files.length / count;
  return Array.from({ length: count }, (_, i) => files[Math.floor(i * step)]);
}

/**
 * The whole number given after a command-line flag (`--rounds 6`), or `fallback` without the flag. Anything else, or
 * less than `least`, ends the process with a message that names the flag and what it got (exit 2).
 */
export function countArg(name, fallback, least = 1, why = '') {
  const i = process.argv.indexOf(name);
  if (i === -1) return fallback;
  const given = process.argv[i + 1];
  const value = Number(given);
  if (given === undefined || given.trim() === '' || !Number.isInteger(value) || value < least) {
    console.error(`${name} must be a whole number of at least ${least}${why}, got ${given === undefined ? 'nothing' : JSON.stringify(given)}`);
    process.exit(2);
  }
  return value;
}

/**
 * One linted file's times by ESLint's stats, in ms: parse, the plugin's rules (`feishu/…`), and the peer
 * `n/no-deprecated-api`, summed over the file's passes.
 */
export function fileTimes(result) {
  let parse = 0;
  let feishu = 0;
  let peer = 0;
  for (const pass of result.stats?.times.passes ?? []) {
    parse += pass.parse?.total ?? 0;
    for (const [rule, time] of Object.entries(pass.rules ?? {})) {
      if (rule.startsWith('feishu/')) feishu += time.total;
      else if (rule === 'n/no-deprecated-api') peer += time.total;
    }
  }
  return { parse, feishu, peer };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The plugin's settings in every bench lint: the README's configuration (`appType` set), so that each file's read
 * of `settings.feishu` is measured with the rules. Zero-config skips that read.
 */
export const BENCH_SETTINGS = Object.freeze({ feishu: Object.freeze({ appType: 'self-built' }) });

// ESLint does not count the universal glob as matching a file: the corpus's extensions, named.
export const FILES = ['**/*.js', '**/*.cjs', '**/*.mjs', '**/*.jsx', '**/*.ts', '**/*.cts', '**/*.mts', '**/*.tsx'];

/**
 * The flat-config entries every corpus lint starts with: lint the installed
 * packages ESLint skips by default, ignore their own eslint comments (they name
 * rules and plugins this run does not load), and parse with typescript-eslint.
 */
export function corpusBaseConfig() {
  const tsParser = createRequire(import.meta.url)('@typescript-eslint/parser');
  return [
    { ignores: ['!**/node_modules/'] },
    { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' } },
    { files: FILES, languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } } },
  ];
}
