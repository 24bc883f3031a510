import type { TSESLint } from '@typescript-eslint/utils';
import { ruleDocsUrl } from '../../package-meta';

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
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: ruleDocsUrl(name) } },
    create(context) {
      const options = context.options;
      // ESLint ≥ 9.15 merges `meta.defaultOptions` itself (configured options come as a new array per file): such
      // options are used as they are, and only older ESLints' are merged here, with nothing kept between files.
      return create(context, coversDefaults(defaults, options) ? (options as Options) : withDefaults(defaults, options));
    },
  };
}

/** Whether `given` already has a value for every default, one level deep for objects: withDefaults would change nothing. */
function coversDefaults(defaults: readonly unknown[], given: readonly unknown[]): boolean {
  for (let index = 0; index < defaults.length; index++) {
    const fallback = defaults[index];
    const value = given[index];
    if (value === undefined) return false;
    if (isPlainObject(fallback) && isPlainObject(value)) {
      for (const key in fallback) if (value[key] === undefined) return false;
    }
  }
  return true;
}

/**
 * Options over defaults, one level deep for objects. ESLint ≥ 9.15 merges
 * `meta.defaultOptions` itself; ESLint 8 does not, so rules do it here too.
 */
function withDefaults<Options extends readonly unknown[]>(defaults: Options, given: readonly unknown[]): Options {
  return defaults.map((fallback, index) => {
    const value = given[index];
    if (isPlainObject(fallback) && isPlainObject(value)) return { ...fallback, ...value };
    return value ?? fallback;
  }) as unknown as Options;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
