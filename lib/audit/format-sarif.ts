import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TEXTS } from '../messages';
import { packageFileUrl, RULE_PREFIX } from '../package-meta';
import { SUBJECTS } from '../subjects';
import type { AuditReport, Finding, SkippedFile } from './report';

/** The parts of SARIF 2.1.0 this report writes (the full schema is checked in the tests). */
interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [SarifRun];
}
interface SarifRun {
  tool: { driver: { name: string; version: string; semanticVersion: string; informationUri: string; rules: SarifRule[] } };
  originalUriBaseIds: Record<string, { uri: string }>;
  columnKind: 'utf16CodeUnits';
  invocations: [{ executionSuccessful: true; toolExecutionNotifications: SarifNotification[] }];
  results: SarifResult[];
}
interface SarifRule {
  id: string;
  shortDescription: { text: string };
  /** GitHub code scanning requires it (GH2012). */
  fullDescription: { text: string };
  helpUri: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: 'error' };
  properties: { tags: string[] };
}
interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId?: string };
    region?: { startLine: number; startColumn: number; endLine?: number; endColumn?: number };
  };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  /** `note` for a call the code guards or handles (docs/spec/behaviour.md#guarded-and-handled-findings). */
  level: 'error' | 'note';
  message: { text: string };
  locations: [SarifLocation];
  properties: Record<string, unknown>;
}
interface SarifNotification {
  level: 'warning';
  message: { text: string };
  locations: [SarifLocation];
}

const SRCROOT = '%SRCROOT%';

/**
 * SARIF 2.1.0, for code-scanning services: every rule with its help URI,
 * every finding as an error located relative to the working directory
 * (`%SRCROOT%`), a guarded or handled one as a note with its `protection`,
 * and each skipped file as a warning notification.
 */
export function formatSarif(report: AuditReport, cwd: string): string {
  const ruleIds = Object.keys(report.rules).map((name) => RULE_PREFIX + name);
  const driverRules: SarifRule[] = Object.entries(report.rules).map(([name, rule]) => ({
    id: RULE_PREFIX + name,
    shortDescription: { text: rule.meta.docs.description },
    fullDescription: { text: fullDescription(rule.meta.docs.description) },
    helpUri: rule.meta.docs.url,
    help: help(rule.meta.docs.description, rule.meta.docs.url),
    defaultConfiguration: { level: 'error' },
    properties: { tags: ['feishu', 'lark', 'external-chat'] },
  }));
  const results: SarifResult[] = [...report.groups, ...report.protectedGroups].flatMap((group) =>
    group.subjects.flatMap((subject) =>
      subject.occurrences.map((finding) => {
        const { protection } = SUBJECTS.occurrence(finding.subject);
        return {
          ruleId: finding.ruleId,
          ruleIndex: ruleIds.indexOf(finding.ruleId),
          level: protection === undefined ? ('error' as const) : ('note' as const),
          message: { text: finding.message },
          locations: [location(finding, cwd)] as [SarifLocation],
          properties: { code: group.code, subject: subject.id, catalogIds: subject.catalogIds, ...(protection === undefined ? {} : { protection }) },
        };
      }),
    ),
  );
  const { audit } = TEXTS[report.locale];
  const log: SarifLog = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: packageFileUrl('README.md'),
            rules: driverRules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(cwd) } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.skipped.map((skipped) => ({
              level: 'warning' as const,
              message: { text: `${skipped.file}: ${audit.skipReason(skipped.reason, skipped.detail)}` },
              locations: [location(skipped, cwd)] as [SarifLocation],
            })),
          },
        ],
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/**
 * What the rule reports and what each result says; code scanning shows it as
 * the rule's description. The rules' descriptions are English, so is this.
 */
function fullDescription(description: string): string {
  return (
    `${description}. Each result names the call or handler, the error code, since when it fails in external chats (外部群) ` +
    'and what to do for the kind of app the audit was given (--app-type; a self-built app when none is).'
  );
}

/** The rule's help, as code scanning shows it beside an alert: where the full advice is. */
function help(description: string, url: string): { text: string; markdown: string } {
  const details =
    'lists every endpoint and node-sdk method the rule reports, the remedy for each kind of app, the im/v1 replacement of each legacy API, ' +
    'and how to allow an endpoint checked by hand';
  return {
    text: `${fullDescription(description)} The rule's documentation ${details}: ${url}`,
    markdown: `${fullDescription(description)}\n\nThe [rule's documentation](${url}) ${details}.`,
  };
}

function location(where: Pick<Finding, 'file' | 'line' | 'column' | 'endLine' | 'endColumn'> | SkippedFile, cwd: string): SarifLocation {
  const region =
    where.line === undefined
      ? undefined
      : {
          startLine: where.line,
          startColumn: where.column ?? 1,
          ...('endLine' in where && where.endLine !== undefined && where.endColumn !== undefined
            ? { endLine: where.endLine, endColumn: where.endColumn }
            : {}),
        };
  return { physicalLocation: { artifactLocation: artifact(where.file, cwd), ...(region === undefined ? {} : { region }) } };
}

/** Relative to %SRCROOT% inside the working directory; an absolute file URI outside it. */
function artifact(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  if (!file.startsWith('../') && file !== '..') return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  return { uri: pathToFileURL(path.resolve(cwd, file)).href };
}

function directoryUri(directory: string): string {
  const href = pathToFileURL(directory).href;
  return href.endsWith('/') ? href : `${href}/`;
}
