import type { CatalogEntry, LegacyEvent, LocalizedTemplate, Notice, Replacement } from '../catalog';
import type { AppKind } from './app-kind';
import { fillTemplate } from './template';

/**
 * What a notice means for each kind of app
 * (docs/spec/platform-facts.md#what-each-kind-of-app-can-do): whether a call
 * still fails, since when, in which words, and what to do. Rules, messages
 * and the audit all ask here; none of them decides it on its own.
 */

type Locale = keyof LocalizedTemplate;

/** With external sharing on, only what it does not unlock still fails. */
export function stillFails(entry: CatalogEntry, kind: AppKind): boolean {
  return kind !== 'self-built-external-sharing' || entry.blockedWithExternalSharing;
}

/** The cut-over dates that apply to a kind of app: every date of the notice when the kind is unknown. */
export function cutOverDates(notice: Notice, kind: AppKind): string[] {
  if (kind === 'unknown') return [notice.cutOver.default, notice.cutOver.linkedOrganization];
  return [kind === 'self-built-linked-organization' ? notice.cutOver.linkedOrganization : notice.cutOver.default];
}

/** The date for a kind of app, as the audit writes it: both dates, said in words, when the kind is unknown. */
function dateText(notice: Notice, kind: AppKind, locale: Locale): string {
  if (kind !== 'unknown') return cutOverDates(notice, kind)[0]!;
  return fillTemplate(notice.allDates, locale, { default: notice.cutOver.default, linkedOrganization: notice.cutOver.linkedOrganization });
}

/**
 * The date a rule's message gives: the kind's own, or when the kind is unknown
 * the earliest one (the self-built app's, whose advice the message gives).
 */
function findingDate(notice: Notice, kind: AppKind): string {
  return [...cutOverDates(notice, kind)].sort()[0]!;
}

/** The notice's phrase for a restricted call in a rule's message: `fails with error 231021 in external chats (外部群) since 2025-06-25.` */
export function failurePhrase(notice: Notice, code: number, kind: AppKind, locale: Locale): string {
  return fillTemplate(notice.failure, locale, { code, date: findingDate(notice, kind) });
}

/** The same for a group of calls, as the audit heads it: every date when the kind is unknown. */
export function groupFailurePhrase(notice: Notice, code: number, kind: AppKind, locale: Locale): string {
  return fillTemplate(notice.groupFailure, locale, { code, date: dateText(notice, kind, locale) });
}

/** What stops for the notice's legacy event, since when, as the audit heads its group. */
export function legacyEventProblem(notice: Notice, kind: AppKind, locale: Locale): string {
  return fillTemplate(legacyEventOf(notice).problem, locale, { date: dateText(notice, kind, locale) });
}

/** The same, short, for a rule's message: the clause after what the code does. */
export function legacyEventFinding(notice: Notice, kind: AppKind, locale: Locale): string {
  return fillTemplate(legacyEventOf(notice).finding, locale, { date: findingDate(notice, kind) });
}

function legacyEventOf(notice: Notice): LegacyEvent {
  if (notice.legacyEvent === undefined) throw new Error(`notice ${notice.id} has no legacy event`);
  return notice.legacyEvent;
}

/** What to do about a restricted call; the messages give each its words. */
export type Remedy =
  /** Store apps: no replacement exists. */
  | { readonly kind: 'store' }
  /** Apps with linked organizations: the Developer Assistant's list. */
  | { readonly kind: 'linkedOrganization' }
  /** An im/v1 endpoint external sharing unlocks. */
  | { readonly kind: 'enableExternalSharing' }
  /** An im/v1 endpoint blocked even with external sharing. */
  | { readonly kind: 'blockedEvenWithExternalSharing' }
  /** A legacy endpoint: migrate and enable external sharing. */
  | { readonly kind: 'legacyMigrate'; readonly replacement: Replacement }
  /** A legacy endpoint whose replacement fails in external chats too. */
  | { readonly kind: 'legacyMigrateStillBlocked'; readonly replacement: Replacement }
  /** A legacy endpoint, external sharing already on. */
  | { readonly kind: 'legacyWithExternalSharing'; readonly replacement: Replacement }
  /** The kind of app is unknown: a self-built app's remedy, and a pointer to set the kind. */
  | { readonly kind: 'unknownKind'; readonly selfBuilt: Remedy };

/** The remedy for one entry and kind of app. */
export function remedyFor(entry: CatalogEntry, kind: AppKind): Remedy {
  switch (kind) {
    case 'unknown':
      return { kind: 'unknownKind', selfBuilt: remedyFor(entry, 'self-built') };
    case 'store':
      return { kind: 'store' };
    case 'self-built-linked-organization':
      return { kind: 'linkedOrganization' };
    case 'self-built': {
      const { replacement } = entry;
      if (replacement === undefined) return { kind: entry.blockedWithExternalSharing ? 'blockedEvenWithExternalSharing' : 'enableExternalSharing' };
      return { kind: replacement.alsoBlocked ? 'legacyMigrateStillBlocked' : 'legacyMigrate', replacement };
    }
    case 'self-built-external-sharing': {
      const { replacement } = entry;
      if (replacement === undefined) return { kind: 'blockedEvenWithExternalSharing' };
      return { kind: replacement.alsoBlocked ? 'legacyMigrateStillBlocked' : 'legacyWithExternalSharing', replacement };
    }
  }
}

/**
 * The kind whose advice the audit prints beside each endpoint: without a kind
 * of app, a self-built app's (the commonest), with the other kinds' advice
 * printed once (`otherKinds`).
 */
export function adviceKind(kind: AppKind): Exclude<AppKind, 'unknown'> {
  return kind === 'unknown' ? 'self-built' : kind;
}

/** The kinds whose advice, the same for every endpoint, the audit prints once when the kind is unknown. */
export function otherKinds(kind: AppKind): readonly ('self-built-linked-organization' | 'store')[] {
  return kind === 'unknown' ? ['self-built-linked-organization', 'store'] : [];
}
