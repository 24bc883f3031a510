/**
 * Open Platform paths that look like restricted ones but are not in the notice
 * (docs/spec/platform-facts.md#restricted-endpoints). They must never match: the matcher's tests and
 * the rule docs read this list.
 */
export const LOOK_ALIKE_PATHS: readonly string[] = [
  '/open-apis/message/v4/batch_send',
  '/open-apis/message/v4/read_info',
  '/open-apis/message/v4/send_batch',
  '/open-apis/bot/v3/info',
  '/open-apis/bot/v4/bot/search',
  '/open-apis/bot/v2/hook/:token',
  '/open-apis/chat/v4/list',
  '/open-apis/chat/v4/search',
  '/open-apis/chat/v4/create',
  '/open-apis/im/v1/messages',
  '/open-apis/im/v1/messages/:message_id',
  '/open-apis/im/v1/messages/:message_id/reply',
  '/open-apis/im/v1/messages/:message_id/urgent_app',
  '/open-apis/im/v1/messages/reactions/batch_query',
  '/open-apis/im/v1/chats',
  '/open-apis/im/v1/chats/:chat_id',
  '/open-apis/im/v1/chats/:chat_id/members',
  '/open-apis/im/v1/chats/:chat_id/members/is_in_chat',
  '/open-apis/im/v1/chats/:chat_id/moderation',
  '/open-apis/im/v1/chats/:chat_id/top_notice/put_top_notice',
  '/open-apis/docx/v1/chats/:chat_id/announcement',
  '/open-apis/docx/v1/chats/:chat_id/announcement/blocks',
  '/open-apis/auth/v3/tenant_access_token/internal',
];
