import { PACKAGE_NAME, PACKAGE_VERSION, RULE_PREFIX } from '../package-meta';
import { cutOverDates, otherKinds, remedyFor, type AppKind } from '../policy';
import { remedyText, type SettingsSource, type SkipReason } from '../messages';
import type { FeishuSettings, Locale } from '../settings';
import { SUBJECTS, type GroupDescription, type ReportSubject } from '../subjects';
import type { AuditTarget } from './audit-target';

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
interface SubjectGroup {
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

/** Every finding of one error code of a notice, or of its legacy event. */
interface CodeGroup {
  readonly code: GroupDescription['code'];
  /** The code is shown before the title (an event group has none). */
  readonly showsCode: boolean;
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
  /** The settings in force as `settings.feishu`: the project's config's, with the flags over them. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** Where the settings came from, and what of the project's ESLint config was used. */
  readonly settingsSource: SettingsSource;
  /** When TypeScript files could not be parsed: the command that audits them too, with nothing installed. */
  readonly noParserCommand: string | undefined;
  /** When the restrictions took effect for this kind of app: every date when the kind is not given. */
  readonly cutOver: readonly string[];
  /** Files found to audit. */
  readonly files: number;
  /** Files read and linted: the found ones less the skipped ones. */
  readonly audited: number;
  /** Files with findings that count. */
  readonly filesWithFindings: number;
  /** The findings that count towards `--max-findings`: the guarded and handled ones only with `reportGuarded`. */
  readonly findings: number;
  /** Findings the code guards (docs/spec/behaviour.md#guarded-and-handled-findings), counted or not. */
  readonly guarded: number;
  /** Findings a `catch` of the code handles, counted or not. */
  readonly handled: number;
  /** `settings.feishu.reportGuarded`: the guarded and handled findings are counted, in `groups`. */
  readonly reportGuarded: boolean;
  readonly suppressed: number;
  readonly maxFindings: number;
  /** The findings that count. */
  readonly groups: readonly CodeGroup[];
  /** The guarded and handled findings, grouped in the same way, when they do not count (empty with `reportGuarded`). */
  readonly protectedGroups: readonly CodeGroup[];
  /**
   * Without a kind of app, each remedy is a self-built app's; these are the
   * other kinds' advice, the same for every endpoint (empty otherwise).
   */
  readonly otherKinds: readonly { readonly appKind: AppKind; readonly remedy: string }[];
  readonly skipped: readonly SkippedFile[];
  /** The notice each group's calls come from, the first one for a report without findings. */
  readonly noticeUrl: string;
  /** The rules the audit ran, for the formats that list them (SARIF). */
  readonly rules: AuditTarget['rules'];
}

interface AuditResults {
  readonly files: number;
  readonly audited: number;
  readonly findings: readonly Finding[];
  readonly skipped: readonly SkippedFile[];
  readonly suppressed: number;
}

/**
 * Groups findings by notice and error code, as each notice lists them, and
 * the notice's legacy event last; then by what they name, in catalog order;
 * occurrences by file, line and column. The findings the code guards or
 * handles are grouped apart and not counted, unless `reportGuarded` counts
 * them (docs/spec/behaviour.md#guarded-and-handled-findings). The same
 * findings give the same report on every machine.
 */
export function buildReport(
  results: AuditResults,
  settings: FeishuSettings,
  rawSettings: Readonly<Record<string, unknown>>,
  maxFindings: number,
  target: AuditTarget,
  settingsSource: SettingsSource,
  noParserCommand?: string,
): AuditReport {
  const sorted = [...results.findings].sort(byPosition);
  const protectionOf = (finding: Finding) => SUBJECTS.occurrence(finding.subject).protection;
  const counted = sorted.filter((finding) => settings.reportGuarded || protectionOf(finding) === undefined);
  const apart = sorted.filter((finding) => !settings.reportGuarded && protectionOf(finding) !== undefined);
  const codeGroups = groupFindings(counted, settings, target);

  const firstNotice = sorted[0]?.subject.notice ?? target.notices[0];
  const firstEntry = counted.find((finding) => finding.subject.kind === 'endpoint')?.subject;
  const adviceEntry = firstEntry?.kind === 'endpoint' ? firstEntry.entries[0] : firstNotice?.entries[0];
  return {
    tool: { name: PACKAGE_NAME, version: PACKAGE_VERSION },
    locale: settings.locale,
    appKind: settings.appKind,
    settings: rawSettings,
    settingsSource,
    noParserCommand,
    cutOver: firstNotice === undefined ? [] : cutOverDates(firstNotice, settings.appKind),
    files: results.files,
    audited: results.audited,
    filesWithFindings: new Set(counted.map((finding) => finding.file)).size,
    findings: counted.length,
    guarded: sorted.filter((finding) => protectionOf(finding) === 'guarded').length,
    handled: sorted.filter((finding) => protectionOf(finding) === 'handled').length,
    reportGuarded: settings.reportGuarded,
    suppressed: results.suppressed,
    maxFindings,
    groups: codeGroups.map(({ advisesByKind: _, ...group }) => group),
    protectedGroups: groupFindings(apart, settings, target).map(({ advisesByKind: _, ...group }) => group),
    // The other kinds' advice is the same for every endpoint: said once, where some group's advice depends on the kind.
    otherKinds:
      adviceEntry !== undefined && codeGroups.some((group) => group.advisesByKind)
        ? otherKinds(settings.appKind).map((appKind) => ({ appKind, remedy: remedyText(remedyFor(adviceEntry, appKind), settings.locale) }))
        : [],
    skipped: [...results.skipped].sort((a, b) => compareText(a.file, b.file)),
    noticeUrl: firstNotice?.url ?? '',
    rules: target.rules,
  };
}

/** Sorted findings, grouped by notice and error code, then by subject. */
function groupFindings(sorted: readonly Finding[], settings: FeishuSettings, target: AuditTarget): (CodeGroup & { advisesByKind: boolean })[] {
  const noticeRank = (subject: ReportSubject) => {
    const index = target.notices.indexOf(subject.notice);
    return index === -1 ? target.notices.length : index;
  };

  const groups = new Map<string, { description: GroupDescription; noticeRank: number; ruleId: string; findings: Finding[] }>();
  for (const finding of sorted) {
    const description = SUBJECTS.group(finding.subject, settings);
    let group = groups.get(description.key);
    if (group === undefined) {
      group = { description, noticeRank: noticeRank(finding.subject), ruleId: finding.ruleId, findings: [] };
      groups.set(description.key, group);
    }
    group.findings.push(finding);
  }

  return [...groups.values()]
    .sort((a, b) => a.noticeRank - b.noticeRank || a.description.rank - b.description.rank)
    .map(({ description, ruleId, findings }): CodeGroup & { advisesByKind: boolean } => {
      const subjects = new Map<string, { group: Omit<SubjectGroup, 'occurrences'>; rank: number; occurrences: Finding[] }>();
      for (const finding of findings) {
        const subject = SUBJECTS.describe(finding.subject, settings);
        let entry = subjects.get(subject.id);
        if (entry === undefined) {
          const { rank, ...group } = subject;
          entry = { group, rank, occurrences: [] };
          subjects.set(subject.id, entry);
        }
        entry.occurrences.push(finding);
      }
      const ruleName = ruleId.startsWith(RULE_PREFIX) ? ruleId.slice(RULE_PREFIX.length) : ruleId.replace(/^[^/]*\//, '');
      return {
        code: description.code,
        showsCode: description.showsCode,
        ruleId,
        ruleDocsUrl: target.rules[ruleName]?.meta.docs.url ?? '',
        title: description.title,
        failure: description.failure,
        errorText: description.errorText,
        count: findings.length,
        subjects: [...subjects.values()]
          .sort((a, b) => a.rank - b.rank || compareText(a.group.id, b.group.id))
          .map(({ group, occurrences }) => ({ ...group, occurrences })),
        advisesByKind: description.advisesByKind,
      };
    });
}

function byPosition(a: Finding, b: Finding): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column;
}

/** Code-point order: the same on every machine, whatever its locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
