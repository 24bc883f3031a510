import { CATALOG, CUT_OVER, ERROR_CODE_ORDER, ERROR_CODES, LEGACY_EVENT_DOC_URL, NOTICE_URL, type ErrorCode } from '../catalog';
import { dateFor, describeEndpoint, TEXTS, type SkipReason } from '../messages';
import { PACKAGE_NAME, PACKAGE_VERSION, ruleDocsUrl } from '../package-meta';
import type { ReportSubject } from '../rules/observed-report';
import type { AppKind, FeishuSettings, Locale } from '../settings';

/** One finding: where it is, what ESLint said, and what it is about. */
export interface Finding {
  /** Relative to the working directory, with `/` separators. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number | undefined;
  readonly endColumn: number | undefined;
  readonly ruleId: string;
  /** The rule's whole message, in the report's locale. */
  readonly message: string;
  readonly subject: ReportSubject;
}

/** A file that was not audited, and why. */
export interface SkippedFile {
  readonly file: string;
  readonly reason: SkipReason;
  /** The parser's or the system's words. */
  readonly detail: string;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
}

/** An endpoint (or a set of endpoints one call names) or a kind of event finding, and where the code uses it. */
export interface SubjectGroup {
  /** Catalog ids joined with `+`, or `legacy-event:<kind>`. */
  readonly id: string;
  readonly catalogIds: readonly string[];
  /** `POST /open-apis/message/v4/send ([Legacy] Send message)`, or what the event code does. */
  readonly label: string;
  /** What to do, for the configured kind of app (a self-built app's when none is configured). */
  readonly remedy: string;
  /** The official page of the endpoint or event. */
  readonly docUrl: string;
  readonly occurrences: readonly Finding[];
}

/** Every finding of one error code, or of the legacy event. */
export interface CodeGroup {
  readonly code: ErrorCode | 'legacy-event';
  readonly ruleId: string;
  readonly ruleDocsUrl: string;
  readonly title: string;
  /** What fails, since when, for the configured kind of app. */
  readonly failure: string;
  readonly errorText: string | undefined;
  readonly count: number;
  readonly subjects: readonly SubjectGroup[];
}

/** What the audit found, ready for any format. */
export interface AuditReport {
  readonly tool: { readonly name: string; readonly version: string };
  readonly locale: Locale;
  readonly appKind: AppKind;
  /** The flags as `settings.feishu`. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** When the restrictions took effect for this kind of app: both dates when the kind is not given. */
  readonly cutOver: readonly string[];
  /** Files found to audit. */
  readonly files: number;
  /** Files read and linted: the found ones less the skipped ones. */
  readonly audited: number;
  readonly filesWithFindings: number;
  readonly findings: number;
  readonly suppressed: number;
  readonly maxFindings: number;
  readonly groups: readonly CodeGroup[];
  /**
   * Without a kind of app, each remedy is a self-built app's; these are the
   * other kinds' advice, the same for every endpoint (empty otherwise).
   */
  readonly otherKinds: readonly { readonly appKind: AppKind; readonly remedy: string }[];
  readonly skipped: readonly SkippedFile[];
  readonly noticeUrl: string;
}

export interface AuditResults {
  readonly files: number;
  readonly audited: number;
  readonly findings: readonly Finding[];
  readonly skipped: readonly SkippedFile[];
  readonly suppressed: number;
}

const EVENT_ORDER = ['register', 'typeHandler', 'check'] as const;

/**
 * Groups findings by error code, as the notice lists them, and the legacy
 * event last; then by what they name, in catalog order; occurrences by file,
 * line and column. The same findings give the same report on every machine.
 */
