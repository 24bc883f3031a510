import type { ErrorCode } from '../catalog';

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
  /** `fails with error 232102 in external chats since <date>; …` */
  failure(code: ErrorCode, date: string): string;
  /** The date for an unknown kind of app: both cut-overs. */
  bothDates: string;
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
  /** The legacy `message` event rule. */
  event: {
    subject: { register: string; check: string; typeHandler: string };
    /** What breaks, since when. */
    problem(date: string): string;
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
}
