import { ENDPOINT_MESSAGE } from '../messages';
import { createRule } from './create-rule';
import { allowOptionSchema, reportEndpoints, type AllowOptions } from './endpoint-report';

export default createRule<AllowOptions, 'legacyEndpoint'>({
  name: 'no-legacy-message-chat-api',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow the legacy message, chat and bot APIs that fail with 232102 in external chats',
      recommended: true,
    },
    messages: { legacyEndpoint: ENDPOINT_MESSAGE },
    schema: allowOptionSchema(232102),
    defaultOptions: [{ allow: [] }],
  },
  create: (context, [{ allow }]) => reportEndpoints(context, { code: 232102, messageIds: { url: 'legacyEndpoint' }, allow }),
});
