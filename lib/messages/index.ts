export { describeEndpoint, endpointMessage, MESSAGE, remedyText, TEXTS, type EndpointMessageData } from './endpoint-message';
export { legacyEventMessage, type LegacyEventMessageData } from './legacy-event-message';
export { describeSettingsProblem, invalidSettingsMessage } from './settings-message';
export type { LocaleTexts, RuleSwitch, SettingsNote, SettingsSource, SkipReason, SuggestionChanges } from './types';
