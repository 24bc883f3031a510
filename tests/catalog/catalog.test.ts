import { describe, expect, it } from 'vitest';
import { CATALOG, EXTERNAL_CHAT_NOTICE, idsOfCode as idsOfNoticeCode, type CatalogEntry, type ExternalChatCode } from '../../lib/catalog';

const idsOfCode = (code: ExternalChatCode) => idsOfNoticeCode(EXTERNAL_CHAT_NOTICE, code);
const LARK_CHANNEL_HELPERS = EXTERNAL_CHAT_NOTICE.channelHelpers;

const byId = (id: string): CatalogEntry => {
  const entry = CATALOG.find((e) => e.id === id);
  if (entry === undefined) throw new Error(`no catalog entry ${id}`);
  return entry;
};

describe('catalog', () => {
  it('has unique ids', () => {
    const ids = CATALOG.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has the notice’s endpoints per error code: 16 legacy (add_bot and add), 3 reactions, 18 chat management', () => {
    expect(idsOfCode(232102)).toHaveLength(16);
    expect(idsOfCode(231021)).toHaveLength(3);
    expect(idsOfCode(232033)).toHaveLength(18);
  });

  it('keeps the entries sharing a path in one group, with one verdict and no replacement', () => {
    const byPath = new Map<string, CatalogEntry[]>();
    for (const entry of CATALOG) byPath.set(entry.path, [...(byPath.get(entry.path) ?? []), entry]);
    for (const [path, entries] of byPath) {
      if (entries.length === 1) continue;
      expect(new Set(entries.map((e) => e.code)).size, path).toBe(1);
      expect(new Set(entries.map((e) => e.blockedWithExternalSharing)).size, path).toBe(1);
      expect(entries.every((e) => e.replacement === undefined), path).toBe(true);
      expect(new Set(entries.flatMap((e) => e.methods)).size, path).toBe(entries.length);
    }
  });

  it('corrects the notice’s misprinted methods (docs/spec/platform-facts.md#the-notices-misprints)', () => {
    expect(byId('im.messageReaction.list')).toMatchObject({ methods: ['GET'], noticeMisprint: 'PATCH' });
    expect(byId('im.chatTab.deleteTabs')).toMatchObject({ methods: ['DELETE'], noticeMisprint: 'GET' });
  });

  it('lists bot/v4/add, which real code calls, beside the notice’s add_bot', () => {
    expect(byId('bot.v4.add').path).toBe('/open-apis/bot/v4/add');
    expect(byId('bot.v4.add_bot').path).toBe('/open-apis/bot/v4/add_bot');
  });

  it('gives every legacy entry an im/v1 replacement and nothing else one', () => {
    for (const entry of CATALOG) {
      expect(entry.replacement !== undefined, entry.id).toBe(entry.code === 232102);
      if (entry.replacement) expect(entry.replacement.path.startsWith('/open-apis/im/v1/'), entry.id).toBe(true);
    }
  });

  it('marks the replacements that fail in external chats too: urgent and disband only', () => {
    const alsoBlocked = CATALOG.filter((entry) => entry.replacement?.alsoBlocked).map((entry) => entry.id);
    expect(alsoBlocked).toEqual(['message.v4.urgent', 'chat.v4.disband']);
  });

  it('keeps every legacy API and the chat managers blocked with external sharing, and nothing else', () => {
    const blocked = CATALOG.filter((entry) => entry.blockedWithExternalSharing).map((entry) => entry.id);
    expect(blocked).toEqual([...idsOfCode(232102), 'im.chatManagers.addManagers', 'im.chatManagers.deleteManagers']);
  });

  it('names every entry in both languages and links an official page', () => {
    for (const entry of CATALOG) {
      expect(entry.name.en.length, entry.id).toBeGreaterThan(0);
      expect(entry.name['zh-CN'].length, entry.id).toBeGreaterThan(0);
      expect(entry.docUrl.startsWith('https://open.feishu.cn/document/'), entry.id).toBe(true);
    }
  });

  it('gives each im/v1 entry its node-sdk method, except the widgets, which have none', () => {
    for (const entry of CATALOG.filter((e) => e.code !== 232102)) {
      if (entry.id.startsWith('im.chatWidget.')) expect(entry.sdkMethods, entry.id).toBeUndefined();
      else expect(entry.sdkMethods?.[0], entry.id).toBe(entry.id);
    }
    expect(byId('im.messageReaction.list').sdkMethods).toEqual(['im.messageReaction.list', 'im.messageReaction.listWithIterator']);
  });

  it('maps the LarkChannel helpers to catalog ids', () => {
    for (const ids of Object.values(LARK_CHANNEL_HELPERS)) for (const id of ids) expect(byId(id).code).toBe(231021);
  });
});
