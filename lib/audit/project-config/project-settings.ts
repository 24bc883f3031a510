import path from 'node:path';
import type { ESLint, Linter } from 'eslint';
import type { RuleSwitch, SettingsNote } from '../../messages';
import { CONFIG_SPELLING, FeishuSettingsError, parseFeishuSettings } from '../../settings';
import { displayPath, JAVASCRIPT_EXTENSIONS, TYPESCRIPT_EXTENSIONS } from '../source-files';
import { computedIn, isPlainObject, type ConfigBlock, type ConfigDocument } from './config-value';
import { ConfigFinder, type ConfigChain } from './find-config';
import { readCodeConfig, type ConfigParsing } from './read-code-config';

/** The plugin as the project's config names it: its rules, for checking their entries and options. */
export interface PluginRules {
  readonly plugins: Readonly<Record<string, unknown>>;
  /**
   * `feishu/<rule>` → how the rule reads its `allow` (the catalog ids, and the problems in its words), or
   * undefined for a rule without the option.
   */
  readonly allowOf: ReadonlyMap<string, ((allow: readonly string[]) => { readonly ids: readonly string[]; readonly problems: readonly string[] }) | undefined>;
}

interface ReadOptions extends ConfigParsing {
  readonly files: readonly string[];
  /** Loaded only when there is a config to read. */
  readonly ESLint: () => Promise<typeof ESLint>;
  /** ESLint's eslintrc class (8.57 and 9), for `--use-eslint-config` in an eslintrc project. */
  readonly LegacyESLint: (() => Promise<typeof ESLint | undefined>) | undefined;
  readonly useEslintConfig: boolean;
  readonly plugin: PluginRules;
}

/** What the project's ESLint config says, for the audit (docs/audit.md#the-projects-own-settings). */
export interface ProjectSettings {
  /** The config files that apply to the audited files, relative to the working directory. */
  readonly configFiles: readonly string[];
  readonly how: 'read' | 'run';
  /** `settings.feishu` every audited file gets, when it is one valid object; undefined otherwise. */
  readonly settings: Readonly<Record<string, unknown>> | undefined;
  /** The config file that sets it. */
  readonly settingsFrom: string | undefined;
  readonly notes: readonly SettingsNote[];
  /** Each audited file's group of rule entries; group 0 is the plugin's recommended config unchanged. */
  readonly variantOf: ReadonlyMap<string, number>;
  readonly ruleVariants: readonly Readonly<Linter.RulesRecord>[];
  readonly rules: readonly RuleSwitch[];
}

/** What one audited file gets from the config: its settings.feishu, and its feishu rules' entries. */
interface FileConfig {
  /** Run, the config does not lint the file at all (no `files` pattern takes it): it says nothing about it. */
  readonly uncovered?: boolean;
  readonly feishu: unknown;
  readonly rules: Readonly<Record<string, unknown>>;
  /** Where its settings.feishu is written. */
  readonly from: string | undefined;
}

const SOURCE_GLOBS = [...JAVASCRIPT_EXTENSIONS, ...TYPESCRIPT_EXTENSIONS].map((extension) => `**/*${extension}`);

/**
 * Reads the project's ESLint config without running it (or, with
 * `--use-eslint-config`, runs it through ESLint), and works out per audited
 * file what it sets: `settings.feishu` and the feishu rules' entries. ESLint
 * itself matches the config's `files` patterns, so they mean what they mean
 * to ESLint. Never throws for the config's sake: what cannot be used is a note.
 */
export async function readProjectSettings(options: ReadOptions): Promise<ProjectSettings> {
  const notes: SettingsNote[] = [];
  const finder = new ConfigFinder((file, kind) => readCodeConfig(file, kind, options));
  const chains = new Map<string, ConfigChain>(options.files.map((file) => [file, finder.chainOf(file)]));
  const documents = [...new Set([...chains.values()].flatMap((chain) => (chain.kind === 'none' ? [] : chain.documents)))];
  const configFiles = documents.map((document) => displayPath(document.file, options.cwd)).sort();

  let how: 'read' | 'run' = 'read';
  let perFile: Map<string, FileConfig> | undefined;
  if (options.useEslintConfig) {
    try {
      perFile = await runConfig(options, chains);
      how = 'run';
    } catch (error) {
      notes.push({ kind: 'run-failed', problem: firstLine(error) });
    }
  }
  if (perFile === undefined) {
    for (const document of documents) {
      if (document.problem !== undefined) notes.push({ kind: 'broken', file: displayPath(document.file, options.cwd), problem: document.problem });
    }
    perFile = await readConfig(options, chains, notes);
  }

  const rules = ruleVariants(options.files, perFile, options.plugin, notes);
  return { configFiles, how, ...uniformSettings(options, perFile, notes), notes, ...rules };
}

