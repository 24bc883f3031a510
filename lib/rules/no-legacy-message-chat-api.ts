import { EXTERNAL_CHAT_NOTICE } from '../catalog';
import { MESSAGE } from '../messages';
import { createRule } from './support/create-rule';
import { ALLOW_OPTION_SCHEMA, reportEndpoints, type AllowOptions } from './support/endpoint-rule';

export default createRule<AllowOptions, 'legacyEndpoint' | 'invalidSettings' | 'invalidAllow'>({
  name: 'no-legacy-message-chat-api',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow the legacy message, chat and bot APIs that fail with 232102 in external chats',
      recommended: true,
    },
    messages: { legacyEndpoint: MESSAGE, invalidSettings: MESSAGE, invalidAllow: MESSAGE },
    schema: ALLOW_OPTION_SCHEMA,
    defaultOptions: [{ allow: [] }],
  },
  create: reportEndpoints('no-legacy-message-chat-api', EXTERNAL_CHAT_NOTICE, 232102, { url: 'legacyEndpoint' }),
});
