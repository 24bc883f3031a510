// Notifications through the legacy (v4) message and chat APIs, with raw HTTP calls.
const axios = require('axios');

const FEISHU_API = 'https://open.feishu.cn/open-apis';

async function notify(tenantAccessToken, chatId, text) {
  const headers = { Authorization: `Bearer ${tenantAccessToken}` };
  const info = await axios.get(`${FEISHU_API}/chat/v4/info?chat_id=${chatId}`, { headers });
  await axios.post(
    FEISHU_API + '/message/v4/send/',
    { chat_id: chatId, msg_type: 'text', content: { text: `${info.data.data.name}: ${text}` } },
    { headers },
  );
}

module.exports = { notify };