/** Each file's config from ESLint's own matching of the blocks read without running the config. */
async function readConfig(options: ReadOptions, chains: ReadonlyMap<string, ConfigChain>, notes: SettingsNote[]): Promise<Map<string, FileConfig>> {
  const perFile = new Map<string, FileConfig>();
  const byChain = new Map<ConfigChain, string[]>();
  for (const [file, chain] of chains) {
    if (chain.kind === 'none') perFile.set(file, { feishu: undefined, rules: {}, from: undefined });
    else byChain.set(chain, [...(byChain.get(chain) ?? []), file]);
  }
  const ESLintClass = byChain.size === 0 ? undefined : await options.ESLint();
  for (const [chain, files] of byChain) {
    if (chain.kind === 'none' || ESLintClass === undefined) continue;
    const base = path.dirname(chain.documents[0]?.file ?? '.');
    const blocks = chain.documents.flatMap((document) => scoped(document, base, chain.kind));
    const eslint = new ESLintClass({
      cwd: base,
      overrideConfigFile: true,
      overrideConfig: [{ plugins: options.plugin.plugins }, { files: SOURCE_GLOBS }, ...blocks.map(({ block }) => toFlat(block))],
    } as ESLint.Options);
    for (const file of files) {
      try {
        const config = (await eslint.calculateConfigForFile(file)) as Linter.Config | undefined;
        const feishu = (config?.settings as Record<string, unknown> | undefined)?.feishu;
        const from = [...blocks].reverse().find(({ block }) => block.feishu !== undefined)?.document;
        perFile.set(file, { feishu, rules: config?.rules ?? {}, from: from === undefined ? undefined : displayPath(from, options.cwd) });
      } catch (error) {
        notes.push({ kind: 'broken', file: displayPath(chain.documents.at(-1)?.file ?? base, options.cwd), problem: firstLine(error) });
        for (const rest of files) if (!perFile.has(rest)) perFile.set(rest, { feishu: undefined, rules: {}, from: undefined });
        break;
      }
    }
  }
  return perFile;
}

/**
 * A document's blocks with their patterns made relative to `base`, the
 * directory of the chain's root-most config: an eslintrc file's own block
 * covers its directory, its overrides' patterns start there.
 */
function scoped(document: ConfigDocument, base: string, kind: 'flat' | 'eslintrc'): { block: ConfigBlock; document: string }[] {
  const prefix = path.relative(base, path.dirname(document.file)).split(path.sep).join('/');
  const under = (pattern: string) => {
    if (prefix === '') return pattern;
    return pattern.startsWith('!') ? `!${prefix}/${pattern.slice(1)}` : `${prefix}/${pattern}`;
  };
  return document.blocks.map((block) => {
    const files = block.files?.map(under) ?? (kind === 'eslintrc' && prefix !== '' ? [`${prefix}/**`] : undefined);
    const ignores = block.ignores?.map(under);
    return { block: { ...block, ...(files === undefined ? {} : { files }), ...(ignores === undefined ? {} : { ignores }) }, document: document.file };
  });
}

/** A block as a flat config object; rule entries ESLint would reject are checked and dropped later, per file. */
function toFlat(block: ConfigBlock): Linter.Config {
  return {
    ...(block.files === undefined ? {} : { files: [...block.files] }),
    ...(block.ignores === undefined ? {} : { ignores: [...block.ignores] }),
    ...(block.feishu === undefined ? {} : { settings: { feishu: block.feishu } }),
    rules: Object.fromEntries(Object.entries(block.rules).filter(([, entry]) => severityOf(entry) !== undefined)) as Linter.RulesRecord,
  };
}

