import { describe, expect, it } from 'vitest';
import { CATALOG, LOOK_ALIKE_PATHS } from '../../lib/catalog';
import { compileMatcher, matchPath, UNKNOWN } from '../../lib/matcher';
import { RESTRICTED } from '../support/restricted-urls';

const U = UNKNOWN;

/** The ids a value names, or [] when it names nothing. */
function idsOf(value: string): string[] {
  return matchPath(value)?.route.entries.map((entry) => entry.id) ?? [];
}

describe('matchPath', () => {
  it.each(RESTRICTED)('names the catalog entries of %s', (url, ids) => {
    expect(idsOf(url)).toEqual(ids);
  });

  it('covers every catalog entry with the table above', () => {
    const named = new Set(RESTRICTED.flatMap(([, ids]) => ids));
    expect(CATALOG.map((entry) => entry.id).filter((id) => !named.has(id))).toEqual([]);
  });

  it.each(LOOK_ALIKE_PATHS.map((path) => [path.replaceAll(/:\w+/g, 'x_1')]))('never matches the look-alike %s', (path) => {
    expect(matchPath(path)).toBeUndefined();
    expect(matchPath(`https://open.feishu.cn${path}`)).toBeUndefined();
  });

  describe('normalization (docs/spec/behaviour.md#evaluating-strings)', () => {
    it.each([
      'https://open.feishu.cn/open-apis/message/v4/send',
      'http://open.larksuite.com/open-apis/message/v4/send/',
      'HTTPS://private.example.com:8443/open-apis/message/v4/send?a=1#x',
      '//open.feishu.cn/open-apis/message/v4/send',
      'open-apis/message/v4/send',
      '/open-apis/message/v4/send/?receive_id_type=chat_id',
      'https://gw.example.com/feishu/open-apis/message/v4/send',
      `https://${U}/open-apis/message/v4/send`,
      `${U}/open-apis/message/v4/send`,
      `/open-apis/message/v4/send${U}`,
      `/open-apis/message/v4/send?${U}`,
    ])('reads %s as message.v4.send', (value) => {
      expect(idsOf(value)).toEqual(['message.v4.send']);
      expect(matchPath(value)?.hasOpenApis).toBe(true);
    });

    it('matches paths without open-apis, marking them so', () => {
      expect(matchPath('/message/v4/send')).toMatchObject({ hasOpenApis: false });
      expect(matchPath(`${U}/chat/v4/info`)).toMatchObject({ hasOpenApis: false });
      expect(idsOf('message/v4/send/')).toEqual(['message.v4.send']);
    });

    it.each([
      ['prose around the path', 'Failed to call /open-apis/message/v4/send'],
      ['a trailing sentence', '/open-apis/message/v4/send failed'],
      ['a method in front', 'POST /open-apis/message/v4/send'],
      ['whitespace inside the query', '/open-apis/message/v4/send?a=1 b'],
      ['a path in a query string', 'https://example.com/redirect?to=/open-apis/message/v4/send'],
      ['an extra segment', '/open-apis/message/v4/send/extra'],
      ['a missing segment', '/open-apis/message/v4'],
      ['a doubled slash', '/open-apis//message/v4/send'],
      ['other case', '/open-apis/Message/v4/Send'],
      ['nothing after open-apis', 'https://open.feishu.cn/open-apis/'],
      ['the empty string', ''],
    ])('names nothing for %s', (_, value) => {
      expect(matchPath(value)).toBeUndefined();
    });
  });

  describe('unknown pieces (docs/spec/behaviour.md#evaluating-strings)', () => {
    it('lets an unknown segment stand for a :param', () => {
      expect(idsOf(`/open-apis/im/v1/chats/${U}/link`)).toEqual(['im.chat.link']);
      expect(idsOf(`/open-apis/im/v1/messages/${U}/reactions/${U}`)).toEqual(['im.messageReaction.delete']);
      expect(idsOf(`/open-apis/im/v1/chats/oc_${U}/menu_items/${U}`)).toEqual(['im.chatMenuItem.patch']);
    });

    it('never lets an unknown segment stand for a literal one', () => {
      expect(matchPath(`/open-apis/im/v1/messages/${U}/${U}`)).toBeUndefined();
      expect(matchPath(`/open-apis/im/v1/chats/${U}/${U}/add_managers`)).toBeUndefined();
      expect(matchPath(`/open-apis/${U}/v4/send`)).toBeUndefined();
      expect(matchPath(`/open-apis/message/v4/${U}`)).toBeUndefined();
    });

    it('reads a literal segment where the template has a :param', () => {
      // `reactions` in the message-id place, then `batch_query` where `reactions` stands: no match.
      expect(matchPath('/open-apis/im/v1/messages/reactions/batch_query')).toBeUndefined();
      expect(idsOf('/open-apis/im/v1/messages/reactions/reactions')).toEqual([
        'im.messageReaction.create',
        'im.messageReaction.list',
      ]);
    });
  });
});

describe('compileMatcher', () => {
  it('finds a match through a :param where a literal sibling dead-ends', () => {
    // `/a/b/c` and `/a/:x/d`: `/a/b/d` must match the second template although `b` is a literal child.
    const entries = [
      { ...CATALOG[0]!, id: 'literal', path: '/open-apis/a/b/c' },
      { ...CATALOG[0]!, id: 'param', path: '/open-apis/a/:x/d' },
    ];
    const match = compileMatcher(entries);
    expect(match('/open-apis/a/b/d')?.route.entries[0]?.id).toBe('param');
    expect(match('/open-apis/a/b/c')?.route.entries[0]?.id).toBe('literal');
    expect(match('/open-apis/a/z/c')).toBeUndefined();
  });

  it('prefers a literal template over a :param template ending at the same place', () => {
    const entries = [
      { ...CATALOG[0]!, id: 'param', path: '/open-apis/a/:x' },
      { ...CATALOG[0]!, id: 'literal', path: '/open-apis/a/b' },
    ];
    const match = compileMatcher(entries);
    expect(match('/open-apis/a/b')?.route.entries[0]?.id).toBe('literal');
    expect(match('/open-apis/a/c')?.route.entries[0]?.id).toBe('param');
  });

  it('rejects a path listed under two error codes', () => {
    const entries = [CATALOG[0]!, { ...CATALOG[0]!, id: 'other', code: 231021 as const }];
    expect(() => compileMatcher(entries)).toThrow(/listed under both 232102 and 231021/);
  });

  it('rejects a path without /open-apis/', () => {
    expect(() => compileMatcher([{ ...CATALOG[0]!, path: '/message/v4/send' }])).toThrow(/must start with \/open-apis\//);
  });
});
