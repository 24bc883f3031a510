import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// scripts/generate-docs.mjs writes the catalog's tables into the docs; `npm run docs:check` runs it with --check.
// It reads the build (`npm test` builds first).
const root = path.resolve(__dirname, '../..');
const script = path.join(root, 'scripts/generate-docs.mjs');
const DOCS = ['README.md', 'README.zh-CN.md', 'docs/rules'];

function run(args: string[]) {
  const result = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const copies: string[] = [];
afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the docs the script manages, with `edit` applied to one file. */
function copyWith(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'feishu-docs-'));
  copies.push(dir);
  for (const entry of DOCS) cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
  const target = path.join(dir, file);
  const before = readFileSync(target, 'utf8');
  const after = edit(before);
  expect(after, 'the edit changes the file').not.toBe(before);
  writeFileSync(target, after);
  return dir;
}

/** The text between a block's markers. */
function block(text: string, name: string): string {
  const begin = text.indexOf(`<!-- begin generated: ${name} -->\n`);
  const end = text.indexOf(`<!-- end generated: ${name} -->\n`);
  expect(begin, `block ${name} begins`).toBeGreaterThanOrEqual(0);
  expect(end, `block ${name} ends`).toBeGreaterThan(begin);
  return text.slice(begin, end);
}

/** `text` with one cell of a table row of the block replaced; the row is the one that starts with `rowStart`. */
function changeCell(text: string, name: string, rowStart: string, from: string, to: string): string {
  const original = block(text, name);
  const row = original.split('\n').find((line) => line.startsWith(rowStart));
  expect(row, `block ${name} has a row ${rowStart}`).toBeDefined();
  expect(row).toContain(` ${from} |`);
  return text.replace(original, original.replace(row!, row!.replace(` ${from} |`, ` ${to} |`)));
}

describe('scripts/generate-docs.mjs', () => {
  it('finds every generated block of the repository up to date', () => {
    const result = run(['--check']);
    expect(result.output).toContain('every generated block is up to date');
    expect(result.status).toBe(0);
  });

  it('fails on a changed table cell, naming the file and the block, and writes nothing', () => {
    const file = 'docs/rules/no-external-chat-reaction-api.md';
    const dir = copyWith(file, (text) => changeCell(text, 'endpoints', '| `im.messageReaction.delete` |', 'DELETE', 'PUT'));
    const edited = readFileSync(path.join(dir, file), 'utf8');
    const result = run(['--check', '--root', dir]);
    expect(result.status).toBe(1);
    expect(result.output).toContain(`${file}: block "endpoints" is out of date`);
    expect(result.output).toContain('npm run docs');
    expect(result.output.match(/is out of date/g)).toHaveLength(1);
    expect(readFileSync(path.join(dir, file), 'utf8')).toBe(edited);
  });

  it('names a changed Chinese block and README block by their own names', () => {
    const dir = copyWith('README.zh-CN.md', (text) => changeCell(text, 'coverage-zh', '| [`feishu/no-legacy-message-chat-api`]', '232102', '232103'));
    const result = run(['--check', '--root', dir]);
    expect(result.status).toBe(1);
    expect(result.output).toContain('README.zh-CN.md: block "coverage-zh" is out of date');
  });

  it('rewrites an out-of-date block to what the repository has', () => {
    const file = 'docs/rules/no-legacy-message-event.md';
    const dir = copyWith(file, (text) => changeCell(text, 'event-fields', '| `open_chat_id` |', '`message.chat_id`', '`message.chat`'));
    const result = run(['--root', dir]);
    expect(result.output).toContain(`${file}: updated event-fields`);
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(dir, file), 'utf8')).toBe(readFileSync(path.join(root, file), 'utf8'));
    expect(run(['--check', '--root', dir]).status).toBe(0);
  });

  it('fails on a malformed marker, naming the file and the line', () => {
    const file = 'docs/rules/no-legacy-message-chat-api.md';
    const dir = copyWith(file, (text) => text.replace('<!-- end generated: endpoints -->', '<!-- end generated endpoints -->'));
    const line = readFileSync(path.join(dir, file), 'utf8').split('\n').indexOf('<!-- end generated endpoints -->') + 1;
    for (const args of [['--check', '--root', dir], ['--root', dir]]) {
      const result = run(args);
      expect(result.status).toBe(1);
      expect(result.output).toContain(`${file}:${line}: malformed marker "<!-- end generated endpoints -->"`);
    }
  });

  it('fails on a block that never ends, one that ends another, and a missing block', () => {
    const file = 'docs/rules/no-external-chat-management-api.md';
    const unclosed = copyWith(file, (text) => text.replace('<!-- end generated: look-alikes-zh -->\n', ''));
    const result = run(['--check', '--root', unclosed]);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/no-external-chat-management-api\.md:\d+: block "sdk-methods-zh" begins inside block "look-alikes-zh"/);

    const crossed = copyWith(file, (text) => text.replace('<!-- end generated: sdk-methods -->', '<!-- end generated: endpoints -->'));
    expect(run(['--check', '--root', crossed]).output).toMatch(
      /no-external-chat-management-api\.md:\d+: the end of block "endpoints" closes block "sdk-methods"/,
    );

    const missing = copyWith(file, (text) =>
      text.replace(block(text, 'look-alikes'), '').replace('<!-- end generated: look-alikes -->\n', ''),
    );
    const result2 = run(['--check', '--root', missing]);
    expect(result2.status).toBe(1);
    expect(result2.output).toContain(`${file}: block "look-alikes" is missing`);
  });
});
