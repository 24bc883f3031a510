import type { Rule } from 'eslint';
import { flatRecommended, legacyRecommended } from './configs';
import { NAMESPACE, PACKAGE_NAME, PACKAGE_VERSION } from './package-meta';
import { rules, type RuleName } from './rules';
import type { FeishuPlugin } from './types';

const configs = {} as { -readonly [K in keyof FeishuPlugin['configs']]: FeishuPlugin['configs'][K] };

export const plugin: FeishuPlugin = {
  meta: { name: PACKAGE_NAME, version: PACKAGE_VERSION, namespace: NAMESPACE },
  // typescript-eslint's rule type is stricter than ESLint's; the objects are ESLint rules.
  rules: rules as unknown as Record<RuleName, Rule.RuleModule>,
  configs,
};

// The flat config holds the plugin object, so it is filled in once the object exists.
configs.recommended = flatRecommended(plugin);
configs['legacy-recommended'] = legacyRecommended();
