import type { TSESLint } from '@typescript-eslint/utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import type { EndpointFinding } from '../../analysis';
import type { CatalogEntry, Notice } from '../../catalog';
import { compileNotice, type CompiledNotice } from '../../matcher';
import { WeakMemo } from '../../memo';
import { endpointMessage, TEXTS, type EndpointMessageData } from '../../messages';
import { stillFails } from '../../policy';
import type { FeishuSettings, Locale } from '../../settings';
import { reportSubject } from '../../subjects';
import { readAllow, type AllowProblem, type AllowReading } from './allow-option';
import { lintedFile, NO_LISTENERS, releaseAnalysedFile, type INVALID_SETTINGS, type LintedFile } from './file-settings';

/** The one option of every API rule (docs/spec/behaviour.md#rule-options). */
export type AllowOptions = [{ allow: string[] }];

/** The messageId of a report on invalid `allow` entries. */
export const INVALID_ALLOW = 'invalidAllow';

/**
 * `{ allow: [...] }`: an array of unique strings. Which endpoint each names is
 * checked by the rule, which can say what was meant (an ESLint schema error
 * cannot).
 */
export const ALLOW_OPTION_SCHEMA: JSONSchema4[] = [
  {
    type: 'object',
    properties: {
      allow: {
        type: 'array',
        description:
          'Endpoints checked by hand, not to be reported: catalog ids, `METHOD /open-apis/path`, a path alone, or node-sdk methods.',
        items: { type: 'string' },
        uniqueItems: true,
      },
    },
    additionalProperties: false,
  },
];

// The rule of each error code of a notice, as rules are defined: an `allow` entry of another code names its rule.
const rulesByCode = new WeakMemo<Notice, Map<number, string>>();
// What each API rule reports, by rule name: the docs and their checks read it.
const coverage = new Map<string, { readonly notice: Notice; readonly code: number }>();

/** The notice and error code an API rule reports, by the rule's name; undefined for a rule made otherwise. */
export function endpointRuleCoverage(name: string): { readonly notice: Notice; readonly code: number } | undefined {
  return coverage.get(name);
}

/**
 * The `create` of an API rule: report the file's findings of one error code of
 * a notice that still fail for the configured kind of app and are not allowed;
 * those the code guards or handles only with `settings.feishu.reportGuarded`
 * (docs/spec/behaviour.md#guarded-and-handled-findings). The notice is
 * compiled here, once, when the rule is defined.
 */
export function reportEndpoints<Code extends number, MessageId extends string>(
  /** The rule's name (`no-external-chat-reaction-api`): an `allow` entry of another rule names it. */
  name: string,
  notice: Notice<Code>,
  code: Code,
  /** The messageId of a URL finding, and of an SDK call where the group has SDK methods. */
  messageIds: { url: MessageId; sdk?: MessageId },
): (context: EndpointRuleContext<MessageId>, options: AllowOptions) => TSESLint.RuleListener {
  const compiled = compileNotice(notice);
  rulesByCode.get(notice, () => new Map()).set(code, name);
  coverage.set(name, { notice, code });
  const allowReadings = new Map<string, AllowReading>();
  // The last `allow` read, kept by content: every file of a config has the same entries.
  let lastAllow: { readonly ruleId: string; readonly entries: readonly string[]; readonly reading: AllowReading } | undefined;
  const reported: ReportedEndpoints<MessageId> = { notice, compiled, code, messageIds };
  // The per-file function below makes no closure over its own locals: V8 then makes no context object per call, which
  // it does on entry, for every file, when a listener made there captures one (docs/performance.md#the-rules-allocation).
  return (context, options) => {
    // Read by index: destructuring `[{ allow }]` runs the iterator protocol on every file.
    const allow = options[0].allow;
    const file = lintedFile(context);
    const settings = file.settings;
    if (settings === undefined) return file.invalidSettingsListener(context);
    let reading = NO_ALLOW;
    if (allow.length > 0) {
      const ruleId = context.id;
      if (lastAllow !== undefined && lastAllow.ruleId === ruleId && sameEntries(lastAllow.entries, allow)) reading = lastAllow.reading;
      else {
        reading = readAllowCached(allowReadings, allow, notice, code, ruleId, name);
        lastAllow = { ruleId, entries: [...allow], reading };
      }
      if (reading.problems.length > 0) return invalidAllowListener(context, reading.problems, settings.locale);
    }
    // A file the search cannot find anything in gets no listener.
    if (!file.mayNameEndpoints(compiled)) return NO_LISTENERS;
    return endpointListener(reported, context, file, settings, reading.ids);
  };
}

/** What an API rule reports: one error code of a notice, compiled, with the messageIds of its findings. */
interface ReportedEndpoints<MessageId extends string> {
  readonly notice: Notice;
  readonly compiled: CompiledNotice;
  readonly code: number;
  readonly messageIds: { readonly url: MessageId; readonly sdk?: MessageId };
}

type EndpointRuleContext<MessageId extends string> = Readonly<
  TSESLint.RuleContext<MessageId | typeof INVALID_SETTINGS | typeof INVALID_ALLOW, AllowOptions>
>;

