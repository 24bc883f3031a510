import { describe, expect, it } from 'vitest';
import { lint } from '../support/lint';

const REGISTER = "import * as lark from '@larksuiteoapi/node-sdk';\nnew lark.EventDispatcher({}).register({ message: onMessage });";
const TYPE_HANDLER = "import * as lark from '@larksuiteoapi/allcore';\nlark.event.setTypeHandler(conf, 'message', onMessage);";
const CHECK = "import { verify } from './lark';\nif (body.event.type === 'message') handle(body);";

function messageOf(code: string, feishu: Record<string, unknown> = {}): string {
  const messages = lint(code, { settings: { feishu } }).filter((m) => m.ruleId === 'feishu/no-legacy-message-event');
  expect(messages).toHaveLength(1);
  return messages[0]!.message;
}

describe('legacy event messages, read whole', () => {
  it('says what the code does, what breaks since when, and the fix, in two sentences', () => {
    expect(messageOf(REGISTER, { appType: 'self-built' })).toBe(
      'register({ message }) subscribes to the legacy `message` event, not pushed for external chats (外部群) since 2025-06-25. ' +
        'Subscribe to im.message.receive_v1 in the developer console and move this handler there.',
    );
    expect(messageOf(CHECK, { appType: 'self-built' })).toBe(
      'This code checks for the legacy `message` event, not pushed for external chats (外部群) since 2025-06-25. ' +
        'Subscribe to im.message.receive_v1 in the developer console and move this handler there.',
    );
  });

  it('gives the earliest date and a pointer when the kind of app is unknown, the linked-organization date when set', () => {
    expect(messageOf(REGISTER)).toContain("since 2025-06-25 (set settings.feishu.appType for your app's date). Subscribe");
    expect(messageOf(REGISTER, { appType: 'self-built', linkedOrganization: true })).toContain('since 2025-07-23. Subscribe');
    expect(messageOf(REGISTER, { appType: 'store' })).toContain('since 2025-06-25. Subscribe');
  });

  it('is the same with external sharing: the legacy event is not pushed whatever the app', () => {
    expect(messageOf(REGISTER, { appType: 'self-built', externalSharing: true })).toBe(messageOf(REGISTER, { appType: 'self-built' }));
  });

  it('points the deprecated SDK to EventDispatcher', () => {
    expect(messageOf(TYPE_HANDLER, { appType: 'store' })).toBe(
      "setTypeHandler(…, 'message', …) handles the legacy `message` event, not pushed for external chats (外部群) since 2025-06-25. " +
        "Use node-sdk's EventDispatcher with 'im.message.receive_v1' and subscribe to it in the console.",
    );
  });

  it('speaks Chinese with locale zh-CN, without a space after full-width punctuation', () => {
    expect(messageOf(REGISTER, { appType: 'self-built', locale: 'zh-CN' })).toBe(
      'register({ message }) 订阅历史版本事件 `message`，自 2025-06-25 起不再推送外部群的消息。' +
        '请在开发者后台订阅 im.message.receive_v1，并把此处理函数迁移到该事件。',
    );
    expect(messageOf(REGISTER, { locale: 'zh-CN' })).toContain('自 2025-06-25 起不再推送外部群的消息（请设置 settings.feishu.appType 确认日期）。');
  });
});