/** `--use-eslint-config`: ESLint loads the project's config (running it and its plugins) and says what each file gets. */
async function runConfig(options: ReadOptions, chains: ReadonlyMap<string, ConfigChain>): Promise<Map<string, FileConfig>> {
  const perFile = new Map<string, FileConfig>();
  const FlatESLint = await options.ESLint();
  const flat = new FlatESLint({ cwd: options.cwd } as ESLint.Options);
  let legacy: ESLint | undefined;
  for (const [file, chain] of chains) {
    let eslint = flat;
    if (chain.kind === 'eslintrc') {
      if (legacy === undefined) {
        const LegacyESLint = await options.LegacyESLint?.();
        if (LegacyESLint === undefined) throw new Error('this ESLint cannot run eslintrc configs (ESLint 10 reads flat config only)');
        legacy = new LegacyESLint({ cwd: options.cwd } as ESLint.Options);
      }
      eslint = legacy;
    }
    const config = (await eslint.calculateConfigForFile(file)) as Linter.Config | undefined;
    const from = chain.kind === 'none' ? undefined : displayPath(chain.documents.at(-1)?.file ?? file, options.cwd);
    perFile.set(file, { uncovered: config === undefined, feishu: (config?.settings as Record<string, unknown> | undefined)?.feishu, rules: config?.rules ?? {}, from });
  }
  return perFile;
}

/** The config's settings.feishu when every audited file gets the same valid one; otherwise a note says why not. */
function uniformSettings(
  options: ReadOptions,
  perFile: ReadonlyMap<string, FileConfig>,
  notes: SettingsNote[],
): { settings: Readonly<Record<string, unknown>> | undefined; settingsFrom: string | undefined } {
  const none = { settings: undefined, settingsFrom: undefined };
  const groups = new Map<string, { value: unknown; files: string[]; from: string | undefined }>();
  for (const file of options.files) {
    const config = perFile.get(file);
    // A file the project's ESLint would not lint (a .ts file a JavaScript config does not name) has no say.
    if (config?.uncovered === true) continue;
    const where = computedIn(config?.feishu);
    if (where !== undefined) {
      notes.push({ kind: 'computed', where });
      return none;
    }
    const key = config?.feishu === undefined ? 'none' : stableJson(config.feishu);
    const group = groups.get(key) ?? { value: config?.feishu, files: [], from: config?.from };
    group.files.push(file);
    groups.set(key, group);
  }
  if (groups.size > 1) {
    notes.push({
      kind: 'differs',
      groups: [...groups.values()].map((group) => ({
        value: group.value === undefined ? 'none' : `${written(group.value)}${group.from === undefined ? '' : ` (${group.from})`}`,
        files: group.files.slice(0, 3).map((file) => displayPath(file, options.cwd)),
        count: group.files.length,
      })),
    });
    return none;
  }
  const [only] = groups.values();
  if (only === undefined || only.value === undefined) return none;
  if (!isPlainObject(only.value)) {
    notes.push({ kind: 'broken', file: only.from ?? '?', problem: 'settings.feishu must be an object' });
    return none;
  }
  try {
    parseFeishuSettings(only.value, CONFIG_SPELLING);
  } catch (error) {
    if (!(error instanceof FeishuSettingsError)) throw error;
    notes.push({ kind: 'broken', file: only.from ?? '?', problem: error.message.replace(/^eslint-plugin-feishu: /, '').replace(/\.$/, '') });
    return none;
  }
  return { settings: only.value, settingsFrom: only.from };
}

