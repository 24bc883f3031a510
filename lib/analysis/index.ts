export { analyzeFile, type FileAnalysis } from './file-analysis';
export type { EndpointFinding } from './endpoints';
export type { Evidence, EvidenceSignal } from './evidence';
