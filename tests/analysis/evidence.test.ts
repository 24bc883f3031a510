import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { plugin } from '../../lib/plugin';
import { lint } from '../support/lint';

// A host-less path (docs/spec/behaviour.md#evaluating-strings) is reported only in a file with Open
// Platform evidence (docs/spec/behaviour.md#open-platform-evidence). Each case below adds one signal, or one look-alike
// of a signal, to the same call.
const CALL = "export const info = (id: string) => http.post('/chat/v4/info', { chat_id: id });";

const reportedIn = (code: string, settings?: Record<string, unknown>) =>
  lint(`${code}\n${CALL}`, settings === undefined ? {} : { settings }).map((m) => [m.ruleId, m.line, m.column]);

const REPORTED = [['feishu/no-legacy-message-chat-api', 2, 47]];

describe('Open Platform evidence', () => {
  it('is absent from a file that only calls the path', () => {
    expect(reportedIn('')).toEqual([]);
  });

  describe.each([
    ['an import of @larksuiteoapi/*', "import * as lark from '@larksuiteoapi/node-sdk';"],
    ['a type-only import of @larksuiteoapi/*', "import type { Client } from '@larksuiteoapi/node-sdk';"],
    ['a require of @larksuiteoapi/*', "const lark = require('@larksuiteoapi/allcore');"],
    ['a require of @larksuiteoapi/* in backticks', 'const sdk = require(`@larksuiteoapi/allcore`);'],
    ['a dynamic import of @larksuiteoapi/* in backticks', 'const sdk = import(`@larksuiteoapi/node-sdk`);'],
    ['an export from @larksuiteoapi/*', "export { Client } from '@larksuiteoapi/node-sdk';"],
    ['an import of @larksuite/channel', "import channel from '@larksuite/channel';"],
    ['a string with an open-apis segment', "const TOKEN_URL = '/open-apis/auth/v3/app_ticket/resend';"],
    ['the Feishu host', "const http = axios.create({ baseURL: 'https://open.feishu.cn' });"],
    ['the Lark host', "const HOST = 'https://open.larksuite.com';"],
    ['the larkoffice host', 'const HOST = `https://open.larkoffice.com`;'],
    ['tenant_access_token as a property', 'headers.Authorization = `Bearer ${auth.tenant_access_token}`;'],
    ['app_access_token in a string', "const field = 'app_access_token';"],
    ['open_chat_id destructured', 'const { open_chat_id } = event;'],
    ['open_message_id as a key', 'const body = { open_message_id: id };'],
    ['text_without_at_bot as a property', 'const text = event.text_without_at_bot;'],
    ['tenant_key as a computed key', "const key = event['tenant_key'];"],
    ['a class named after Lark', 'class LarkAPI {}'],
    ['a variable named after Feishu', 'declare const feishuClient: unknown;'],
    ['a snake_case name', 'const lark_bot = createBot();'],
    ['a constant name', 'const FEISHU_APP_ID = process.env.APP_ID;'],
    ['a module specifier', "import { http } from './lark';"],
    ['a nested module specifier', "import { http } from '../feishu/client';"],
    ['a module specifier in backticks', 'const { http } = require(`./lark`);'],
  ])('is shown by %s', (_, signal) => {
    it('so the host-less path is reported', () => {
      expect(reportedIn(signal)).toEqual(REPORTED);
    });
  });

  it.each([
    ['open_id alone', 'const { open_id } = user;'],
    ["Slack's event_callback", "if (body.type === 'event_callback') handle(body.event);"],
    ['Lark in a comment', '// ported from the Lark bot'],
    ['open.feishu.cn in a comment', '// see https://open.feishu.cn/document'],
    ['Lark in prose', "log('sending to Lark');"],
    ['a word containing lark', 'const clark = skylark(larkspur, Clarke);'],
    ['a look-alike host', "const HOST = 'https://open.feishu.cn.example.com';"],
    ['another host', "const http = axios.create({ baseURL: 'https://chat.internal.example.com' });"],
    ['a vocabulary word inside another word', 'const my_tenant_keys = [];'],
    ['an open-apis look-alike', "const path = '/api/open-apis-v2/x';"],
  ])('is not shown by %s', (_, lookAlike) => {
    expect(reportedIn(lookAlike)).toEqual([]);
  });

  it('counts the hosts in settings.feishu.apiHosts', () => {
    const code = "const http = axios.create({ baseURL: 'https://feishu-gw.corp.example.com:8443' });";
    expect(reportedIn(code)).toEqual([]);
    expect(reportedIn(code, { feishu: { apiHosts: ['feishu-gw.corp.example.com'] } })).toEqual(REPORTED);
  });

  it('is assumed everywhere with assumeOpenPlatform', () => {
    expect(reportedIn('', { feishu: { assumeOpenPlatform: true } })).toEqual(REPORTED);
  });

  it('is assumed only in the files a flat config scopes assumeOpenPlatform to', () => {
    const linter = new Linter();
    const config: Linter.Config[] = [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
      { ...plugin.configs.recommended, files: ['**/*.ts'] },
      { files: ['src/feishu/**'], settings: { feishu: { assumeOpenPlatform: true } } },
    ];
    const ruleIds = (filename: string) => linter.verify(CALL, config, filename).map((m) => m.ruleId);
    expect(ruleIds('src/feishu/chat.ts')).toEqual(['feishu/no-legacy-message-chat-api']);
    expect(ruleIds('src/slack/chat.ts')).toEqual([]);
  });
});
