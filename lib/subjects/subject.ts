import type { Protection } from '../analysis';
import type { CatalogEntry, HttpMethod, Notice } from '../catalog';

/**
 * What a report is about, beyond its words: the catalog entries it names, or
 * the kind of legacy-event finding, each with the notice it comes from. The
 * audit groups reports by it; ESLint never sees it.
 */
export type ReportSubject = EndpointSubject | LegacyEventSubject;

export interface EndpointSubject {
  readonly kind: 'endpoint';
  readonly notice: Notice;
  readonly code: number;
  readonly entries: readonly [CatalogEntry, ...CatalogEntry[]];
  /** The HTTP method the code uses, where it is known. */
  readonly method: HttpMethod | undefined;
  /** The SDK method the code calls (`client.im.chatTab.listTabs`), for SDK findings. */
  readonly sdkCall: string | undefined;
  /** How the code guards or handles this occurrence, if it does (reported only with `reportGuarded`). */
  readonly protection: Protection | undefined;
}

/** The shapes a legacy-event finding takes, in the order the audit lists them. */
export const LEGACY_EVENT_KINDS = ['register', 'typeHandler', 'check'] as const;
export type LegacyEventKind = (typeof LEGACY_EVENT_KINDS)[number];

/** A legacy-event finding is never guarded: the event is simply not pushed. */
export interface LegacyEventSubject {
  readonly kind: 'legacy-event';
  readonly notice: Notice;
  readonly event: LegacyEventKind;
}
