import { describe, expect, it } from 'vitest';
import { CATALOG, EXTERNAL_CHAT_NOTICE, type CatalogEntry } from '../../lib/catalog';
import { describeEndpoint } from '../../lib/messages';
import type { AppKind, Locale } from '../../lib/settings';
import { lint } from '../support/lint';

const SELF_BUILT = { feishu: { appType: 'self-built' } };

function only<T>(items: readonly T[]): T {
  expect(items).toHaveLength(1);
  return items[0]!;
}

describe('endpoint messages, read whole', () => {
  it('tells a self-built app to migrate a legacy call and enable external sharing', () => {
    const message = only(lint("fetch('/open-apis/chat/v4/info?chat_id=' + id);", { settings: SELF_BUILT }));
    expect(message).toMatchObject({ ruleId: 'feishu/no-legacy-message-chat-api', messageId: 'legacyEndpoint' });
    expect(message.message).toBe(
      'GET /open-apis/chat/v4/info ([Legacy] Get chat info) fails with error 232102 in external chats (外部群) since 2025-06-25; ' +
        'internal chats are not affected. Migrate to GET /open-apis/im/v1/chats/:chat_id (node-sdk: client.im.chat.get) ' +
        'and enable external sharing (对外共享) for the app: legacy APIs never work in external chats.',
    );
  });

  it('says the replacement of urgent fails too, and never that migrating is enough', () => {
    const message = only(lint("axios.post('/open-apis/message/v4/urgent', body);", { settings: SELF_BUILT }));
    expect(message.message).toBe(
      'POST /open-apis/message/v4/urgent ([Legacy] Buzz (urgent) message) fails with error 232102 in external chats (外部群) since 2025-06-25; ' +
        'internal chats are not affected. Migrate to PATCH /open-apis/im/v1/messages/:message_id/urgent_app ' +
        '(node-sdk: client.im.message.urgentApp / client.im.message.urgentSms / client.im.message.urgentPhone; also urgent_sms and urgent_phone) ' +
        'for internal chats; it fails in external chats too, even with external sharing (对外共享), so keep this call away from external chats.',
    );
  });

  it('tells a store app that no replacement exists, in Chinese', () => {
    const message = only(
      lint('client.request({ url: `/open-apis/im/v1/messages/${id}/reactions`, data });', {
        settings: { feishu: { appType: 'store', locale: 'zh-CN' } },
      }),
    );
    expect(message).toMatchObject({ ruleId: 'feishu/no-external-chat-reaction-api', messageId: 'restrictedEndpoint' });
    expect(message.message).toBe(
      'POST/GET /open-apis/im/v1/messages/:message_id/reactions (添加消息表情回复 / 获取消息表情回复) ' +
        '自 2025-06-25 起在外部群中调用会返回错误码 231021（非外部群不受影响）。 ' +
        '商店应用暂无替换方案：如确需在外部群使用，请联系飞书技术支持，并避免在外部群中调用（im/v1 获取群信息返回 external: true 即为外部群）。',
    );
  });

  it('points an app with linked organizations at the Developer Assistant, with its own date', () => {
    const message = only(
      lint("axios.post('/open-apis/im/v1/chats/oc_1/link');", {
        settings: { feishu: { appType: 'self-built', linkedOrganization: true } },
      }),
    );
    expect(message.message).toBe(
      'POST /open-apis/im/v1/chats/:chat_id/link (Get the chat share link) fails with error 232033 in external chats (外部群) since 2025-07-23; ' +
        "internal chats are not affected. Apps with linked organizations may call in external chats only the APIs on the Developer Assistant's (开发者小助手) list: check its card.",
    );
  });

  it('keeps the chat managers blocked for an app with external sharing', () => {
    const message = only(
      lint('http.post(`/open-apis/im/v1/chats/${id}/managers/add_managers`, body);', {
        settings: { feishu: { appType: 'self-built', externalSharing: true, locale: 'zh-CN' } },
      }),
    );
    expect(message.message).toBe(
      'POST /open-apis/im/v1/chats/:chat_id/managers/add_managers (指定群管理员) 自 2025-06-25 起在外部群中调用会返回错误码 232033（非外部群不受影响）。 ' +
        '即使开启对外共享，该接口在外部群中仍不可用：请避免在外部群中调用。',
    );
  });

  it('names the SDK method the code calls', () => {
    const message = only(lint('await client.im.v1.messageReaction.listWithIterator({ path });', { settings: { feishu: { appType: 'store' } } }));
    expect(message).toMatchObject({ ruleId: 'feishu/no-external-chat-reaction-api', messageId: 'restrictedSdkCall' });
    expect(message.message.startsWith(
      'client.im.messageReaction.listWithIterator() → GET /open-apis/im/v1/messages/:message_id/reactions (List message reactions) fails with error 231021',
    )).toBe(true);
  });

  it('names both endpoints of a LarkChannel helper that calls two', () => {
    const code = "import { createLarkChannel } from '@larksuiteoapi/node-sdk';\nconst channel = createLarkChannel(options);\nawait channel.removeReactionByEmoji(messageId, 'Typing');";
    const message = only(lint(code, { settings: { feishu: { appType: 'store' } } }));
    expect(message.message.startsWith(
      'LarkChannel.removeReactionByEmoji() → GET /open-apis/im/v1/messages/:message_id/reactions, ' +
        'DELETE /open-apis/im/v1/messages/:message_id/reactions/:reaction_id (List message reactions / Delete a message reaction)',
    )).toBe(true);
  });

  it('gives an unknown kind of app both dates and the three remedies', () => {
    const message = only(lint("request('/open-apis/bot/v4/remove', options);"));
    expect(message.message).toBe(
      'POST /open-apis/bot/v4/remove ([Legacy] Remove bot from chat) fails with error 232102 in external chats (外部群) ' +
        'since 2025-06-25 (2025-07-23 for self-built apps with linked organizations); internal chats are not affected. ' +
        'Self-built app: Migrate to DELETE /open-apis/im/v1/chats/:chat_id/members?member_id_type=app_id (node-sdk: client.im.chatMembers.delete) ' +
        'and enable external sharing (对外共享) for the app: legacy APIs never work in external chats. ' +
        "With linked organizations: Apps with linked organizations may call in external chats only the APIs on the Developer Assistant's (开发者小助手) list: check its card. " +
        'Store app: Store apps have no replacement: contact Feishu technical support, and keep this call away from external chats (the im/v1 chat info says external: true). ' +
        '(Set settings.feishu.appType for the advice for your kind of app.)',
    );
  });
});

