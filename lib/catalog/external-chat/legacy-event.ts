import type { FieldMigration, LegacyEvent } from '../types';

/**
 * The legacy receive-message event (event schema v1, type `message`), no longer
 * pushed for external chats, and its replacement `im.message.receive_v1`
 * (docs/spec/platform-facts.md#the-legacy-message-event). The rule, its
 * suggestions and its docs read everything from here.
 */

// v1 event fields and where they are in `im.message.receive_v1`.
const FIELD_MIGRATIONS: readonly FieldMigration[] = [
  { v1: 'open_chat_id', nodeSdk: 'message.chat_id', raw: 'event.message.chat_id' },
  { v1: 'open_message_id', nodeSdk: 'message.message_id', raw: 'event.message.message_id' },
  { v1: 'msg_type', nodeSdk: 'message.message_type', raw: 'event.message.message_type' },
  { v1: 'root_id', nodeSdk: 'message.root_id', raw: 'event.message.root_id' },
  { v1: 'parent_id', nodeSdk: 'message.parent_id', raw: 'event.message.parent_id' },
  { v1: 'open_id', nodeSdk: 'sender.sender_id.open_id', raw: 'event.sender.sender_id.open_id' },
  { v1: 'union_id', nodeSdk: 'sender.sender_id.union_id', raw: 'event.sender.sender_id.union_id' },
  { v1: 'employee_id', nodeSdk: 'sender.sender_id.user_id', raw: 'event.sender.sender_id.user_id' },
  { v1: 'tenant_key', nodeSdk: 'tenant_key', raw: 'header.tenant_key' },
  { v1: 'app_id', nodeSdk: 'app_id', raw: 'header.app_id' },
  // Its value 'private' is renamed: see V1_PRIVATE_CHAT.
  { v1: 'chat_type', nodeSdk: 'message.chat_type', raw: 'event.message.chat_type' },
  { v1: 'text', nodeSdk: undefined, raw: undefined, hint: { en: 'use JSON.parse(message.content).text; mentions are @_user_N', 'zh-CN': '改用 JSON.parse(message.content).text；@ 提及为 @_user_N' } },
  { v1: 'text_without_at_bot', nodeSdk: undefined, raw: undefined, hint: { en: "strip the bot's @_user_N from JSON.parse(message.content).text", 'zh-CN': '从 JSON.parse(message.content).text 中去掉机器人的 @_user_N' } },
  { v1: 'is_mention', nodeSdk: undefined, raw: undefined, hint: { en: 'derive it from message.mentions', 'zh-CN': '根据 message.mentions 判断' } },
  { v1: 'image_key', nodeSdk: undefined, raw: undefined, hint: { en: 'read it from JSON.parse(message.content)', 'zh-CN': '从 JSON.parse(message.content) 中读取' } },
  { v1: 'image_keys', nodeSdk: undefined, raw: undefined, hint: { en: 'read them from JSON.parse(message.content)', 'zh-CN': '从 JSON.parse(message.content) 中读取' } },
  { v1: 'file_key', nodeSdk: undefined, raw: undefined, hint: { en: 'read it from JSON.parse(message.content)', 'zh-CN': '从 JSON.parse(message.content) 中读取' } },
  { v1: 'title', nodeSdk: undefined, raw: undefined, hint: { en: 'read it from JSON.parse(message.content)', 'zh-CN': '从 JSON.parse(message.content) 中读取' } },
  { v1: 'msg_list', nodeSdk: undefined, raw: undefined, hint: { en: 'fetch the merged messages with GET /open-apis/im/v1/messages/:message_id', 'zh-CN': '通过 GET /open-apis/im/v1/messages/:message_id 获取合并转发的消息' } },
  { v1: 'ts', nodeSdk: undefined, raw: undefined, hint: { en: 'use create_time, in milliseconds (v1 ts was in seconds)', 'zh-CN': '改用 create_time，单位为毫秒（v1 的 ts 为秒）' } },
];

export const LEGACY_MESSAGE_EVENT: LegacyEvent = {
  type: 'message',
  replacement: 'im.message.receive_v1',
  docUrl: 'https://open.feishu.cn/document/ukTMukTMukTM/uMTNxYjLzUTM24yM1EjN',
  replacementDocUrl: 'https://open.feishu.cn/document/uAjLw4CM/ukTMukTMukTM/reference/im-v1/message/events/receive',
  problem: {
    en: 'Since {date} Feishu no longer pushes it for messages in external chats (外部群): those messages never arrive, and no error says so; im.message.receive_v1 is still pushed.',
    'zh-CN': '外部群中的消息不再推送该事件：这些消息不会到达，也没有任何报错；im.message.receive_v1 仍会推送。生效日期：{date}。',
  },
  finding: {
    en: 'the legacy `message` event, not pushed for external chats (外部群) since {date}',
    'zh-CN': '历史版本事件 `message`，自 {date} 起不再推送外部群的消息',
  },
  fieldMigrations: FIELD_MIGRATIONS,
  // The value of `chat_type` for a one-to-one chat.
  renamedValues: [{ field: 'chat_type', v1: 'private', v2: 'p2p' }],
};
