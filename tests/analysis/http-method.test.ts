import { describe, expect, it } from 'vitest';
import { lint } from '../support/lint';

/** The endpoint part of the one message: the method and path. */
function endpointOf(code: string): string {
  const messages = lint(code, { settings: { feishu: { appType: 'store' } } });
  expect(messages).toHaveLength(1);
  return messages[0]!.message.slice(0, messages[0]!.message.indexOf(' fails with'));
}

const REACTIONS = '`/open-apis/im/v1/messages/${id}/reactions`';

describe('the HTTP method, read from where the URL is sent', () => {
  it.each([
    ['axios.post', "axios.post('/open-apis/chat/v4/info', body);", 'POST /open-apis/chat/v4/info'],
    ['an instance’s get', "instance.get('/open-apis/chat/v4/info');", 'GET /open-apis/chat/v4/info'],
    ['got.post', "await got.post('https://open.feishu.cn/open-apis/bot/v4/add', { json });", 'POST /open-apis/bot/v4/add'],
    ['superagent.del', "superagent.del('/open-apis/bot/v4/remove');", 'DELETE /open-apis/bot/v4/remove'],
    ['fetch with a method', `fetch(${REACTIONS}, { method: 'POST', body });`, 'POST /open-apis/im/v1/messages/:message_id/reactions'],
    ['fetch without one', `fetch(${REACTIONS});`, 'GET /open-apis/im/v1/messages/:message_id/reactions'],
    ['client.request({ method, url })', `client.request({ method: 'post', url: ${REACTIONS}, data });`, 'POST /open-apis/im/v1/messages/:message_id/reactions'],
    ['https.request({ method, path })', "https.request({ method: 'PATCH', path: `/open-apis/im/v1/chats/${id}/announcement` });", 'PATCH /open-apis/im/v1/chats/:chat_id/announcement'],
    ['a const method', `const METHOD = 'DELETE';\nfetch(\`/open-apis/im/v1/chats/\${id}/menu_tree\`, { method: METHOD });`, 'DELETE /open-apis/im/v1/chats/:chat_id/menu_tree'],
    ['newRequest', "import * as lark from '@larksuiteoapi/allcore';\nlark.api.newRequest('chat/v4/info', 'POST', 2, body);", 'POST /open-apis/chat/v4/info'],
    ['an imported newRequest', "import { newRequest as build } from '@larksuiteoapi/api';\nbuild('chat/v4/info', 'POST', 2, body);", 'POST /open-apis/chat/v4/info'],
    ['a required newRequest', "const { newRequest } = require('@larksuiteoapi/allcore');\nnewRequest('chat/v4/info', 'PUT', 2, body);", 'PUT /open-apis/chat/v4/info'],
    ['the uses of a const', `const URL_REACTIONS = ${REACTIONS};\naxios.post(URL_REACTIONS, body);\nawait axios.post(URL_REACTIONS, other);`, 'POST /open-apis/im/v1/messages/:message_id/reactions'],
    ['the uses of a const member', `const API = { R: ${REACTIONS} };\naxios.get(API.R);`, 'GET /open-apis/im/v1/messages/:message_id/reactions'],
    ['a member after a spread', `const API = { ...defaults, R: ${REACTIONS} };\naxios.get(API.R);`, 'GET /open-apis/im/v1/messages/:message_id/reactions'],
    ['a URL’s href', "const BASE = 'https://open.feishu.cn/open-apis/';\naxios.post(new URL(`chat/v4/update`, BASE).href, body);", 'POST /open-apis/chat/v4/update'],
    ['a URL’s toString()', "axios.delete(new URL('/open-apis/bot/v4/remove', host).toString());", 'DELETE /open-apis/bot/v4/remove'],
    ['String(url)', `fetch(String(new URL(${REACTIONS}, host)), { method: 'POST' });`, 'POST /open-apis/im/v1/messages/:message_id/reactions'],
  ])('reads %s', (_, code, endpoint) => {
    expect(endpointOf(code)).toBe(endpoint);
  });

  it.each([
    ['a method the code computes', `fetch(${REACTIONS}, { method: verb });`],
    ['uses that disagree', `const R = ${REACTIONS};\naxios.post(R);\naxios.get(R);`],
    ['an unknown client', `request(${REACTIONS}, options);`],
    ['options in a variable', `fetch(${REACTIONS}, init);`],
    ['a method that is not HTTP', `fetch(${REACTIONS}, { method: 'FETCH' });`],
    // A spread after the key may replace it: `API.R` is not known to be this URL.
    ['a member a spread may replace', `const API = { R: ${REACTIONS}, ...overrides };\naxios.get(API.R);`],
  ])('names every documented method for %s', (_, code) => {
    expect(endpointOf(code)).toBe(
      'POST/GET /open-apis/im/v1/messages/:message_id/reactions',
    );
  });

  it('keeps a POST to an endpoint documented as GET: matching is by path', () => {
    expect(endpointOf("axios.post('/open-apis/chat/v4/members');")).toBe(
      'POST /open-apis/chat/v4/members',
    );
  });
});
