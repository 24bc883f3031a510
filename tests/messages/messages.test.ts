import { describe, expect, it } from 'vitest';
import { CATALOG, EXTERNAL_CHAT_NOTICE, type CatalogEntry, type HttpMethod } from '../../lib/catalog';
import { describeEndpoint, endpointMessage, legacyEventMessage, TEXTS } from '../../lib/messages';
import type { AppKind, Locale } from '../../lib/settings';
import { lint } from '../support/lint';

const SELF_BUILT = { feishu: { appType: 'self-built' } };
const KINDS: AppKind[] = ['unknown', 'store', 'self-built', 'self-built-linked-organization', 'self-built-external-sharing'];
const LOCALES: Locale[] = ['en', 'zh-CN'];
const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function only<T>(items: readonly T[]): T {
  expect(items).toHaveLength(1);
  return items[0]!;
}

/** Length as a reader counts it: code points (a Chinese character is one). */
const length = (text: string) => Array.from(text).length;

describe('endpoint messages, read whole', () => {
  it('tells a self-built app to migrate a legacy call, by the node-sdk method, and enable external sharing', () => {
    const message = only(lint("fetch('/open-apis/chat/v4/info?chat_id=' + id);", { settings: SELF_BUILT }));
    expect(message).toMatchObject({ ruleId: 'feishu/no-legacy-message-chat-api', messageId: 'legacyEndpoint' });
    expect(message.message).toBe(
      'GET /open-apis/chat/v4/info fails with error 232102 in external chats (外部群) since 2025-06-25. ' +
        'Migrate to client.im.chat.get and enable external sharing (对外共享).',
    );
  });

  it('says the replacement of urgent fails too, and never that migrating is enough', () => {
    const message = only(lint("axios.post('/open-apis/message/v4/urgent', body);", { settings: SELF_BUILT }));
    expect(message.message).toBe(
      'POST /open-apis/message/v4/urgent fails with error 232102 in external chats (外部群) since 2025-06-25. ' +
        'Migrate to client.im.message.urgentApp for internal chats only: it is blocked in external chats too.',
    );
  });

  it('tells a store app that no replacement exists, in Chinese, without a space after full-width punctuation', () => {
    const message = only(
      lint('client.request({ url: `/open-apis/im/v1/messages/${id}/reactions`, data });', {
        settings: { feishu: { appType: 'store', locale: 'zh-CN' } },
      }),
    );
    expect(message).toMatchObject({ ruleId: 'feishu/no-external-chat-reaction-api', messageId: 'restrictedEndpoint' });
    expect(message.message).toBe(
      'POST/GET /open-apis/im/v1/messages/:message_id/reactions 自 2025-06-25 起在外部群中调用会返回错误码 231021。' +
        '商店应用暂无替换方案：请避免在外部群中调用，或联系飞书技术支持。',
    );
  });

  it('points an app with linked organizations at the Developer Assistant, with its own date', () => {
    const message = only(
      lint("axios.post('/open-apis/im/v1/chats/oc_1/link');", {
        settings: { feishu: { appType: 'self-built', linkedOrganization: true } },
      }),
    );
    expect(message.message).toBe(
      'POST /open-apis/im/v1/chats/:chat_id/link fails with error 232033 in external chats (外部群) since 2025-07-23. ' +
        "Only APIs on the Developer Assistant's (开发者小助手) card work there.",
    );
  });

  it('keeps the chat managers blocked for an app with external sharing', () => {
    const message = only(
      lint('http.post(`/open-apis/im/v1/chats/${id}/managers/add_managers`, body);', {
        settings: { feishu: { appType: 'self-built', externalSharing: true, locale: 'zh-CN' } },
      }),
    );
    expect(message.message).toBe(
      'POST /open-apis/im/v1/chats/:chat_id/managers/add_managers 自 2025-06-25 起在外部群中调用会返回错误码 232033。' +
        '即使开启对外共享仍不可用，请避免在外部群中调用。',
    );
  });

  it('names the SDK method the code calls, not the path', () => {
    const message = only(lint('await client.im.v1.messageReaction.listWithIterator({ path });', { settings: { feishu: { appType: 'store' } } }));
    expect(message).toMatchObject({ ruleId: 'feishu/no-external-chat-reaction-api', messageId: 'restrictedSdkCall' });
    expect(message.message).toBe(
      'client.im.messageReaction.listWithIterator() fails with error 231021 in external chats (外部群) since 2025-06-25. ' +
        'No replacement for store apps: avoid external chats or ask Feishu support.',
    );
  });

  it('names a LarkChannel helper that calls two endpoints once', () => {
    const code = "import { createLarkChannel } from '@larksuiteoapi/node-sdk';\nconst channel = createLarkChannel(options);\nawait channel.removeReactionByEmoji(messageId, 'Typing');";
    const message = only(lint(code, { settings: SELF_BUILT }));
    expect(message.message).toBe(
      'LarkChannel.removeReactionByEmoji() fails with error 231021 in external chats (外部群) since 2025-06-25. ' +
        'Enable external sharing (对外共享) for the app to call it there.',
    );
  });

  it('gives an unknown kind of app the self-built remedy, the earliest date and a pointer to set appType', () => {
    const message = only(lint("request('/open-apis/bot/v4/remove', options);"));
    expect(message.message).toBe(
      'POST /open-apis/bot/v4/remove fails with error 232102 in external chats (外部群) since 2025-06-25. ' +
        'For a self-built app, migrate to client.im.chatMembers.delete and enable external sharing (对外共享); otherwise set settings.feishu.appType.',
    );
    const zh = only(lint("request('/open-apis/bot/v4/remove', options);", { settings: { feishu: { locale: 'zh-CN' } } }));
    expect(zh.message).toBe(
      'POST /open-apis/bot/v4/remove 自 2025-06-25 起在外部群中调用会返回错误码 232102。' +
        '自建应用：请迁移到 client.im.chatMembers.delete，并为应用开启对外共享；其他类型的应用请设置 settings.feishu.appType。',
    );
  });
});

