export { analyzeFile, type FileAnalysis } from './file-analysis';
export type { EndpointFinding } from './endpoints';
export type { Evidence, EvidenceSignal } from './evidence';
export { isV1Event, type LegacyEventFinding } from './legacy-events';
export { bindingOrigin, resolveVariable, staticKey, unwrap, type Expression, type Node, type SourceCode } from './ast';
