import type { Linter } from 'eslint';
import { NOTICES, type Notice } from '../catalog';
import { RULE_PREFIX } from '../package-meta';
import { plugin } from '../plugin';

/** A rule as the audit reads it: its docs, for the report's links and SARIF's rule list. */
interface AuditedRule {
  readonly meta: { readonly docs: { readonly description: string; readonly url: string } };
}

/**
 * What an audit runs and reports on: a plugin's rules with its recommended
 * flat config, and the notices those rules follow (their order is the
 * report's). The command audits with this package's plugin; a test may hand
 * in rules made from another notice.
 */
export interface AuditTarget {
  readonly rules: Readonly<Record<string, AuditedRule>>;
  readonly recommended: Linter.Config;
  readonly notices: readonly Notice[];
}

/** The package's own plugin and notices. */
export const PLUGIN_TARGET: AuditTarget = {
  rules: plugin.rules as unknown as Record<string, AuditedRule>,
  recommended: plugin.configs.recommended,
  notices: NOTICES,
};

/** The configured id of each of the target's rules: `feishu/<name>`. */
export function ruleIdsOf(target: AuditTarget): string[] {
  return Object.keys(target.rules).map((name) => RULE_PREFIX + name);
}
