// The bot's event handler, still on the legacy `message` event (event schema v1).
const lark = require('@larksuiteoapi/node-sdk');

const dispatcher = new lark.EventDispatcher({ encryptKey: process.env.ENCRYPT_KEY }).register({
  message: async (data) => {
    console.log(`message in ${data.open_chat_id}: ${data.text_without_at_bot}`);
  },
});

module.exports = { dispatcher };
