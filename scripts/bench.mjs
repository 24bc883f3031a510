// npm run bench [-- --runs N --sample N --project | --process | --cold-start | --alloc | --floor]: how much the
// plugin costs, measured on a real corpus (tests/bench/corpus). Prints the figures and checks the targets;
// docs/performance.md records them. A benchmark, not a test.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { corpusFiles, countArg, ensureCorpus, fileTimes, median, root, sample, SDK_BUNDLE } from './bench/corpus.mjs';

const require = createRequire(import.meta.url);
// The modes that run alone, each in its own module, instead of the sections below: one a run.
const MODES = {
  // Whole ESLint CLI processes, with, without and with a control plugin.
  '--process': './bench/process.mjs',
  // require plus the first create() of every rule, in fresh processes.
  '--cold-start': './bench/cold-start.mjs',
  // What the rules allocate in a lint, beside the peer, by V8's sampling heap profiler.
  '--alloc': './bench/alloc.mjs',
  // The plugin against a stand-in that makes only its pre-filters' text passes, and four empty rules.
  '--floor': './bench/floor.mjs',
};
const modes = Object.keys(MODES).filter((mode) => process.argv.includes(mode));
if (modes.length > 1) {
  console.error(`one mode at a time: ${modes.join(' and ')} were both given`);
  process.exit(2);
}
if (modes.length === 1) {
  await import(MODES[modes[0]]);
  process.exit(process.exitCode ?? 0);
}
const runs = countArg('--runs', 3);
const corpus = ensureCorpus();
const configFile = path.join(root, 'scripts/bench/lint-config.mjs');
const fsRoot = path.parse(root).root;
const scratch = mkdtempSync(path.join(tmpdir(), 'feishu-bench-'));
// `--project`: section 1 alone, on the corpus as a project's own files. A file in a published package follows no
// import, so the corpus as installed never runs the cross-file resolution; copied to `src/` beside a link to its
// `node_modules` (where its packages' imports of other packages still resolve), its files resolve their relative
// imports and test the imported files' texts, as a project's files do (docs/performance.md#a-projects-own-files).
const asProject = process.argv.includes('--project');
const installed = sample(corpusFiles(corpus), countArg('--sample', 0, 0));
const files = asProject ? projectCopy(installed) : installed;

