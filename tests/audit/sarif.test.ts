import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTree, runCli } from '../support/audit-cli';

// The official SARIF 2.1.0 schema (2.1.0-rtm.5, the OASIS standard's), as Microsoft's SARIF tools ship it; draft-04.
const require = createRequire(__filename);
const sarifSchema = require('@microsoft/sarif-matcher-utils/lib/schemas/sarif-2.1.0-rtm.5.json') as object;
const ajv = new Ajv({ allErrors: true, schemaId: 'auto', jsonPointers: true });
ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json') as object);
const validate = ajv.compile(sarifSchema);

interface Sarif {
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        informationUri: string;
        rules: {
          id: string;
          helpUri: string;
          shortDescription: { text: string };
          fullDescription?: { text: string };
          help: { text: string; markdown: string };
        }[];
      };
    };
    originalUriBaseIds: Record<string, { uri: string }>;
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string } }[] }[];
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
      properties: Record<string, unknown>;
    }[];
  }[];
}

const directory = makeTree({
  'src/send file.js': "await fetch('https://open.feishu.cn/open-apis/message/v4/send', { method: 'POST' });\n",
  'src/bot.js':
    "const lark = require('@larksuiteoapi/node-sdk');\nnew lark.EventDispatcher({}).register({ message: async (data) => data });\n",
  'src/broken.js': 'const = 1;\n',
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('eslint-plugin-feishu audit --format sarif', () => {
  const run = runCli(['audit', '--format', 'sarif'], directory);
  const sarif = JSON.parse(run.stdout) as Sarif;
  const [only] = sarif.runs;

  it('is valid SARIF 2.1.0', () => {
    expect(run.status).toBe(1);
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(sarif.version).toBe('2.1.0');
  });

  it('describes every rule with its help URI, full description and help, and points each result at its rule', () => {
    const rules = only!.tool.driver.rules;
    for (const rule of rules) {
      expect(rule.fullDescription?.text.startsWith(`${rule.shortDescription.text}. Each result names`)).toBe(true);
      expect(rule.help.text).toContain(rule.helpUri);
      expect(rule.help.markdown).toContain(`[rule's documentation](${rule.helpUri})`);
    }
    expect(rules.map((rule) => rule.id)).toEqual([
      'feishu/no-legacy-message-chat-api',
      'feishu/no-external-chat-reaction-api',
      'feishu/no-external-chat-management-api',
      'feishu/no-legacy-message-event',
    ]);
    for (const rule of rules) expect(rule.helpUri).toMatch(new RegExp(`/docs/rules/${rule.id.slice('feishu/'.length)}\\.md$`));
    for (const result of only!.results) expect(rules[result.ruleIndex]?.id).toBe(result.ruleId);
  });

  it('locates each finding relative to %SRCROOT%, the working directory', () => {
    expect(only!.originalUriBaseIds['%SRCROOT%']?.uri).toBe(`${pathToFileURL(directory).href}/`);
    expect(
      only!.results.map((result) => [result.ruleId, result.level, result.locations[0]?.physicalLocation.artifactLocation, result.locations[0]?.physicalLocation.region]),
    ).toEqual([
      ['feishu/no-legacy-message-chat-api', 'error', { uri: 'src/send%20file.js', uriBaseId: '%SRCROOT%' }, { startLine: 1, startColumn: 13, endLine: 1, endColumn: 63 }],
      ['feishu/no-legacy-message-event', 'error', { uri: 'src/bot.js', uriBaseId: '%SRCROOT%' }, expect.objectContaining({ startLine: 2, startColumn: 41 })],
    ]);
    expect(only!.results[0]?.message.text).toMatch(/^POST \/open-apis\/message\/v4\/send fails with error 232102/);
    expect(only!.results[0]?.properties).toEqual({ code: 232102, subject: 'message.v4.send', catalogIds: ['message.v4.send'] });
  });

  it('reports a skipped file as a warning notification', () => {
    expect(only!.invocations[0]?.toolExecutionNotifications).toEqual([
      expect.objectContaining({ level: 'warning', message: { text: 'src/broken.js: does not parse: Parsing error: Unexpected token =' } }),
    ]);
  });

  it('is rejected by the schema when broken (the check can fail)', () => {
    const broken = JSON.parse(run.stdout) as { runs: { results: { level: string }[] }[] };
    broken.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(broken)).toBe(false);
  });

  it('validates with 0 errors under Sarif.Multitool --rule-kind "Sarif;Ghas" (GitHub’s ingestion checks)', () => {
    expect(multitoolErrors(run.stdout)).toEqual([]);
  });

  it('fails those checks without fullDescription: GH2012 (the check can fail)', () => {
    const log = JSON.parse(run.stdout) as Sarif;
    for (const rule of log.runs[0]!.tool.driver.rules) delete rule.fullDescription;
    expect(multitoolErrors(JSON.stringify(log))).toContain('GH2012');
  });

  it('writes to --output', () => {
    const out = path.join(directory, 'reports', 'feishu.sarif');
    expect(runCli(['audit', 'src/bot.js', '--format', 'sarif', '-o', out], directory)).toEqual({ status: 1, stdout: '', stderr: '' });
    expect((JSON.parse(readFileSync(out, 'utf8')) as Sarif).runs[0]?.results).toHaveLength(1);
  });
});

/**
 * Runs Microsoft's SARIF validator (`@microsoft/sarif-multitool`, offline) with
 * the SARIF rules and GitHub Advanced Security's ingestion rules; returns the
 * ids of the errors it finds.
 */
function multitoolErrors(sarif: string): string[] {
  const file = path.join(directory, 'to-validate.sarif');
  const out = path.join(directory, 'validation.sarif');
  writeFileSync(file, sarif);
  // The package's main is the path of the platform's executable (bin.js would pass `;` to a shell).
  const executable = require('@microsoft/sarif-multitool') as string;
  const result = spawnSync(executable, ['validate', file, '--rule-kind', 'Sarif;Ghas', '--output', out, '--log', 'ForceOverwrite'], { encoding: 'utf8' });
  expect(result.error).toBeUndefined();
  expect(result.stdout).toContain('Analysis completed successfully');
  const validation = JSON.parse(readFileSync(out, 'utf8')) as { runs: { results?: { level?: string; ruleId: string }[] }[] };
  return (validation.runs[0]?.results ?? []).filter((r) => (r.level ?? 'warning') === 'error').map((r) => r.ruleId);
}
