import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { plugin } from '../../lib/plugin';

// One cross-file evaluation for both modes: linting the same code of the same
// fixture project with and without type information gives the same findings
// (docs/spec/behaviour.md#where-a-report-lands).
const fixture = path.join(__dirname, '../fixtures/cross-file/esm-ts');
const app = path.join(fixture, 'src/app.ts');
const RULES = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`feishu/${name}`, 'error' as const]));

function findings(code: string, typed: boolean): string[] {
  const parserOptions = typed ? { project: './tsconfig.json', tsconfigRootDir: fixture } : {};
  const messages = new Linter({ cwd: fixture }).verify(
    code,
    [{ files: ['**/*.ts'], languageOptions: { parser: tsParser, parserOptions }, plugins: { feishu: plugin }, rules: RULES }],
    app,
  );
  return messages.map((m) => `${m.line}:${m.column}-${m.endColumn} ${m.ruleId ?? m.message}`);
}

const CASES = [
  "import { SEND_URL, BASE, CHAT_INFO } from './constants/urls.js';\naxios.post(SEND_URL, body);\nfetch(CHAT_INFO);\nfetch(BASE + '/bot/v4/remove');\nfetch(`${BASE}/im/v1/chats/${id}/announcement`);",
  "import { API, FROZEN, Route, MUTABLE_URL, reactionsUrl } from './constants/urls';\nhttp.get(API.MEMBERS);\nhttp.post(API.nested.RECALL);\nhttp.post(FROZEN.DISBAND);\nhttp.post(Route.Update);\nfetch(MUTABLE_URL);\nfetch(reactionsUrl('om_1'));",
  "import * as urls from './constants/urls';\nimport added from './constants/urls';\nfetch(urls.SEND_URL, { method: 'POST' });\nfetch(added);",
  "import { CHAT_INFO, SEND, CHATTER_ADD, urls } from './constants';\nfetch(CHAT_INFO);\nfetch(SEND);\nfetch(CHATTER_ADD);\nfetch(urls.API.MEMBERS);",
  "import { SEND_URL } from '@consts/urls';\nimport { FROM_A } from '~/cycle-a';\nimport { LOOP } from './cycle-a';\nfetch(SEND_URL);\nfetch(FROM_A);\nfetch(LOOP);",
  "import { DECLARED_SEND } from './constants/declared';\nimport { HOSTLESS_ADD } from './constants/urls';\nfetch(DECLARED_SEND);\nhttp.post(HOSTLESS_ADD);",
  "export { SEND_URL } from './constants/urls';\nimport { SEND_URL } from './constants/urls';\nexport default SEND_URL;",
  "import { LarkChannel, createLarkChannel } from '@larksuite/channel';\nexport async function typing(channel: LarkChannel, id: string) {\n  await channel.addReaction(id, 'Typing');\n  await createLarkChannel({}).removeReaction(id, 'r_1');\n}",
];

describe('typed and untyped linting give the same findings', () => {
  for (const code of CASES) {
    it(code.split('\n')[0]!, () => {
      const untyped = findings(code, false);
      expect(untyped.some((finding) => !finding.includes('feishu/'))).toBe(false);
      expect(findings(code, true)).toEqual(untyped);
    });
  }

  it('finds something in every case but the re-export', () => {
    expect(CASES.map((code) => findings(code, false).length)).toEqual([4, 4, 2, 4, 2, 1, 0, 2]);
  });
});