/** The listener of a file the search may find something in: its findings of the rule's code, as reportEndpoints says. */
function endpointListener<MessageId extends string>(
  { notice, compiled, code, messageIds }: ReportedEndpoints<MessageId>,
  context: EndpointRuleContext<MessageId>,
  file: LintedFile,
  settings: FeishuSettings,
  allowed: ReadonlySet<string>,
): TSESLint.RuleListener {
  return {
    Program() {
      for (const finding of file.analysis().endpoints(compiled)) {
        if (finding.code !== code) continue;
        if (finding.protection !== undefined && !settings.reportGuarded) continue;
        const entries = entriesToReport(finding, settings, allowed);
        if (entries === undefined) continue;
        const messageId = finding.sdkCall === undefined ? messageIds.url : (messageIds.sdk ?? messageIds.url);
        reportSubject(
          context,
          { node: finding.node, messageId, data: messageData(notice, entries, finding, settings) },
          { kind: 'endpoint', notice, code, entries, method: finding.method, sdkCall: finding.sdkCall, protection: finding.protection },
        );
      }
    },
    'Program:exit': releaseAnalysedFile,
  };
}

/** The listener of a file whose rule has `allow` entries that name nothing it reports: one report at 1:1. */
function invalidAllowListener<MessageId extends string>(
  context: EndpointRuleContext<MessageId>,
  problems: readonly AllowProblem[],
  locale: Locale,
): TSESLint.RuleListener {
  return {
    Program() {
      context.report({ loc: { line: 1, column: 0 }, messageId: INVALID_ALLOW, data: allowReport(problems, context.id, locale) });
    },
  };
}

/** The reading of an empty `allow`, the default: nothing allowed and nothing wrong, whatever the rule. */
const NO_ALLOW: AllowReading = Object.freeze({ ids: new Set<string>(), problems: [] });

// An option's array is read once per content and configured prefix.
const CACHED_ALLOWS = 16;

function readAllowCached(
  cache: Map<string, AllowReading>,
  allow: readonly string[],
  notice: Notice,
  code: number,
  ruleId: string,
  name: string,
): AllowReading {
  // The configured prefix (`feishu/`), so that another rule is named as the user configures it.
  const prefix = ruleId.endsWith(name) ? ruleId.slice(0, ruleId.length - name.length) : '';
  const key = `${prefix}\u0000${JSON.stringify(allow)}`;
  let reading = cache.get(key);
  if (reading === undefined) {
    const byCode = rulesByCode.get(notice, () => new Map());
    reading = readAllow(allow, notice, code, (other) => {
      const owner = byCode.get(other);
      return owner === undefined ? undefined : prefix + owner;
    });
    if (cache.size >= CACHED_ALLOWS) cache.delete(cache.keys().next().value as string);
    cache.set(key, reading);
  }
  return reading;
}

function sameEntries(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * An API rule's `allow` read as the rule reads it, for a tool that passes a
 * project's options on (the audit): the catalog ids, and the problems in the
 * rule's words, or undefined for a rule not made by `reportEndpoints`.
 */
export function readRuleAllow(
  name: string,
  ruleId: string,
  allow: readonly string[],
  locale: Locale,
): { readonly ids: readonly string[]; readonly problems: readonly string[] } | undefined {
  const covered = coverage.get(name);
  if (covered === undefined) return undefined;
  const reading = readAllowCached(new Map(), allow, covered.notice, covered.code, ruleId, name);
  return { ids: [...reading.ids].sort(), problems: allowSentences(reading.problems, locale) };
}

function allowSentences(problems: readonly AllowProblem[], locale: Locale): string[] {
  const words = TEXTS[locale].allow;
  return problems.map((problem) => {
    switch (problem.kind) {
      case 'unknown':
        return words.unknown(problem.entry, problem.closest);
      case 'undocumentedMethod':
        return words.undocumentedMethod(problem.entry, problem.method, problem.documented, problem.closest);
      case 'otherRule':
        return words.otherRule(problem.entry, problem.ids, problem.rule);
    }
  });
}

/** The data of the report on invalid `allow` entries: the message, and the catalog ids it names. */
function allowReport(problems: readonly AllowProblem[], ruleId: string, locale: Locale): { message: string; id: string } {
  return { message: TEXTS[locale].allow.report(ruleId, allowSentences(problems, locale)), id: [...new Set(problems.flatMap((problem) => problem.ids))].join(', ') };
}

// The same endpoint reads the same for one kind of app and locale: build each text once.
const messageCache = new WeakMemo<FeishuSettings, Map<string, EndpointMessageData>>();

function messageData(
  notice: Notice,
  entries: [CatalogEntry, ...CatalogEntry[]],
  { method, sdkCall, protection }: EndpointFinding,
  settings: FeishuSettings,
): EndpointMessageData {
  const bySettings = messageCache.get(settings, () => new Map());
  const key = `${notice.id} ${sdkCall ?? ''} ${method ?? ''} ${protection ?? ''} ${entries.map((entry) => entry.id).join(' ')}`;
  let data = bySettings.get(key);
  if (data === undefined) {
    data = endpointMessage(notice, entries, { method, sdkCall, protection }, settings);
    bySettings.set(key, data);
  }
  return data;
}

/**
 * The entries a finding names that still fail for this kind of app and are not
 * allowed, or undefined for none. A known HTTP method picks its entry among
 * those sharing the path; otherwise every entry of the path counts.
 */
function entriesToReport(
  finding: EndpointFinding,
  settings: Pick<FeishuSettings, 'appKind'>,
  allowed: ReadonlySet<string>,
): [CatalogEntry, ...CatalogEntry[]] | undefined {
  const { entries, method } = finding;
  const byMethod = method === undefined ? [] : entries.filter((entry) => entry.methods.includes(method));
  const named = byMethod.length > 0 ? byMethod : entries;
  const reported = named.filter((entry) => !allowed.has(entry.id) && stillFails(entry, settings.appKind));
  return reported.length > 0 ? (reported as [CatalogEntry, ...CatalogEntry[]]) : undefined;
}
