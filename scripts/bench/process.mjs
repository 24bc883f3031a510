// npm run bench -- --process [--rounds N] [--sample N]: the cost a user feels.
// Runs the ESLint CLI over the bench corpus as whole processes, in rotating
// order, with the plugin, without it, and with a control plugin of four rules
// that do nothing; reports each variant's median wall time, its overhead over
// "without" as a median ratio with its interquartile range, and peak memory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { corpusFiles, countArg, ensureCorpus, median, root, sample } from './corpus.mjs';

const require = createRequire(import.meta.url);
const rounds = countArg('--rounds', 10);
const files = sample(corpusFiles(ensureCorpus()), countArg('--sample', 0, 0));
const eslintBin = path.join(path.dirname(require.resolve('eslint/package.json')), 'bin/eslint.js');
const config = path.join(root, 'scripts/bench/lint-config.mjs');
const scratch = mkdtempSync(path.join(tmpdir(), 'feishu-bench-process-'));
const VARIANTS = ['with', 'without', 'control'];
const PLUGIN_ENV = { with: 'on', without: 'off', control: 'control' };

/** One ESLint CLI process over the corpus: wall seconds and peak RSS (MiB), measured by /usr/bin/time. */
function runOnce(variant) {
  const timeFile = path.join(scratch, 'time.txt');
  const started = performance.now();
  const result = spawnSync(
    '/usr/bin/time',
    ['-f', '%M', '-o', timeFile, process.execPath, eslintBin, '--config', config, '--format', 'json', '--output-file', path.join(scratch, 'out.json'), '--no-warn-ignored', ...files],
    { cwd: path.parse(root).root, env: { ...process.env, FEISHU_BENCH_PLUGIN: PLUGIN_ENV[variant] }, encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const seconds = (performance.now() - started) / 1000;
  // Exit 1 means findings; anything else is a broken run.
  if (result.status !== 0 && result.status !== 1) throw new Error(`eslint (${variant}) exited ${result.status}: ${result.stderr.slice(0, 2000)}`);
  const peakMiB = Number(spawnSync('cat', [timeFile], { encoding: 'utf8' }).stdout.trim().split('\n').at(-1)) / 1024;
  return { seconds, peakMiB };
}

function quartiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => {
    const position = (sorted.length - 1) * q;
    const low = Math.floor(position);
    const high = Math.ceil(position);
    return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
  };
  return { q1: at(0.25), median: at(0.5), q3: at(0.75) };
}

console.log(`process benchmark: ${files.length} files, ${rounds} rounds × ${VARIANTS.length} variants, rotating order`);
const runs = { with: [], without: [], control: [] };
for (let round = 0; round < rounds; round++) {
  // Rotate the order each round, so that no variant always runs first (cold caches) or last.
  const order = VARIANTS.map((_, i) => VARIANTS[(i + round) % VARIANTS.length]);
  const line = [];
  for (const variant of order) {
    const run = runOnce(variant);
    runs[variant].push(run);
    line.push(`${variant} ${run.seconds.toFixed(2)} s`);
  }
  console.log(`round ${round + 1}: ${line.join(', ')}`);
}

// Per round, each variant against "without" of the same round: the machine's drift cancels out.
const ratios = (variant) => runs[variant].map((run, i) => run.seconds / runs.without[i].seconds);
const results = {};
for (const variant of VARIANTS) {
  const seconds = quartiles(runs[variant].map((r) => r.seconds));
  const ratio = quartiles(ratios(variant));
  results[variant] = { seconds, ratio, peakMiB: median(runs[variant].map((r) => r.peakMiB)) };
}
const pct = (x) => `${((x - 1) * 100).toFixed(1)}%`;
for (const variant of VARIANTS) {
  const { seconds, ratio, peakMiB } = results[variant];
  console.log(
    `${variant.padEnd(8)} median ${seconds.median.toFixed(2)} s (IQR ${seconds.q1.toFixed(2)}–${seconds.q3.toFixed(2)}), ` +
      `vs without: median ${pct(ratio.median)} (IQR ${pct(ratio.q1)} to ${pct(ratio.q3)}), peak ${peakMiB.toFixed(0)} MiB`,
  );
}
const overhead = results.with.ratio.median;
const control = results.control.ratio;
const withinControl = overhead >= control.q1 && overhead <= control.q3;
const verdict = overhead <= 1.02 || withinControl;
console.log(
  `\n${verdict ? 'PASS' : 'FAIL'}  the plugin's median overhead ${pct(overhead)} is ${overhead <= 1.02 ? 'at most 2%' : withinControl ? "within the control plugin's IQR" : "above 2% and outside the control plugin's IQR"} ` +
    `(control: ${pct(control.median)}, IQR ${pct(control.q1)} to ${pct(control.q3)})`,
);
console.log(`\n${JSON.stringify({ rounds, files: files.length, ...results })}`);
rmSync(scratch, { recursive: true, force: true });
if (!verdict) process.exitCode = 1;