/** Every shape of finding the API rules report, for one entry: URL with each method and none, each SDK method. */
function endpointShapes(entry: CatalogEntry): { entries: [CatalogEntry, ...CatalogEntry[]]; method?: HttpMethod; sdkCall?: string }[] {
  return [
    { entries: [entry] },
    ...METHODS.map((method) => ({ entries: [entry] as [CatalogEntry], method })),
    ...(entry.sdkMethods ?? []).flatMap((sdk) => [`client.${sdk}`, `client.${sdk.replace('im.', 'im.v1.')}`].map((sdkCall) => ({ entries: [entry] as [CatalogEntry], sdkCall }))),
  ];
}

/** Findings that name several entries: a shared path with the method unknown, and the LarkChannel helpers. */
function multiEntryShapes(): { entries: [CatalogEntry, ...CatalogEntry[]]; sdkCall?: string }[] {
  const byPath = new Map<string, CatalogEntry[]>();
  for (const entry of CATALOG) byPath.set(entry.path, [...(byPath.get(entry.path) ?? []), entry]);
  const shared = [...byPath.values()].filter((entries) => entries.length > 1).map((entries) => ({ entries: entries as [CatalogEntry, ...CatalogEntry[]] }));
  const helpers = Object.entries(EXTERNAL_CHAT_NOTICE.channelHelpers).map(([helper, ids]) => ({
    entries: ids.map((id) => CATALOG.find((entry) => entry.id === id)!) as [CatalogEntry, ...CatalogEntry[]],
    sdkCall: `LarkChannel.${helper}`,
  }));
  return [...shared, ...helpers];
}

// The budgets of docs/spec/behaviour.md#messages, in code points.
const BUDGET = { en: { set: 220, unknown: 280, suggestion: 100 }, 'zh-CN': { set: 150, unknown: 190, suggestion: 60 } } as const;

