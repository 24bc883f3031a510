import { TEXTS } from '../messages';
import { SUBJECTS } from '../subjects';
import type { AuditReport, Finding } from './report';

/** The version of the JSON report's shape; it changes only with a breaking change (docs/audit.md). */
const JSON_REPORT_VERSION = 1;

/** The report for programs: the same groups as the text, with every sentence in the report's locale. */
export function formatJson(report: AuditReport): string {
  const json = {
    reportVersion: JSON_REPORT_VERSION,
    tool: report.tool,
    locale: report.locale,
    settings: report.settings,
    settingsSource: {
      ...report.settingsSource,
      keys: report.settingsSource.keys.map(({ key, from }) => ({ key, from })),
      notes: report.settingsSource.notes.map((note) => ({ ...note, message: TEXTS[report.locale].audit.settingsNote(note) })),
    },
    appKind: report.appKind,
    cutOver: report.cutOver,
    summary: {
      files: report.files,
      audited: report.audited,
      filesWithFindings: report.filesWithFindings,
      findings: report.findings,
      guarded: report.guarded,
      handled: report.handled,
      suppressed: report.suppressed,
      skipped: report.skipped.length,
      maxFindings: report.maxFindings,
      passed: report.findings <= report.maxFindings,
    },
    groups: report.groups.map(codeGroup),
    protectedGroups: report.protectedGroups.map(codeGroup),
    otherKinds: report.otherKinds,
    skipped: report.skipped,
    ...(report.noParserCommand === undefined ? {} : { noParserCommand: report.noParserCommand }),
    noticeUrl: report.noticeUrl,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

function codeGroup(group: AuditReport['groups'][number]) {
  return {
    code: group.code,
    ruleId: group.ruleId,
    ruleDocsUrl: group.ruleDocsUrl,
    title: group.title,
    failure: group.failure,
    ...(group.errorText === undefined ? {} : { errorText: group.errorText }),
    count: group.count,
    subjects: group.subjects.map((subject) => ({
      id: subject.id,
      catalogIds: subject.catalogIds,
      label: subject.label,
      remedy: subject.remedy,
      docUrl: subject.docUrl,
      occurrences: subject.occurrences.map(occurrence),
    })),
  };
}

/** One occurrence, with what the subject table adds: `httpMethod`, `sdkCall`, `protection`. */
function occurrence(finding: Finding) {
  return {
    file: finding.file,
    line: finding.line,
    column: finding.column,
    ...(finding.endLine === undefined ? {} : { endLine: finding.endLine, endColumn: finding.endColumn }),
    message: finding.message,
    ...SUBJECTS.occurrence(finding.subject),
  };
}
