import { createRequire } from 'node:module';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// What editor integrations do: load the built plugin and call ESLint#lintText.
const root = path.resolve(__dirname, '../..');
const plugin = createRequire(__filename)(path.join(root, 'dist')) as ESLint.Plugin & { rules: Record<string, { meta: { docs: { url: string } } }> };

const CODE = [
  "import * as lark from '@larksuiteoapi/node-sdk';",
  'new lark.EventDispatcher({}).register({ message: (data) => reply(data.open_chat_id) });',
  "await client.im.messageReaction.create({ path: { message_id: id }, data: { reaction_type: { emoji_type: 'Typing' } } });",
  "await fetch('https://open.feishu.cn/open-apis/message/v4/send', { method: 'POST', body });",
  'await client.im.chatTab.listTabs({ path: { chat_id } });',
].join('\n');

describe('in an editor', () => {
  it('reports every rule, and offers the event rule’s suggestion with its description', async () => {
    const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [plugin.configs!.recommended as never] });
    const [result] = await eslint.lintText(CODE, { filePath: path.join(root, 'editor-buffer.mjs') });
    const messages = result!.messages;
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([
      ['feishu/no-legacy-message-event', 2],
      ['feishu/no-external-chat-reaction-api', 3],
      ['feishu/no-legacy-message-chat-api', 4],
      ['feishu/no-external-chat-management-api', 5],
    ]);
    const [event] = messages;
    expect(event?.suggestions?.map((s) => s.desc)).toEqual(["Register the handler for 'im.message.receive_v1' and move its v1 field reads"]);
    expect(event?.fix).toBeUndefined();
    expect(messages.slice(1).every((m) => m.suggestions === undefined || m.suggestions.length === 0)).toBe(true);
  });

  it('links every rule to its doc inside the published package, at its version', () => {
    const { version } = createRequire(__filename)(path.join(root, 'package.json')) as { version: string };
    for (const [name, rule] of Object.entries(plugin.rules)) {
      expect(rule.meta.docs.url).toBe(`https://unpkg.com/eslint-plugin-feishu@${version}/docs/rules/${name}.md`);
    }
  });
});
