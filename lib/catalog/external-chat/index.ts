import { EXTERNAL_CHAT_TEST } from '../open-platform';
import type { LegacyEvent, Notice } from '../types';
import { CHAT_MANAGEMENT_ENTRIES } from './chat-management';
import { EXTERNAL_CHAT_GROUPS, type ExternalChatCode } from './groups';
import { LEGACY_ENTRIES } from './legacy';
import { LEGACY_MESSAGE_EVENT } from './legacy-event';
import { NOTICE_URL } from './links';
import { LOOK_ALIKE_PATHS } from './look-alikes';
import { REACTION_ENTRIES } from './reactions';

export type { ExternalChatCode } from './groups';

/**
 * Feishu's notice on messenger and group-chat APIs in external chats (外部群):
 * since 2025-06-25 (2025-07-23 for self-built apps with linked organizations)
 * the endpoints below fail when the chat has members from another tenant, and
 * the legacy `message` event is no longer pushed for such chats
 * (docs/spec/platform-facts.md#what-changed-and-when).
 */
export const EXTERNAL_CHAT_NOTICE: Notice<ExternalChatCode> & { readonly legacyEvent: LegacyEvent } = {
  id: 'external-chat',
  title: {
    en: 'Messenger and group-chat APIs in external chats',
    'zh-CN': '外部群中的消息与群组接口',
  },
  url: NOTICE_URL,
  cutOver: { default: '2025-06-25', linkedOrganization: '2025-07-23' },
  allDates: {
    en: '{default} ({linkedOrganization} for self-built apps with linked organizations)',
    'zh-CN': '{default}（开启关联组织的自建应用为 {linkedOrganization}）',
  },
  failure: {
    en: 'fails with error {code} in external chats (外部群) since {date}.',
    'zh-CN': '自 {date} 起在外部群中调用会返回错误码 {code}。',
  },
  groupFailure: {
    en: 'These calls fail with error {code} in external chats (外部群) since {date}; internal chats are not affected.',
    // The date last: a date with its parenthesis (`2025-06-25（…）`) is never followed by a space.
    'zh-CN': '这些调用在外部群中会返回错误码 {code}（非外部群不受影响），生效日期：{date}。',
  },
  groups: EXTERNAL_CHAT_GROUPS,
  entries: [...LEGACY_ENTRIES, ...REACTION_ENTRIES, ...CHAT_MANAGEMENT_ENTRIES],
  lookAlikes: LOOK_ALIKE_PATHS,
  // node-sdk 1.74.0's LarkChannel calls the reaction endpoints from these helpers.
  channelHelpers: {
    addReaction: ['im.messageReaction.create'],
    removeReaction: ['im.messageReaction.delete'],
    // Lists the message's reactions to find the bot's own, then deletes it.
    removeReactionByEmoji: ['im.messageReaction.list', 'im.messageReaction.delete'],
  },
  legacyEvent: LEGACY_MESSAGE_EVENT,
  // Every call of this notice fails only in external chats: a test of the chat keeps it away from them.
  externalChatTest: EXTERNAL_CHAT_TEST,
};
