export { describeEndpoint, ENDPOINT_MESSAGE, type EndpointMessageData } from './endpoint-message';
export type { LocaleTexts } from './types';
