import type { Protection } from '../analysis';
import type { AppKind } from '../policy';

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
  /** `POST /path (node-sdk: client.im.message.create)` */
  replacement(endpoint: string, sdkMethods: readonly string[], note: string | undefined): string;
  remedy: {
    /** Store app: no replacement exists. */
    store: string;
    /** Self-built app with linked organizations: the Developer Assistant's list. */
    linkedOrganization: string;
    /** Self-built app, legacy endpoint: migrate and enable external sharing. */
    legacyMigrate(replacement: string): string;
    /** Legacy endpoint whose replacement fails in external chats too (urgent, disband). */
    legacyMigrateStillBlocked(replacement: string): string;
    /** Self-built app with external sharing on, legacy endpoint. */
    legacyWithExternalSharing(replacement: string): string;
    /** im/v1 endpoint that external sharing unlocks. */
    enableExternalSharing: string;
    /** im/v1 endpoint blocked even with external sharing (chat managers). */
    blockedEvenWithExternalSharing: string;
    /** Unknown kind of app: the three remedies, one sentence each. */
    unknownKind(selfBuilt: string, linkedOrganization: string, store: string): string;
  };
  /**
   * What a report of a guarded or handled call adds, shown only with
   * `settings.feishu.reportGuarded` (docs/spec/behaviour.md#guarded-and-handled-findings).
   */
  protection: Readonly<Record<Protection, string>>;
  /** The legacy `message` event rule. */
  event: {
    subject: { register: string; check: string; typeHandler: string };
    /** The two halves of the fix. */
    fix: { handler: string; typeHandler: string };
    /** Suggestion descriptions. */
    suggestion: {
      /** What a suggestion changes, and what it leaves marked for the user. */
      register(changes: SuggestionChanges): string;
      check(changes: SuggestionChanges): string;
    };
    /** The comment left at a read without a v2 equivalent. */
    marker(field: string, hint: string): string;
    /** The comment left at a v1 value renamed in v2 (`'private'` → `'p2p'`). */
    renamedValue(field: string, v1: string, v2: string): string;
    /** The comment left at a destructured v1 field that moved (`{ open_chat_id }`). */
    movedField(field: string, path: string): string;
  };
  /** The words of the audit command's report. */
  audit: AuditTexts;
}

/** Why a file was not audited: it does not parse, cannot be read, or linting it threw. */
export type SkipReason = 'parse' | 'unreadable' | 'failed';

/** The audit command's report: headings and summaries around the rules' own sentences. */
interface AuditTexts {
  /** `3 findings in 2 of 5 files` */
  summary(findings: number, filesWithFindings: number, files: number): string;
  /** The all-clear, naming how many files were audited. */
  noFindings(files: number): string;
  /** The all-clear when every call found is guarded or handled, and listed apart. */
  noFindingsProtected(files: number): string;
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
  /** The progress line on a terminal. */
  progress(done: number, total: number): string;
}
