import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditError } from '../../lib/audit/audit-error';
import { commonDirectory } from '../../lib/audit/eslint-runner';
import { IgnoreChain } from '../../lib/audit/ignore-files';
import { findSourceFiles, pathProblem } from '../../lib/audit/source-files';
import { temporaryTrees } from '../support/audit-cli';

const tree = temporaryTrees();
const relative = (root: string, files: readonly string[]) => files.map((file) => path.relative(root, file).split(path.sep).join('/'));

describe('the files an audit reads', () => {
  it('follows git: the repository root’s .gitignore and info/exclude apply to an audited subdirectory', () => {
    const root = tree({
      '.gitignore': 'secret/\n',
      'app/src/a.js': '',
      'app/src/secret/b.js': '',
      'app/src/local.js': '',
      'app/src/tmp.js': '',
      'app/.gitignore': '*.local.js\ntmp.js\n',
      'app/src/x.local.js': '',
    });
    mkdirSync(path.join(root, '.git', 'info'), { recursive: true });
    writeFileSync(path.join(root, '.git', 'info', 'exclude'), 'local.js\n');
    const { files } = findSourceFiles(['app/src'], root);
    expect(relative(root, files)).toEqual(['app/src/a.js']);
  });

  it('lets a deeper .gitignore re-include what a shallower one ignores', () => {
    const root = tree({ '.gitignore': '*.gen.ts\n', 'src/.gitignore': '!keep.gen.ts\n', 'src/keep.gen.ts': '', 'src/drop.gen.ts': '', 'top.gen.ts': '' });
    expect(relative(root, findSourceFiles(['.'], root).files)).toEqual(['src/keep.gen.ts']);
  });

  it('lists files in code-point order, once each however often they are named, and counts the TypeScript ones', () => {
    const root = tree({ 'b.ts': '', 'a.js': '', 'B.mts': '', 'sub/c.cts': '', 'sub/d.jsx': '', 'e.tsx': '', 'f.json': '' });
    const found = findSourceFiles(['.', 'a.js', 'sub'], root);
    expect(relative(root, found.files)).toEqual(['B.mts', 'a.js', 'b.ts', 'e.tsx', 'sub/c.cts', 'sub/d.jsx']);
    expect(found.typescript).toBe(4);
  });

  it('finds a file 200 directories deep', () => {
    const deep = Array.from({ length: 200 }, (_, index) => `d${index}`).join('/');
    const root = tree({ [`${deep}/a.js`]: '' });
    expect(findSourceFiles(['.'], root).files).toHaveLength(1);
  });

  it('reports a missing path and one that is neither file nor directory as AuditErrors', () => {
    const root = tree({ 'a.js': '' });
    expect(() => findSourceFiles(['missing'], root)).toThrow(new AuditError('cannot audit missing: no such file or directory.'));
    expect(() => findSourceFiles(['a.js/x'], root)).toThrow(new AuditError('cannot audit a.js/x: no such file or directory.'));
  });

  it.each([
    ['EACCES', 'cannot audit src: permission denied (EACCES).'],
    ['EPERM', 'cannot audit src: permission denied (EPERM).'],
    ['ELOOP', 'cannot audit src: it cannot be read (ELOOP).'],
  ])('words a %s as one line', (code, message) => {
    expect(pathProblem('src', Object.assign(new Error('x'), { code }))).toBe(message);
  });
});

describe('the ignore chain', () => {
  it('matches directories only with a trailing slash pattern, and anchors leading-slash patterns', () => {
    const root = tree({ '.gitignore': 'logs/\n/only-top.js\n' });
    const chain = IgnoreChain.forRoot(root);
    expect(chain.ignores(path.join(root, 'a', 'logs'), true)).toBe(true);
    expect(chain.ignores(path.join(root, 'a', 'logs'), false)).toBe(false);
    expect(chain.ignores(path.join(root, 'only-top.js'), false)).toBe(true);
    expect(chain.ignores(path.join(root, 'a', 'only-top.js'), false)).toBe(false);
  });
});

describe('ESLint’s base path', () => {
  it('is the deepest directory holding every file', () => {
    const at = (...parts: string[]) => path.join(path.sep, ...parts);
    expect(commonDirectory([at('w', 'a', 'x.js'), at('w', 'a', 'b', 'y.js')])).toBe(at('w', 'a'));
    expect(commonDirectory([at('w', 'ab', 'x.js'), at('w', 'a', 'y.js')])).toBe(at('w'));
    expect(commonDirectory([at('w', 'x.js'), at('v', 'y.js')])).toBe(path.sep);
  });
});
