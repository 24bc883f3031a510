import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_IMPORT_DEPTH } from '../../lib/analysis/imports/module-values';
import { MAX_FOLLOWED_BYTES } from '../../lib/analysis/imports/stamped-files';
import { plugin } from '../../lib/plugin';
import { work } from '../../lib/syntax/work';

// Projects written to a temporary folder, linted through ESLint's Linter in
// this one process: what the per-thread cache keeps, and the bounds.
const root = mkdtempSync(path.join(tmpdir(), 'feishu-cross-file-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let projects = 0;
function project(files: Record<string, string>): string {
  const directory = path.join(root, `p${projects++}`);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
    writeFileSync(path.join(directory, name), text);
  }
  return directory;
}

const RULES = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`feishu/${name}`, 'error' as const]));

function lint(file: string, code: string, parser: Linter.Parser = tsParser as Linter.Parser, parserOptions: Linter.ParserOptions = {}): string[] {
  const messages = new Linter({ cwd: root }).verify(
    code,
    [{ files: ['**/*.ts', '**/*.js'], languageOptions: { parser, parserOptions }, plugins: { feishu: plugin }, rules: RULES }],
    file,
  );
  return messages.map((m) => (m.ruleId === null ? `${m.message}` : `${m.line}:${m.column} ${m.ruleId}`));
}

const USE = "import { SEND } from './constants';\nfetch(SEND);";
const LEGACY = 'feishu/no-legacy-message-chat-api';

describe('an imported file edited between two lints', () => {
  beforeEach(() => {
    work.parsedImports = 0;
  });

  it('is parsed once while unchanged, and read again when its size or mtime changes', () => {
    const directory = project({ 'constants.ts': "export const SEND = '/open-apis/message/v4/send';\n" });
    const app = path.join(directory, 'app.ts');
    expect(lint(app, USE)).toEqual([`2:7 ${LEGACY}`]);
    expect(lint(app, USE)).toEqual([`2:7 ${LEGACY}`]);
    expect(work.parsedImports).toBe(1);

    // Another size: an im/v1 path the notice does not restrict.
    writeFileSync(path.join(directory, 'constants.ts'), "export const SEND = '/open-apis/im/v1/messages';\n");
    expect(lint(app, USE)).toEqual([]);
    expect(work.parsedImports).toBe(2);

    // The same size, another mtime.
    writeFileSync(path.join(directory, 'constants.ts'), "export const SEND = '/open-apis/chat/v4/disban';\n".replace('disban', 'members'));
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(directory, 'constants.ts'), later, later);
    expect(lint(app, USE)).toEqual([`2:7 ${LEGACY}`]);
    expect(work.parsedImports).toBe(3);
  });

  it('is not followed once deleted', () => {
    const directory = project({ 'constants.ts': "export const SEND = '/open-apis/message/v4/send';\n" });
    const app = path.join(directory, 'app.ts');
    expect(lint(app, USE)).toEqual([`2:7 ${LEGACY}`]);
    rmSync(path.join(directory, 'constants.ts'));
    expect(lint(app, USE)).toEqual([]);
  });

  it('sees an edited tsconfig.json: its paths are read again', () => {
    const directory = project({
      'tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@c': ['./a.ts'] } } }),
      'a.ts': "export const SEND = '/open-apis/message/v4/send';\n",
      'b.ts': "export const SEND = '/open-apis/im/v1/messages';\n",
    });
    const app = path.join(directory, 'app.ts');
    const use = "import { SEND } from '@c';\nfetch(SEND);";
    expect(lint(app, use)).toEqual([`2:7 ${LEGACY}`]);
    writeFileSync(path.join(directory, 'tsconfig.json'), JSON.stringify({ compilerOptions: { paths: { '@c': ['./b.ts'] } } }));
    expect(lint(app, use)).toEqual([]);
  });
});

describe('resolution order', () => {
  it('prefers JavaScript for a JavaScript file and declarations for a TypeScript file, as Node and TypeScript do', () => {
    const directory = project({
      'c.js': "exports.SEND = '/open-apis/message/v4/send';\n",
      'c.d.ts': 'export declare const SEND: string;\n',
    });
    const use = "import { SEND } from './c';\nfetch(SEND);";
    expect(lint(path.join(directory, 'app.js'), use)).toEqual([`2:7 ${LEGACY}`]);
    expect(lint(path.join(directory, 'app.ts'), use)).toEqual([]);
  });
});

