import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { RULE_PREFIX } from '../../package-meta';
import { readRegularFile } from '../safe-read';
import { feishuRules, feishuSettings, isPlainObject, patterns, type ConfigBlock, type ConfigDocument } from './config-value';

/** The eslintrc files of one directory, in the order ESLint 8 takes the first of them. */
export const ESLINTRC_NAMES = ['.eslintrc.js', '.eslintrc.cjs', '.eslintrc.yaml', '.eslintrc.yml', '.eslintrc.json', '.eslintrc', 'package.json'] as const;

/** Reads a JavaScript config without running it: the static reader, handed in (read-code-config.ts). */
export type CodeReader = (file: string, kind: 'flat' | 'eslintrc') => { value: unknown } | { problem: string };

/**
 * An eslintrc file (JSON with comments, YAML, `package.json#eslintConfig`, or
 * `.eslintrc.js` read by `readCode`) as blocks: its own settings and rules for
 * every file below it, then one block per `overrides` entry. Relative
 * `extends` (`./base.json`) are read the same way and come first; a shared
 * config from a package (`plugin:…`, `airbnb`) is not run. Undefined for a
 * `package.json` without `eslintConfig`.
 */
export function readEslintrc(file: string, readCode: CodeReader, seen: ReadonlySet<string> = new Set()): ConfigDocument | undefined {
  let value: unknown;
  try {
    const read = readEslintrcValue(file, readCode);
    if (read === undefined) return undefined;
    value = read;
  } catch (error) {
    return { file, kind: 'eslintrc', blocks: [], root: false, problem: firstLine(error) };
  }
  if (!isPlainObject(value)) return { file, kind: 'eslintrc', blocks: [], root: false, problem: 'it is not an object' };
  const blocks: ConfigBlock[] = [];
  for (const extended of [value.extends].flat()) {
    if (typeof extended !== 'string' || !/^\.{1,2}[/\\]|^\//.test(extended) || seen.has(file)) continue;
    const base = readEslintrc(path.resolve(path.dirname(file), extended), readCode, new Set([...seen, file]));
    if (base?.problem !== undefined) return { file, kind: 'eslintrc', blocks: [], root: false, problem: `${extended}: ${base.problem}` };
    if (base !== undefined) blocks.push(...base.blocks);
  }
  blocks.push({ ...feishuSettings(value.settings), rules: feishuRules(value.rules, RULE_PREFIX) });
  for (const override of Array.isArray(value.overrides) ? value.overrides : []) {
    if (!isPlainObject(override)) continue;
    const files = patterns(override.files)?.map(eslintrcPattern);
    const ignores = patterns(override.excludedFiles)?.map(eslintrcPattern);
    blocks.push({
      ...(files === undefined ? {} : { files }),
      ...(ignores === undefined ? {} : { ignores }),
      ...feishuSettings(override.settings),
      rules: feishuRules(override.rules, RULE_PREFIX),
    });
  }
  return { file, kind: 'eslintrc', blocks, root: value.root === true };
}

function readEslintrcValue(file: string, readCode: CodeReader): unknown {
  const name = path.basename(file);
  if (name === '.eslintrc.js' || name === '.eslintrc.cjs' || /\.[cm]?js$/.test(name)) {
    const read = readCode(file, 'eslintrc');
    if ('problem' in read) throw new Error(read.problem);
    return read.value;
  }
  const text = readRegularFile(file);
  if (name === 'package.json') {
    const manifest = JSON.parse(text) as unknown;
    return isPlainObject(manifest) && manifest.eslintConfig !== undefined ? manifest.eslintConfig : undefined;
  }
  if (name.endsWith('.yaml') || name.endsWith('.yml')) return parseYaml(text) as unknown;
  if (name === '.eslintrc') {
    // JSON or YAML, as ESLint 8 reads it: YAML 1.2 reads JSON, but not its comments.
    try {
      return JSON.parse(stripJsonComments(text)) as unknown;
    } catch {
      return parseYaml(text) as unknown;
    }
  }
  return JSON.parse(stripJsonComments(text)) as unknown;
}

/**
 * eslintrc `files` patterns match a file's path relative to the config's
 * directory, and a pattern without a slash matches a base name anywhere below
 * it (`*.test.js`); flat config's patterns do not, so it is written `**\/*.test.js`.
 */
function eslintrcPattern(pattern: string): string {
  const negated = pattern.startsWith('!');
  const body = negated ? pattern.slice(1) : pattern;
  const anchored = body.includes('/') ? body.replace(/^\.\//, '').replace(/^\//, '') : `**/${body}`;
  return negated ? `!${anchored}` : anchored;
}

/** JSON with `//` and `/* *\/` comments, as ESLint 8's eslintrc reader accepts it. */
function stripJsonComments(text: string): string {
  let out = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index] as string;
    if (char === '"') {
      const end = stringEnd(text, index);
      out += text.slice(index, end);
      index = end;
    } else if (text.startsWith('//', index)) {
      const end = text.indexOf('\n', index);
      index = end === -1 ? text.length : end;
    } else if (text.startsWith('/*', index)) {
      const end = text.indexOf('*/', index + 2);
      const comment = text.slice(index, end === -1 ? text.length : end + 2);
      // Line breaks kept, so that JSON.parse's positions stay right.
      out += comment.replace(/[^\n]/g, ' ');
      index += comment.length;
    } else {
      out += char;
      index++;
    }
  }
  return out;
}

function stringEnd(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length && text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
  return Math.min(index + 1, text.length);
}

function firstLine(error: unknown): string {
  return (String((error as Error | undefined)?.message ?? error).split('\n')[0] ?? '').replace(/\.$/, '');
}
