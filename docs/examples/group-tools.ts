// Group tools on the node-sdk client.
import * as lark from '@larksuiteoapi/node-sdk';

const client = new lark.Client({ appId: process.env.APP_ID ?? '', appSecret: process.env.APP_SECRET ?? '' });

export async function acknowledge(messageId: string): Promise<void> {
  await client.im.messageReaction.create({
    path: { message_id: messageId },
    data: { reaction_type: { emoji_type: 'OK' } },
  });
}

export async function pinnedNotice(chatId: string): Promise<string | undefined> {
  const announcement = await client.im.chatAnnouncement.get({ path: { chat_id: chatId } });
  return announcement.data?.content;
}

export async function promote(chatId: string, openId: string): Promise<void> {
  await client.im.v1.chatManagers.addManagers({
    path: { chat_id: chatId },
    params: { member_id_type: 'open_id' },
    data: { manager_ids: [openId] },
  });
}

// im/v1 message send: not reported (it works in external chats once external sharing is on).
export async function reply(chatId: string, text: string): Promise<void> {
  await client.im.message.create({
    params: { receive_id_type: 'chat_id' },
    data: { receive_id: chatId, msg_type: 'text', content: JSON.stringify({ text }) },
  });
}
