import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { marked, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';

// Every document the code and the tests cite (`docs/spec/behaviour.md#settings`,
// `docs/audit.md`) is a file of the repository, and its anchor a heading of
// that file: a newcomer can follow each citation.

const root = path.resolve(__dirname, '../..');
const SCANNED = ['lib', 'tests', 'scripts'];
const SOURCE = /\.(?:ts|mts|cts|mjs|cjs|js)$/;
// `docs/spec/behaviour.md#settings`, `README.md`, `../../docs/audit.md`; not a template (`${name}.md`).
const CITATION = /(?<![\w$}/.-])((?:\.\.?\/)*[\w-]+(?:\/[\w.-]+)*\.md)(?:#([\w-]+))?/g;

function files(directory: string, name: RegExp): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'fixtures' && entry.name !== 'corpus') found.push(...files(full, name));
    } else if (name.test(entry.name)) {
      found.push(full);
    }
  }
  return found;
}

/**
 * GitHub's heading anchors: lower case; every character but letters, marks, digits, connectors (`_`), `-` and the
 * space dropped; spaces as `-`; repeats numbered. The headings are the ones a CommonMark reader finds (marked's
 * lexer): none inside code, setext ones too. Read from the heading's source, not its rendered text: a link or an
 * entity in a heading would be slugged as written (none of this repository's headings has one).
 */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const counts = new Map<string, number>();
  marked.walkTokens(marked.lexer(markdown), (token) => {
    if (token.type !== 'heading') return;
    const base = (token as Tokens.Heading).text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc}\- ]/gu, '')
      .replace(/ /g, '-');
    const seen = counts.get(base) ?? 0;
    counts.set(base, seen + 1);
    anchors.add(seen === 0 ? base : `${base}-${seen}`);
  });
  return anchors;
}

/** A link of a document to one of its own headings or to a file of the repository. */
interface Link {
  readonly target: string;
  readonly anchor: string | undefined;
}

/**
 * The links of a document to its own headings and to the repository's files, as a CommonMark reader finds them
 * (marked's lexer, GitHub's flavour): inline and reference links and images, and every reference definition, used or
 * not. Nothing inside code is a link; links to the web are not followed.
 */
function markdownLinks(markdown: string): Link[] {
  const tokens = marked.lexer(markdown);
  const targets: string[] = [];
  marked.walkTokens(tokens, (token) => {
    if (token.type === 'link' || token.type === 'image') targets.push((token as Tokens.Link | Tokens.Image).href);
  });
  for (const definition of Object.values(tokens.links)) targets.push(definition.href);
  return targets
    .filter((target) => !/^[a-z][a-z+.-]*:/i.test(target))
    .map((target) => {
      const hash = target.indexOf('#');
      return hash === -1 ? { target, anchor: undefined } : { target: target.slice(0, hash), anchor: target.slice(hash + 1) };
    });
}

/**
 * A link's target as a path: percent escapes read as `decodeURI` reads them (`a%20b.md`; not `%2F`, which no file name
 * holds), and the target kept as written where it holds a `%` that is no escape.
 */
function targetPath(target: string): string {
  try {
    return decodeURI(target);
  } catch {
    return target;
  }
}

/** The project's documents: every Markdown file in docs/ and at the root (README.md, README.zh-CN.md, CHANGELOG.md, …). */
const DOCUMENTS = [
  ...files(path.join(root, 'docs'), /\.md$/),
  ...readdirSync(root)
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(root, name)),
];

/** The file a citation names: from the repository root, or from the citing file's folder. */
function resolveCitation(file: string, cited: string): string | undefined {
  for (const candidate of [path.join(root, cited), path.join(path.dirname(file), cited)]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

// This file's own samples of bad citations are not citations.
const citations = SCANNED.flatMap((folder) =>
  files(path.join(root, folder), SOURCE)
    .filter((file) => file !== __filename)
    .flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(CITATION)].map((match) => ({
      from: path.relative(root, file),
      document: match[1]!,
      anchor: match[2],
    })),
  ),
);