/** Groups the files by the feishu rule entries the config gives them; entries that are computed or invalid stay the plugin's. */
function ruleVariants(
  files: readonly string[],
  perFile: ReadonlyMap<string, FileConfig>,
  plugin: PluginRules,
  notes: SettingsNote[],
): { variantOf: Map<string, number>; ruleVariants: Linter.RulesRecord[]; rules: RuleSwitch[] } {
  const variants: Linter.RulesRecord[] = [{}];
  const keys = new Map<string, number>([['{}', 0]]);
  const variantOf = new Map<string, number>();
  const switches = new Map<string, { off: number; allow: Set<string>; allowFiles: number }>();
  const noted = new Set<string>();
  const note = (key: string, add: () => SettingsNote) => {
    if (!noted.has(key)) notes.push(add());
    noted.add(key);
  };
  for (const file of files) {
    const entries: Linter.RulesRecord = {};
    for (const [ruleId, entry] of Object.entries(perFile.get(file)?.rules ?? {})) {
      if (!plugin.allowOf.has(ruleId)) continue;
      const where = computedIn(entry);
      if (where !== undefined) {
        note(`${ruleId} ${where}`, () => ({ kind: 'rule-computed', ruleId, where }));
        continue;
      }
      const severity = severityOf(entry);
      if (severity === undefined) {
        note(`${ruleId} severity`, () => ({ kind: 'rule-invalid', ruleId, problem: `severity ${JSON.stringify(Array.isArray(entry) ? entry[0] : entry)}` }));
        continue;
      }
      const record = switches.get(ruleId) ?? { off: 0, allow: new Set<string>(), allowFiles: 0 };
      switches.set(ruleId, record);
      if (severity === 'off') {
        entries[ruleId] = 'off';
        record.off++;
        continue;
      }
      const allow = allowOf(entry);
      if (allow === undefined) continue;
      // Read as the rule reads it (the users' spellings become catalog ids): the audit passes only ids on, and a
      // list the rule would reject is said once here instead of making every file fail.
      const read = plugin.allowOf.get(ruleId);
      const reading = read === undefined || allow.some((id) => typeof id !== 'string') ? undefined : read(allow as string[]);
      if (reading === undefined || reading.problems.length > 0) {
        const problem = reading === undefined ? `allow ${JSON.stringify(allow)} is not a list of entries this rule takes` : reading.problems.join(' ');
        note(`${ruleId} allow`, () => ({ kind: 'rule-invalid', ruleId, problem }));
        continue;
      }
      if (reading.ids.length === 0) continue;
      entries[ruleId] = ['error', { allow: [...reading.ids] }];
      record.allowFiles++;
      for (const id of reading.ids) record.allow.add(id);
    }
    const key = stableJson(entries);
    let index = keys.get(key);
    if (index === undefined) {
      index = variants.length;
      variants.push(entries);
      keys.set(key, index);
    }
    variantOf.set(file, index);
  }
  const rules = [...switches]
    .filter(([, record]) => record.off > 0 || record.allow.size > 0)
    .map(([ruleId, record]) => ({ ruleId, off: record.off, allow: [...record.allow].sort(), allowFiles: record.allowFiles, of: files.length }))
    .sort((a, b) => (a.ruleId < b.ruleId ? -1 : 1));
  return { variantOf, ruleVariants: variants, rules };
}

/** `'off'` or `'on'` for an entry ESLint takes (`'warn'`, `2`, `['error', {…}]`), undefined for one it rejects. */
function severityOf(entry: unknown): 'off' | 'on' | undefined {
  const level = Array.isArray(entry) ? entry[0] : entry;
  if (level === 'off' || level === 0) return 'off';
  if (level === 'warn' || level === 'error' || level === 1 || level === 2) return 'on';
  return undefined;
}

function allowOf(entry: unknown): unknown[] | undefined {
  if (!Array.isArray(entry)) return undefined;
  const options = entry[1] as unknown;
  if (!isPlainObject(options)) return undefined;
  return Array.isArray(options.allow) ? (options.allow as unknown[]) : undefined;
}

/** `{ appType: 'store' }`: a settings object as a config writes it. */
function written(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return `[${value.map(written).join(', ')}]`;
  if (isPlainObject(value)) return `{ ${Object.entries(value).map(([key, item]) => `${key}: ${written(item)}`).join(', ')} }`;
  return String(value);
}

/** JSON with sorted keys: two configs that say the same compare equal. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_, item: unknown) =>
    isPlainObject(item) ? Object.fromEntries(Object.keys(item).sort().map((key) => [key, item[key]])) : item,
  );
}

function firstLine(error: unknown): string {
  return (String((error as Error | undefined)?.message ?? error).split('\n')[0] ?? '').replace(/\.$/, '');
}
