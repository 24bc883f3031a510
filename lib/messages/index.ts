export { describeEndpoint, endpointMessage, MESSAGE, remedyText, TEXTS, type EndpointMessageData } from './endpoint-message';
export { legacyEventMessage, type LegacyEventMessageData } from './legacy-event-message';
export { describeSettingsProblem, invalidSettingsMessage } from './settings-message';
export type { LocaleTexts, SkipReason, SuggestionChanges } from './types';
