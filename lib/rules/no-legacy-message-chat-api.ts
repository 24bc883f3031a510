import { EXTERNAL_CHAT_NOTICE } from '../catalog';
import { ENDPOINT_MESSAGE } from '../messages';
import { createRule } from './support/create-rule';
import { allowOptionSchema, reportEndpoints, type AllowOptions } from './support/endpoint-rule';

export default createRule<AllowOptions, 'legacyEndpoint'>({
  name: 'no-legacy-message-chat-api',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow the legacy message, chat and bot APIs that fail with 232102 in external chats',
      recommended: true,
    },
    messages: { legacyEndpoint: ENDPOINT_MESSAGE },
    schema: allowOptionSchema(EXTERNAL_CHAT_NOTICE, 232102),
    defaultOptions: [{ allow: [] }],
  },
  create: reportEndpoints(EXTERNAL_CHAT_NOTICE, 232102, { url: 'legacyEndpoint' }),
});