describe('citations of documents in lib/, tests/ and scripts/', () => {
  it('finds the citations (the scan works)', () => {
    expect(citations.some((c) => c.document === 'docs/spec/behaviour.md' && c.anchor === 'evaluating-strings')).toBe(true);
    expect(citations.length).toBeGreaterThan(30);
  });

  it.each(citations.map((c) => [`${c.from} → ${c.document}${c.anchor === undefined ? '' : `#${c.anchor}`}`, c] as const))('%s', (_name, citation) => {
    const target = resolveCitation(path.join(root, citation.from), citation.document);
    expect(target, `${citation.from} cites ${citation.document}, which is not in the repository`).toBeDefined();
    if (citation.anchor !== undefined) {
      expect([...headingAnchors(readFileSync(target!, 'utf8'))], `${citation.document} has no heading #${citation.anchor}`).toContain(citation.anchor);
    }
  });

  it('the docs name only source files that exist', () => {
    const missing = DOCUMENTS.flatMap((document) =>
      [...readFileSync(document, 'utf8').matchAll(/\blib\/[\w./-]+\.ts\b/g)]
        .map((match) => match[0])
        .filter((source) => !existsSync(path.join(root, source)))
        .map((source) => `${path.relative(root, document)}: ${source}`),
    );
    expect(missing).toEqual([]);
  });

  it('reads anchors as GitHub makes them', () => {
    expect([...headingAnchors("# A\n## The notice's misprints\n### 232102 legacy message, chat and bot APIs\n## A\n```\n# not a heading\n```")]).toEqual([
      'a',
      'the-notices-misprints',
      '232102-legacy-message-chat-and-bot-apis',
      'a-1',
    ]);
    // A fence inside a longer one is code, to the longer one's end; a setext heading is a heading.
    expect([...headingAnchors('````\n```\n# not one either\n```\n````\nSetext `code`\n---\n')]).toEqual(['setext-code']);
  });

  it('catches a citation of a file outside the repository', () => {
    const text = '// (behaviour.md §2) and external-chat-facts.md';
    const documents = [...text.matchAll(CITATION)].map((match) => match[1]);
    expect(documents).toEqual(['behaviour.md', 'external-chat-facts.md']);
    for (const document of documents) expect(resolveCitation(path.join(root, 'lib/index.ts'), document!)).toBeUndefined();
  });
});

describe('links between documents', () => {
  const links = DOCUMENTS.flatMap((document) => markdownLinks(readFileSync(document, 'utf8')).map((link) => ({ document, ...link })));
  const anchorsOf = new Map<string, Set<string>>();
  const headingsOf = (file: string) => anchorsOf.get(file) ?? anchorsOf.set(file, headingAnchors(readFileSync(file, 'utf8'))).get(file)!;

  it('finds the links (the scan works)', () => {
    // Hundreds in all, performance.md's to its own sections most; a few known ones, each in its document.
    expect(links.length).toBeGreaterThan(300);
    const has = (document: string, target: string, anchor: string) =>
      links.some((link) => link.document === path.join(root, document) && link.target === target && link.anchor === anchor);
    expect(has('README.md', 'docs/performance.md', 'budgets')).toBe(true);
    expect(has('README.zh-CN.md', 'docs/performance.md', 'budgets')).toBe(true);
    expect(has('docs/performance.md', '', 'budget-history-release-by-release')).toBe(true);
  });

  it('the docs link only to files and headings that exist', () => {
    const broken = links.flatMap(({ document, target, anchor }) => {
      const file = target === '' ? document : path.resolve(path.dirname(document), targetPath(target));
      const from = path.relative(root, document);
      if (!existsSync(file)) return [`${from}: ${target}, no such file`];
      if (anchor === undefined || !file.endsWith('.md')) return [];
      return headingsOf(file).has(anchor) ? [] : [`${from}: ${target}#${anchor}, no such heading`];
    });
    expect(broken).toEqual([]);
  });

  it('reads the links of a document, not its code', () => {
    const markdown = [
      'See [a](b.md#c), [d](#e "title") and [f](<g h.md>), not `x[i](j)`, `` y[`k`](l) `` or [web](https://example.com).',
      '',
      '````',
      '```',
      '[m](n.md)',
      '```',
      '````',
      '',
      '    [indented](code.md)',
      '',
      '- an unmatched ` tick is text,',
      '- and does not hide [o](p.md) in the next item `q`.',
      '',
      '## A heading with a ` tick',
      'does not hide [x](y.md) below it `z`.',
      '',
      '| cell | cell |',
      '| -- | -- |',
      '| ` | [r](s.md#t) ` |',
      '',
      'A [reference][label], an ![image](u.png).',
      '',
      '[label]: v.md#w',
    ].join('\n');
    expect(markdownLinks(markdown)).toEqual([
      { target: 'b.md', anchor: 'c' },
      { target: '', anchor: 'e' },
      { target: 'g h.md', anchor: undefined },
      { target: 'p.md', anchor: undefined },
      { target: 'y.md', anchor: undefined },
      { target: 's.md', anchor: 't' },
      { target: 'v.md', anchor: 'w' },
      { target: 'u.png', anchor: undefined },
      { target: 'v.md', anchor: 'w' },
    ]);
  });
});
