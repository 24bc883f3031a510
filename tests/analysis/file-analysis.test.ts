import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Endpoints from '../../lib/analysis/endpoints';
import type * as Protection from '../../lib/analysis/protection';
import { lint } from '../support/lint';

// Count the per-file analyses while the real implementation runs.
const calls = vi.hoisted(() => ({ findEndpoints: 0, protections: 0 }));
vi.mock('../../lib/analysis/endpoints', async (importOriginal) => {
  const original = await importOriginal<typeof Endpoints>();
  return {
    ...original,
    findEndpoints: (...args: Parameters<typeof original.findEndpoints>) => {
      calls.findEndpoints++;
      return original.findEndpoints(...args);
    },
  };
});

vi.mock('../../lib/analysis/protection', async (importOriginal) => {
  const original = await importOriginal<typeof Protection>();
  class CountedProtection extends original.FileProtection {
    constructor(...args: ConstructorParameters<typeof original.FileProtection>) {
      super(...args);
      calls.protections++;
    }
  }
  return { ...original, FileProtection: CountedProtection };
});

describe('the per-file analysis', () => {
  beforeEach(() => {
    calls.findEndpoints = 0;
    calls.protections = 0;
  });

  it('runs once per file for all three rules', () => {
    const code = [
      "fetch('/open-apis/message/v4/send');",
      'fetch(`/open-apis/im/v1/messages/${id}/reactions`);',
      'fetch(`/open-apis/im/v1/chats/${id}/link`);',
    ].join('\n');
    const messages = lint(code);
    expect(messages.map((m) => m.ruleId)).toEqual([
      'feishu/no-legacy-message-chat-api',
      'feishu/no-external-chat-reaction-api',
      'feishu/no-external-chat-management-api',
    ]);
    expect(calls.findEndpoints).toBe(1);
  });

  it('looks for guards and handlers once per file for all three rules', () => {
    const code = [
      "import { isExternal } from './chat-info';",
      'export async function f(id: string) {',
      '  if (isExternal) return;',
      "  await fetch('/open-apis/message/v4/send');",
      '  await fetch(`/open-apis/im/v1/messages/${id}/reactions`);',
      '  await client.im.chatTab.listTabs({});',
      '}',
    ].join('\n');
    expect(lint(code)).toEqual([]);
    expect(lint(code, { settings: { feishu: { reportGuarded: true } } }).map((m) => m.ruleId)).toEqual([
      'feishu/no-legacy-message-chat-api',
      'feishu/no-external-chat-reaction-api',
      'feishu/no-external-chat-management-api',
    ]);
    // One per lint: each lint parses the file anew.
    expect(calls.protections).toBe(2);
  });

  it('runs again for each new file', () => {
    lint("fetch('/open-apis/message/v4/send');");
    lint("fetch('/open-apis/message/v4/send');");
    expect(calls.findEndpoints).toBe(2);
  });
});
