import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG, idsOfCode } from '../../lib/catalog';
import { endpointRuleCoverage } from '../../lib/rules/support/endpoint-rule';
import { plugin } from '../../lib/plugin';

// The test that fails when rules, catalog, configs, docs and tests drift apart.
const root = path.resolve(__dirname, '../..');
const ruleNames = Object.keys(plugin.rules).sort();
const namesIn = (dir: string, suffix: string) =>
  readdirSync(path.join(root, dir))
    .filter((file) => file.endsWith(suffix))
    .map((file) => file.slice(0, -suffix.length))
    .sort();

/** The catalog ids a rule reports (what its `allow` option takes), none for a rule without endpoints. */
function allowEnum(name: string): string[] {
  const covered = endpointRuleCoverage(name);
  return covered === undefined ? [] : idsOfCode(covered.notice, covered.code);
}

/** The text between a generated block's markers (scripts/generate-docs.mjs); fails when the block is not there. */
function generatedBlock(doc: string, name: string): string {
  const begin = doc.indexOf(`<!-- begin generated: ${name} -->\n`);
  const end = doc.indexOf(`<!-- end generated: ${name} -->\n`);
  expect(begin, `block ${name}`).toBeGreaterThanOrEqual(0);
  expect(end, `end of block ${name}`).toBeGreaterThan(begin);
  return doc.slice(begin, end);
}

describe('rules, catalog, configs, docs and tests agree', () => {
  it('has a source file, a doc and a test for each rule, and nothing else', () => {
    const sources = namesIn('lib/rules', '.ts').filter((name) => name.startsWith('no-'));
    expect(sources).toEqual(ruleNames);
    expect(namesIn('docs/rules', '.md')).toEqual(ruleNames);
    expect(namesIn('tests/rules', '.test.ts')).toEqual(ruleNames);
  });

  it('turns every rule on as an error in both configs', () => {
    const expected = Object.fromEntries(ruleNames.map((name) => [`feishu/${name}`, 'error']));
    expect(plugin.configs.recommended.rules).toEqual(expected);
    expect(plugin.configs['legacy-recommended'].rules).toEqual(expected);
    expect(plugin.configs.recommended.plugins?.feishu).toBe(plugin);
    expect(plugin.configs.recommended.name).toBe('feishu/recommended');
    expect(plugin.configs['legacy-recommended'].plugins).toEqual(['feishu']);
  });

  it('splits the catalog among the API rules: each id allowed by exactly one rule of one error code', () => {
    const allowed = ruleNames.flatMap(allowEnum).sort();
    expect(allowed).toEqual(CATALOG.map((entry) => entry.id).sort());
    const apiRules = ruleNames.filter((name) => allowEnum(name).length > 0);
    expect(apiRules).toEqual(['no-external-chat-management-api', 'no-external-chat-reaction-api', 'no-legacy-message-chat-api']);
    for (const name of apiRules) {
      const codes = new Set(allowEnum(name).map((id) => CATALOG.find((entry) => entry.id === id)!.code));
      expect(codes.size, name).toBe(1);
    }
  });

  it('gives the event rule no options and suggestions only', () => {
    const rule = plugin.rules['no-legacy-message-event'];
    expect(rule.meta?.schema).toEqual([]);
    expect(rule.meta?.hasSuggestions).toBe(true);
    expect(rule.meta?.fixable).toBeUndefined();
  });

  it('links each rule to its own doc, which names the rule and every id it reports', () => {
    for (const name of ruleNames) {
      const rule = plugin.rules[name as keyof typeof plugin.rules];
      expect(rule.meta?.docs?.url).toBe(
        `https://unpkg.com/eslint-plugin-feishu@${plugin.meta.version}/docs/rules/${name}.md`,
      );
      const doc = readFileSync(path.join(root, 'docs/rules', `${name}.md`), 'utf8');
      expect(doc.startsWith(`# feishu/${name}`), name).toBe(true);
      // The endpoint tables are generated (scripts/generate-docs.mjs): a row per id, in both languages.
      for (const table of allowEnum(name).length > 0 ? ['endpoints', 'endpoints-zh'] : []) {
        const rows = generatedBlock(doc, table)
          .split('\n')
          .filter((line) => line.startsWith('|'))
          .slice(2) // the header and the delimiter row
          .map((line) => /^\| `([^`]+)` \|/.exec(line)?.[1]);
        expect(rows, `${name} doc's ${table} table lists the ids of its allow option`).toEqual(allowEnum(name));
      }
      for (const id of allowEnum(name)) expect(doc, `${name} doc names ${id}`).toContain(`\`${id}\``);
    }
  });

  it('lists every rule in both READMEs, and in their coverage tables', () => {
    for (const [readme, table] of [['README.md', 'coverage'], ['README.zh-CN.md', 'coverage-zh']] as const) {
      const text = readFileSync(path.join(root, readme), 'utf8');
      for (const name of ruleNames) expect(text, `${readme} lists ${name}`).toContain(`docs/rules/${name}.md`);
      const coverage = generatedBlock(text, table);
      for (const name of ruleNames) expect(coverage, `${readme}'s ${table} table lists ${name}`).toContain(`(docs/rules/${name}.md)`);
    }
  });

  it('ships a legacy example config that uses the legacy config', () => {
    expect(existsSync(path.join(root, '.eslintrc.example.json'))).toBe(true);
    const config = JSON.parse(readFileSync(path.join(root, '.eslintrc.example.json'), 'utf8')) as { extends: string[] };
    expect(config.extends).toContain('plugin:feishu/legacy-recommended');
  });
});