export function buildReport(
  results: AuditResults,
  settings: FeishuSettings,
  rawSettings: Readonly<Record<string, unknown>>,
  maxFindings: number,
): AuditReport {
  const texts = TEXTS[settings.locale];
  const date = dateFor(settings.appKind, texts);
  const sorted = [...results.findings].sort(byPosition);
  const groups: CodeGroup[] = [];
  for (const code of [...ERROR_CODE_ORDER, 'legacy-event' as const]) {
    const inGroup = sorted.filter((finding) => codeOf(finding.subject) === code);
    const first = inGroup[0];
    if (first === undefined) continue;
    const subjects = new Map<string, { group: Omit<SubjectGroup, 'occurrences'>; occurrences: Finding[] }>();
    for (const finding of inGroup) {
      const id = subjectId(finding.subject);
      let entry = subjects.get(id);
      if (entry === undefined) {
        entry = { group: describeSubject(id, finding.subject, settings), occurrences: [] };
        subjects.set(id, entry);
      }
      entry.occurrences.push(finding);
    }
    const ruleName = first.ruleId.replace(/^[^/]*\//, '');
    groups.push({
      code,
      ruleId: first.ruleId,
      ruleDocsUrl: ruleDocsUrl(ruleName),
      title: code === 'legacy-event' ? texts.audit.eventGroup : ERROR_CODES[code].group[settings.locale],
      failure: code === 'legacy-event' ? texts.event.problem(date) : texts.audit.groupFailure(code, date),
      errorText: code === 'legacy-event' ? undefined : ERROR_CODES[code].errorText?.[settings.locale],
      count: inGroup.length,
      subjects: [...subjects.values()]
        .sort((a, b) => subjectRank(a.group.id) - subjectRank(b.group.id) || compareText(a.group.id, b.group.id))
        .map(({ group, occurrences }) => ({ ...group, occurrences })),
    });
  }
  return {
    tool: { name: PACKAGE_NAME, version: PACKAGE_VERSION },
    locale: settings.locale,
    appKind: settings.appKind,
    settings: rawSettings,
    cutOver: settings.appKind === 'unknown' ? [CUT_OVER.default, CUT_OVER.linkedOrganization] : [date],
    files: results.files,
    audited: results.audited,
    filesWithFindings: new Set(sorted.map((finding) => finding.file)).size,
    findings: sorted.length,
    suppressed: results.suppressed,
    maxFindings,
    groups,
    otherKinds:
      settings.appKind === 'unknown' && groups.some((group) => group.code !== 'legacy-event')
        ? [
            { appKind: 'self-built-linked-organization', remedy: texts.remedy.linkedOrganization },
            { appKind: 'store', remedy: texts.remedy.store },
          ]
        : [],
    skipped: [...results.skipped].sort((a, b) => compareText(a.file, b.file)),
    noticeUrl: NOTICE_URL,
  };
}

function codeOf(subject: ReportSubject): ErrorCode | 'legacy-event' {
  return subject.kind === 'endpoint' ? subject.code : 'legacy-event';
}

/** `message.v4.send`, `im.messageReaction.list+im.messageReaction.delete`, `legacy-event:register`. */
function subjectId(subject: ReportSubject): string {
  return subject.kind === 'legacy-event' ? `legacy-event:${subject.event}` : subject.entries.map((entry) => entry.id).join('+');
}

function describeSubject(id: string, subject: ReportSubject, settings: FeishuSettings): Omit<SubjectGroup, 'occurrences'> {
  const texts = TEXTS[settings.locale];
  if (subject.kind === 'legacy-event') {
    return {
      id,
      catalogIds: [],
      label: texts.audit.eventSubject[subject.event],
      remedy: subject.event === 'typeHandler' ? texts.event.fix.typeHandler : texts.event.fix.handler,
      docUrl: LEGACY_EVENT_DOC_URL,
    };
  }
  // The documented methods, not the one a particular call uses: one label for every occurrence.
  // Without a kind of app, a self-built app's remedy; the report adds the other kinds' once.
  const kind = settings.appKind === 'unknown' ? 'self-built' : settings.appKind;
  const described = describeEndpoint(subject.entries, {}, { appKind: kind, locale: settings.locale });
  return {
    id,
    catalogIds: subject.entries.map((entry) => entry.id),
    label: described.endpoint,
    remedy: described.remedy,
    docUrl: subject.entries[0].docUrl,
  };
}

// Subjects in catalog order, which follows the notice; events register, setTypeHandler, check.
const CATALOG_RANK = new Map(CATALOG.map((entry, index) => [entry.id, index]));
function subjectRank(id: string): number {
  if (id.startsWith('legacy-event:')) return EVENT_ORDER.indexOf(id.slice('legacy-event:'.length) as (typeof EVENT_ORDER)[number]);
  return CATALOG_RANK.get(id.split('+')[0] ?? '') ?? CATALOG.length;
}

function byPosition(a: Finding, b: Finding): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column;
}

/** Code-point order: the same on every machine, whatever its locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
