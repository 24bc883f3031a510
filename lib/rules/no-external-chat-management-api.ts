import { ENDPOINT_MESSAGE } from '../messages';
import { createRule } from './create-rule';
import { allowOptionSchema, reportEndpoints, type AllowOptions } from './endpoint-report';

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
    schema: allowOptionSchema(232033),
    defaultOptions: [{ allow: [] }],
  },
  create: (context, [{ allow }]) => reportEndpoints(context, { code: 232033, messageIds: { url: 'restrictedEndpoint', sdk: 'restrictedSdkCall' }, allow }),
});
