import type { Protection } from '../analysis';
import type { AppKind } from '../policy';
import type { SettingsProblem, SettingsSpelling } from '../settings';

/** What a legacy-event suggestion rewrites, and what it marks FIXME. */
export interface SuggestionChanges {
  /** `open_chat_id → message.chat_id`, one per field rewritten. */
  readonly rewritten: readonly string[];
  /** v1 fields without a v2 field, marked FIXME. */
  readonly manual: readonly string[];
  /** v1 values renamed in v2, marked FIXME: `chat_type 'private' → 'p2p'`. */
  readonly renamed: readonly string[];
  /**
   * Reads this suggestion could not follow: the handler is imported or wrapped,
   * its parameter destructured, or the event passed on. They need a look by hand.
   */
  readonly byHand: boolean;
}

/**
 * The words of one locale. Sentences are whole, so each locale orders its own
 * words; the composition (which sentence for which kind of app) lives in
 * endpoint-message.ts, once for every locale.
 */
export interface LocaleTexts {
  /** `POST /path (node-sdk: client.im.message.create)`, as the audit names a replacement. */
  replacement(endpoint: string, sdkMethods: readonly string[], note: string | undefined): string;
  /** The audit's remedies, in full: the rules' messages use the short ones of `finding`. */
  remedy: RemedyTexts<(replacement: string) => string> & {
    /** Unknown kind of app: a self-built app's remedy, and a hint to set `appType`. */
    unknownKind(selfBuilt: string): string;
  };
  /** The rules' messages: one or two sentences each (docs/spec/behaviour.md#messages). */
  finding: FindingTexts;
  /** The legacy `message` event rule. */
  event: {
    /** What the audit lists for each kind of finding, as a sentence. */
    subject: { register: string; check: string; typeHandler: string };
    /** The two halves of the fix, in full, as the audit prints them. */
    fix: { handler: string; typeHandler: string };
    /** Suggestion titles: short, as editors show them in a menu. */
    suggestion: {
      /** `register({ '<replacement>': handler })`. */
      register(replacement: string): string;
      /** A check of `<typeRead> === '<replacement>'`. */
      check(replacement: string, typeRead: string): string;
    };
    /** The comment left at a read without a v2 equivalent. */
    marker(field: string, hint: string): string;
    /** The comment left at a v1 value renamed in v2 (`'private'` → `'p2p'`). */
    renamedValue(field: string, v1: string, v2: string): string;
    /** The comment left at a destructured v1 field that moved (`{ open_chat_id }`). */
    movedField(field: string, path: string): string;
    /** The comment left where the handler's reads could not be followed: `open_chat_id → message.chat_id` is the example. */
    byHand(example: string): string;
  };
  /** Invalid `settings.feishu`, reported at 1:1. */
  settings: {
    /** One problem, a sentence or two. */
    problem(problem: SettingsProblem, spelling: SettingsSpelling): string;
    /** The report: every problem (`problems` already in words), and how many more were not listed. */
    report(problems: readonly string[], unlisted: number): string;
  };
  /** Invalid entries of an API rule's `allow` option, reported at 1:1. */
  allow: {
    /** The entry names no endpoint; the closest valid spellings. */
    unknown(entry: string, closest: readonly string[]): string;
    /** `METHOD /path` with a method the path does not document. */
    undocumentedMethod(entry: string, method: string, documented: readonly string[], closest: readonly string[]): string;
    /** The entry names an endpoint of another rule. */
    otherRule(entry: string, ids: readonly string[], rule: string): string;
    /** The report: every problem of the rule's `allow`. */
    report(rule: string, problems: readonly string[]): string;
  };
  /** The words of the audit command's report. */
  audit: AuditTexts;
}

/** A sentence per remedy; legacy ones take the replacement, as each text names it. */
interface RemedyTexts<Legacy> {
  /** Store app: no replacement exists. */
  store: string;
  /** Self-built app with linked organizations: the Developer Assistant's list. */
  linkedOrganization: string;
  /** Self-built app, legacy endpoint: migrate and enable external sharing. */
  legacyMigrate: Legacy;
  /** Legacy endpoint whose replacement fails in external chats too (urgent, disband). */
  legacyMigrateStillBlocked: Legacy;
  /** Self-built app with external sharing on, legacy endpoint. */
  legacyWithExternalSharing: Legacy;
  /** im/v1 endpoint that external sharing unlocks. */
  enableExternalSharing: string;
  /** im/v1 endpoint blocked even with external sharing (chat managers). */
  blockedEvenWithExternalSharing: string;
}

/**
 * The short words of the rules' messages: a legacy endpoint's replacement is
 * named by its node-sdk method only (`client.im.chat.get`); the im/v1 paths,
 * notes and the other kinds' remedies are in the rule docs and the audit.
 */
interface FindingTexts {
  /**
   * The whole message: what the code calls, the mark of a guarded or handled call
   * (only reported with `settings.feishu.reportGuarded`, docs/spec/behaviour.md#guarded-and-handled-findings),
   * the notice's failure sentence, the remedy sentence.
   */
  endpoint(what: string, protection: string | undefined, failure: string, remedy: string): string;
  /** After what the code calls, for a guarded or handled call: `(guarded)`. */
  protection: Readonly<Record<Protection, string>>;
  remedy: RemedyTexts<(sdkMethod: string) => string> & {
    /** Unknown kind of app: the self-built remedy, then a pointer to set `appType`, as one sentence. */
    unknownKind(selfBuilt: string): string;
  };
  /** The event rule's message: what the code does, the notice's clause on the event (`problem`), the fix. */
  event(kind: 'register' | 'check' | 'typeHandler', problem: string, unknownKind: boolean): string;
}

