// Type test: a TypeScript flat config, as users write it, type-checks against the published types.
import feishu from 'eslint-plugin-feishu';
import type { FeishuRules, FeishuSettings, NoExternalChatReactionApiOptions, NoLegacyMessageChatApiOptions, RuleOptions } from 'eslint-plugin-feishu';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig([
  feishu.configs.recommended,
  { settings: { feishu: { appType: 'self-built', locale: 'zh-CN' } } },
  { files: ['scripts/**'], rules: { 'feishu/no-legacy-message-chat-api': 'off' } },
]);

export const name: string = feishu.meta.name;
export const version: string = feishu.meta.version;
export const rule = feishu.rules['no-external-chat-reaction-api'];

// @ts-expect-error -- there is no such config
export const missing = feishu.configs.strict;
// @ts-expect-error -- there is no such rule
export const noRule = feishu.rules['no-such-rule'];

// typescript-eslint's config helper accepts the flat config too.
export const withTypescriptEslint = tseslint.config(feishu.configs.recommended, ...tseslint.configs.recommended, {
  files: ['**/*.ts'],
  settings: { feishu: { appType: 'store' } },
});

// The settings type and each rule's options type, from the package entry, inside defineConfig.

const settings: FeishuSettings = { appType: 'self-built', externalSharing: true, locale: 'zh-CN', apiHosts: ['open.corp.example'], assumeOpenPlatform: false };
const reactionOptions: NoExternalChatReactionApiOptions = [{ allow: ['im.messageReaction.create', 'client.im.messageReaction.list', 'GET /open-apis/im/v1/messages/:id/reactions'] }];
const legacyOptions: NoLegacyMessageChatApiOptions = [{ allow: ['message.v4.send'] }];
const rules: FeishuRules = {
  'feishu/no-external-chat-reaction-api': ['error', ...reactionOptions],
  'feishu/no-legacy-message-chat-api': ['warn', ...legacyOptions],
  'feishu/no-legacy-message-event': 'error',
};

export const typed = defineConfig([feishu.configs.recommended, { settings: { feishu: settings }, rules }]);
export const managementOptions: RuleOptions['no-external-chat-management-api'] = [{ allow: ['im.chatTab.listTabs'] }];

// @ts-expect-error -- appType is 'store' or 'self-built'
export const badAppType: FeishuSettings = { appType: 'selfbuilt' };
// @ts-expect-error -- there is no such setting
export const badKey: FeishuSettings = { appTyp: 'store' };
// @ts-expect-error -- allow is an array of strings
export const badAllow: NoExternalChatReactionApiOptions = [{ allow: 'im.messageReaction.create' }];
// @ts-expect-error -- the event rule takes no options
export const badEventRule: FeishuRules = { 'feishu/no-legacy-message-event': ['error', { allow: [] }] };
