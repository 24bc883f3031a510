import { EXTERNAL_CHAT_NOTICE } from '../catalog';
import { ENDPOINT_MESSAGE } from '../messages';
import { createRule } from './support/create-rule';
import { allowOptionSchema, reportEndpoints, type AllowOptions } from './support/endpoint-rule';

export default createRule<AllowOptions, 'restrictedEndpoint' | 'restrictedSdkCall'>({
  name: 'no-external-chat-reaction-api',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow the message reaction APIs that fail with 231021 in external chats',
      recommended: true,
    },
    messages: { restrictedEndpoint: ENDPOINT_MESSAGE, restrictedSdkCall: ENDPOINT_MESSAGE },
    schema: allowOptionSchema(EXTERNAL_CHAT_NOTICE, 231021),
    defaultOptions: [{ allow: [] }],
  },
  create: reportEndpoints(EXTERNAL_CHAT_NOTICE, 231021, { url: 'restrictedEndpoint', sdk: 'restrictedSdkCall' }),
});
