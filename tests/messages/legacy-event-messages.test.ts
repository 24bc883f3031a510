import { describe, expect, it } from 'vitest';
import { lint } from '../support/lint';

const REGISTER = "import * as lark from '@larksuiteoapi/node-sdk';\nnew lark.EventDispatcher({}).register({ message: onMessage });";
const TYPE_HANDLER = "import * as lark from '@larksuiteoapi/allcore';\nlark.event.setTypeHandler(conf, 'message', onMessage);";

function messageOf(code: string, feishu: Record<string, unknown> = {}): string {
  const messages = lint(code, { settings: { feishu } }).filter((m) => m.ruleId === 'feishu/no-legacy-message-event');
  expect(messages).toHaveLength(1);
  return messages[0]!.message;
}

describe('legacy event messages, read whole', () => {
  it('says what breaks, the date and the two halves of the fix', () => {
    expect(messageOf(REGISTER, { appType: 'self-built' })).toBe(
      'register({ message }) subscribes this EventDispatcher to the legacy `message` event (event schema v1). ' +
        'Since 2025-06-25 Feishu no longer pushes it for messages in external chats (外部群): those messages never arrive, and no error says so; ' +
        'im.message.receive_v1 is still pushed. The fix has two halves: subscribe the app to im.message.receive_v1 in the developer console ' +
        '(code cannot do that), and move this handler to the v2 event.',
    );
  });

  it('gives both dates when the kind of app is unknown, and the linked-organization date when set', () => {
    expect(messageOf(REGISTER)).toContain('Since 2025-06-25 (2025-07-23 for self-built apps with linked organizations) Feishu no longer pushes it');
    expect(messageOf(REGISTER, { appType: 'self-built', linkedOrganization: true })).toContain('Since 2025-07-23 Feishu');
    expect(messageOf(REGISTER, { appType: 'store' })).toContain('Since 2025-06-25 Feishu');
  });

  it('is the same with external sharing: the legacy event is not pushed whatever the app', () => {
    expect(messageOf(REGISTER, { appType: 'self-built', externalSharing: true })).toBe(messageOf(REGISTER, { appType: 'self-built' }));
  });

  it('points the deprecated SDK to EventDispatcher', () => {
    expect(messageOf(TYPE_HANDLER, { appType: 'store' })).toBe(
      "setTypeHandler(…, 'message', …) handles the legacy `message` event (event schema v1). " +
        'Since 2025-06-25 Feishu no longer pushes it for messages in external chats (外部群): those messages never arrive, and no error says so; ' +
        "im.message.receive_v1 is still pushed. Move to node-sdk's EventDispatcher with register({ 'im.message.receive_v1': handler }), " +
        'and subscribe the app to im.message.receive_v1 in the developer console.',
    );
  });

  it('speaks Chinese with locale zh-CN', () => {
    expect(messageOf(REGISTER, { appType: 'self-built', locale: 'zh-CN' })).toBe(
      'register({ message }) 为此 EventDispatcher 订阅了历史版本的接收消息事件 `message`（事件格式 v1）。 ' +
        '自 2025-06-25 起，外部群中的消息不再推送该事件：这些消息不会到达，也没有任何报错；im.message.receive_v1 仍会推送。 ' +
        '修复分两步：在开发者后台为应用订阅 im.message.receive_v1（代码无法完成），并把此处理函数迁移到 v2 事件。',
    );
  });
});
