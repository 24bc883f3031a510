import { plugin as feishu } from './plugin';
import type * as types from './types';

/**
 * The plugin object, with the types users configure it with beside it:
 * `import feishu, { type FeishuSettings } from 'eslint-plugin-feishu'`, or
 * `feishu.FeishuSettings` from CommonJS.
 */
const plugin = feishu;
// A namespace of types only, merged with the value: what `export =` can carry beside it.
// eslint-disable-next-line @typescript-eslint/no-namespace -- the one way to name types beside `export =`
declare namespace plugin {
  export type FeishuSettings = types.FeishuSettings;
  export type AllowOption = types.AllowOption;
  export type NoLegacyMessageChatApiOptions = types.NoLegacyMessageChatApiOptions;
  export type NoExternalChatReactionApiOptions = types.NoExternalChatReactionApiOptions;
  export type NoExternalChatManagementApiOptions = types.NoExternalChatManagementApiOptions;
  export type NoLegacyMessageEventOptions = types.NoLegacyMessageEventOptions;
  export type RuleOptions = types.RuleOptions;
  export type FeishuRules = types.FeishuRules;
  export type RuleName = types.RuleName;
  export type FeishuPlugin = types.FeishuPlugin;
}

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
