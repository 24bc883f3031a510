import noExternalChatManagementApi from './no-external-chat-management-api';
import noExternalChatReactionApi from './no-external-chat-reaction-api';
import noLegacyMessageChatApi from './no-legacy-message-chat-api';
import noLegacyMessageEvent from './no-legacy-message-event';

/** Every rule, by name. The configs and the docs are built from this one list. */
export const rules = {
  'no-legacy-message-chat-api': noLegacyMessageChatApi,
  'no-external-chat-reaction-api': noExternalChatReactionApi,
  'no-external-chat-management-api': noExternalChatManagementApi,
  'no-legacy-message-event': noLegacyMessageEvent,
};

export type RuleName = keyof typeof rules;
