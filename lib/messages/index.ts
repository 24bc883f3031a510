export { describeEndpoint, ENDPOINT_MESSAGE, remedyText, TEXTS, type EndpointMessageData } from './endpoint-message';
export { describeLegacyEvent, LEGACY_EVENT_MESSAGE, SUGGESTION_MESSAGE, type LegacyEventMessageData } from './legacy-event-message';
export type { LocaleTexts, SkipReason, SuggestionChanges } from './types';