describe('endpoint messages, every entry × kind of app × locale', () => {
  const kinds: AppKind[] = ['unknown', 'store', 'self-built', 'self-built-linked-organization', 'self-built-external-sharing'];
  const locales: Locale[] = ['en', 'zh-CN'];
  const cases = CATALOG.flatMap((entry) =>
    kinds.flatMap((appKind) => locales.map((locale) => [entry.id, appKind, locale, entry] as const)),
  );

  it.each(cases)('%s / %s / %s', (_id, appKind, locale, entry: CatalogEntry) => {
    const data = describeEndpoint(EXTERNAL_CHAT_NOTICE, [entry], {}, { appKind, locale });
    const text = `${data.endpoint} ${data.failure} ${data.remedy}`;
    expect(data.endpoint).toBe(`${entry.methods.join('/')} ${entry.path} (${entry.name[locale]})`);
    expect(data.failure).toContain(String(entry.code));
    if (appKind === 'unknown') {
      expect(text).toContain('2025-06-25');
      expect(text).toContain('2025-07-23');
    } else if (appKind === 'self-built-linked-organization') {
      expect(data.failure).toContain('2025-07-23');
      expect(data.failure).not.toContain('2025-06-25');
    } else {
      expect(data.failure).toContain('2025-06-25');
      expect(data.failure).not.toContain('2025-07-23');
    }
    // Language: the remedy is in the chosen locale (English quotes the console's Chinese terms).
    expect(/\b(the|and|to|for|with)\b/.test(data.remedy)).toBe(locale === 'en');
    expect(/[请应用接口]/.test(data.remedy)).toBe(locale === 'zh-CN');
    // A legacy entry names its replacement wherever migrating is advised.
    if (entry.replacement && (appKind === 'self-built' || appKind === 'self-built-external-sharing' || appKind === 'unknown')) {
      expect(data.remedy).toContain(entry.replacement.path);
      expect(data.remedy).toContain(`client.${entry.replacement.sdkMethods[0]}`);
    }
    // No message promises that im/v1 alone works in external chats.
    if (locale === 'en') expect(text).not.toMatch(/works in external chats|im\/v1 (alone|is enough)/);
    // The store remedy never suggests external sharing, which store apps cannot enable.
    if (appKind === 'store') expect(data.remedy).not.toMatch(/external sharing|对外共享/);
  });

  it('uses the HTTP method seen in the code when it is known', () => {
    const entry = CATALOG.find((e) => e.id === 'chat.v4.info')!;
    expect(describeEndpoint(EXTERNAL_CHAT_NOTICE, [entry], { method: 'POST' }, { appKind: 'store', locale: 'en' }).endpoint).toBe(
      'POST /open-apis/chat/v4/info ([Legacy] Get chat info)',
    );
  });
});
