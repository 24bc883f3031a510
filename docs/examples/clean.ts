// The same work the current way: nothing here is reported.
import * as lark from '@larksuiteoapi/node-sdk';

const client = new lark.Client({ appId: process.env.APP_ID ?? '', appSecret: process.env.APP_SECRET ?? '' });

export const dispatcher = new lark.EventDispatcher({}).register({
  'im.message.receive_v1': async (data) => {
    await client.im.message.reply({
      path: { message_id: data.message.message_id },
      data: { msg_type: 'text', content: JSON.stringify({ text: 'received' }) },
    });
  },
});

// A log message that mentions a legacy path is prose, not a call.
console.warn('moved off /open-apis/message/v4/send to im/v1');
