import type { ErrorGroup } from '../types';

/**
 * The notice's error codes, in its order, with what each group of endpoints is
 * and the text the platform answers with where it publishes one
 * (docs/spec/platform-facts.md#error-texts-and-links).
 */
export const EXTERNAL_CHAT_GROUPS = [
  {
    code: 232102,
    title: { en: 'Legacy message, chat and bot APIs (v3/v4)', 'zh-CN': '历史版本的消息、群组与机器人接口（v3/v4）' },
  },
  {
    code: 231021,
    title: { en: 'Message reactions', 'zh-CN': '消息表情回复' },
    errorText: { en: 'No permission to operate external chats.', 'zh-CN': '没有权限操作外部群。' },
  },
  {
    code: 232033,
    title: {
      en: 'Chat announcements, managers, tabs, menus, share links and widgets',
      'zh-CN': '群公告、群管理员、会话标签页、群菜单、群分享链接与群组件',
    },
    errorText: {
      en: 'The operator or invited bots does NOT have the authority to manage external chats without the scope.',
      'zh-CN': '当前被操作的群为外部群，暂不支持操作外部群。',
    },
  },
] as const satisfies readonly ErrorGroup[];

/** The error codes of the external-chat notice. */
export type ExternalChatCode = (typeof EXTERNAL_CHAT_GROUPS)[number]['code'];
