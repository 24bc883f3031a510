// Reactions the bot keeps away from external chats, or whose failure there it handles:
// the audit lists them apart and does not count them.
import * as lark from '@larksuiteoapi/node-sdk';

const client = new lark.Client({ appId: process.env.APP_ID ?? '', appSecret: process.env.APP_SECRET ?? '' });

// The "typing" indicator, in internal chats only: the im/v1 chat info says external: true for the others.
export async function typing(chatId: string, messageId: string): Promise<void> {
  const chat = await client.im.chat.get({ path: { chat_id: chatId } });
  if (chat.data?.external) return;
  await client.im.messageReaction.create({
    path: { message_id: messageId },
    data: { reaction_type: { emoji_type: 'Typing' } },
  });
}

// A thumbs-up is a nicety: in an external chat it fails with 231021, and the bot carries on.
export async function thumbsUp(messageId: string): Promise<void> {
  try {
    await client.im.messageReaction.create({
      path: { message_id: messageId },
      data: { reaction_type: { emoji_type: 'THUMBSUP' } },
    });
  } catch (error) {
    if ((error as { response?: { data?: { code?: number } } }).response?.data?.code === 231021) return;
    throw error;
  }
}
