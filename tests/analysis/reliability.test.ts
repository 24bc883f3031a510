import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import { plugin } from '../../lib/plugin';

// Issue 15, items 7–10: inputs the detection missed or read two ways. Each reproducer is linted as the issue
// says: ESLint 10 `Linter`, flat config, espree, all four rules on.

const LEGACY = 'feishu/no-legacy-message-chat-api';
const REACTION = 'feishu/no-external-chat-reaction-api';
const MANAGEMENT = 'feishu/no-external-chat-management-api';

/** The reports of all four rules: `rule line:column-endColumn`, and the source text each one lands on. */
function reports(code: string, { typescript = false, settings = {} }: { typescript?: boolean; settings?: object } = {}): string[] {
  const files = typescript ? ['**/*.ts'] : ['**/*.js'];
  const messages = new Linter().verify(
    code,
    [
      { files, languageOptions: { parser: (typescript ? tsParser : espree) as Linter.Parser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } } },
      { ...plugin.configs.recommended, files },
      { files, settings: { feishu: settings } },
    ],
    typescript ? 'file.ts' : 'file.js',
  );
  const lines = code.split('\n');
  return messages.map((m) => {
    if (m.fatal === true) throw new Error(`parse error: ${m.message}`);
    const text = m.line === m.endLine ? lines[m.line - 1]!.slice(m.column - 1, (m.endColumn ?? m.column) - 1) : '…';
    return `${m.ruleId} ${m.line}:${m.column} ${text}`;
  });
}

/** Gives a file Open Platform evidence without naming any endpoint. */
const EVIDENCE = "import * as lark from '@larksuiteoapi/node-sdk';\n";

describe('15.7 escapes hide an endpoint', () => {
  it('reads string literals by their value, not their source text', () => {
    expect(reports("fetch('/open-ap\\u0069s/message\\u002fv4\\u002fsend');")).toEqual([
      `${LEGACY} 1:7 '/open-ap\\u0069s/message\\u002fv4\\u002fsend'`,
    ]);
    // Hex, identity and octal-free escapes, and a line continuation that splits the marker.
    expect(reports("fetch('/open-apis/m\\x65ssage/v4/send');")).toEqual([`${LEGACY} 1:7 '/open-apis/m\\x65ssage/v4/send'`]);
    expect(reports("fetch('\\/open-apis\\/chat\\/v4\\/info');")).toEqual([`${LEGACY} 1:7 '\\/open-apis\\/chat\\/v4\\/info'`]);
    expect(reports("fetch('/open-apis/mess\\\nage/v4/send');")).toEqual([`${LEGACY} 1:7 …`]);
    // Host-less, with evidence, and in a template.
    expect(reports(`${EVIDENCE}http.post('/ch\\u0061t/v4/info');`)).toEqual([`${LEGACY} 2:11 '/ch\\u0061t/v4/info'`]);
    expect(reports('fetch(`/open-apis/im/v1/chats/${id}/\\u006Canguage`);')).toEqual([]);
    expect(reports('fetch(`/open-apis/im/v1/chats/${id}/\\u006cink`);')).toEqual([`${MANAGEMENT} 1:7 \`/open-apis/im/v1/chats/\${id}/\\u006cink\``]);
  });

  it('reads names and keys of SDK calls by their value', () => {
    expect(reports('client.im.\\u006dessageReaction.create({});')).toEqual([`${REACTION} 1:32 create`]);
    expect(reports("client.im['\\u006dessageReaction'].create({});")).toEqual([`${REACTION} 1:35 create`]);
    expect(reports('const { \\u0063hatTab: tabs } = client.im;\ntabs.create({});')).toEqual([`${MANAGEMENT} 2:6 create`]);
  });

  it('finds escapes beside regular expressions, whose own escapes are skipped by token', () => {
    // The regular expressions' escapes come first, between and last; the string, whose text holds no marker, must
    // still be read by its value.
    const code = "const re = /\\d+\\/open-apis/;\nfetch('/open-ap\\u0069s/m\\u0065ssage/v4/send', /\\s\\u0041/);\nconst after = /\\w/;";
    expect(reports(code)).toEqual([`${LEGACY} 2:7 '/open-ap\\u0069s/m\\u0065ssage/v4/send'`]);
    expect(reports(code, { typescript: true })).toEqual([`${LEGACY} 2:7 '/open-ap\\u0069s/m\\u0065ssage/v4/send'`]);
    // A parser that gives no tokens (the audit's oxc-parser) has every escape located in the tree instead.
    const tokenless = { ...espree, parse: (text: string, options: object) => ({ ...espree.parse(text, options as never), tokens: [] }) };
    const messages = new Linter().verify(
      code,
      [
        { files: ['**/*.js'], languageOptions: { parser: tokenless as Linter.Parser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } } },
        { ...plugin.configs.recommended, files: ['**/*.js'] },
      ],
      'file.js',
    );
    expect(messages.map((m) => `${m.ruleId} ${m.line}:${m.column}`)).toEqual([`${LEGACY} 2:7`]);
  });

  it('keeps the edge of a word beside an escape, which the text does not show', () => {
    // The text shows the escape's own hex digits next to the word (`\u95EEopen.feishu.cn` reads `95EEopen`): only
    // the value gives the host, the vocabulary word or the name its edge, and with it the file's evidence.
    const rules = (code: string) => reports(code).map((report) => report.split(' ')[0]);
    const PATH = "fetch('/chat/v4/info');";
    expect(rules(`console.log("\\u8BF7\\u8BBF\\u95EEopen.feishu.cn"); ${PATH}`)).toEqual([LEGACY]);
    expect(rules(`const hint = "\\u8BF7\\u586B\\u5199tenant_access_token"; ${PATH}`)).toEqual([LEGACY]);
    expect(rules(`const h = "\\bopen.feishu.cn"; ${PATH}`)).toEqual([LEGACY]);
    expect(rules(`var \\u0024lark = 1; ${PATH}`)).toEqual([LEGACY]);
    expect(rules("const h = '\\u8BF7\\u95EEopen.feishu.cn';\nexport function on(body) { if (body.event.type === 'message') handle(body); }")).toEqual([
      'feishu/no-legacy-message-event',
    ]);
  });

  it('still reports nothing where the value names nothing', () => {
    // An escaped space makes it prose; another service's path; an escape that spells another word.
    expect(reports("fetch('/open-apis/message/v4/send\\u0020failed');")).toEqual([]);
    expect(reports("fetch('/open-apis/docx\\u002fv1/documents');")).toEqual([]);
    expect(reports('client.im.\\u006dessageReactions.create({});')).toEqual([]);
  });
});

