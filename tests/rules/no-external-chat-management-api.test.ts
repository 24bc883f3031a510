import rule from '../../lib/rules/no-external-chat-management-api';
import { restrictedUrls } from '../support/restricted-urls';
import { createRuleTester, PLAIN_JS } from '../support/rule-tester';

const ruleTester = createRuleTester();
const restrictedEndpoint = 'restrictedEndpoint' as const;
const EXTERNAL_SHARING = { feishu: { appType: 'self-built', externalSharing: true } };

ruleTester.run('no-external-chat-management-api', rule, {
  valid: [
    // The docx announcement API is not restricted.
    'fetch(`https://open.feishu.cn/open-apis/docx/v1/chats/${chatId}/announcement`);',
    'fetch(`/open-apis/docx/v1/chats/${chatId}/announcement/blocks/${blockId}`);',
    // Members, moderation, top notice and the chat itself are not in the notice.
    'fetch(`/open-apis/im/v1/chats/${chatId}/members`);',
    'fetch(`/open-apis/im/v1/chats/${chatId}/moderation`);',
    'fetch(`/open-apis/im/v1/chats/${chatId}/top_notice/put_top_notice`);',
    'fetch(`/open-apis/im/v1/chats/${chatId}`);',
    // An unknown where the template has a literal segment.
    'fetch(`/open-apis/im/v1/chats/${chatId}/${resource}`);',
    'fetch(`/open-apis/im/v1/chats/${chatId}/chat_tabs/${action}`);',
    // External sharing unlocks everything here but the chat managers.
    ...[
      'announcement',
      'chat_tabs',
      'chat_tabs/delete_tabs',
      'chat_tabs/list_tabs',
      'chat_tabs/sort_tabs',
      'chat_tabs/update_tabs',
      'menu_tree',
      'menu_tree/sort',
      'menu_items/${itemId}',
      'link',
      'widgets',
      'widgets/batch_create',
      'widgets/batch_delete',
    ].map((below) => ({ code: `fetch(\`/open-apis/im/v1/chats/\${chatId}/${below}\`);`, settings: EXTERNAL_SHARING })),
    { code: "fetch('/open-apis/im/v1/chats/oc_1/link');", options: [{ allow: ['im.chat.link'] }] },
    // fetch without a method sends GET: the allowed GET entry is the one it names.
    { code: 'fetch(`/open-apis/im/v1/chats/${chatId}/menu_tree`);', options: [{ allow: ['im.chatMenuTree.get'] }] },
  ],
  invalid: [
    ...restrictedUrls(232033).map(([url]) => ({
      code: `await http.request({ url: 'https://open.feishu.cn${url}' });`,
      errors: [{ messageId: restrictedEndpoint, column: 27, endColumn: 27 + url.length + 24 }],
    })),
    // The chat managers stay blocked with external sharing.
    {
      code: 'fetch(`/open-apis/im/v1/chats/${chatId}/managers/add_managers`);',
      settings: EXTERNAL_SHARING,
      errors: [{ messageId: restrictedEndpoint, column: 7, endColumn: 63 }],
    },
    {
      code: "fetch('/open-apis/im/v1/chats/' + chatId + '/managers/delete_managers');",
      settings: EXTERNAL_SHARING,
      errors: [{ messageId: restrictedEndpoint, column: 7, endColumn: 71 }],
    },
    // A menu path shared by three methods, one of them allowed: with the method unknown, the others count.
    {
      code: 'request(`/open-apis/im/v1/chats/${chatId}/menu_tree`);',
      options: [{ allow: ['im.chatMenuTree.get'] }],
      errors: [{ messageId: restrictedEndpoint }],
    },
    // With the method known, only its entry counts.
    {
      code: 'axios.post(`/open-apis/im/v1/chats/${chatId}/menu_tree`, menu);',
      options: [{ allow: ['im.chatMenuTree.get'] }],
      errors: [{ messageId: restrictedEndpoint }],
    },
    {
      ...PLAIN_JS,
      code: "const ANNOUNCEMENT = 'https://open.feishu.cn/open-apis/im/v1/chats/:chat_id/announcement';",
      errors: [{ messageId: restrictedEndpoint, column: 22, endColumn: 90 }],
    },
  ],
});
