import type { ErrorCode } from '../catalog';

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
}
