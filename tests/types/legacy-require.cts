// Type test: CommonJS consumers get the plugin object from require().
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS form is what this file tests
import feishu = require('eslint-plugin-feishu');
import type { Linter } from 'eslint';

export const legacy: Linter.LegacyConfig = feishu.configs['legacy-recommended'];
export const flat: Linter.Config = feishu.configs.recommended;

// From CommonJS, the same types sit beside the plugin object.
export const settings: feishu.FeishuSettings = { appType: 'store', locale: 'en' };
export const options: feishu.NoExternalChatManagementApiOptions = [{ allow: ['im.chatTab.listTabs'] }];