describe('every message the rules can emit is one or two sentences within its budget', () => {
  const cases = LOCALES.flatMap((locale) => KINDS.map((appKind) => [locale, appKind] as const));

  it.each(cases)('%s, %s: every catalog entry in every shape, the event rule', (locale, appKind) => {
    const settings = { appKind, locale };
    // Each endpoint shape as usual, and guarded or handled (reported with reportGuarded).
    const protections = [undefined, 'guarded', 'handled'] as const;
    const messages = [
      ...CATALOG.flatMap((entry) =>
        endpointShapes(entry).flatMap((shape) => protections.map((protection) => endpointMessage(EXTERNAL_CHAT_NOTICE, shape.entries, { ...shape, protection }, settings).message)),
      ),
      ...multiEntryShapes().flatMap((shape) => protections.map((protection) => endpointMessage(EXTERNAL_CHAT_NOTICE, shape.entries, { ...shape, protection }, settings).message)),
      ...(['register', 'check', 'typeHandler'] as const).map((kind) => legacyEventMessage(EXTERNAL_CHAT_NOTICE, kind, settings).message),
    ];
    expect(messages.length).toBeGreaterThan(CATALOG.length * 18);
    expect(messages.filter((message) => message.includes(locale === 'en' ? ' (guarded) ' : '（已防护）'))).not.toHaveLength(0);
    const budget = BUDGET[locale][appKind === 'unknown' ? 'unknown' : 'set'];
    const over = messages.filter((message) => length(message) > budget);
    expect(over, `longer than ${budget}`).toEqual([]);
    const sentenceEnd = locale === 'en' ? /[.?!](?= |$)/g : /[。？！]/g;
    const long = messages.filter((message) => (message.match(sentenceEnd)?.length ?? 0) > 2);
    expect(long, 'more than two sentences').toEqual([]);
  });

  it('suggestion titles stay within 100 (en) and 60 (zh-CN) code points', () => {
    const { replacement } = EXTERNAL_CHAT_NOTICE.legacyEvent;
    for (const locale of LOCALES) {
      const { suggestion } = TEXTS[locale].event;
      for (const title of [suggestion.register(replacement), suggestion.check(replacement, 'header.event_type')]) {
        expect(length(title), title).toBeLessThanOrEqual(BUDGET[locale].suggestion);
      }
    }
  });

  it('the budget check can fail', () => {
    const entry = CATALOG.find((e) => e.id === 'message.v4.urgent')!;
    const old = TEXTS.en.remedy.unknownKind(TEXTS.en.remedy.legacyMigrateStillBlocked(TEXTS.en.replacement(entry.path, entry.replacement!.sdkMethods, undefined)));
    expect(length(old)).toBeGreaterThan(BUDGET.en.unknown);
  });
});

describe('endpoint messages, every entry × kind of app × locale', () => {
  const cases = CATALOG.flatMap((entry) => KINDS.flatMap((appKind) => LOCALES.map((locale) => [entry.id, appKind, locale, entry] as const)));

  it.each(cases)('%s / %s / %s', (_id, appKind, locale, entry: CatalogEntry) => {
    const data = endpointMessage(EXTERNAL_CHAT_NOTICE, [entry], {}, { appKind, locale });
    const text = data.message;
    expect(text.startsWith(`${entry.methods.join('/')} ${entry.path} `)).toBe(true);
    expect(text).toContain(String(entry.code));
    expect(data.id).toBe(entry.id);
    expect(data.code).toBe(String(entry.code));
    // One date: the kind's own, or the earliest when the kind is unknown.
    expect(text).toContain(appKind === 'self-built-linked-organization' ? '2025-07-23' : '2025-06-25');
    expect(text).not.toContain(appKind === 'self-built-linked-organization' ? '2025-06-25' : '2025-07-23');
    expect(text.includes('settings.feishu.appType')).toBe(appKind === 'unknown');
    // Language: the message is in the chosen locale (English quotes the console's Chinese terms).
    expect(/\b(the|and|to|for|with)\b/.test(text)).toBe(locale === 'en');
    expect(/[请应用接口]/.test(text)).toBe(locale === 'zh-CN');
    // A legacy entry names its replacement by its node-sdk method wherever migrating is advised.
    if (entry.replacement && appKind !== 'store' && appKind !== 'self-built-linked-organization') {
      expect(text).toContain(`client.${entry.replacement.sdkMethods[0]}`);
      expect(text).not.toContain(entry.replacement.path);
    }
    // No message promises that im/v1 alone works in external chats.
    if (locale === 'en') expect(text).not.toMatch(/works in external chats|im\/v1 (alone|is enough)/);
    // The store remedy never suggests external sharing, which store apps cannot enable.
    if (appKind === 'store') expect(text).not.toMatch(/external sharing|对外共享/);
  });

  it('uses the HTTP method seen in the code when it is known', () => {
    const entry = CATALOG.find((e) => e.id === 'chat.v4.info')!;
    expect(endpointMessage(EXTERNAL_CHAT_NOTICE, [entry], { method: 'POST' }, { appKind: 'store', locale: 'en' }).message).toMatch(
      /^POST \/open-apis\/chat\/v4\/info fails/,
    );
  });

  it('keeps the audit’s full wording: names, the im/v1 method and path, notes', () => {
    const entry = CATALOG.find((e) => e.id === 'message.v4.send')!;
    expect(describeEndpoint([entry], { appKind: 'self-built', locale: 'en' })).toEqual({
      label: 'POST /open-apis/message/v4/send ([Legacy] Send message)',
      remedy:
        'Migrate to POST /open-apis/im/v1/messages?receive_id_type=chat_id (node-sdk: client.im.message.create; the body takes receive_id, ' +
        'msg_type and content as a JSON string; card JSON goes in content) and enable external sharing (对外共享) for the app: legacy APIs never work in external chats.',
    });
  });
});
