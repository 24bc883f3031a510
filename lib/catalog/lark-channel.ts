/**
 * node-sdk 1.74.0's `LarkChannel` (`createLarkChannel(…)`, `new LarkChannel(…)`)
 * calls the reaction endpoints from these helpers (external-chat-facts.md §2):
 * each helper and the catalog ids of what it calls.
 */
export const LARK_CHANNEL_HELPERS: Readonly<Record<string, readonly string[]>> = {
  addReaction: ['im.messageReaction.create'],
  removeReaction: ['im.messageReaction.delete'],
  // Lists the message's reactions to find the bot's own, then deletes it.
  removeReactionByEmoji: ['im.messageReaction.list', 'im.messageReaction.delete'],
};

/** The module that exports `Client`, `LarkChannel` and `createLarkChannel`. */
export const NODE_SDK_MODULE = '@larksuiteoapi/node-sdk';
