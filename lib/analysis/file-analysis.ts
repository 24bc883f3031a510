import type { FeishuSettings } from '../settings';
import type { SourceCode } from './ast';
import { findEndpoints, type EndpointFinding } from './endpoints';
import { findEvidence, type Evidence } from './evidence';
import { findSdkCalls } from './sdk-calls';
import { typeServices } from './typed';

/** What one file holds, computed once and read by every rule. */
export interface FileAnalysis {
  readonly endpoints: readonly EndpointFinding[];
  /** Open Platform evidence (behaviour.md §4), found on first use. */
  evidence(): Evidence;
}

// Keyed by the Program node, then by the parsed settings: every rule linting
// the file sees the same tree and the same settings, so the rules together
// cost one analysis.
const cache = new WeakMap<object, WeakMap<FeishuSettings, FileAnalysis>>();

export function analyzeFile(sourceCode: SourceCode, settings: FeishuSettings): FileAnalysis {
  let bySettings = cache.get(sourceCode.ast);
  if (bySettings === undefined) {
    bySettings = new WeakMap();
    cache.set(sourceCode.ast, bySettings);
  }
  let analysis = bySettings.get(settings);
  if (analysis === undefined) {
    let evidence: Evidence | undefined;
    const evidenceOnce = () => (evidence ??= findEvidence(sourceCode, settings));
    const types = typeServices(sourceCode);
    analysis = {
      endpoints: [
        ...findEndpoints(sourceCode, () => evidenceOnce().signal !== undefined, types),
        ...findSdkCalls(sourceCode, types?.isSdkReceiver),
      ],
      evidence: evidenceOnce,
    };
    bySettings.set(settings, analysis);
  }
  return analysis;
}
