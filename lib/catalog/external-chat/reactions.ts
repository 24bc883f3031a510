import { imV1Page } from './links';
import type { CatalogEntry } from '../types';
import type { ExternalChatCode } from './groups';

/**
 * 231021: message reactions (docs/spec/platform-facts.md#231021-message-reactions).
 * Allowed again for a
 * self-built app with external sharing on.
 */
export const REACTION_ENTRIES: readonly CatalogEntry<ExternalChatCode>[] = [
  {
    id: 'im.messageReaction.create',
    code: 231021,
    methods: ['POST'],
    path: '/open-apis/im/v1/messages/:message_id/reactions',
    name: { en: 'Add a message reaction', 'zh-CN': '添加消息表情回复' },
    docUrl: imV1Page('message-reaction/create'),
    sdkMethods: ['im.messageReaction.create'],
    blockedWithExternalSharing: false,
  },
  {
    id: 'im.messageReaction.delete',
    code: 231021,
    methods: ['DELETE'],
    path: '/open-apis/im/v1/messages/:message_id/reactions/:reaction_id',
    name: { en: 'Delete a message reaction', 'zh-CN': '删除消息表情回复' },
    docUrl: imV1Page('message-reaction/delete'),
    sdkMethods: ['im.messageReaction.delete'],
    blockedWithExternalSharing: false,
  },
  {
    id: 'im.messageReaction.list',
    code: 231021,
    methods: ['GET'],
    path: '/open-apis/im/v1/messages/:message_id/reactions',
    name: { en: 'List message reactions', 'zh-CN': '获取消息表情回复' },
    docUrl: imV1Page('message-reaction/list'),
    sdkMethods: ['im.messageReaction.list', 'im.messageReaction.listWithIterator'],
    blockedWithExternalSharing: false,
    noticeMisprint: 'PATCH',
  },
];
