import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { plugin } from '../../lib/plugin';

/**
 * Every ❌/✅ sample in the docs is linted: a ❌ block must report (each of its
 * blank-line-separated paragraphs, except those starting `// setup`), a ✅
 * block must not. A rule doc's samples run with that rule alone; other docs'
 * samples with every rule. Settings come from an `<!-- settings: {…} -->` line
 * just before the fence.
 */
const root = path.resolve(__dirname, '../..');

interface Sample {
  file: string;
  line: number;
  kind: 'incorrect' | 'correct';
  extension: string;
  code: string;
  settings: Record<string, unknown> | undefined;
}

function samplesOf(file: string): Sample[] {
  const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
  const samples: Sample[] = [];
  let kind: Sample['kind'] | undefined;
  let settings: Sample['settings'];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const settingsComment = /^<!-- settings: (.*) -->$/.exec(line);
    const fence = /^```(js|ts|tsx|javascript|typescript)\s*$/.exec(line);
    if (line.startsWith('❌ Incorrect') || line.startsWith('❌ 错误')) kind = 'incorrect';
    else if (line.startsWith('✅ Correct') || line.startsWith('✅ 正确')) kind = 'correct';
    else if (settingsComment) settings = JSON.parse(settingsComment[1]!) as Record<string, unknown>;
    else if (!fence && line.trim() !== '') {
      // A label binds only to the fence right after it (blank lines and a settings comment between).
      kind = undefined;
      settings = undefined;
    }
    if (!fence || kind === undefined) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !lines[end]!.startsWith('```')) end++;
    const extension = fence[1] === 'tsx' ? 'tsx' : 'ts';
    samples.push({ file, line: start + 1, kind, extension, code: lines.slice(start, end).join('\n'), settings });
    kind = undefined;
    settings = undefined;
    i = end;
  }
  return samples;
}

const docs = [
  'README.md',
  'README.zh-CN.md',
  ...readdirSync(path.join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
  ...readdirSync(path.join(root, 'docs/rules')).map((f) => `docs/rules/${f}`),
];
const samples = docs.flatMap(samplesOf);

function lintSample(sample: Sample): Linter.LintMessage[] {
  const ruleName = /^docs\/rules\/(.+)\.md$/.exec(sample.file)?.[1];
  const rules: Linter.RulesRecord = Object.fromEntries(
    Object.keys(plugin.rules).map((name) => [`feishu/${name}`, ruleName === undefined || ruleName === name ? 'error' : 'off']),
  );
  const linter = new Linter();
  return linter.verify(
    sample.code,
    [
      { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
      { files: ['**/*.ts', '**/*.tsx'], plugins: { feishu: plugin as never }, rules, settings: sample.settings ?? {} },
    ],
    `sample.${sample.extension}`,
  );
}

describe('doc samples', () => {
  it('has samples of both kinds in every rule doc', () => {
    for (const name of Object.keys(plugin.rules)) {
      const kinds = new Set(samples.filter((s) => s.file === `docs/rules/${name}.md`).map((s) => s.kind));
      expect([...kinds].sort(), name).toEqual(['correct', 'incorrect']);
    }
  });

  it.each(samples.map((s) => [`${s.file}:${s.line} ${s.kind}`, s] as const))('%s', (_, sample) => {
    const messages = lintSample(sample);
    const fatal = messages.filter((m) => m.fatal === true);
    expect(fatal.map((m) => m.message), 'the sample parses').toEqual([]);
    if (sample.kind === 'correct') {
      expect(messages.map((m) => `${m.line}: ${m.message}`)).toEqual([]);
      return;
    }
    expect(messages.length).toBeGreaterThan(0);
    // Each paragraph of a ❌ block shows a finding, unless it is setup.
    const lines = sample.code.split('\n');
    let start = 0;
    for (let i = 0; i <= lines.length; i++) {
      if (i < lines.length && lines[i]!.trim() !== '') continue;
      const paragraph = lines.slice(start, i);
      if (paragraph.length > 0 && !paragraph[0]!.trim().startsWith('// setup')) {
        const reported = messages.some((m) => m.line >= start + 1 && m.line <= i);
        expect(reported, `paragraph at sample line ${start + 1}: ${paragraph.join(' ').slice(0, 80)}`).toBe(true);
      }
      start = i + 1;
    }
  });
});
