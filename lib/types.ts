import type { Linter, Rule } from 'eslint';
import type { RuleName } from './rules';

/** The plugin object's public type: only ESLint's own types, so consumers need nothing else. */
export interface FeishuPlugin {
  readonly meta: { readonly name: string; readonly version: string; readonly namespace: string };
  readonly rules: Readonly<Record<RuleName, Rule.RuleModule>>;
  readonly configs: {
    /** Flat config (`eslint.config.*`): every rule as `error`. */
    readonly recommended: Linter.Config;
    /** eslintrc (`.eslintrc.*`, ESLint 8): every rule as `error`. */
    readonly 'legacy-recommended': Linter.LegacyConfig;
  };
}

export type { RuleName } from './rules';
