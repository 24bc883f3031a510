import { legacyPage, NOTICE_URL } from './links';
import type { CatalogEntry, Replacement } from '../types';
import type { ExternalChatCode } from './groups';

/**
 * 232102: the legacy (历史版本) message, chat and bot APIs
 * (docs/spec/platform-facts.md#232102-legacy-message-chat-and-bot-apis).
 * No SDK method reaches them; code calls them by URL. Every one stays blocked
 * in external chats even with external sharing on.
 */

const SEND_TO_CHAT: Replacement = {
  method: 'POST',
  path: '/open-apis/im/v1/messages?receive_id_type=chat_id',
  sdkMethods: ['im.message.create'],
  alsoBlocked: false,
  note: {
    en: 'the body takes receive_id, msg_type and content as a JSON string; card JSON goes in content',
    'zh-CN': '请求体使用 receive_id、msg_type，content 为 JSON 字符串；卡片 JSON 放在 content 中',
  },
};

const ADD_BOT: Replacement = {
  method: 'POST',
  path: '/open-apis/im/v1/chats/:chat_id/members?member_id_type=app_id',
  sdkMethods: ['im.chatMembers.create'],
  alsoBlocked: false,
  note: { en: 'with id_list: [app_id]', 'zh-CN': 'id_list 传 [app_id]' },
};

const REMOVE_BOT: Replacement = {
  method: 'DELETE',
  path: '/open-apis/im/v1/chats/:chat_id/members?member_id_type=app_id',
  sdkMethods: ['im.chatMembers.delete'],
  alsoBlocked: false,
};

const GET_CHAT: Replacement = {
  method: 'GET',
  path: '/open-apis/im/v1/chats/:chat_id',
  sdkMethods: ['im.chat.get'],
  alsoBlocked: false,
};

