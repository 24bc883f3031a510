import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Endpoints from '../../lib/analysis/endpoints';
import { lint } from '../support/lint';

// Count the per-file analyses while the real implementation runs.
const calls = vi.hoisted(() => ({ findEndpoints: 0 }));
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

describe('the per-file analysis', () => {
  beforeEach(() => {
    calls.findEndpoints = 0;
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

  it('runs again for each new file', () => {
    lint("fetch('/open-apis/message/v4/send');");
    lint("fetch('/open-apis/message/v4/send');");
    expect(calls.findEndpoints).toBe(2);
  });
});
