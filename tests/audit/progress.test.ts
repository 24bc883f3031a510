import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { runCommand as RunCommand } from '../../lib/audit/run';
import type { OutputStream } from '../../lib/audit/terminal';
import { makeTree, ROOT } from '../support/audit-cli';

// The progress line of the built command (issue 17, 4): on a terminal it moves; with --format json or sarif, or on
// a pipe, there is none.
const { runCommand } = createRequire(__filename)(path.join(ROOT, 'dist/audit/run.js')) as { runCommand: typeof RunCommand };

class Terminal implements OutputStream {
  text = '';
  constructor(readonly isTTY: boolean) {}
  readonly columns = 100;
  write(chunk: string) {
    this.text += chunk;
    return true;
  }
}

// A file that takes a while to lint, so that the line has time to appear.
const tree = makeTree({ 'big.js': "fetch('/open-apis/message/v4/send');\n".repeat(1) + 'const a = [' + '1,'.repeat(400_000) + '];\n', 'a.js': 'void 0;\n' });
afterAll(() => rmSync(tree, { recursive: true, force: true }));

async function audit(args: string[], stderr: Terminal) {
  const stdout = new Terminal(false);
  const status = await runCommand({ argv: ['audit', ...args], cwd: tree, env: {}, stdout, stderr });
  return { status, stdout: stdout.text, stderr: stderr.text };
}

describe('the progress line of the command', () => {
  it('shows files done of the total and the seconds on a terminal, and is erased before the report', async () => {
    const run = await audit(['.'], new Terminal(true));
    expect(run.stderr.startsWith('\r\u001B[2KAuditing ')).toBe(true);
    expect(run.stderr).toMatch(/Auditing \d\/2 files · \d+ s/);
    expect(run.stderr.endsWith('\r\u001B[2K')).toBe(true);
  });

  it.each([['--format', 'json'], ['--format', 'sarif']])('is not drawn with %s %s, even on a terminal', async (...format) => {
    const run = await audit(['.', ...format], new Terminal(true));
    expect(run.stderr).toBe('');
  });

  it('is not drawn off a terminal', async () => {
    expect((await audit(['.'], new Terminal(false))).stderr).toBe('');
  });
});
