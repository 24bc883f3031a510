import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ReportSubject } from './subject';

/** One report as a rule made it: ESLint's results join it by rule, position and messageId. */
export interface ObservedReport {
  readonly filename: string;
  /** The rule's id as configured (`feishu/no-legacy-message-chat-api`), as in ESLint's results. */
  readonly ruleId: string;
  readonly messageId: string;
  /** 1-based, as in ESLint's results. */
  readonly line: number;
  /** 1-based, as in ESLint's results. */
  readonly column: number;
  readonly subject: ReportSubject;
}

type Observer = (report: ObservedReport) => void;

// Rules run synchronously inside ESLint's lint call, so every observer hears
// every report of this thread; each keeps those of the file it is linting.
const observers = new Set<Observer>();

/**
 * Calls `onReport` for every report the rules make until the returned function
 * is called. Internal: the audit command's way to learn what each report names.
 */
export function observeReports(onReport: Observer): () => void {
  const observer: Observer = (report) => onReport(report);
  observers.add(observer);
  return () => {
    observers.delete(observer);
  };
}

/** `context.report`, telling the observer (if any) what the report is about. */
export function reportSubject<MessageId extends string>(
  context: Readonly<TSESLint.RuleContext<MessageId, readonly unknown[]>>,
  descriptor: TSESLint.ReportDescriptor<MessageId> & { node: TSESTree.Node | TSESTree.Token },
  subject: ReportSubject,
): void {
  context.report(descriptor);
  if (observers.size === 0) return;
  const { start } = descriptor.node.loc;
  const report: ObservedReport = {
    filename: context.filename,
    ruleId: context.id,
    messageId: descriptor.messageId,
    line: start.line,
    column: start.column + 1,
    subject,
  };
  for (const observer of observers) observer(report);
}
