// Type test: a TypeScript flat config, as users write it, type-checks against the published types.
import feishu from 'eslint-plugin-feishu';
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
