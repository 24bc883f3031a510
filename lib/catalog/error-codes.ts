import type { ErrorCode, LocalizedText } from './types';

/**
 * What each error code's group of endpoints is, and the text the platform
 * answers with where it publishes one (external-chat-facts.md §2, §6).
 */
export const ERROR_CODES: Readonly<Record<ErrorCode, { readonly group: LocalizedText; readonly errorText?: LocalizedText }>> = {
  232102: {
    group: { en: 'Legacy message, chat and bot APIs (v3/v4)', 'zh-CN': '历史版本的消息、群组与机器人接口（v3/v4）' },
  },
  231021: {
    group: { en: 'Message reactions', 'zh-CN': '消息表情回复' },
    errorText: { en: 'No permission to operate external chats.', 'zh-CN': '没有权限操作外部群。' },
  },
  232033: {
    group: {
      en: 'Chat announcements, managers, tabs, menus, share links and widgets',
      'zh-CN': '群公告、群管理员、会话标签页、群菜单、群分享链接与群组件',
    },
    errorText: {
      en: 'The operator or invited bots does NOT have the authority to manage external chats without the scope.',
      'zh-CN': '当前被操作的群为外部群，暂不支持操作外部群。',
    },
  },
};

/** The groups in the order the notice lists them. */
export const ERROR_CODE_ORDER: readonly ErrorCode[] = [232102, 231021, 232033];
