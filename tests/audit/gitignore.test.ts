import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GitignoreFile } from '../../lib/audit/gitignore';
import { findSourceFiles } from '../../lib/audit/source-files';
import { makeTree } from '../support/audit-cli';

const verdict = (patterns: string, relative: string, isDirectory = false) => GitignoreFile.parse(patterns).verdict(relative, isDirectory);

describe('a .gitignore pattern', () => {
  it.each([
    // [patterns, path, is a directory, verdict]
    ['*.gen.js', 'a/b/x.gen.js', false, true],
    ['*.gen.js', 'a/b/x.gen.jsx', false, undefined],
    ['logs/', 'a/logs', true, true],
    ['logs/', 'a/logs', false, undefined],
    ['/top.js', 'top.js', false, true],
    ['/top.js', 'a/top.js', false, undefined],
    ['a/b.js', 'a/b.js', false, true],
    ['a/b.js', 'x/a/b.js', false, undefined],
    ['**/gen', 'x/y/gen', true, true],
    ['**/gen', 'gen', true, true],
    ['a/**/z.js', 'a/z.js', false, true],
    ['a/**/z.js', 'a/b/c/z.js', false, true],
    ['a/**', 'a/b/c.js', false, true],
    ['a/**', 'a', true, undefined],
    ['x?.js', 'xy.js', false, true],
    ['x?.js', 'x/.js', false, undefined],
    ['[abc].js', 'b.js', false, true],
    ['[!abc].js', 'b.js', false, undefined],
    ['[!abc].js', 'd.js', false, true],
    ['[a-c]x.js', 'bx.js', false, true],
    ['\\#not-a-comment.js', '#not-a-comment.js', false, true],
    ['# a comment', '# a comment', false, undefined],
    ['\\!bang.js', '!bang.js', false, true],
    ['trailing.js   ', 'trailing.js', false, true],
    ['escaped\\ ', 'escaped ', false, true],
    ['*.js\n!keep.js', 'keep.js', false, false],
    ['!keep.js\n*.js', 'keep.js', false, true],
    ['a*b.js', 'a/b.js', false, undefined],
    ['*', 'anything', true, true],
    ['(x)+.js', '(x)+.js', false, true],
  ] as const)('%j on %s (directory: %s) → %s', (patterns, relative, isDirectory, expected) => {
    expect(verdict(patterns, relative, isDirectory)).toBe(expected);
  });
});

// git itself as the reference: the files the audit walks are the untracked files git does not ignore.
const hasGit = spawnSync('git', ['--version']).status === 0;
const trees: string[] = [];
afterAll(() => {
  for (const directory of trees) rmSync(directory, { recursive: true, force: true });
});

describe('the walk, against git', () => {
  it.skipIf(!hasGit)('finds exactly the JavaScript and TypeScript files git does not ignore', () => {
    const files: Record<string, string> = {
      '.gitignore': ['*.gen.ts', '!keep.gen.ts', 'logs/', '/top-only.js', 'docs/**/draft*.js', 'tmp?/', '[Bb]ackup/', 'secret.js'].join('\n'),
      'pkg/.gitignore': ['!logs/', 'local/', '!secret.js', '/pkg-top.js'].join('\n'),
      'pkg/sub/.gitignore': ['*.js', '!*.keep.js'].join('\n'),
    };
    const paths = [
      'a.js', 'x.gen.ts', 'keep.gen.ts', 'src/x.gen.ts', 'src/keep.gen.ts', 'logs/a.js', 'src/logs/b.js', 'pkg/logs/c.js',
      'top-only.js', 'src/top-only.js', 'docs/draft1.js', 'docs/a/b/draft2.js', 'docs/final.js', 'tmp1/a.js', 'tmp/a.js',
      'backup/a.js', 'Backup/b.js', 'secret.js', 'pkg/secret.js', 'pkg/local/a.js', 'pkg/pkg-top.js', 'pkg/deep/pkg-top.js',
      'pkg/sub/a.js', 'pkg/sub/a.keep.js', 'pkg/sub/t.ts',
    ];
    for (const file of paths) files[file] = '';
    const root = makeTree(files);
    trees.push(root);
    execFileSync('git', ['init', '-q'], { cwd: root });
    const byGit = execFileSync('git', ['ls-files', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter((file) => /\.(js|ts)$/.test(file))
      .sort();
    const byAudit = findSourceFiles(['.'], root).files.map((file) => path.relative(root, file).split(path.sep).join('/'));
    expect(byAudit).toEqual(byGit);
    // The case is not empty: git keeps some and drops others.
    expect(byGit.length).toBeGreaterThan(5);
    expect(byGit.length).toBeLessThan(paths.length - 5);
  });
});