/** The corpus's packages copied to `<scratch>/project/src`, `node_modules` linked beside: the same files' new paths. */
function projectCopy(list) {
  const project = path.join(scratch, 'project');
  const modules = path.join(corpus, 'node_modules');
  cpSync(modules, path.join(project, 'src'), { recursive: true, verbatimSymlinks: true });
  symlinkSync(modules, path.join(project, 'node_modules'), 'dir');
  writeFileSync(path.join(project, 'package.json'), '{ "name": "bench-project", "private": true }\n');
  return list.map((file) => path.join(project, 'src', path.relative(modules, file)));
}
const results = {};
const verdicts = [];
const check = (label, ok, detail) => verdicts.push(`${ok ? 'PASS' : 'FAIL'}  ${label}: ${detail}`);
const pct = (x) => `${(x * 100).toFixed(2)}%`;
console.log(`corpus: ${files.length} files (${asProject ? `as a project's own files, in ${path.join(scratch, 'project')}` : corpus})`);

// 1. The rules' own time as a share of parse time, from ESLint's per-rule accounting.
const shares = [];
// Each file's fastest time over the runs, per rule set: a garbage-collection pause that lands in one run's rule is
// filtered out, which the totals keep (docs/performance.md#the-rules-own-time).
const fastest = { feishu: new Map(), peer: new Map() };
const keepFastest = (map, file, time) => map.set(file, Math.min(map.get(file) ?? Infinity, time));
for (let run = 0; run < runs; run++) {
  const eslint = new ESLint({ cwd: fsRoot, overrideConfigFile: configFile, stats: true });
  const linted = await eslint.lintFiles(files);
  let parse = 0;
  let feishu = 0;
  let peer = 0;
  let findings = 0;
  let parseErrors = 0;
  for (const result of linted) {
    const { parse: fileParse, feishu: fileFeishu, peer: filePeer } = fileTimes(result);
    parse += fileParse;
    feishu += fileFeishu;
    peer += filePeer;
    keepFastest(fastest.feishu, result.filePath, fileFeishu);
    keepFastest(fastest.peer, result.filePath, filePeer);
    for (const message of result.messages) {
      if (message.fatal) parseErrors++;
      else if (message.ruleId?.startsWith('feishu/')) findings++;
    }
  }
  shares.push({ parse, feishu, peer, findings, parseErrors });
  console.log(`run ${run + 1}: parse ${parse.toFixed(0)} ms, feishu rules ${feishu.toFixed(1)} ms (${pct(feishu / parse)}), n/no-deprecated-api ${peer.toFixed(1)} ms (${pct(peer / parse)}), ${findings} findings, ${parseErrors} parse errors`);
}
results.share = {
  feishu: median(shares.map((s) => s.feishu / s.parse)),
  peer: median(shares.map((s) => s.peer / s.parse)),
  parseMs: median(shares.map((s) => s.parse)),
  feishuMs: median(shares.map((s) => s.feishu)),
  findings: shares[0].findings,
  parseErrors: shares[0].parseErrors,
};
const sumOf = (map) => [...map.values()].reduce((a, b) => a + b, 0);
results.fastest = { feishuMs: sumOf(fastest.feishu), peerMs: sumOf(fastest.peer) };
console.log(`each file's fastest run, summed: feishu rules ${results.fastest.feishuMs.toFixed(1)} ms, n/no-deprecated-api ${results.fastest.peerMs.toFixed(1)} ms: ${(results.fastest.feishuMs / results.fastest.peerMs).toFixed(2)}× the peer`);
// Where that time is, by file size: a per-file floor shows in the small files, a per-character cost in the large.
const sizes = new Map(files.map((file) => [file, statSync(file).size]));
for (const [label, from, below] of [['< 1 kB', 0, 1e3], ['1–10 kB', 1e3, 1e4], ['10–100 kB', 1e4, 1e5], ['100 kB–1 MB', 1e5, 1e6], ['≥ 1 MB', 1e6, Infinity]]) {
  const inBucket = files.filter((file) => sizes.get(file) >= from && sizes.get(file) < below);
  const sum = (map) => inBucket.reduce((total, file) => total + (map.get(file) ?? 0), 0);
  const perFile = (ms) => `${((ms * 1000) / Math.max(1, inBucket.length)).toFixed(1)} µs/file`;
  console.log(`  ${label}: ${inBucket.length} files; feishu ${sum(fastest.feishu).toFixed(1)} ms (${perFile(sum(fastest.feishu))}), peer ${sum(fastest.peer).toFixed(1)} ms (${perFile(sum(fastest.peer))})`);
}
check('plugin time ≤ 2% of parse time', results.share.feishu <= 0.02, pct(results.share.feishu));
// The plugin's one overall budget (docs/performance.md#budgets): a third of the peer's time, measured side by side.
check(
  `plugin time ≤ ⅓ of the peer n/no-deprecated-api${asProject ? " (the corpus as a project's files)" : ''}`,
  results.share.feishu <= results.share.peer / 3,
  `${pct(results.share.feishu)} vs ${pct(results.share.peer)}: ${(results.share.feishu / results.share.peer).toFixed(2)}× the peer`,
);
if (asProject) finish();

// 2. Whole-process throughput and peak memory, with and without the plugin, each in a fresh process.
const list = path.join(scratch, 'files.json');
writeFileSync(list, JSON.stringify(files));
const once = (plugin) =>
  JSON.parse(execFileSync(process.execPath, [path.join(root, 'scripts/bench/lint-once.mjs'), list], { env: { ...process.env, FEISHU_BENCH_PLUGIN: plugin }, encoding: 'utf8', maxBuffer: 1 << 26 }));
// Garbage collection takes about a third of such a run and varies from run to run: alternate, take medians.
const processRuns = { with: [], without: [] };
for (let run = 0; run < runs; run++) {
  processRuns.without.push(once('off'));
  processRuns.with.push(once('on'));
}
const medianOf = (list) => ({ filesPerSecond: median(list.map((r) => r.filesPerSecond)), peakMiB: median(list.map((r) => r.peakMiB)) });
results.process = { with: medianOf(processRuns.with), without: medianOf(processRuns.without) };
console.log(`files/s (median of ${runs}): ${results.process.with.filesPerSecond.toFixed(1)} with the plugin, ${results.process.without.filesPerSecond.toFixed(1)} without; peak memory ${results.process.with.peakMiB.toFixed(0)} MiB with, ${results.process.without.peakMiB.toFixed(0)} MiB without`);

// 3. The matcher alone: paths per second, against the real catalog, a catalog 20 times larger, and the naive way.
const { CATALOG } = require(path.join(root, 'dist/catalog'));
const { compileMatcher, matchPath, normalizePath } = require(path.join(root, 'dist/matcher'));
const bundle = readFileSync(path.join(corpus, SDK_BUNDLE), 'utf8');
// Every Open Platform path the SDK knows (it writes them as `${domain}/open-apis/...` templates).
const paths = [...new Set([...bundle.matchAll(/\/open-apis\/[\w/:.-]{1,200}/g)].map((m) => m[0]))];
const synthetic = CATALOG.flatMap((entry) =>
  Array.from({ length: 20 }, (_, k) => (k === 0 ? entry : { ...entry, id: `${entry.id}.${k}`, path: entry.path.replace(/^\/open-apis\/([^/]+)/, `/open-apis/$1${k}`) })),
);
const matchSynthetic = compileMatcher(synthetic);
const naive = CATALOG.map((entry) => new RegExp(`^${entry.path.slice('/open-apis/'.length).replace(/:\w+/g, '[^/]+')}$`));
const naiveMatch = (value) => {
  const normalized = normalizePath(value);
  if (normalized === undefined) return undefined;
  const joined = normalized.segments.join('/');
  return naive.findIndex((re) => re.test(joined));
};
const perSecond = (match) => {
  const rounds = Math.max(1, Math.ceil(400_000 / paths.length));
  for (const p of paths) match(p);
  const started = performance.now();
  for (let r = 0; r < rounds; r++) for (const p of paths) match(p);
  return (rounds * paths.length) / ((performance.now() - started) / 1000);
};
const timings = { real: [], synthetic: [], naive: [] };
for (let r = 0; r < 5; r++) {
  timings.real.push(perSecond(matchPath));
  timings.synthetic.push(perSecond(matchSynthetic));
  timings.naive.push(perSecond(naiveMatch));
}
results.matcher = {
  paths: paths.length,
  realPerSecond: median(timings.real),
  syntheticPerSecond: median(timings.synthetic),
  naivePerSecond: median(timings.naive),
  syntheticEntries: synthetic.length,
};
const sizeRatio = results.matcher.realPerSecond / results.matcher.syntheticPerSecond;
console.log(`matcher: ${paths.length} SDK paths; ${(results.matcher.realPerSecond / 1e6).toFixed(2)} M paths/s (catalog, ${CATALOG.length} entries), ${(results.matcher.syntheticPerSecond / 1e6).toFixed(2)} M/s (${synthetic.length} entries), naive ${(results.matcher.naivePerSecond / 1e6).toFixed(2)} M/s`);
check('matcher cost independent of catalog size (20×: within 1.2×)', sizeRatio <= 1.2, `${sizeRatio.toFixed(2)}×`);
console.log(`  compiled vs naive (each regex in turn): ${(results.matcher.realPerSecond / results.matcher.naivePerSecond).toFixed(2)}× faster`);

// 4. Typed linting of the typed fixture project: the typed checks' share of typed parse time.
{
  const fixture = path.join(root, 'tests/fixtures/typed');
  const feishu = require(path.join(root, 'dist'));
  const eslint = new ESLint({
    cwd: fixture,
    stats: true,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: require('@typescript-eslint/parser'), parserOptions: { project: './tsconfig.json', tsconfigRootDir: fixture } } },
      { ...feishu.configs.recommended, files: ['**/*.ts'] },
    ],
  });
  const linted = await eslint.lintFiles(readdirSync(fixture).filter((f) => f.endsWith('.ts')).map((f) => path.join(fixture, f)));
  let parse = 0;
  let rules = 0;
  for (const result of linted) {
    for (const pass of result.stats?.times.passes ?? []) {
      parse += pass.parse?.total ?? 0;
      for (const [rule, time] of Object.entries(pass.rules ?? {})) if (rule.startsWith('feishu/')) rules += time.total;
    }
  }
  results.typed = { parseMs: parse, rulesMs: rules, share: rules / parse };
  check('typed checks ≤ 5% of typed parse time', results.typed.share <= 0.05, `${pct(results.typed.share)} (${rules.toFixed(1)} ms of ${parse.toFixed(0)} ms)`);
}

