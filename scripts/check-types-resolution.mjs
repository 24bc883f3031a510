// Packs the package and checks with @arethetypeswrong/cli that its types
// resolve for `import` and `require` under every module resolution. attw's own
// `--pack` does not read npm 11's output, so the tarball is made here, from
// the dist that `npm run build` made (npm test builds first).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const directory = mkdtempSync(path.join(tmpdir(), 'feishu-pack-'));
try {
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', directory], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(directory).find((file) => file.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`npm pack wrote no tarball to ${directory}`);
  execFileSync(path.resolve('node_modules/.bin/attw'), [path.join(directory, tarball)], { stdio: 'inherit' });
} finally {
  rmSync(directory, { recursive: true, force: true });
}
