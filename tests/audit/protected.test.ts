import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../lib/audit/run';
import { Capture, occurrences, temporaryTrees } from '../support/audit-cli';

// Guarded and handled calls in the audit (docs/audit.md): listed apart with their counts,
// not counted towards --max-findings unless reportGuarded is on, carried by JSON and SARIF
// with their protection, and never called "suppressed".

const require = createRequire(__filename);

async function audit(args: string[], cwd: string) {
  const stdout = new Capture();
  const stderr = new Capture();
  const status = await runCommand({ argv: ['audit', ...args], cwd, env: {}, stdout, stderr });
  return { status, stdout: stdout.text, stderr: stderr.text };
}

const HEADER = "import * as lark from '@larksuiteoapi/node-sdk';\nconst client = new lark.Client({ appId: 'a', appSecret: 'b' });\n";
const GUARDED = `${HEADER}export async function typing(chat: any, req: any) {\n  if (chat.external) return;\n  await client.im.messageReaction.create(req);\n}\n`;
const HANDLED = [
  HEADER,
  'export async function thumbsUp(req: any) {',
  '  try {',
  '    await client.im.messageReaction.create(req);',
  '  } catch (e: any) {',
  '    if (e?.response?.data?.code === 231021) return;',
  '    throw e;',
  '  }',
  '}',
  '',
].join('\n');
const PLAIN = `${HEADER}export async function pin(req: any) {\n  await client.im.chatManagers.addManagers(req);\n}\n`;
// Guarded, and turned off by a comment too: the comment's, counted as suppressed as before.
const GUARDED_AND_DISABLED = `${HEADER}export async function quiet(chat: any, req: any) {\n  if (chat.external) return;\n  // eslint-disable-next-line feishu/no-external-chat-reaction-api -- checked\n  await client.im.messageReaction.create(req);\n}\n`;

const tree = temporaryTrees();

