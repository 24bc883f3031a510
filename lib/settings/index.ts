export { DEFAULT_SETTINGS, FeishuSettingsError, readFeishuSettings } from './parse';
export * from './types';
