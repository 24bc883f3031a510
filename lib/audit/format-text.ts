import { TEXTS, type LocaleTexts } from '../messages';
import { SUBJECTS } from '../subjects';
import { printable } from './printable';
import type { AuditReport, Finding } from './report';
import type { Styles } from './terminal';

/**
 * The report for a person: a summary, then each error code's group with what
 * it means for the kind of app, each endpoint or event finding in it with what
 * to do, and where the code uses it (file:line:column).
 */
export function formatText(report: AuditReport, styles: Styles, width = 100): string {
  const { audit } = TEXTS[report.locale];
  const out: string[] = [];
  const say = (text: string, indent = 0, hanging = indent) => out.push(...wrap(text, indent, width, hanging));

  if (report.audited === 0) {
    say(styles.red(audit.nothingAudited(report.files)));
  } else if (report.findings === 0) {
    // Never "no API is used" where the audit found some: guarded or handled (listed), or turned off by comments (counted).
    const protectedToo = report.protectedGroups.length > 0;
    say(
      styles.green(
        report.suppressed > 0
          ? audit.noFindingsSuppressed(report.audited, protectedToo)
          : protectedToo
            ? audit.noFindingsProtected(report.audited)
            : audit.noFindings(report.audited),
      ),
    );
  } else {
    say(`${styles.bold(`${report.tool.name} audit:`)} ${styles.red(audit.summary(report.findings, report.filesWithFindings, report.audited))}`);
  }
  for (const line of audit.settingsSource(report.settingsSource)) say(styles.dim(printable(line)));
  if (report.reportGuarded && report.guarded + report.handled > 0) say(audit.protectedCounted(report.guarded, report.handled));
  if (report.groups.length > 0) say(audit.appKind[report.appKind]);
  for (const other of report.otherKinds) say(`- ${other.remedy}`, 2, 4);

  for (const group of report.groups) {
    out.push('');
    const code = group.showsCode ? `${group.code}  ` : '';
    say(styles.bold(`${styles.red(code)}${group.title}`) + styles.dim(`${spaceAfter(group.title)}· ${audit.findings(group.count)}`));
    say(group.failure, 2);
    if (group.errorText !== undefined) say(styles.dim(audit.errorText(group.errorText)), 2);
    for (const subject of group.subjects) {
      out.push('');
      say(styles.bold(subject.label) + styles.dim(`${spaceAfter(subject.label)}· ${audit.findings(subject.occurrences.length)}`), 2);
      say(audit.whatToDo(subject.remedy), 4);
      for (const occurrence of subject.occurrences) say(where(occurrence, styles, audit), 4);
    }
  }

  // Guarded and handled calls, not counted: listed, so that nothing disappears without a trace.
  if (report.protectedGroups.length > 0) {
    out.push('');
    say(styles.dim(audit.protectedApart(report.guarded, report.handled)));
    for (const group of report.protectedGroups) {
      const code = group.showsCode ? `${group.code}  ` : '';
      for (const subject of group.subjects) {
        say(`${code}${subject.label}`, 2, 4);
        for (const occurrence of subject.occurrences) say(where(occurrence, styles, audit), 4);
      }
    }
  }

  if (report.skipped.length > 0) {
    out.push('');
    say(styles.yellow(audit.skipped(report.skipped.length)));
    for (const skipped of report.skipped) {
      const position = skipped.line === undefined ? '' : `:${skipped.line}:${skipped.column ?? 1}`;
      // File names and parsers' words come from the audited tree: never raw control characters on a terminal.
      say(`${styles.cyan(`${printable(skipped.file)}${position}`)}  ${audit.skipReason(skipped.reason, printable(skipped.detail))}`, 2);
    }
    if (report.noParserCommand !== undefined) {
      // A command is never broken across lines: it is copied whole.
      say(audit.noParserHint, 2);
      out.push(`    ${printable(report.noParserCommand)}`);
    }
  }
  if (report.suppressed > 0) {
    out.push('');
    say(styles.dim(audit.suppressed(report.suppressed)));
  }
  if (report.maxFindings > 0 && report.audited > 0) {
    out.push('');
    say(audit.threshold(report.findings, report.maxFindings));
  }
  if (report.groups.length > 0) {
    // Links are never broken across lines: terminals make them clickable whole.
    out.push('', audit.ruleDocs);
    for (const group of report.groups) out.push(`  ${group.ruleId}: ${styles.dim(group.ruleDocsUrl)}`);
    out.push(audit.notice(styles.dim(report.noticeUrl)));
  }
  return `${out.join('\n')}\n`;
}