describe('the audit and guarded or handled calls', () => {
  const directory = tree({ 'guarded.ts': GUARDED, 'handled.ts': HANDLED, 'plain.ts': PLAIN, 'quiet.ts': GUARDED_AND_DISABLED });

  it('lists them apart with their counts, and counts only the other findings', async () => {
    const run = await audit([], directory);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^eslint-plugin-feishu audit: 1 finding in 1 of 4 files$/m);
    expect(run.stdout).toContain(
      [
        'Guarded or handled, not counted (guarded: 1, handled: 1); --report-guarded counts them:',
        '  231021  POST /open-apis/im/v1/messages/:message_id/reactions (Add a message reaction)',
        '    guarded.ts:5:35  via client.im.messageReaction.create()  (guarded)',
        '    handled.ts:6:37  via client.im.messageReaction.create()  (handled)',
        '',
      ].join('\n'),
    );
    // The counted group holds the plain call only.
    expect(run.stdout).not.toMatch(/^231021 {2}Message reactions/m);
    expect(run.stdout).toMatch(/^232033 {2}.* · 1 finding$/m);
    expect(occurrences(run.stdout)).toEqual(['plain.ts:4:32', 'guarded.ts:5:35', 'handled.ts:6:37']);
    // The comment still turns its finding off: that one is suppressed, the word the audit keeps for comments.
    expect(run.stdout).toContain('1 finding not counted: comments in the code turn the rule off there');
    expect(run.stdout.match(/suppress/gi) ?? []).toEqual([]);
  });

  it('does not count them towards --max-findings', async () => {
    expect((await audit(['--max-findings', '1'], directory)).status).toBe(0);
    expect((await audit(['guarded.ts', 'handled.ts'], directory)).status).toBe(0);
  });

  it('gives the all-clear without claiming no restricted call is used', async () => {
    const run = await audit(['guarded.ts', 'handled.ts'], directory);
    expect(run.stdout.split('\n')[0]).toBe('No findings in 2 audited files: every call that fails in external chats (外部群) is guarded or');
    expect(run.stdout).toContain('(guarded: 1, handled: 1)');
  });

  // The all-clear never says no restricted call is used when comments turned the audit's findings off.
  it.each([
    [['quiet.ts'], 'No findings in 1 audited file: a comment in the code turns the rule off wherever a call or event that fails in external chats (外部群) was found (see below).'],
    [['quiet.ts', 'guarded.ts'], 'every call that fails in external chats (外部群) is guarded or handled (listed below), or a comment in the code turns its rule off there.'],
    [['--locale', 'zh-CN', 'quiet.ts'], '已检查的 1 个文件中未发现问题：找到在外部群中失效的调用或事件之处，规则都已由代码中的注释关闭（见下方）。'],
    [['--locale', 'zh-CN', 'quiet.ts', 'handled.ts'], '找到的在外部群中失效的调用都已防护或已处理（见下方列表），或其所在处的规则已由代码中的注释关闭。'],
  ])('gives the all-clear for %j without claiming no restricted call is used', async (args, sentence) => {
    const run = await audit(args, directory);
    expect(run.status).toBe(0);
    // Read as one paragraph: the terminal text is wrapped.
    const text = run.stdout.replaceAll(/\n(?! *\n)/g, args.includes('zh-CN') ? '' : ' ');
    expect(text).toContain(sentence);
    expect(text).not.toContain('is used');
    expect(text).not.toContain('没有使用');
    expect(run.stdout).toContain(args.includes('zh-CN') ? '另有 1 处未计入' : '1 finding not counted');
  });

  it('counts them with --report-guarded, in their groups, each marked', async () => {
    const run = await audit(['--report-guarded', '--max-findings', '2'], directory);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^eslint-plugin-feishu audit: 3 findings in 3 of 4 files$/m);
    expect(run.stdout).toContain('Counted with them, as reportGuarded is on: guarded: 1, handled: 1.');
    expect(run.stdout).toMatch(/^231021 {2}Message reactions · 2 findings$/m);
    expect(run.stdout).toContain('    guarded.ts:5:35  via client.im.messageReaction.create()  (guarded)\n');
    expect(run.stdout).not.toContain('not counted (guarded');
    expect((await audit(['--report-guarded', '--max-findings', '3'], directory)).status).toBe(0);
  });

  it('words them in Chinese with --locale zh-CN', async () => {
    const run = await audit(['--locale', 'zh-CN', 'guarded.ts'], directory);
    expect(run.stdout).toContain('已防护或已处理，未计入（已防护 guarded：1，已处理 handled：0）');
    // Full-width brackets carry their own space.
    expect(run.stdout).toContain('guarded.ts:5:35  调用 client.im.messageReaction.create()（已防护）');
  });

  describe('--format json', () => {
    const schema = JSON.parse(readFileSync(path.join(__dirname, 'json-report.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true }).compile(schema);
    type Group = { code: unknown; count: number; subjects: { id: string; occurrences: Record<string, unknown>[] }[] };

    it('carries them in protectedGroups, each occurrence with its protection, and the counts in the summary', async () => {
      const run = await audit(['--format', 'json'], directory);
      const report = JSON.parse(run.stdout) as { summary: Record<string, unknown>; groups: Group[]; protectedGroups: Group[] };
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
      expect(report.summary).toMatchObject({ findings: 1, filesWithFindings: 1, guarded: 1, handled: 1, suppressed: 1, passed: false });
      expect(report.groups.map((group) => group.code)).toEqual([232033]);
      expect(report.groups[0]!.subjects[0]!.occurrences[0]).not.toHaveProperty('protection');
      expect(report.protectedGroups.map((group) => [group.code, group.count])).toEqual([[231021, 2]]);
      expect(report.protectedGroups[0]!.subjects[0]!.occurrences).toEqual([
        expect.objectContaining({ file: 'guarded.ts', line: 5, protection: 'guarded', message: expect.stringContaining('create() (guarded) fails') }),
        expect.objectContaining({ file: 'handled.ts', line: 6, protection: 'handled', message: expect.stringContaining('create() (handled) fails') }),
      ]);
    });

    it('with --report-guarded, keeps them in groups, counted', async () => {
      const run = await audit(['--format', 'json', '--report-guarded'], directory);
      const report = JSON.parse(run.stdout) as { settings: object; summary: Record<string, unknown>; groups: Group[]; protectedGroups: Group[] };
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
      expect(report.settings).toEqual({ reportGuarded: true });
      expect(report.summary).toMatchObject({ findings: 3, guarded: 1, handled: 1 });
      expect(report.protectedGroups).toEqual([]);
      const reactions = report.groups.find((group) => group.code === 231021)!;
      expect(reactions.subjects[0]!.occurrences.map((occurrence) => occurrence.protection)).toEqual(['guarded', 'handled']);
    });

    it('is rejected by its schema with an unknown protection (the check can fail)', async () => {
      const report = JSON.parse((await audit(['--format', 'json'], directory)).stdout) as { protectedGroups: Group[] };
      report.protectedGroups[0]!.subjects[0]!.occurrences[0]!.protection = 'suppressed';
      expect(validate(report)).toBe(false);
    });
  });

  describe('--format sarif', () => {
    const sarifSchema = require('@microsoft/sarif-matcher-utils/lib/schemas/sarif-2.1.0-rtm.5.json') as object;
    const ajv = new Ajv({ allErrors: true, schemaId: 'auto', jsonPointers: true });
    ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json') as object);
    const validate = ajv.compile(sarifSchema);

    it('carries them as notes with their protection in properties', async () => {
      const run = await audit(['--format', 'sarif'], directory);
      const sarif = JSON.parse(run.stdout) as { runs: { results: { level: string; properties: Record<string, unknown>; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
      expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
      const results = sarif.runs[0]!.results.map((result) => [result.locations[0]!.physicalLocation.artifactLocation.uri, result.level, result.properties.protection]);
      expect(results).toEqual([
        ['plain.ts', 'error', undefined],
        ['guarded.ts', 'note', 'guarded'],
        ['handled.ts', 'note', 'handled'],
      ]);
      expect(run.stdout).not.toContain('"suppressions"');
    });
  });
});
