import type { SourceCode } from './ast';
import { findEndpoints, type EndpointFinding } from './endpoints';

/** What one file holds, computed once and read by every rule. */
export interface FileAnalysis {
  readonly endpoints: readonly EndpointFinding[];
}

// Keyed by the Program node: every rule linting the file sees the same tree,
// so the rules together cost one analysis.
const cache = new WeakMap<object, FileAnalysis>();

export function analyzeFile(sourceCode: SourceCode): FileAnalysis {
  let analysis = cache.get(sourceCode.ast);
  if (analysis === undefined) {
    analysis = { endpoints: findEndpoints(sourceCode) };
    cache.set(sourceCode.ast, analysis);
  }
  return analysis;
}
