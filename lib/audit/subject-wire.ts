import type { Protection } from '../analysis';
import type { CatalogEntry, HttpMethod, Notice } from '../catalog';
import type { LegacyEventKind, ReportSubject } from '../subjects';

/**
 * A report subject as it crosses from a linting process to the main one: the
 * catalog records it names, by id. The main process finds the same records in
 * its own catalog (one package, one version: the ids always resolve).
 */
export type WireSubject =
  | {
      readonly kind: 'endpoint';
      readonly notice: string;
      readonly code: number;
      readonly entries: readonly string[];
      readonly method: HttpMethod | undefined;
      readonly sdkCall: string | undefined;
      readonly protection: Protection | undefined;
    }
  | { readonly kind: 'legacy-event'; readonly notice: string; readonly event: LegacyEventKind };

export function subjectToWire(subject: ReportSubject): WireSubject {
  if (subject.kind === 'legacy-event') return { kind: 'legacy-event', notice: subject.notice.id, event: subject.event };
  return {
    kind: 'endpoint',
    notice: subject.notice.id,
    code: subject.code,
    entries: subject.entries.map((entry) => entry.id),
    method: subject.method,
    sdkCall: subject.sdkCall,
    protection: subject.protection,
  };
}

export function subjectFromWire(wire: WireSubject, notices: readonly Notice[]): ReportSubject {
  const notice = notices.find((candidate) => candidate.id === wire.notice);
  if (notice === undefined) throw new Error(`a linting process named notice ${wire.notice}, which the catalog does not hold`);
  if (wire.kind === 'legacy-event') return { kind: 'legacy-event', notice, event: wire.event };
  const entries = wire.entries.map((id) => {
    const entry = notice.entries.find((candidate) => candidate.id === id);
    if (entry === undefined) throw new Error(`a linting process named catalog entry ${id}, which notice ${notice.id} does not hold`);
    return entry;
  });
  const [first, ...rest] = entries;
  if (first === undefined) throw new Error('a linting process sent an endpoint finding without catalog entries');
  return { kind: 'endpoint', notice, code: wire.code, entries: [first, ...rest] as [CatalogEntry, ...CatalogEntry[]], method: wire.method, sdkCall: wire.sdkCall, protection: wire.protection };
}