/**
 * Why a file was not audited: it does not parse, cannot be read, linting it
 * threw, it ended its linting process (twice), or no TypeScript parser loads.
 */
export type SkipReason = 'parse' | 'unreadable' | 'failed' | 'crashed' | 'no-parser';

/** Where the audit's settings came from, for the report (docs/audit.md#the-projects-own-settings). */
export interface SettingsSource {
  /** The ESLint config files that apply to the audited files, relative to the working directory. */
  readonly configFiles: readonly string[];
  /** `read`: read without running them; `run`: run (`--use-eslint-config`). */
  readonly how: 'read' | 'run';
  /** Each setting in force, and where it came from: `flags`, or a config file. */
  readonly keys: readonly { readonly key: string; readonly value: unknown; readonly from: string }[];
  /** Settings the config gives that flags override. */
  readonly overridden: readonly string[];
  /** Why something of the config was not used, or was used instead of something else. */
  readonly notes: readonly SettingsNote[];
  /** The feishu rules the config switches off or gives an `allow` list, and for how many of the files. */
  readonly rules: readonly RuleSwitch[];
}

export type SettingsNote =
  /** `settings.feishu` is computed: reading it would mean running the config. */
  | { readonly kind: 'computed'; readonly where: string }
  /** A config file cannot be read, or its settings.feishu is invalid. */
  | { readonly kind: 'broken'; readonly file: string; readonly problem: string }
  /** Files get different settings.feishu: a few files of each value. */
  | { readonly kind: 'differs'; readonly groups: readonly { readonly value: string; readonly files: readonly string[]; readonly count: number }[] }
  /** The config's settings and the flags together are invalid. */
  | { readonly kind: 'conflict'; readonly problem: string }
  /** `--use-eslint-config`: running the config failed. */
  | { readonly kind: 'run-failed'; readonly problem: string }
  /** A feishu rule's entry is computed: the rule stays on, with no allow list. */
  | { readonly kind: 'rule-computed'; readonly ruleId: string; readonly where: string }
  /** A feishu rule's entry is invalid: the rule stays on, with no allow list. */
  | { readonly kind: 'rule-invalid'; readonly ruleId: string; readonly problem: string };

export interface RuleSwitch {
  readonly ruleId: string;
  /** Files the rule is off for. */
  readonly off: number;
  /** Catalog ids allowed, for the files the rule is on for with an allow list. */
  readonly allow: readonly string[];
  /** Files with an allow list. */
  readonly allowFiles: number;
  /** Files audited in all. */
  readonly of: number;
}

/** The audit command's report: headings and summaries around the rules' own sentences. */
interface AuditTexts {
  /** `3 findings in 2 of 5 files` */
  summary(findings: number, filesWithFindings: number, files: number): string;
  /** The all-clear, naming how many files were audited. */
  noFindings(files: number): string;
  /** The all-clear when every call found is guarded or handled, and listed apart. */
  noFindingsProtected(files: number): string;
  /**
   * The all-clear when comments in the code turn every finding off (counted below), `protectedToo` when some calls
   * found are guarded or handled besides: it must not say that no restricted call is used.
   */
  noFindingsSuppressed(files: number, protectedToo: boolean): string;
  /** No file found could be linted: no answer at all. */
  nothingAudited(files: number): string;
  /** Which kind of app the advice is for. */
  appKind: Readonly<Record<AppKind, string>>;
  /** `2 findings` */
  findings(count: number): string;
  /** The error text the platform answers with. */
  errorText(text: string): string;
  /** The heading of the legacy-event group. */
  eventGroup: string;
  /** What each kind of legacy-event finding is, as a heading. */
  eventSubject: { register: string; typeHandler: string; check: string };
  /** A subject's remedy, introduced. */
  whatToDo(remedy: string): string;
  /** Before the SDK method seen at an occurrence: `via client.im.chatTab.listTabs()`. */
  via(call: string): string;
  /** The heading of the files (and directories) not audited, with the reason each. */
  skipped(count: number): string;
  /** Reasons a file is skipped. */
  skipReason(reason: SkipReason, detail: string): string;
  /** After TypeScript files no parser could read: introduces the command that audits them too (on its own line). */
  noParserHint: string;
  /** Where the settings came from, and what of the project's config was or was not used: one sentence a line. */
  settingsSource(source: SettingsSource): string[];
  /** One note of the settings' source, as a sentence. */
  settingsNote(note: SettingsNote): string;
  /** Findings not counted: comments in the code turn their rule off. */
  suppressed(count: number): string;
  /** The heading of the guarded and handled findings, listed apart and not counted. */
  protectedApart(guarded: number, handled: number): string;
  /** With reportGuarded on: how many of the findings counted are guarded or handled. */
  protectedCounted(guarded: number, handled: number): string;
  /** After an occurrence the code guards or handles: `(guarded)`. */
  protection: Readonly<Record<Protection, string>>;
  /** `--max-findings`: within the threshold, or over it. */
  threshold(findings: number, max: number): string;
  /** The closing links: the heading of the rules' docs, and the notice. */
  ruleDocs: string;
  notice(url: string): string;
  /** The progress line on a terminal, with the seconds since the audit started. */
  progress(done: number, total: number, seconds: number): string;
}