// 5. Threads and cache: the same findings with two threads; a cached second run creates no rule.
{
  const findingsOf = (linted) =>
    linted.flatMap((r) => r.messages.filter((m) => m.ruleId?.startsWith('feishu/')).map((m) => `${r.filePath}:${m.line}:${m.column}:${m.ruleId}`)).sort();
  let started = performance.now();
  const single = await new ESLint({ cwd: fsRoot, overrideConfigFile: configFile }).lintFiles(files);
  const singleSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const threaded = await new ESLint({ cwd: fsRoot, overrideConfigFile: configFile, concurrency: 2 }).lintFiles(files);
  const threadedSeconds = (performance.now() - started) / 1000;
  const same = JSON.stringify(findingsOf(single)) === JSON.stringify(findingsOf(threaded));
  results.threads = { singleSeconds, threadedSeconds, speedUp: singleSeconds / threadedSeconds, sameFindings: same };
  check('--concurrency=2 gives the same findings as one thread', same, `speed-up ${results.threads.speedUp.toFixed(2)}×`);

  const cacheLocation = path.join(scratch, 'eslintcache');
  await new ESLint({ cwd: fsRoot, overrideConfigFile: configFile, cache: true, cacheLocation }).lintFiles(files);
  globalThis.__feishuCreates = 0;
  await new ESLint({ cwd: fsRoot, overrideConfigFile: configFile, cache: true, cacheLocation }).lintFiles(files);
  results.cache = { secondRunCreates: globalThis.__feishuCreates };
  check('a second run with --cache creates no rule', globalThis.__feishuCreates === 0, `${globalThis.__feishuCreates} create() calls`);
}