describe('bounds', () => {
  /** `r0` re-exports `r1`, … ; the last file of `length` declares SEND. */
  function chain(length: number): string {
    const files: Record<string, string> = {};
    for (let i = 0; i < length - 1; i++) files[`r${i}.ts`] = `export * from './r${i + 1}';\n`;
    files[`r${length - 1}.ts`] = "export const SEND = '/open-apis/message/v4/send';\n";
    return project(files);
  }
  const use = "import { SEND } from './r0';\nfetch(SEND);";

  it(`follows a re-export chain ${MAX_IMPORT_DEPTH} files long to its end, not one file longer`, () => {
    expect(lint(path.join(chain(MAX_IMPORT_DEPTH), 'app.ts'), use)).toEqual([`2:7 ${LEGACY}`]);
    expect(lint(path.join(chain(MAX_IMPORT_DEPTH + 1), 'app.ts'), use)).toEqual([]);
  });

  it(`does not follow a file over ${MAX_FOLLOWED_BYTES} bytes`, () => {
    const constants = "export const SEND = '/open-apis/message/v4/send';\n";
    const big = project({ 'constants.ts': constants + `// ${'x'.repeat(MAX_FOLLOWED_BYTES)}\n` });
    const small = project({ 'constants.ts': constants });
    expect(lint(path.join(big, 'app.ts'), USE)).toEqual([]);
    expect(lint(path.join(small, 'app.ts'), USE)).toEqual([`2:7 ${LEGACY}`]);
  });

  it('ends a long chain of constants in one imported file: past the bound the value is unknown', () => {
    const lines = ["const c0 = '/open-apis/message/v4/send';"];
    for (let i = 1; i < 3000; i++) lines.push(`const c${i} = c${i - 1};`);
    lines.push('export const SEND = c2999;');
    const directory = project({ 'constants.ts': lines.join('\n') });
    expect(lint(path.join(directory, 'app.ts'), USE)).toEqual([]);
  });
});

describe('the parser of an imported file', () => {
  it("is the importing file's, without project or projectService", () => {
    const directory = project({ 'constants.ts': "export const SEND = '/open-apis/message/v4/send' as const;\n" });
    const app = path.join(directory, 'app.ts');
    const seen: Record<string, unknown>[] = [];
    const recording = {
      parseForESLint(text: string, options: Record<string, unknown>) {
        if (options.filePath !== app) seen.push(options);
        // The linted file parses as usual, without a program: the options are only recorded.
        const { project: _, projectService: __, ...rest } = options;
        return tsParser.parseForESLint(text, rest);
      },
    };
    expect(lint(app, USE, recording as Linter.Parser, { project: './tsconfig.json', projectService: true, ecmaFeatures: { jsx: false } })).toEqual([`2:7 ${LEGACY}`]);
    expect(seen).toHaveLength(1);
    expect(seen[0]).not.toHaveProperty('project');
    expect(seen[0]).not.toHaveProperty('projectService');
    expect(seen[0]).toMatchObject({ filePath: path.join(directory, 'constants.ts'), ecmaFeatures: { jsx: false }, range: true });
  });

  it('falls back to espree, then skips the file', () => {
    const directory = project({
      'plain.js': "export const SEND = '/open-apis/message/v4/send';\n",
      'typed.ts': "export const SEND: string = '/open-apis/message/v4/send';\n",
    });
    const app = path.join(directory, 'app.ts');
    // A parser that parses only the linted file.
    const picky = {
      parseForESLint(text: string, options: Record<string, unknown>) {
        if (options.filePath !== app) throw new Error('not this one');
        return tsParser.parseForESLint(text, options);
      },
    };
    expect(lint(app, "import { SEND } from './plain.js';\nfetch(SEND);", picky as Linter.Parser)).toEqual([`2:7 ${LEGACY}`]);
    expect(lint(app, "import { SEND } from './typed';\nfetch(SEND);", picky as Linter.Parser)).toEqual([]);
  });
});
