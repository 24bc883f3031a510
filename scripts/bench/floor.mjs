// npm run bench -- --floor [--rounds N]: what the plugin costs above the text passes its pre-filters make, on the
// bench corpus as installed (docs/performance.md#above-the-passes). Three rule sets are linted in turn in one process,
// each beside the peer n/no-deprecated-api with ESLint's stats:
// - the plugin;
// - passes: four rules under the plugin's rule names, of which the API rule ESLint creates first and the event rule
//   make the plugin's pre-filter passes over the file's text (the needles taken from the build's compiled notice) and
//   count the hits, and do nothing else;
// - empty: four rules that do nothing (what ESLint's own per-rule work costs).
// Each round lints every set once, in the next of the six orders of the three (over six rounds, each set comes
// after each other one about equally often). Each file's fastest lint after the first round (a warm-up) is kept per
// rule set, and summed by file size.
import path from 'node:path';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ESLint } from 'eslint';
import { BENCH_SETTINGS, corpusBaseConfig, corpusFiles, countArg, ensureCorpus, FILES, fileTimes, root, SDK_BUNDLE } from './corpus.mjs';

const require = createRequire(import.meta.url);
// The first round is a warm-up, left out of the sums: at least one more is needed.
const rounds = countArg('--rounds', 6, 2, ' (the first round is a warm-up)');
const corpus = ensureCorpus();
const files = corpusFiles(corpus);
const dist = path.join(root, 'dist');
const plugin = require(dist);
const { EXTERNAL_CHAT_NOTICE } = require(path.join(dist, 'catalog'));
const { OPEN_APIS_SEGMENT } = require(path.join(dist, 'catalog/open-platform'));
const { compileNotice } = require(path.join(dist, 'matcher'));
const { searchPartOf } = require(path.join(dist, 'syntax/text-search'));
const n = require('eslint-plugin-n');

// The pre-filters' passes (lib/analysis/prefilter.ts): the API rules search the markers (`open-apis` by its part, every
// `/`, the versions' first characters), the SDK words by their parts, and the backslashes of escapes; the event rule
// searches its type by its part.
const compiled = compileNotice(EXTERNAL_CHAT_NOTICE);
const apiNeedles = [searchPartOf(OPEN_APIS_SEGMENT), '/', ...compiled.markerFragments.versionStarts, ...compiled.sdkWordParts, '\\'];
const eventNeedles = [searchPartOf(EXTERNAL_CHAT_NOTICE.legacyEvent.type)];
const EVENT_RULE = 'no-legacy-message-event';
const names = Object.keys(plugin.rules);
const firstApiRule = names.find((name) => name !== EVENT_RULE);
console.log(`passes: ${JSON.stringify(apiNeedles)} in ${firstApiRule}, ${JSON.stringify(eventNeedles)} in ${EVENT_RULE}`);

let hits = 0;
const countHits = (text, needles) => {
  for (const needle of needles) for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) hits++;
};
const standIn = (kind) => ({
  meta: { name: `feishu-${kind}` },
  rules: Object.fromEntries(
    names.map((name) => {
      const needles = kind !== 'passes' ? undefined : name === EVENT_RULE ? eventNeedles : name === firstApiRule ? apiNeedles : undefined;
      return [
        name,
        {
          meta: { type: 'problem', schema: false },
          create(context) {
            // Read as the plugin reads its context's fields (lib/rules/support/file-context.ts).
            if (needles !== undefined) countHits(Reflect.get(context, 'sourceCode').text, needles);
            return {};
          },
        },
      ];
    }),
  ),
});
const sets = { plugin, passes: standIn('passes'), empty: standIn('empty') };
const configOf = (feishu) => [
  ...corpusBaseConfig(),
  { files: FILES, plugins: { n }, rules: { 'n/no-deprecated-api': 'error' } },
  { files: FILES, settings: BENCH_SETTINGS, plugins: { feishu }, rules: Object.fromEntries(names.map((name) => [`feishu/${name}`, 'error'])) },
];

const fastest = Object.fromEntries(Object.keys(sets).map((set) => [set, { feishu: new Map(), peer: new Map() }]));
const keep = (map, file, time) => map.set(file, Math.min(map.get(file) ?? Infinity, time));
const order = Object.keys(sets);
const orders = permutations(order);
for (let round = 0; round < rounds; round++) {
  for (const set of orders[round % orders.length]) {
    const eslint = new ESLint({ cwd: path.parse(root).root, overrideConfigFile: true, overrideConfig: configOf(sets[set]), stats: true });
    const linted = await eslint.lintFiles(files);
    let feishu = 0;
    let peer = 0;
    for (const result of linted) {
      const { feishu: fileFeishu, peer: filePeer } = fileTimes(result);
      feishu += fileFeishu;
      peer += filePeer;
      if (round > 0) {
        keep(fastest[set].feishu, result.filePath, fileFeishu);
        keep(fastest[set].peer, result.filePath, filePeer);
      }
    }
    console.log(`round ${round + 1}${round === 0 ? ' (warm-up)' : ''}, ${set}: feishu rules ${feishu.toFixed(1)} ms, n/no-deprecated-api ${peer.toFixed(1)} ms`);
  }
}

const sizes = new Map(files.map((file) => [file, statSync(file).size]));
const bundle = path.join(corpus, SDK_BUNDLE);
if (!sizes.has(bundle)) console.log(`note: the node-sdk bundle (${SDK_BUNDLE}) is not among the corpus's files: its row is empty`);
const buckets = [
  ['< 1 kB', (file) => sizes.get(file) < 1e3],
  ['1–10 kB', (file) => sizes.get(file) >= 1e3 && sizes.get(file) < 1e4],
  ['10–100 kB', (file) => sizes.get(file) >= 1e4 && sizes.get(file) < 1e5],
  ['100 kB–1 MB', (file) => sizes.get(file) >= 1e5 && sizes.get(file) < 1e6],
  ['the node-sdk bundle', (file) => file === bundle],
];
const sum = (map, keepFile = () => true) => {
  let total = 0;
  for (const [file, time] of map) if (keepFile(file)) total += time;
  return total;
};
console.log(`each file's fastest of rounds 2 to ${rounds}, summed (the peer's from the same lints):`);
for (const set of order) {
  const { feishu, peer } = fastest[set];
  console.log(`  ${set}: ${sum(feishu).toFixed(1)} ms against ${sum(peer).toFixed(1)} ms, ${(sum(feishu) / sum(peer)).toFixed(2)}× the peer`);
  for (const [label, inBucket] of buckets) console.log(`    ${label}: ${sum(feishu, inBucket).toFixed(2)} ms (peer ${sum(peer, inBucket).toFixed(2)} ms)`);
}
// Keeps the stand-in's counting from being optimized away, and shows it ran.
console.log(`hits counted by the passes stand-in: ${hits}`);

/** Every order of `items`. */
function permutations(items) {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}
