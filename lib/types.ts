import type { Linter, Rule } from 'eslint';
import type { RuleName } from './rules';
import type { FeishuSettingsInput } from './settings';

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

/** `settings.feishu` (docs/settings.md). */
export type FeishuSettings = FeishuSettingsInput;

/**
 * The option of each API rule: endpoints checked by hand, not to be reported.
 * An entry is a catalog id (`'im.messageReaction.create'`), `METHOD /open-apis/path`
 * or the path alone, or a node-sdk method (`'client.im.messageReaction.create'`).
 */
export interface AllowOption {
  allow?: string[];
}

export type NoLegacyMessageChatApiOptions = [AllowOption?];
export type NoExternalChatReactionApiOptions = [AllowOption?];
export type NoExternalChatManagementApiOptions = [AllowOption?];
/** `feishu/no-legacy-message-event` takes no options. */
export type NoLegacyMessageEventOptions = [];

/** The options of each rule, by name. */
export interface RuleOptions {
  'no-legacy-message-chat-api': NoLegacyMessageChatApiOptions;
  'no-external-chat-reaction-api': NoExternalChatReactionApiOptions;
  'no-external-chat-management-api': NoExternalChatManagementApiOptions;
  'no-legacy-message-event': NoLegacyMessageEventOptions;
}

/** A config's `rules` for the plugin's rules, typed: `{ 'feishu/no-external-chat-reaction-api': ['error', { allow: [...] }] }`. */
export type FeishuRules = { [Name in RuleName as `feishu/${Name}`]?: Linter.RuleEntry<RuleOptions[Name]> };