// 6. Cross-file constants: the cost of one followed import, on a generated project of 50 constants files.
{
  const feishu = require(path.join(root, 'dist'));
  const tsParser = require('@typescript-eslint/parser');
  const { Linter } = require('eslint');
  const project = path.join(scratch, 'cross-file');
  const count = 50;
  mkdirSync(project, { recursive: true });
  const imports = [];
  for (let i = 0; i < count; i++) {
    writeFileSync(path.join(project, `c${i}.ts`), `export const URL_${i} = '/open-apis/message/v4/send';\nexport const OTHER_${i} = 'https://example.com/${i}';\n`);
    imports.push(`import { URL_${i} } from './c${i}';\nfetch(URL_${i});`);
  }
  const code = imports.join('\n');
  const app = path.join(project, 'app.ts');
  const parsing = { files: ['**/*.ts'], languageOptions: { parser: tsParser } };
  const withRule = [parsing, { files: ['**/*.ts'], plugins: { feishu }, rules: { 'feishu/no-legacy-message-chat-api': 'error' } }];
  const time = (config) => {
    const started = performance.now();
    const messages = new Linter({ cwd: project }).verify(code, config, app);
    return { ms: performance.now() - started, findings: messages.length };
  };
  // The parse alone, warm: what linting the file costs without the plugin.
  for (let i = 0; i < 5; i++) time([parsing]);
  const parseOnly = median(Array.from({ length: 7 }, () => time([parsing]).ms));
  const cold = time(withRule);
  const warm = median(Array.from({ length: 7 }, () => time(withRule).ms));
  results.crossFile = { imports: count, parseOnlyMs: parseOnly, coldMsPerImport: (cold.ms - parseOnly) / count, warmMsPerImport: (warm - parseOnly) / count, findings: cold.findings };
  console.log(
    `cross-file: ${count} followed imports, ${cold.findings} findings; the plugin's cost per import ${results.crossFile.coldMsPerImport.toFixed(2)} ms the first time (read and parse), ${results.crossFile.warmMsPerImport.toFixed(3)} ms once cached (stat, resolve, evaluate, match)`,
  );
  check('cross-file: every followed import found', cold.findings === count, `${cold.findings} of ${count}`);
}

finish();

/** Prints the verdicts and the figures, removes the scratch folder, and exits 1 if a target is missed. */
function finish() {
  rmSync(scratch, { recursive: true, force: true });
  console.log(`\n${verdicts.join('\n')}`);
  console.log(`\n${JSON.stringify(results)}`);
  process.exit(verdicts.some((v) => v.startsWith('FAIL')) ? 1 : 0);
}
