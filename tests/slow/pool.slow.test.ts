import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, makeTree, occurrences } from '../support/audit-cli';

// 15.17: a file that kills the process linting it (a V8 fatal error: here the heap limit, as a parser's runaway
// recursion or a huge file reaches it) costs only itself. The heap is made small for the whole run, so that a
// 2 MB file kills its linting process while the small ones and the main process fit (no TypeScript file: loading
// TypeScript would not fit).
const LEGACY_SEND = "fetch('https://open.feishu.cn/open-apis/message/v4/send');\n";
const tree = makeTree({ 'a.js': LEGACY_SEND, 'b.js': LEGACY_SEND, 'c.mjs': LEGACY_SEND, 'd.js': LEGACY_SEND });
writeFileSync(path.join(tree, 'big.js'), `const a = [${Array.from({ length: 120_000 }, (_, i) => `{a:${i}}`).join(',')}];\n`);
afterAll(() => rmSync(tree, { recursive: true, force: true }));

describe('the audit’s pool of linting processes', () => {
  it('15.17 one fatal file costs only itself: its process is restarted, its other files requeued, the report complete', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '--max-old-space-size=32' };
    delete env.FORCE_COLOR;
    const result = spawnSync(process.execPath, [CLI, 'audit', '.'], { cwd: tree, encoding: 'utf8', env, timeout: 180_000 });
    expect(result.signal).toBe(null);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(occurrences(result.stdout)).toEqual(['a.js:1:7', 'b.js:1:7', 'c.mjs:1:7', 'd.js:1:7']);
    expect(result.stdout).toContain(
      'Not audited (1):\n  big.js  ended its linting process, twice: the linting process ended (signal SIGABRT): FATAL ERROR:\n  Reached heap limit',
    );
  }, 200_000);
});
