// npm run fuzz [-- --seed N --cases M]: the fuzzer of tests/fuzz with any seed and any number of cases (npm test
// runs 2,000 with fixed seeds). A failure prints the smallest program fast-check shrank it to, with the seed and
// path that replay it.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: npm run fuzz -- [--seed <integer>] [--cases <positive integer>]';

function parseArgs(argv) {
  const options = { seed: String(Date.now() % 2 ** 31), cases: '1000' };
  const seen = new Set();
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i];
    const value = argv[i + 1];
    if (name !== '--seed' && name !== '--cases') fail(`unknown argument ${JSON.stringify(name)}`);
    if (seen.has(name)) fail(`${name} given twice`);
    seen.add(name);
    if (value === undefined) fail(`${name} needs a value`);
    if (name === '--seed' && !/^-?\d{1,9}$/.test(value)) fail(`--seed must be an integer, got ${JSON.stringify(value)}`);
    if (name === '--cases' && (!/^\d{1,9}$/.test(value) || Number(value) === 0)) fail(`--cases must be a positive integer, got ${JSON.stringify(value)}`);
    options[name.slice(2)] = value;
  }
  return options;
}

function fail(message) {
  console.error(`fuzz: ${message}\n${USAGE}`);
  process.exit(2);
}

const { seed, cases } = parseArgs(process.argv.slice(2));
console.log(`fuzz: ${cases} cases, seed ${seed}`);
const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', 'tests/fuzz/fuzz.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_SEED: seed, FUZZ_CASES: cases },
});
process.exit(run.status ?? 1);
