import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/audit-cli';

// Each README shows the audit command's output on the shipped sample: it must be what the command prints today.
const SAMPLE = /<!-- audit-sample: ([^>]+) -->\n```text\n([\s\S]*?)```/g;

describe.each(['README.md', 'README.zh-CN.md'])('the audit sample in %s', (readme) => {
  const text = readFileSync(path.join(ROOT, readme), 'utf8');
  const samples = [...text.matchAll(SAMPLE)].map(([, args, output]) => ({ args: (args ?? '').trim().split(/\s+/), output: output ?? '' }));

  it('is there', () => {
    expect(samples.length).toBeGreaterThan(0);
  });

  it.each(samples.map((sample) => [sample.args.join(' '), sample] as const))('`%s` prints what the README shows', (_, sample) => {
    const run = runCli(sample.args, ROOT);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(sample.output);
  });
});
