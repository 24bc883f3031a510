export {
  CONFIG_SPELLING,
  DEFAULT_SETTINGS,
  FeishuSettingsError,
  parseFeishuSettings,
  readFeishuSettings,
  show,
  type SettingKey,
  type SettingsSpelling,
} from './parse';
export * from './types';
