import { EXTERNAL_CHAT_NOTICE } from '../catalog';
import { ENDPOINT_MESSAGE } from '../messages';
import { createRule } from './support/create-rule';
import { allowOptionSchema, reportEndpoints, type AllowOptions } from './support/endpoint-rule';

export default createRule<AllowOptions, 'restrictedEndpoint' | 'restrictedSdkCall'>({
  name: 'no-external-chat-management-api',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow the chat announcement, manager, tab, menu, share-link and widget APIs that fail with 232033 in external chats',
      recommended: true,
    },
    messages: { restrictedEndpoint: ENDPOINT_MESSAGE, restrictedSdkCall: ENDPOINT_MESSAGE },
    schema: allowOptionSchema(EXTERNAL_CHAT_NOTICE, 232033),
    defaultOptions: [{ allow: [] }],
  },
  create: reportEndpoints(EXTERNAL_CHAT_NOTICE, 232033, { url: 'restrictedEndpoint', sdk: 'restrictedSdkCall' }),
});
