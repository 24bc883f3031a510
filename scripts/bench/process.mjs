// npm run bench -- --process [--rounds N] [--sample N]: the cost a user feels.
// Runs the ESLint CLI over the bench corpus as whole processes, in rotating
// order, with the plugin, without it, and with a control plugin of four rules
// that do nothing; reports each variant's median wall time, its overhead over
// "without" as a median ratio with its interquartile range, and peak memory;
// and, to help read the verdict (which is by the whole time), the same ratio
// for each run's time outside garbage-collection pauses, and how many full
// collections each run made (gc-meter.mjs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusFiles, countArg, ensureCorpus, median, root, sample } from './corpus.mjs';

const require = createRequire(import.meta.url);
const rounds = countArg('--rounds', 10);
const files = sample(corpusFiles(ensureCorpus()), countArg('--sample', 0, 0));
const eslintBin = path.join(path.dirname(require.resolve('eslint/package.json')), 'bin/eslint.js');
const config = path.join(root, 'scripts/bench/lint-config.mjs');
const gcMeter = pathToFileURL(path.join(root, 'scripts/bench/gc-meter.mjs')).href;
const scratch = mkdtempSync(path.join(tmpdir(), 'feishu-bench-process-'));
const VARIANTS = ['with', 'without', 'control'];
const PLUGIN_ENV = { with: 'on', without: 'off', control: 'control' };

/**
 * One ESLint CLI process over the corpus: wall seconds and peak RSS (MiB), measured by /usr/bin/time; the seconds of
 * its garbage-collection pauses and its number of full collections, by gc-meter.mjs.
 */
function runOnce(variant) {
  const timeFile = path.join(scratch, 'time.txt');
  const gcFile = path.join(scratch, 'gc.json');
  rmSync(gcFile, { force: true });
  const started = performance.now();
  const result = spawnSync(
    '/usr/bin/time',
    ['-f', '%M', '-o', timeFile, process.execPath, '--import', gcMeter, eslintBin, '--config', config, '--format', 'json', '--output-file', path.join(scratch, 'out.json'), '--no-warn-ignored', ...files],
    { cwd: path.parse(root).root, env: { ...process.env, FEISHU_BENCH_PLUGIN: PLUGIN_ENV[variant], FEISHU_BENCH_GC_FILE: gcFile }, encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const seconds = (performance.now() - started) / 1000;
  // Exit 1 means findings; anything else is a broken run.
  if (result.status !== 0 && result.status !== 1) throw new Error(`eslint (${variant}) exited ${result.status}: ${result.stderr.slice(0, 2000)}`);
  const peakMiB = Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)) / 1024;
  const gc = JSON.parse(readFileSync(gcFile, 'utf8'));
  const gcSeconds = gc.pauseMs / 1000;
  return { seconds, peakMiB, gcSeconds, outsideGc: seconds - gcSeconds, fullCollections: gc.full };
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
    line.push(`${variant} ${run.seconds.toFixed(2)} s (${run.fullCollections} full collections)`);
  }
  console.log(`round ${round + 1}: ${line.join(', ')}`);
}

// Per round, each variant against "without" of the same round: the machine's drift cancels out.
const ratios = (variant, measure) => runs[variant].map((run, i) => run[measure] / runs.without[i][measure]);
const results = {};
for (const variant of VARIANTS) {
  const seconds = quartiles(runs[variant].map((r) => r.seconds));
  const ratio = quartiles(ratios(variant, 'seconds'));
  const outsideGc = quartiles(ratios(variant, 'outsideGc'));
  results[variant] = {
    seconds,
    ratio,
    outsideGc,
    gcSeconds: median(runs[variant].map((r) => r.gcSeconds)),
    fullCollections: runs[variant].map((r) => r.fullCollections),
    peakMiB: median(runs[variant].map((r) => r.peakMiB)),
  };
}
const pct = (x) => `${((x - 1) * 100).toFixed(1)}%`;
for (const variant of VARIANTS) {
  const { seconds, ratio, outsideGc, gcSeconds, fullCollections, peakMiB } = results[variant];
  console.log(
    `${variant.padEnd(8)} median ${seconds.median.toFixed(2)} s (IQR ${seconds.q1.toFixed(2)}–${seconds.q3.toFixed(2)}), ` +
      `vs without: median ${pct(ratio.median)} (IQR ${pct(ratio.q1)} to ${pct(ratio.q3)}), peak ${peakMiB.toFixed(0)} MiB`,
  );
  console.log(
    `${''.padEnd(8)} outside GC pauses vs without: median ${pct(outsideGc.median)} (IQR ${pct(outsideGc.q1)} to ${pct(outsideGc.q3)}); ` +
      `GC pauses median ${gcSeconds.toFixed(2)} s; full collections by round ${fullCollections.join(', ')}`,
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