/** The space before a ` · count`: none after full-width punctuation (`（v3/v4）· 2 处`), which carries its own. */
function spaceAfter(text: string): string {
  return /[，。、；：！？）」』】》”’]$/.test(text) ? '' : ' ';
}

/** `file:line:column`, the SDK method called there, and whether the code guards or handles it there. */
function where(finding: Finding, styles: Styles, words: Pick<LocaleTexts['audit'], 'via' | 'protection'>): string {
  const position = styles.cyan(`${printable(finding.file)}:${finding.line}:${finding.column}`);
  const { sdkCall, protection } = SUBJECTS.occurrence(finding.subject);
  const details = [sdkCall === undefined ? undefined : words.via(sdkCall), protection === undefined ? undefined : words.protection[protection]];
  // Two spaces between the parts; none before full-width brackets, which carry their own (`…create()（已防护）`).
  return details
    .filter((detail) => detail !== undefined)
    .reduce((line, detail) => `${line}${/^[（【「『《]/.test(detail) ? '' : '  '}${styles.dim(detail)}`, position);
}

// ANSI styles take no room on screen; East Asian wide characters take two columns.
// eslint-disable-next-line no-control-regex -- the escape sequences the styles write
const STYLE = /\u001B\[\d+m/g;
const WIDE_CLASS = '\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6';
const WIDE = new RegExp(`[${WIDE_CLASS}]`, 'g');
// A run of spaces, one wide character (a line may break before or after it), or a run of anything else.
const TOKEN = new RegExp(`( +)|([${WIDE_CLASS}])|([^ ${WIDE_CLASS}]+)`, 'g');
// Chinese punctuation that may not start a line, and that may not end one.
const NO_BREAK_BEFORE = new Set('，。、；：！？）」』】》”’');
const NO_BREAK_AFTER = new Set('（「『【《“‘');

function columns(text: string): number {
  const visible = text.replace(STYLE, '');
  return visible.length + (visible.match(WIDE)?.length ?? 0);
}

/** Pieces a line may break between, each with the spaces before it (dropped at a break). */
function pieces(text: string): { text: string; space: string }[] {
  const result: { text: string; space: string }[] = [];
  let spaces = '';
  let glueNext = false;
  for (const [, space, wide, other] of text.matchAll(TOKEN)) {
    if (space !== undefined) {
      spaces = space;
      glueNext = false;
      continue;
    }
    const piece = (wide ?? other) as string;
    const previous = result.at(-1);
    const first = piece.replace(STYLE, '')[0] ?? '';
    if (previous !== undefined && spaces === '' && (glueNext || NO_BREAK_BEFORE.has(first) || (wide === undefined && !isWide(previous.text)))) {
      previous.text += piece;
    } else {
      result.push({ text: piece, space: spaces });
    }
    const last = piece.replace(STYLE, '').at(-1) ?? '';
    glueNext = NO_BREAK_AFTER.has(last);
    spaces = '';
  }
  return result;
}

function isWide(text: string): boolean {
  const visible = text.replace(STYLE, '');
  return new RegExp(`[${WIDE_CLASS}]$`).test(visible);
}

/**
 * Breaks `text` into lines of at most `width` columns, at spaces and between
 * wide (Chinese) characters: the first line indented by `indent`, the others
 * by `hanging`. A piece longer than the width (a URL) stays whole.
 */
export function wrap(text: string, indent: number, width: number, hanging = indent): string[] {
  const lines: string[] = [];
  let pad = ' '.repeat(indent);
  let line = '';
  for (const piece of pieces(text)) {
    const joined = line === '' ? piece.text : `${line}${piece.space}${piece.text}`;
    if (line !== '' && columns(pad + joined) > width) {
      lines.push(pad + line);
      pad = ' '.repeat(hanging);
      line = piece.text;
    } else {
      line = joined;
    }
  }
  lines.push(pad + line);
  return lines;
}
