import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** The repository's root. */
export const ROOT = path.resolve(__dirname, '../..');

/** Runs npm quietly (no audit, no fund) and returns its stdout. */
export function npm(cwd: string, args: string[]): string {
  return execFileSync('npm', args, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' },
  });
}

/** The files `npm pack` puts in the tarball, as npm lists them. */
export function packedFiles(cwd: string): string[] {
  const [report] = JSON.parse(npm(cwd, ['pack', '--dry-run', '--json', '--ignore-scripts'])) as [{ files: { path: string }[] }];
  return report.files.map((file) => file.path).sort();
}

/**
 * Packs the plugin as `npm pack` does, into `work`: `npm test` has built dist,
 * and packing must neither rebuild it under the other test workers' feet nor
 * rewrite the repository's READMEs while other tests read them. So the
 * package's files are copied to `work/stage`, and npm pack's lifecycle runs
 * there less `prepare` (the build): prepack, pack (postpack is the caller's).
 */
export function packPlugin(work: string): { tarball: string; files: string[]; stage: string } {
  const files = packedFiles(ROOT);
  const stage = path.join(work, 'stage');
  for (const file of [...files, 'scripts/pack-readme.mjs']) {
    mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(stage, file));
  }
  npm(stage, ['run', 'prepack']);
  npm(stage, ['pack', '--ignore-scripts', '--pack-destination', work]);
  const name = readdirSync(work).find((file) => file.endsWith('.tgz'));
  if (name === undefined) throw new Error('npm pack wrote no tarball');
  return { tarball: path.join(work, name), files, stage };
}

/** Copies a committed consumer fixture into `work`, installs its lockfile, then the packed plugin. */
export function installConsumer(fixture: string, work: string, tarball: string): string {
  const directory = path.join(work, fixture);
  cpSync(path.join(ROOT, 'tests/fixtures', fixture), directory, { recursive: true });
  npm(directory, ['ci', '--prefer-offline']);
  npm(directory, ['install', '--no-save', '--prefer-offline', tarball]);
  return directory;
}
