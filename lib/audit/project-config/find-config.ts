import { statSync } from 'node:fs';
import path from 'node:path';
import { RULE_PREFIX } from '../../package-meta';
import { feishuRules, feishuSettings, isPlainObject, patterns, type ConfigBlock, type ConfigDocument } from './config-value';
import { ESLINTRC_NAMES, readEslintrc, type CodeReader } from './eslintrc';

/** Flat config files, in the order ESLint looks for them in one directory. */
const FLAT_NAMES = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'] as const;

/** The config files that apply to one audited file: a flat config, or a cascade of eslintrc files (root-most first). */
export type ConfigChain = { readonly kind: 'flat' | 'eslintrc'; readonly documents: readonly ConfigDocument[] } | { readonly kind: 'none' };

/**
 * Finds and reads the ESLint config of each audited file as ESLint 10 looks
 * it up: the nearest `eslint.config.*` from the file's directory up; without
 * one, the eslintrc files from the file's directory up to one with
 * `root: true` (ESLint 8's cascade; in each directory the first of
 * `.eslintrc.js`, `.cjs`, `.yaml`, `.yml`, `.json`, `.eslintrc`, a
 * `package.json` with `eslintConfig`). Each directory is looked at once, each
 * file read once; nothing is run.
 */
export class ConfigFinder {
  private readonly flatIn = new Map<string, string | undefined>();
  private readonly eslintrcIn = new Map<string, ConfigDocument | undefined>();
  private readonly documents = new Map<string, ConfigDocument>();
  private readonly chains = new Map<string, ConfigChain>();

  constructor(private readonly readCode: CodeReader) {}

  chainOf(file: string): ConfigChain {
    const directory = path.dirname(file);
    let chain = this.chains.get(directory);
    if (chain === undefined) {
      chain = this.findChain(directory);
      this.chains.set(directory, chain);
    }
    return chain;
  }

  private findChain(directory: string): ConfigChain {
    const flat = this.nearestFlat(directory);
    if (flat !== undefined) return { kind: 'flat', documents: [this.flatDocument(flat)] };
    const documents: ConfigDocument[] = [];
    for (let dir = directory; ; dir = path.dirname(dir)) {
      const document = this.eslintrcOf(dir);
      if (document !== undefined) {
        documents.unshift(document);
        if (document.root) break;
      }
      if (path.dirname(dir) === dir) break;
    }
    return documents.length === 0 ? { kind: 'none' } : { kind: 'eslintrc', documents };
  }

  private nearestFlat(directory: string): string | undefined {
    if (this.flatIn.has(directory)) return this.flatIn.get(directory);
    const here = FLAT_NAMES.map((name) => path.join(directory, name)).find(isFile);
    const parent = path.dirname(directory);
    const found = here ?? (parent === directory ? undefined : this.nearestFlat(parent));
    this.flatIn.set(directory, found);
    return found;
  }

  private eslintrcOf(directory: string): ConfigDocument | undefined {
    if (this.eslintrcIn.has(directory)) return this.eslintrcIn.get(directory);
    let found: ConfigDocument | undefined;
    for (const name of ESLINTRC_NAMES) {
      const file = path.join(directory, name);
      if (!isFile(file)) continue;
      // A package.json without eslintConfig is no config; ESLint goes on to the next name.
      found = readEslintrc(file, this.readCode);
      if (found !== undefined) break;
    }
    this.eslintrcIn.set(directory, found);
    return found;
  }

  private flatDocument(file: string): ConfigDocument {
    let document = this.documents.get(file);
    if (document === undefined) {
      const read = this.readCode(file, 'flat');
      document = 'problem' in read ? { file, kind: 'flat', blocks: [], root: true, problem: read.problem } : { file, kind: 'flat', blocks: flatBlocks(read.value), root: true };
      this.documents.set(file, document);
    }
    return document;
  }
}

/**
 * A flat config's elements as blocks: nested lists flattened, global
 * `ignores` (the audit chooses its files itself) and other kinds of element
 * left out, `extends` (ESLint 9.22) read as blocks with the extending
 * element's files.
 */
function flatBlocks(value: unknown): ConfigBlock[] {
  const blocks: ConfigBlock[] = [];
  for (const element of [value].flat(Infinity)) {
    if (!isPlainObject(element)) continue;
    const files = patterns(element.files);
    const ignores = patterns(element.ignores);
    const basePath = typeof element.basePath === 'string' ? trimSlashes(element.basePath) : undefined;
    const based = (list: string[] | undefined) => (list === undefined || basePath === undefined ? list : list.map((pattern) => join(basePath, pattern)));
    const scope = { ...(files === undefined ? {} : { files: based(files) as string[] }), ...(ignores === undefined ? {} : { ignores: based(ignores) as string[] }) };
    for (const extended of [element.extends].flat(Infinity)) {
      if (isPlainObject(extended)) blocks.push({ ...scope, ...feishuSettings(extended.settings), rules: feishuRules(extended.rules, RULE_PREFIX) });
    }
    const settings = feishuSettings(element.settings);
    const rules = feishuRules(element.rules, RULE_PREFIX);
    if (settings.feishu !== undefined || Object.keys(rules).length > 0) blocks.push({ ...scope, ...settings, rules });
  }
  return blocks;
}

function trimSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '/') end--;
  return text.slice(0, end);
}

function join(base: string, pattern: string): string {
  return pattern.startsWith('!') ? `!${base}/${pattern.slice(1)}` : `${base}/${pattern}`;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
