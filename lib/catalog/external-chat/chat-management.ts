import { imV1Page, NOTICE_URL } from './links';
import type { CatalogEntry, HttpMethod } from '../types';
import type { ExternalChatCode } from './groups';

/**
 * 232033: im/v1 chat management (docs/spec/platform-facts.md#232033-chat-management): announcements,
 * managers, tabs, menus, the share link and widgets. Only the chat managers
 * stay blocked for a self-built app with external sharing on.
 */

interface ChatApi {
  readonly sdkMethod: string | null;
  readonly method: HttpMethod;
  /** Below `/open-apis/im/v1/chats/:chat_id/`. */
  readonly below: string;
  readonly en: string;
  readonly zh: string;
  /** Reference page under im-v1/, or null where only the notice documents it. */
  readonly page: string | null;
  readonly blockedWithExternalSharing?: true;
  readonly noticeMisprint?: string;
  /** Stable id where no SDK method names the endpoint. */
  readonly id?: string;
}

// One row per endpoint, in the notice's order.
const CHAT_APIS: readonly ChatApi[] = [
  { sdkMethod: 'im.chatAnnouncement.patch', method: 'PATCH', below: 'announcement', en: 'Update the chat announcement', zh: '更新群公告', page: 'chat-announcement/patch' },
  { sdkMethod: 'im.chatAnnouncement.get', method: 'GET', below: 'announcement', en: 'Get the chat announcement', zh: '获取群公告', page: 'chat-announcement/get' },
  { sdkMethod: 'im.chatManagers.addManagers', method: 'POST', below: 'managers/add_managers', en: 'Add chat managers', zh: '指定群管理员', page: 'chat-managers/add_managers', blockedWithExternalSharing: true },
  { sdkMethod: 'im.chatManagers.deleteManagers', method: 'POST', below: 'managers/delete_managers', en: 'Remove chat managers', zh: '删除群管理员', page: 'chat-managers/delete_managers', blockedWithExternalSharing: true },
  { sdkMethod: 'im.chatTab.create', method: 'POST', below: 'chat_tabs', en: 'Add chat tabs', zh: '添加会话标签页', page: 'chat-tab/create' },
  { sdkMethod: 'im.chatTab.deleteTabs', method: 'DELETE', below: 'chat_tabs/delete_tabs', en: 'Delete chat tabs', zh: '删除会话标签页', page: 'chat-tab/delete_tabs', noticeMisprint: 'GET' },
  { sdkMethod: 'im.chatTab.listTabs', method: 'GET', below: 'chat_tabs/list_tabs', en: 'List chat tabs', zh: '拉取会话标签页', page: 'chat-tab/list_tabs' },
  { sdkMethod: 'im.chatTab.sortTabs', method: 'POST', below: 'chat_tabs/sort_tabs', en: 'Sort chat tabs', zh: '会话标签页排序', page: 'chat-tab/sort_tabs' },
  { sdkMethod: 'im.chatTab.updateTabs', method: 'POST', below: 'chat_tabs/update_tabs', en: 'Update chat tabs', zh: '更新会话标签页', page: 'chat-tab/update_tabs' },
  { sdkMethod: 'im.chatMenuTree.create', method: 'POST', below: 'menu_tree', en: 'Add chat menu', zh: '添加群菜单', page: 'chat-menu_tree/create' },
  { sdkMethod: 'im.chatMenuTree.delete', method: 'DELETE', below: 'menu_tree', en: 'Delete chat menu', zh: '删除群菜单', page: 'chat-menu_tree/delete' },
  { sdkMethod: 'im.chatMenuTree.get', method: 'GET', below: 'menu_tree', en: 'Get chat menu', zh: '获取群菜单', page: 'chat-menu_tree/get' },
  { sdkMethod: 'im.chatMenuTree.sort', method: 'POST', below: 'menu_tree/sort', en: 'Sort chat menu', zh: '排序群菜单', page: 'chat-menu_tree/sort' },
  { sdkMethod: 'im.chatMenuItem.patch', method: 'PATCH', below: 'menu_items/:menu_item_id', en: 'Update a chat menu item', zh: '修改群菜单元信息', page: 'chat-menu_item/patch' },
  { sdkMethod: 'im.chat.link', method: 'POST', below: 'link', en: 'Get the chat share link', zh: '获取群分享链接', page: 'chat/link' },
  // Widgets have no SDK method and no reference page: the ids are this plugin's own.
  { sdkMethod: null, id: 'im.chatWidget.batchCreate', method: 'POST', below: 'widgets/batch_create', en: 'Create chat widgets', zh: '创建小组件', page: null },
  { sdkMethod: null, id: 'im.chatWidget.list', method: 'GET', below: 'widgets', en: 'Get chat widgets', zh: '获取小组件', page: null },
  { sdkMethod: null, id: 'im.chatWidget.batchDelete', method: 'DELETE', below: 'widgets/batch_delete', en: 'Delete chat widgets', zh: '删除小组件', page: null },
];

export const CHAT_MANAGEMENT_ENTRIES: readonly CatalogEntry<ExternalChatCode>[] = CHAT_APIS.map(
  (api): CatalogEntry<ExternalChatCode> => ({
    id: api.id ?? api.sdkMethod ?? api.below,
    code: 232033,
    methods: [api.method],
    path: `/open-apis/im/v1/chats/:chat_id/${api.below}`,
    name: { en: api.en, 'zh-CN': api.zh },
    docUrl: api.page === null ? NOTICE_URL : imV1Page(api.page),
    ...(api.sdkMethod === null ? {} : { sdkMethods: [api.sdkMethod] }),
    blockedWithExternalSharing: api.blockedWithExternalSharing === true,
    ...(api.noticeMisprint === undefined ? {} : { noticeMisprint: api.noticeMisprint }),
  }),
);
