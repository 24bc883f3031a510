export { dateFor, describeEndpoint, ENDPOINT_MESSAGE, TEXTS, type EndpointMessageData } from './endpoint-message';
export { describeLegacyEvent, LEGACY_EVENT_MESSAGE, SUGGESTION_MESSAGE, type LegacyEventMessageData } from './legacy-event-message';
export type { LocaleTexts, SkipReason } from './types';
