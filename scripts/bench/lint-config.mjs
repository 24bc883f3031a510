// The benchmark's ESLint configuration, in a file so that worker threads
// (--concurrency) and CLI processes can load it.
// Counts create() calls of the plugin's rules in globalThis.__feishuCreates.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_SETTINGS, corpusBaseConfig, FILES } from './corpus.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// FEISHU_BENCH_PLUGIN: on (default), off, empty (the plugin's rules created but doing nothing), control (below).
const mode = process.env.FEISHU_BENCH_PLUGIN ?? 'on';
const withPlugin = mode === 'on' || mode === 'empty';
// The plugin is loaded only when a variant uses it: "off" and "control" must not pay its module load.
const feishu = withPlugin ? require(path.join(root, 'dist')) : { rules: {} };
const n = require('eslint-plugin-n');

globalThis.__feishuCreates ??= 0;
const counted = {
  ...feishu,
  rules: Object.fromEntries(
    Object.entries(feishu.rules).map(([name, rule]) => [
      name,
      {
        ...rule,
        // FEISHU_BENCH_PLUGIN=empty: the rules load and are created but do nothing, to tell ESLint's per-rule cost from the analysis's.
        create: (context) => ((globalThis.__feishuCreates += 1), mode === 'empty' ? {} : rule.create(context)),
      },
    ]),
  ),
};

// FEISHU_BENCH_PLUGIN=control: a plugin of four rules that do nothing, in place of this one. It tells what any
// four-rule plugin costs a process (ESLint's own per-rule work) from what this plugin's code costs.
const control = {
  meta: { name: 'control', version: '0.0.0' },
  rules: Object.fromEntries(['a', 'b', 'c', 'd'].map((name) => [name, { meta: { type: 'problem', schema: [] }, create: () => ({}) }])),
};

export default [
  ...corpusBaseConfig(),
  { files: FILES, plugins: { n }, rules: { 'n/no-deprecated-api': 'error' } },
  ...(withPlugin
    ? [{ files: FILES, settings: BENCH_SETTINGS, plugins: { feishu: counted }, rules: Object.fromEntries(Object.keys(feishu.rules).map((r) => [`feishu/${r}`, 'error'])) }]
    : []),
  ...(mode === 'control' ? [{ files: FILES, plugins: { control }, rules: { 'control/a': 'error', 'control/b': 'error', 'control/c': 'error', 'control/d': 'error' } }] : []),
];
