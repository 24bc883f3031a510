import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GitignoreFile } from '../../lib/audit/gitignore';
import { findSourceFiles } from '../../lib/audit/source-files';
import { makeTree } from '../support/audit-cli';

const verdict = (patterns: string, relative: string, isDirectory = false) => GitignoreFile.parse(patterns).verdict(relative, isDirectory);

describe('a .gitignore pattern', () => {
  it('is matched without case under core.ignorecase', () => {
    expect(GitignoreFile.parse('A.js\nD/\n[[:upper:]]x.js', true).verdict('a.js', false)).toBe(true);
    expect(GitignoreFile.parse('D/', true).verdict('x/d', true)).toBe(true);
    expect(GitignoreFile.parse('[[:upper:]]x.js', true).verdict('bx.js', false)).toBe(true);
    expect(GitignoreFile.parse('A.js').verdict('a.js', false)).toBeUndefined();
  });

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
    // Character classes as git's wildmatch reads them.
    ['[z-a].log', 'a.log', false, undefined],
    ['[z-a].log', 'z.log', false, true],
    ['[!]a].js', 'x.js', false, true],
    ['[!]a].js', ']x.js', false, undefined],
    ['[\\]].js', '].js', false, true],
    ['[\\]].js', '\\].js', false, undefined],
    ['[[:alpha:]].js', 'a.js', false, true],
    ['[[:alpha:]].js', '1.js', false, undefined],
    ['[[:digit:]x].js', '1.js', false, true],
    ['[[:digit:]x].js', 'x.js', false, true],
    ['[[:nonsense:]].js', 'a.js', false, undefined],
    ['[a-].js', '-.js', false, true],
    ['a[/]b.js', 'a/b.js', false, undefined],
    ['[abc.js', '[abc.js', false, undefined],
    // Escapes and spaces as git trims them.
    ['a\\\\ ', 'a\\', true, true],
    ['c\\', 'c\\', false, undefined],
    ['***/deep.js', 'x/y/deep.js', false, true],
    ['\uFEFFfirst.js', 'first.js', false, true],
    ['last.js\r', 'last.js', false, true],
    // Many stars cost (name × pattern) steps, never backtracking.
    ['*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(200), false, undefined],
    ['**/a/**/a/**/a/**/a/**/a/**/a/**/b', Array.from({ length: 60 }, () => 'a').join('/'), false, undefined],
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

const relativeTo = (root: string, files: readonly string[]) => files.map((file) => path.relative(root, file).split(path.sep).join('/'));
const git = (cwd: string, args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

/** A tree made a repository; what git lists as untracked and not ignored, and what the audit's walk finds. */
function walkAndGit(files: Record<string, string>, configure: (root: string) => void = () => {}) {
  const root = makeTree(files);
  trees.push(root);
  git(root, ['init', '-q']);
  configure(root);
  const byGit = git(root, ['ls-files', '--others', '--exclude-standard'])
    .split('\n')
    .filter((file) => /\.(js|ts)$/.test(file))
    .sort();
  return { root, byGit, byAudit: relativeTo(root, findSourceFiles(['.'], root).files) };
}

describe('the walk, against git', () => {
  it.skipIf(!hasGit)('finds exactly the JavaScript and TypeScript files git does not ignore', () => {
    const files: Record<string, string> = {
      '.gitignore': [
        '\uFEFF*.gen.ts', '!keep.gen.ts', 'logs/', '/top-only.js', 'docs/**/draft*.js', 'tmp?/', '[Bb]ackup/', 'secret.js',
        '[z-a].js', '[!]a]x.js', '[[:digit:]]*.js', '***/deep.js', 'spaced.js   ', 'crlf.js\r',
      ].join('\n'),
      'pkg/.gitignore': ['!logs/', 'local/', '!secret.js', '/pkg-top.js'].join('\n'),
      'pkg/sub/.gitignore': ['*.js', '!*.keep.js'].join('\n'),
    };
    const paths = [
      'a.js', 'x.gen.ts', 'keep.gen.ts', 'src/x.gen.ts', 'src/keep.gen.ts', 'logs/a.js', 'src/logs/b.js', 'pkg/logs/c.js',
      'top-only.js', 'src/top-only.js', 'docs/draft1.js', 'docs/a/b/draft2.js', 'docs/final.js', 'tmp1/a.js', 'tmp/a.js',
      'backup/a.js', 'Backup/b.js', 'secret.js', 'pkg/secret.js', 'pkg/local/a.js', 'pkg/pkg-top.js', 'pkg/deep/pkg-top.js',
      'pkg/sub/a.js', 'pkg/sub/a.keep.js', 'pkg/sub/t.ts', 'z.js', 'bx.js', ']x.js', '1st.js', 'x/y/deep.js', 'spaced.js',
      'crlf.js',
    ];
    for (const file of paths) files[file] = '';
    const { byGit, byAudit } = walkAndGit(files);
    expect(byAudit).toEqual(byGit);
    // The case is not empty: git keeps some and drops others.
    expect(byGit.length).toBeGreaterThan(5);
    expect(byGit.length).toBeLessThan(paths.length - 5);
  });

  it.skipIf(!hasGit)('reads core.ignorecase and info/exclude as git does, and not a .gitignore that is a symbolic link', () => {
    const { byGit, byAudit } = walkAndGit(
      { '.gitignore': 'A.js\nD/\n', 'a.js': '', 'd/x.js': '', 'b.js': '', 'excluded.js': '', 'linked/x.js': '', 'rules.txt': 'x.js\n' },
      (root) => {
        git(root, ['config', 'core.ignorecase', 'true']);
        writeFileSync(path.join(root, '.git/info/exclude'), 'excluded.js\n');
        symlinkSync(path.join(root, 'rules.txt'), path.join(root, 'linked/.gitignore'));
      },
    );
    expect(byAudit).toEqual(byGit);
    expect(byGit).toEqual(['b.js', 'linked/x.js']);
  });

  it.skipIf(!hasGit)('reads a worktree’s exclude file through its .git file', () => {
    const main = makeTree({ 'README.md': '' });
    trees.push(main, `${main}-wt`);
    git(main, ['init', '-q']);
    git(main, ['add', '.']);
    git(main, ['commit', '-qm', 'x']);
    git(main, ['worktree', 'add', '-q', `${main}-wt`]);
    writeFileSync(path.join(main, '.git/info/exclude'), 'a.js\n');
    writeFileSync(path.join(`${main}-wt`, 'a.js'), '');
    writeFileSync(path.join(`${main}-wt`, 'b.js'), '');
    const byGit = git(`${main}-wt`, ['ls-files', '--others', '--exclude-standard']).split('\n').filter(Boolean);
    expect(byGit).toEqual(['b.js']);
    expect(relativeTo(`${main}-wt`, findSourceFiles(['.'], `${main}-wt`).files)).toEqual(byGit);
  });

  it.skipIf(!hasGit)('reads a nested repository with its own rules, as git does from inside it', () => {
    const root = makeTree({ '.gitignore': 'x.js\n', 'inner/x.js': '', 'inner/y.js': '', 'inner/.gitignore': 'y.js\n', 'x.js': '' });
    trees.push(root);
    git(root, ['init', '-q']);
    git(path.join(root, 'inner'), ['init', '-q']);
    const insideByGit = git(path.join(root, 'inner'), ['ls-files', '--others', '--exclude-standard']).split('\n').filter((f) => f.endsWith('.js'));
    expect(insideByGit).toEqual(['x.js']);
    expect(relativeTo(root, findSourceFiles(['.'], root).files)).toEqual(['inner/x.js']);
    expect(relativeTo(root, findSourceFiles(['inner'], root).files)).toEqual(['inner/x.js']);
  });
});