describe('15.8 dot segments are resolved as WHATWG URL resolution does', () => {
  it('resolves `.` and `..` in URLs and paths', () => {
    expect(reports("fetch('https://open.feishu.cn/open-apis/message/v4/../v4/send');")).toEqual([
      `${LEGACY} 1:7 'https://open.feishu.cn/open-apis/message/v4/../v4/send'`,
    ]);
    expect(reports("const u = new URL('https://open.feishu.cn/open-apis/chat/v4/x/../info');")).toEqual([
      `${LEGACY} 1:11 new URL('https://open.feishu.cn/open-apis/chat/v4/x/../info')`,
    ]);
    expect(reports("fetch('/open-apis/message/./v4/send');")).toEqual([`${LEGACY} 1:7 '/open-apis/message/./v4/send'`]);
    // `%2e` is a dot to the URL parser, in any case.
    expect(reports("fetch('https://open.feishu.cn/open-apis/chat/v4/x/%2E%2e/info');")).toEqual([
      `${LEGACY} 1:7 'https://open.feishu.cn/open-apis/chat/v4/x/%2E%2e/info'`,
    ]);
    expect(reports(`${EVIDENCE}http.post('chat/v4/members/../info');`)).toEqual([`${LEGACY} 2:11 'chat/v4/members/../info'`]);
  });

  it('reports nothing where resolution leaves no restricted path', () => {
    // `..` removes `open-apis`: a written host without it is never reported.
    expect(reports("fetch('https://open.feishu.cn/open-apis/../message/v4/send');")).toEqual([]);
    expect(reports("fetch('/open-apis/message/v4/send/..');")).toEqual([]);
    // A relative path climbing out of itself, and out of an unknown base: the code does not say where it goes.
    expect(reports(`${EVIDENCE}http.post('../chat/v4/info');`)).toEqual([]);
    expect(reports(`${EVIDENCE}fetch(\`\${BASE}/../chat/v4/info\`);`)).toEqual([]);
  });
});

