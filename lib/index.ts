import { plugin } from './plugin';

// `export =` compiles to `module.exports = plugin`: ESLint 8's require() and a
// flat config's `import feishu from 'eslint-plugin-feishu'` both get the plugin
// object itself, never `{ default: plugin }`.
export = plugin;

// Node reads the names of a CommonJS module's exports by static analysis, which
// cannot see through `module.exports = plugin`; TypeScript would still accept
// `import { rules } from 'eslint-plugin-feishu'`, which would then fail at run
// time. This never runs; it names the exports for that analysis (esbuild's way).
const { meta, rules, configs } = plugin;
// eslint-disable-next-line @typescript-eslint/no-unused-expressions, no-constant-binary-expression -- never runs: an annotation
0 && (module.exports = { meta, rules, configs });
