export { analyzeFile, type FileAnalysis } from './file-analysis';
export type { EndpointFinding } from './endpoints';
export type { LegacyEventFinding } from './legacy-events';
export type { Protection } from './protection';
export type { FileContext, ModuleParser } from './file-context';
export { mayNameEndpoints, mayNameEvent } from './prefilter';
