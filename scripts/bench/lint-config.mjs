// The benchmark's ESLint configuration, in a file so that worker threads
// (--concurrency) can load it. FEISHU_BENCH_PLUGIN=off leaves the plugin out.
// Counts create() calls of the plugin's rules in globalThis.__feishuCreates.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusBaseConfig, FILES } from './corpus.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const feishu = require(path.join(root, 'dist'));
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
        create: (context) => ((globalThis.__feishuCreates += 1), process.env.FEISHU_BENCH_PLUGIN === 'empty' ? {} : rule.create(context)),
      },
    ]),
  ),
};

const withPlugin = process.env.FEISHU_BENCH_PLUGIN !== 'off';

export default [
  ...corpusBaseConfig(),
  { files: FILES, plugins: { n }, rules: { 'n/no-deprecated-api': 'error' } },
  ...(withPlugin
    ? [{ files: FILES, plugins: { feishu: counted }, rules: Object.fromEntries(Object.keys(feishu.rules).map((r) => [`feishu/${r}`, 'error'])) }]
    : []),
];
