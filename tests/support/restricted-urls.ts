import { CATALOG, type ErrorCode } from '../../lib/catalog';

/** Restricted URLs and the catalog ids they name. */

// Written from docs/spec/platform-facts.md#restricted-endpoints by hand, not generated from the
// catalog: a wrong path or id in the catalog fails here.
export const RESTRICTED: ReadonlyArray<readonly [url: string, ids: readonly string[]]> = [
  ['/open-apis/message/v3/send', ['message.v3.send']],
  ['/open-apis/message/v4/send', ['message.v4.send']],
  ['/open-apis/message/v4/urgent', ['message.v4.urgent']],
  ['/open-apis/message/v4/recall', ['message.v4.recall']],
  ['/open-apis/chat/v4/info', ['chat.v4.info']],
  ['/open-apis/chat/v3/info', ['chat.v3.info']],
  ['/open-apis/chat/v4/update', ['chat.v4.update']],
  ['/open-apis/chat/v4/chatter/add', ['chat.v4.chatter.add']],
  ['/open-apis/chat/v4/chatter/delete', ['chat.v4.chatter.delete']],
  ['/open-apis/chat/v4/members', ['chat.v4.members']],
  ['/open-apis/chat/v4/disband', ['chat.v4.disband']],
  ['/open-apis/bot/v4/add_bot', ['bot.v4.add_bot']],
  ['/open-apis/bot/v4/add', ['bot.v4.add']],
  ['/open-apis/bot/v3/chatter/add', ['bot.v3.chatter.add']],
  ['/open-apis/bot/v4/remove', ['bot.v4.remove']],
  ['/open-apis/bot/v3/chatter/delete', ['bot.v3.chatter.delete']],
  ['/open-apis/im/v1/messages/om_1/reactions', ['im.messageReaction.create', 'im.messageReaction.list']],
  ['/open-apis/im/v1/messages/om_1/reactions/r_1', ['im.messageReaction.delete']],
  ['/open-apis/im/v1/chats/oc_1/announcement', ['im.chatAnnouncement.patch', 'im.chatAnnouncement.get']],
  ['/open-apis/im/v1/chats/oc_1/managers/add_managers', ['im.chatManagers.addManagers']],
  ['/open-apis/im/v1/chats/oc_1/managers/delete_managers', ['im.chatManagers.deleteManagers']],
  ['/open-apis/im/v1/chats/oc_1/chat_tabs', ['im.chatTab.create']],
  ['/open-apis/im/v1/chats/oc_1/chat_tabs/delete_tabs', ['im.chatTab.deleteTabs']],
  ['/open-apis/im/v1/chats/oc_1/chat_tabs/list_tabs', ['im.chatTab.listTabs']],
  ['/open-apis/im/v1/chats/oc_1/chat_tabs/sort_tabs', ['im.chatTab.sortTabs']],
  ['/open-apis/im/v1/chats/oc_1/chat_tabs/update_tabs', ['im.chatTab.updateTabs']],
  ['/open-apis/im/v1/chats/oc_1/menu_tree', ['im.chatMenuTree.create', 'im.chatMenuTree.delete', 'im.chatMenuTree.get']],
  ['/open-apis/im/v1/chats/oc_1/menu_tree/sort', ['im.chatMenuTree.sort']],
  ['/open-apis/im/v1/chats/oc_1/menu_items/m_1', ['im.chatMenuItem.patch']],
  ['/open-apis/im/v1/chats/oc_1/link', ['im.chat.link']],
  ['/open-apis/im/v1/chats/oc_1/widgets/batch_create', ['im.chatWidget.batchCreate']],
  ['/open-apis/im/v1/chats/oc_1/widgets', ['im.chatWidget.list']],
  ['/open-apis/im/v1/chats/oc_1/widgets/batch_delete', ['im.chatWidget.batchDelete']],
];

/** The rows whose entries belong to one error code. */
export function restrictedUrls(code: ErrorCode): ReadonlyArray<readonly [url: string, ids: readonly string[]]> {
  return RESTRICTED.filter(([, ids]) => ids.every((id) => CATALOG.find((entry) => entry.id === id)?.code === code));
}
