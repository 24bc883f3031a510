import { beforeEach, describe, expect, it } from 'vitest';
import { resetWork, work } from '../../lib/syntax/work';
import { lint } from '../support/lint';
import { passesOver } from '../support/passes';

// A regression guard that counts work instead of timing it.
describe('work the analysis does', () => {
  beforeEach(resetWork);
  /** The counters these tests are about. */
  const counted = () => ({ located: work.located, matched: work.matched, climbed: work.climbed });

  const strings = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => `const s${i} = '${make(i)}';`).join('\n');

  it('never searches the tree nor matches in a file without Open Platform strings', () => {
    lint(strings(5000, (i) => `/api/v${i}/messages/${i}`));
    expect(counted()).toEqual({ located: 0, matched: 0, climbed: 0 });
  });

  it('looks once at each word other rules need, and matches nothing', () => {
    // `chat` (an SDK resource name) and `'message'` (the event type, in a file that reads an `event` and a `type`,
    // beside `===`) are each located once.
    lint("if (body.event.type === 'message') client.send(chat);");
    expect(counted()).toEqual({ located: 2, matched: 0, climbed: 0 });
    // An object's value is no check's operand, and without the word `event` no v1 check can read the type: either
    // way the event search does not start.
    for (const code of ["client.send(message, chat, { type: 'message', event });", "client.send(message, chat, { type: 'message' });"]) {
      resetWork();
      lint(code);
      expect(counted()).toEqual({ located: 1, matched: 0, climbed: 0 });
    }
  });

  it('skips other services’ Open Platform paths by their text', () => {
    lint(strings(2000, (i) => `/open-apis/docx/v1/documents/${i}/blocks`));
    expect(counted()).toEqual({ located: 0, matched: 0, climbed: 0 });
  });

  it('costs one lookup and one match per candidate string: linear', () => {
    const candidates = (n: number) => strings(n, (i) => `/open-apis/im/v1/chats/oc_${i}/members`);
    lint(candidates(1000));
    const once = counted();
    resetWork();
    lint(candidates(2000));
    // One more locate per file: the pre-filter locates the first marker, to see that it is part of a value.
    expect(once).toEqual({ located: 1001, matched: 1000, climbed: 0 });
    expect(counted()).toEqual({ located: 2001, matched: 2000, climbed: 0 });
  });

  it('locates only the `register` calls the event pre-filter keeps', () => {
    // 0.2.8: the search takes the pre-filter's `register`s; it used to locate every occurrence of the word (here five,
    // four of them a longer name, a plugin registration, a comment and a string), after a second pass over the text.
    const messages = lint(
      [
        "const { EventDispatcher } = require('@larksuiteoapi/node-sdk');",
        'const d = new EventDispatcher({});',
        'x.registered({ message: h });',
        'app.register(plugin);',
        '// d.register({ message })',
        "const s = 'register({ message })';",
        'd.register({ message: h });',
      ].join('\n'),
    );
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([['feishu/no-legacy-message-event', 7]]);
    // The `register` of line 7, and the module name of line 1, whose `require` the dispatcher is traced from.
    expect(work.located).toBe(2);
  });

  it("reads the text once for the SDK's module names and once for the error codes, whatever asks for them", () => {
    // 0.2.8: the dispatcher's and the channel's trace maps share one pass over `@l` (0.2.11: `@lar`, their longer
    // shared start); the handled check of two findings with different codes makes one pass over `23` (0.2.7: a pass
    // per trace map, and per code).
    const { result: messages, passes } = passesOver((_text, needle) => needle === '@lar' || needle === '23', () =>
      lint(
        [
          "const lark = require('@larksuiteoapi/node-sdk');",
          'const d = new lark.EventDispatcher({});',
          'd.register({ message: h });',
          'const channel = lark.createLarkChannel({});',
          'async function f(client: any) {',
          '  try { await channel.addReaction({}); await client.im.chatAnnouncement.get({}); } catch (e: any) { if (e.code === 231021) return; }',
          '}',
        ].join('\n'),
        { settings: { feishu: { reportGuarded: true } } },
      ),
    );
    expect(messages.map((m) => m.ruleId).sort()).toEqual([
      'feishu/no-external-chat-management-api',
      'feishu/no-external-chat-reaction-api',
      'feishu/no-legacy-message-event',
    ]);
    expect(passes).toEqual(['@lar', '23']);
  });

  const reactions = (n: number, guard: string) =>
    [`async function handle(chat: any, req: any) {`, guard, ...Array.from({ length: n }, () => '  await client.im.messageReaction.create(req);'), '}'].join('\n');

  it('looks for no guard nor handler in a file without the word every external test has, nor the error code', () => {
    lint(reactions(500, '  if (chat.muted) return;'));
    expect(work.climbed).toBe(0);
  });

  it('climbs from each finding to its function, once: linear in the findings', () => {
    lint(reactions(500, '  if (chat.external) return;'));
    const once = work.climbed;
    resetWork();
    lint(reactions(1000, '  if (chat.external) return;'));
    // Each call climbs from its method name through the member, the call, the await and
    // its statement to the function body, where the early exit stands.
    expect(once).toBe(2500);
    expect(work.climbed).toBe(2 * once);
  });
});
