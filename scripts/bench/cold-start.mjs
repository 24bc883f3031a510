// npm run bench -- --cold-start [--rounds N]: what loading the plugin costs a
// fresh process: `require` of the package, then the first `create()` of every
// rule (through ESLint's Linter, as an editor's first lint does), with `settings.feishu`
// set as the README configures it (BENCH_SETTINGS), so that the first create() reads them. Each round
// is a new Node.js process; ESLint itself is loaded and warmed up before the
// clock starts, so only the plugin's share is measured.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { BENCH_SETTINGS, countArg, median, root } from './corpus.mjs';

const rounds = countArg('--rounds', 20);

// Runs in the child: ESLint warmed up with an empty config, then the clock.
const probe = `
const { Linter } = require('eslint');
const linter = new Linter();
linter.verify('const a = 1;', [{ rules: {} }]);
const t0 = performance.now();
const feishu = require(${JSON.stringify(path.join(root, 'dist'))});
const t1 = performance.now();
const created = [];
const rules = Object.fromEntries(Object.entries(feishu.rules).map(([name, rule]) => [name, { ...rule, create: (context) => { const t = performance.now(); const listener = rule.create(context); created.push(performance.now() - t); return listener; } }]));
const t2 = performance.now();
linter.verify('const a = 1;', [{ settings: ${JSON.stringify(BENCH_SETTINGS)}, plugins: { feishu: { rules } }, rules: Object.fromEntries(Object.keys(rules).map((r) => ['feishu/' + r, 'error'])) }]);
const t3 = performance.now();
process.stdout.write(JSON.stringify({ requireMs: t1 - t0, createMs: created.reduce((a, b) => a + b, 0), firstLintMs: t3 - t2, rules: created.length }));
`;

const samples = [];
for (let round = 0; round < rounds; round++) {
  const result = spawnSync(process.execPath, ['-e', probe], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`cold-start probe failed: ${result.stderr}`);
  samples.push(JSON.parse(result.stdout));
}
const requireMs = median(samples.map((s) => s.requireMs));
const createMs = median(samples.map((s) => s.createMs));
const firstLintMs = median(samples.map((s) => s.firstLintMs));
const total = requireMs + createMs;
console.log(`cold start, median of ${rounds} fresh processes: require ${requireMs.toFixed(1)} ms, first create() of ${samples[0].rules} rules ${createMs.toFixed(2)} ms (first lint with them: ${firstLintMs.toFixed(1)} ms)`);
const ok = total <= 50;
console.log(`${ok ? 'PASS' : 'FAIL'}  require + first create() ≤ 50 ms: ${total.toFixed(1)} ms`);
console.log(JSON.stringify({ rounds, requireMs, createMs, firstLintMs }));
if (!ok) process.exitCode = 1;
