import type { TSESLint } from '@typescript-eslint/utils';
import { ruleDocsUrl } from '../../package-meta';
import { contextField } from './file-context';

/** The `meta.docs` of every rule here (the pattern of typescript-eslint's RuleCreator). */
export interface FeishuRuleDocs {
  description: string;
  /** In `configs.recommended`. */
  recommended: boolean;
  /** The link ESLint, editors and SARIF show: `docs/rules/<name>.md` at the release tag. */
  url: string;
}

export type FeishuRuleModule<MessageIds extends string, Options extends readonly unknown[]> = TSESLint.RuleModule<
  MessageIds,
  Options,
  FeishuRuleDocs
> & { readonly name: string; readonly meta: { readonly docs: FeishuRuleDocs } };

interface RuleDefinition<MessageIds extends string, Options extends readonly unknown[]> {
  name: string;
  meta: Omit<TSESLint.RuleMetaData<MessageIds, FeishuRuleDocs, Options>, 'docs' | 'defaultOptions'> & {
    docs: Omit<FeishuRuleDocs, 'url'>;
    /** Required for rules with options; a rule without (`schema: []`) has none. */
    defaultOptions?: Options;
  };
  /** Receives the options merged over `meta.defaultOptions`, on every ESLint version. */
  create(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, options: Options): TSESLint.RuleListener;
}

/** Defines a rule: fills `meta.docs.url` from its name and applies its default options. */
export function createRule<Options extends readonly unknown[], MessageIds extends string>({
  name,
  meta,
  create,
}: RuleDefinition<MessageIds, Options>): FeishuRuleModule<MessageIds, Options> {
  const defaults = meta.defaultOptions ?? ([] as unknown as Options);
  // The keys of each object default, read once: every file's options are checked against them.
  const defaultKeys = defaults.map((fallback) => (isPlainObject(fallback) ? Object.keys(fallback) : undefined));
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: ruleDocsUrl(name) } },
    create(context) {
      const options = contextField(context, 'options');
      // ESLint ≥ 9.15 merges `meta.defaultOptions` itself (configured options come as a new array per file): such
      // options are used as they are, and only older ESLints' are merged here, with nothing kept between files.
      return create(context, coversDefaults(defaultKeys, options) ? (options as Options) : withDefaults(defaults, options));
    },
  };
}

/**
 * Whether `given` already has a value for every default, one level deep for
 * objects (`keys`: each default's keys, or undefined for one that is not an
 * object): withDefaults would change nothing.
 */
function coversDefaults(keys: readonly (readonly string[] | undefined)[], given: readonly unknown[]): boolean {
  for (let index = 0; index < keys.length; index++) {
    const value = given[index];
    if (value === undefined) return false;
    const objectKeys = keys[index];
    if (objectKeys === undefined || !isPlainObject(value)) continue;
    for (const key of objectKeys) if (value[key] === undefined) return false;
  }
  return true;
}

/**
 * Options over defaults, one level deep for objects; a key given as undefined
 * keeps its default (`{ allow: undefined }` in a JavaScript config). ESLint ≥
 * 9.15 merges `meta.defaultOptions` itself; ESLint 8 does not, so rules do it
 * here too.
 */
function withDefaults<Options extends readonly unknown[]>(defaults: Options, given: readonly unknown[]): Options {
  return defaults.map((fallback, index) => {
    const value = given[index];
    if (isPlainObject(fallback) && isPlainObject(value)) {
      const merged: Record<string, unknown> = { ...fallback };
      for (const [key, field] of Object.entries(value)) if (field !== undefined) merged[key] = field;
      return merged;
    }
    return value ?? fallback;
  }) as unknown as Options;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
