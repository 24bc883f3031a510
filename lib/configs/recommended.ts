import type { ESLint, Linter } from 'eslint';
import { NAMESPACE, RULE_PREFIX } from '../package-meta';
import { rules } from '../rules';

/** Every rule marked `recommended`, as `error`, under the `feishu/` prefix. */
function recommendedRules(): Linter.RulesRecord {
  return Object.fromEntries(
    Object.entries(rules)
      .filter(([, rule]) => rule.meta.docs.recommended)
      .map(([name]) => [`${RULE_PREFIX}${name}`, 'error']),
  );
}

/** The flat config: it carries the plugin object itself, so users reference the plugin once. */
export function flatRecommended(plugin: ESLint.Plugin): Linter.Config {
  return { name: `${RULE_PREFIX}recommended`, plugins: { [NAMESPACE]: plugin }, rules: recommendedRules() };
}

/** The eslintrc config (ESLint 8, or 9 with ESLINT_USE_FLAT_CONFIG=false): the plugin is found by name. */
export function legacyRecommended(): Linter.LegacyConfig {
  return { plugins: [NAMESPACE], rules: recommendedRules() };
}
