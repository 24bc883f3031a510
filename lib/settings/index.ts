export { checkFeishuSettings, DEFAULT_SETTINGS, FeishuSettingsError, parseFeishuSettings, readFeishuSettings, type SettingsReading } from './parse';
export { closest } from './closest';
export { CONFIG_SPELLING, cut, SETTING_FLAGS, SETTING_KEYS, show, type HostFault, type SettingKey, type SettingsProblem, type SettingsSpelling } from './problems';
export * from './types';
