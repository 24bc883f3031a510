import { plugin } from './plugin';

// `export =` compiles to `module.exports = plugin`: ESLint 8's require() and a
// flat config's `import feishu from 'eslint-plugin-feishu'` both get the plugin
// object itself, never `{ default: plugin }`.
export = plugin;
