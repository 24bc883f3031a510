import { ENDPOINT_MESSAGE } from '../messages';
import { createRule } from './create-rule';
import { allowOptionSchema, reportEndpoints, type AllowOptions } from './endpoint-report';

export default createRule<AllowOptions, 'restrictedEndpoint' | 'restrictedSdkCall'>({
  name: 'no-external-chat-reaction-api',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow the message reaction APIs that fail with 231021 in external chats',
      recommended: true,
    },
    messages: { restrictedEndpoint: ENDPOINT_MESSAGE, restrictedSdkCall: ENDPOINT_MESSAGE },
    schema: allowOptionSchema(231021),
    defaultOptions: [{ allow: [] }],
  },
  create: (context, [{ allow }]) => reportEndpoints(context, { code: 231021, messageIds: { url: 'restrictedEndpoint', sdk: 'restrictedSdkCall' }, allow }),
});