export const LEGACY_ENTRIES: readonly CatalogEntry<ExternalChatCode>[] = [
  {
    id: 'message.v3.send',
    code: 232102,
    methods: ['POST'],
    path: '/open-apis/message/v3/send',
    name: { en: '[Legacy] Send message (v3)', 'zh-CN': '[历史版本] 发送消息（v3）' },
    docUrl: NOTICE_URL,
    replacement: {
      ...SEND_TO_CHAT,
      sdkMethods: ['im.message.create', 'im.message.reply'],
      note: {
        en: 'with root_id, reply instead: POST /open-apis/im/v1/messages/:message_id/reply',
        'zh-CN': '带 root_id 的消息改用回复接口：POST /open-apis/im/v1/messages/:message_id/reply',
      },
    },
    blockedWithExternalSharing: true,
  },
  {
    id: 'message.v4.send',
    code: 232102,
    methods: ['POST'],
    path: '/open-apis/message/v4/send',
    name: { en: '[Legacy] Send message', 'zh-CN': '[历史版本] 发送消息' },
    docUrl: legacyPage('uUjNz4SN2MjL1YzM'),
    replacement: SEND_TO_CHAT,
    blockedWithExternalSharing: true,
  },
  {
    id: 'message.v4.urgent',
    code: 232102,
    methods: ['POST'],
    path: '/open-apis/message/v4/urgent',
    name: { en: '[Legacy] Buzz (urgent) message', 'zh-CN': '[历史版本] 加急' },
    docUrl: NOTICE_URL,
    replacement: {
      method: 'PATCH',
      path: '/open-apis/im/v1/messages/:message_id/urgent_app',
      sdkMethods: ['im.message.urgentApp', 'im.message.urgentSms', 'im.message.urgentPhone'],
      alsoBlocked: true,
      note: { en: 'also urgent_sms and urgent_phone', 'zh-CN': '另有 urgent_sms、urgent_phone' },
    },
    blockedWithExternalSharing: true,
  },
  {
    id: 'message.v4.recall',
    code: 232102,
    methods: ['POST'],
    path: '/open-apis/message/v4/recall',
    name: { en: '[Legacy] Recall message', 'zh-CN': '[历史版本] 撤回消息' },
    docUrl: legacyPage('ukjN1UjL5YTN14SO2UTN'),
    replacement: {
      method: 'DELETE',
      path: '/open-apis/im/v1/messages/:message_id',
      sdkMethods: ['im.message.delete'],
      alsoBlocked: false,
    },
    blockedWithExternalSharing: true,
  },
  {
    id: 'chat.v4.info',
    code: 232102,
    methods: ['GET'],
    path: '/open-apis/chat/v4/info',
    name: { en: '[Legacy] Get chat info', 'zh-CN': '[历史版本] 获取群信息' },
    docUrl: legacyPage('uMTO5QjLzkTO04yM5kDN'),
    replacement: GET_CHAT,
    blockedWithExternalSharing: true,
  },
  {
    id: 'chat.v3.info',
    code: 232102,
    methods: ['GET'],
    path: '/open-apis/chat/v3/info',
    name: { en: '[Legacy] Get chat info (v3)', 'zh-CN': '[历史版本] 获取群信息（v3）' },
    docUrl: NOTICE_URL,
    replacement: GET_CHAT,
    blockedWithExternalSharing: true,
  },
  {
    id: 'chat.v4.update',
    code: 232102,
    methods: ['POST'],
    path: '/open-apis/chat/v4/update',
    name: { en: '[Legacy] Update chat info', 'zh-CN': '[历史版本] 更新群信息' },
    docUrl: legacyPage('uYTO5QjL2kTO04iN5kDN'),
    replacement: {
      method: 'PUT',
      path: '/open-apis/im/v1/chats/:chat_id',
      sdkMethods: ['im.chat.update'],
      alsoBlocked: false,
    },
    blockedWithExternalSharing: true,
  },
  {
    id: 'chat.v4.chatter.add',
    code: 232102,
    methods: ['POST'],
    path: '/open-apis/chat/v4/chatter/add',
    name: { en: '[Legacy] Add users to chat', 'zh-CN': '[历史版本] 将用户拉入群聊' },
    docUrl: legacyPage('ucTO5QjL3kTO04yN5kDN'),
    replacement: {
      method: 'POST',
      path: '/open-apis/im/v1/chats/:chat_id/members?member_id_type=open_id',
      sdkMethods: ['im.chatMembers.create'],
      alsoBlocked: false,
      note: { en: 'body id_list, at most 50 ids', 'zh-CN': '请求体 id_list，最多 50 个' },
    },
    blockedWithExternalSharing: true,
  },
  {
    id: 'chat.v4.chatter.delete',
    code: 232102,
    methods: ['POST'],
    path: '/open-apis/chat/v4/chatter/delete',
    name: { en: '[Legacy] Remove users from chat', 'zh-CN': '[历史版本] 将用户移除群聊' },
    docUrl: legacyPage('uADMwUjLwADM14CMwATN'),
    replacement: {
      method: 'DELETE',
      path: '/open-apis/im/v1/chats/:chat_id/members',
      sdkMethods: ['im.chatMembers.delete'],
      alsoBlocked: false,
    },
    blockedWithExternalSharing: true,
  },
  {
    id: 'chat.v4.members',
    code: 232102,
    methods: ['GET'],
    path: '/open-apis/chat/v4/members',
    name: { en: '[Legacy] Get chat members', 'zh-CN': '[历史版本] 获取群成员' },
    docUrl: legacyPage('uUzMwUjL1MDM14SNzATN'),
    replacement: {
      method: 'GET',
      path: '/open-apis/im/v1/chats/:chat_id/members',
      sdkMethods: ['im.chatMembers.get', 'im.chatMembers.getWithIterator'],
      alsoBlocked: false,
      note: { en: 'the list omits bots', 'zh-CN': '返回结果不含机器人' },
    },
    blockedWithExternalSharing: true,
  },
  {
    id: 'chat.v4.disband',
    code: 232102,
    methods: ['POST'],
    path: '/open-apis/chat/v4/disband',
    name: { en: '[Legacy] Disband chat', 'zh-CN': '[历史版本] 解散群' },
    docUrl: legacyPage('uUDN5QjL1QTO04SN0kDN'),
    replacement: {
      method: 'DELETE',
      path: '/open-apis/im/v1/chats/:chat_id',
      sdkMethods: ['im.chat.delete'],
      alsoBlocked: true,
      note: {
        en: 'the scope im:chat:delete is not allowed in external chats',
        'zh-CN': '外部群不允许 im:chat:delete 权限',
      },
    },
    blockedWithExternalSharing: true,
  },
  {
    // The notice prints `add_bot`; the documented legacy path, and what real code calls, is `add`.
    id: 'bot.v4.add_bot',
    code: 232102,
    methods: ['POST'],
    path: '/open-apis/bot/v4/add_bot',
    name: { en: '[Legacy] Add bot to chat', 'zh-CN': '[历史版本] 将应用拉入群聊' },
    docUrl: NOTICE_URL,
    replacement: ADD_BOT,
    blockedWithExternalSharing: true,
  },
  {
    id: 'bot.v4.add',
    code: 232102,
    methods: ['POST'],
    path: '/open-apis/bot/v4/add',
    name: { en: '[Legacy] Add bot to chat', 'zh-CN': '[历史版本] 将应用拉入群聊' },
    docUrl: legacyPage('uYDO04iN4QjL2gDN'),
    replacement: ADD_BOT,
    blockedWithExternalSharing: true,
  },
  {
    id: 'bot.v3.chatter.add',
    code: 232102,
    methods: ['POST'],
    path: '/open-apis/bot/v3/chatter/add',
    name: { en: '[Legacy] Add bot to chat (v3)', 'zh-CN': '[历史版本] 将应用拉入群聊（v3）' },
    docUrl: NOTICE_URL,
    replacement: ADD_BOT,
    blockedWithExternalSharing: true,
  },
  {
    id: 'bot.v4.remove',
    code: 232102,
    methods: ['POST'],
    path: '/open-apis/bot/v4/remove',
    name: { en: '[Legacy] Remove bot from chat', 'zh-CN': '[历史版本] 将应用移除群聊' },
    docUrl: legacyPage('ucDO04yN4QjL3gDN'),
    replacement: REMOVE_BOT,
    blockedWithExternalSharing: true,
  },
  {
    id: 'bot.v3.chatter.delete',
    code: 232102,
    methods: ['POST'],
    path: '/open-apis/bot/v3/chatter/delete',
    name: { en: '[Legacy] Remove bot from chat (v3)', 'zh-CN': '[历史版本] 将应用移除群聊（v3）' },
    docUrl: NOTICE_URL,
    replacement: REMOVE_BOT,
    blockedWithExternalSharing: true,
  },
];
