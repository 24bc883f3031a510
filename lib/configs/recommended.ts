import type { ESLint, Linter } from 'eslint';
import { rules } from '../rules';

/** Every rule marked `recommended`, as `error`, under the `feishu/` prefix. */
export function recommendedRules(): Linter.RulesRecord {
  return Object.fromEntries(
    Object.entries(rules)
      .filter(([, rule]) => rule.meta.docs.recommended)
      .map(([name]) => [`feishu/${name}`, 'error']),
  );
}

/** The flat config: it carries the plugin object itself, so users reference the plugin once. */
export function flatRecommended(plugin: ESLint.Plugin): Linter.Config {
  return { name: 'feishu/recommended', plugins: { feishu: plugin }, rules: recommendedRules() };
}

/** The eslintrc config (ESLint 8, or 9 with ESLINT_USE_FLAT_CONFIG=false): the plugin is found by name. */
export function legacyRecommended(): Linter.LegacyConfig {
  return { plugins: ['feishu'], rules: recommendedRules() };
}
