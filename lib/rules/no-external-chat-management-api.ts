import { EXTERNAL_CHAT_NOTICE } from '../catalog';
import { MESSAGE } from '../messages';
import { createRule } from './support/create-rule';
import { ALLOW_OPTION_SCHEMA, reportEndpoints, type AllowOptions } from './support/endpoint-rule';

export default createRule<AllowOptions, 'restrictedEndpoint' | 'restrictedSdkCall' | 'invalidSettings' | 'invalidAllow'>({
  name: 'no-external-chat-management-api',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow the chat announcement, manager, tab, menu, share-link and widget APIs that fail with 232033 in external chats',
      recommended: true,
    },
    messages: { restrictedEndpoint: MESSAGE, restrictedSdkCall: MESSAGE, invalidSettings: MESSAGE, invalidAllow: MESSAGE },
    schema: ALLOW_OPTION_SCHEMA,
    defaultOptions: [{ allow: [] }],
  },
  create: reportEndpoints('no-external-chat-management-api', EXTERNAL_CHAT_NOTICE, 232033, { url: 'restrictedEndpoint', sdk: 'restrictedSdkCall' }),
});