describe('15.9 a marker split across + terms', () => {
  it('finds the issue’s examples', () => {
    expect(reports("const o = { tenant_key: 1 }; http.post('/message' + '/v4/send')")).toEqual([`${LEGACY} 1:40 '/message' + '/v4/send'`]);
    expect(reports(`${EVIDENCE}const V = 'v4'; http.post('/chat/' + V + '/info')`)).toEqual([`${LEGACY} 2:27 '/chat/' + V + '/info'`]);
    expect(reports("fetch('/open-apis/m' + 'essage/v4/send')")).toEqual([`${LEGACY} 1:7 '/open-apis/m' + 'essage/v4/send'`]);
  });

  it('finds a split at any place of the marker, through templates and consts', () => {
    const evidence = (code: string) => reports(`${EVIDENCE}${code}`).map((r) => r.replace(/^\S+ /, ''));
    expect(evidence("http.post('/mess' + 'age/v4/send');")).toEqual(["2:11 '/mess' + 'age/v4/send'"]);
    expect(evidence("http.post('/message/v' + 4 + '/send');")).toEqual(["2:11 '/message/v' + 4 + '/send'"]);
    expect(evidence("http.post('/message/' + 'v4' + '/recall');")).toEqual(["2:11 '/message/' + 'v4' + '/recall'"]);
    expect(evidence("const V = 'v4';\nhttp.get(`/chat/${V}/members`);")).toEqual(['3:10 `/chat/${V}/members`']);
    expect(evidence("const A = '/bot';\nconst B = '/v4/remove';\nhttp.post(A + B);")).toEqual(['4:11 A + B']);
  });

  it('finds nothing where the pieces join into no restricted path', () => {
    expect(reports(`${EVIDENCE}http.post('/message' + '/v2/send');`)).toEqual([]);
    expect(reports("fetch('/open-apis/docx' + '/v1/documents');")).toEqual([]);
    expect(reports(`${EVIDENCE}http.post('/api/message' + '/v4/send');`)).toEqual([]);
  });
});

describe('15.10 newRequest is read the way the deprecated SDK builds URLs', () => {
  it('uses a path that starts with `http` as it is, as fetch would', () => {
    expect(reports("sdk.api.newRequest('https://open.feishu.cn/message/v4/send', 'POST', 2, body);")).toEqual([]);
    expect(reports("fetch('https://open.feishu.cn/message/v4/send');")).toEqual([]);
    expect(reports("sdk.api.newRequest('https://open.feishu.cn/open-apis/message/v4/send', 'POST', 2, body);")).toEqual([
      `${LEGACY} 1:20 'https://open.feishu.cn/open-apis/message/v4/send'`,
    ]);
    expect(reports("const URL_ = 'https://open.feishu.cn/chat/v4/info';\nsdk.api.newRequest(URL_, 'GET', 2, null);")).toEqual([]);
  });

  it('appends `/open-apis…` to the domain, and anything else to `${domain}/open-apis/`', () => {
    expect(reports("sdk.api.newRequest('/open-apis/message/v4/send', 'POST', 2, body);")).toEqual([`${LEGACY} 1:20 '/open-apis/message/v4/send'`]);
    expect(reports("sdk.api.newRequest('message/v4/send', 'POST', 2, body);")).toEqual([`${LEGACY} 1:20 'message/v4/send'`]);
    // Sent as `…/open-apis//message/v4/send`: the doubled slash is read as one (docs/behaviour-decisions.md).
    expect(reports("sdk.api.newRequest('/message/v4/send', 'POST', 2, body);")).toEqual([`${LEGACY} 1:20 '/message/v4/send'`]);
    // Sent as `…/open-apis/open-apis/message/v4/send`, which names nothing.
    expect(reports("sdk.api.newRequest('open-apis/message/v4/send', 'POST', 2, body);")).toEqual([]);
    // The same path elsewhere is read as it is.
    expect(reports("const P = 'open-apis/message/v4/send';\nsdk.api.newRequest(P, 'POST', 2, body);\nfetch(P);")).toEqual([`${LEGACY} 1:11 'open-apis/message/v4/send'`]);
  });

  it('evaluates String(x) as x', () => {
    expect(reports("sdk.api.newRequest(String('/message/v4/send'), 'POST', 2, body);")).toEqual([`${LEGACY} 1:27 '/message/v4/send'`]);
    expect(reports("fetch(String('/open-apis/message/') + 'v4/send');")).toEqual([`${LEGACY} 1:7 String('/open-apis/message/') + 'v4/send'`]);
    // A local String is not the global one.
    expect(reports("const String = (x) => x;\nsdk.api.newRequest(String('message/v4/send'), 'POST', 2, body);")).toEqual([]);
  });

  it('reads TypeScript the same way', () => {
    expect(reports("sdk.api.newRequest(String('/message/v4/send') as string, 'POST', 2, body);", { typescript: true })).toEqual([
      `${LEGACY} 1:27 '/message/v4/send'`,
    ]);
  });
});
