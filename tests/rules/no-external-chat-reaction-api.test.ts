import rule from '../../lib/rules/no-external-chat-reaction-api';
import { restrictedUrls } from '../support/restricted-urls';
import { createRuleTester, PLAIN_JS } from '../support/rule-tester';

const ruleTester = createRuleTester();
const restrictedEndpoint = 'restrictedEndpoint' as const;
const EXTERNAL_SHARING = { feishu: { appType: 'self-built', externalSharing: true } };

ruleTester.run('no-external-chat-reaction-api', rule, {
  valid: [
    // batch_query is not in the notice.
    "fetch('https://open.feishu.cn/open-apis/im/v1/messages/reactions/batch_query');",
    // Another message sub-resource, and a literal where only a :param may stand.
    'fetch(`/open-apis/im/v1/messages/${id}/reply`);',
    'fetch(`/open-apis/im/v1/messages/${id}/${kind}`);',
    // Legacy and chat-management endpoints belong to the other rules.
    "fetch('/open-apis/message/v4/send');",
    'fetch(`/open-apis/im/v1/chats/${id}/link`);',
    // External sharing unlocks reactions.
    { code: 'fetch(`/open-apis/im/v1/messages/${id}/reactions`);', settings: EXTERNAL_SHARING },
    // Both entries of the path allowed.
    {
      code: 'fetch(`/open-apis/im/v1/messages/${id}/reactions`);',
      options: [{ allow: ['im.messageReaction.create', 'im.messageReaction.list'] }],
    },
    { code: "log.warn('reaction failed: /open-apis/im/v1/messages/om_1/reactions');" },
  ],
  invalid: [
    ...restrictedUrls(231021).map(([url]) => ({
      code: `request('${url}');`,
      errors: [{ messageId: restrictedEndpoint, line: 1, column: 9, endColumn: 9 + url.length + 2 }],
    })),
    // The "typing" indicator most bots add: a template with the message id.
    {
      code: [
        'async function typing(messageId: string) {',
        '  await client.request({',
        "    method: 'POST',",
        '    url: `/open-apis/im/v1/messages/${messageId}/reactions`,',
        "    data: { reaction_type: { emoji_type: 'Typing' } },",
        '  });',
        '}',
      ].join('\n'),
      errors: [{ messageId: restrictedEndpoint, line: 4, column: 10, endColumn: 60 }],
    },
    {
      code: "axios.delete(BASE_URL + '/open-apis/im/v1/messages/' + messageId + '/reactions/' + reactionId);",
      errors: [{ messageId: restrictedEndpoint, column: 14, endColumn: 94 }],
    },
    // allow on one method of a shared path: the other still counts.
    {
      code: 'fetch(`/open-apis/im/v1/messages/${id}/reactions`);',
      options: [{ allow: ['im.messageReaction.create'] }],
      errors: [{ messageId: restrictedEndpoint }],
    },
    // Every other kind of app is refused.
    ...[
      { feishu: { appType: 'store' } },
      { feishu: { appType: 'self-built' } },
      { feishu: { appType: 'self-built', linkedOrganization: true } },
      { feishu: { appType: 'self-built', externalSharing: false } },
    ].map((settings) => ({
      code: 'fetch(`/open-apis/im/v1/messages/${id}/reactions`);',
      settings,
      errors: [{ messageId: restrictedEndpoint }],
    })),
    {
      ...PLAIN_JS,
      code: "const REACTIONS = (id) => '/open-apis/im/v1/messages/' + id + '/reactions';",
      errors: [{ messageId: restrictedEndpoint, column: 27, endColumn: 75 }],
    },
  ],
});
