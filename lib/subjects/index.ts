export { SUBJECTS, type GroupDescription } from './kinds';
export { observeReports, reportSubject, type ObservedReport } from './observer';
export { LEGACY_EVENT_KINDS, type EndpointSubject, type LegacyEventKind, type LegacyEventSubject, type ReportSubject } from './subject';
