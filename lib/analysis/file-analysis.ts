import type { FeishuSettings } from '../settings';
import type { SourceCode } from './ast';
import { findEndpoints, type EndpointFinding } from './endpoints';
import { findEvidence, type Evidence } from './evidence';
import { findLegacyEvents, type LegacyEventFinding } from './legacy-events';
import { findSdkCalls } from './sdk-calls';
import { typeServices, type TypeServices } from './typed';

/**
 * What one file holds, read by every rule. Each part is computed on first use
 * and then kept: the API rules share the endpoints, the event rule the events,
 * all of them the evidence.
 */
export interface FileAnalysis {
  /** URLs, paths and SDK calls of restricted endpoints. */
  endpoints(): readonly EndpointFinding[];
  /** Subscriptions to and checks of the legacy `message` event. */
  legacyEvents(): readonly LegacyEventFinding[];
  /** Open Platform evidence (behaviour.md §4). */
  evidence(): Evidence;
}

// Keyed by the Program node, then by the parsed settings: every rule linting
// the file sees the same tree and the same settings.
const cache = new WeakMap<object, WeakMap<FeishuSettings, FileAnalysis>>();

export function analyzeFile(sourceCode: SourceCode, settings: FeishuSettings): FileAnalysis {
  let bySettings = cache.get(sourceCode.ast);
  if (bySettings === undefined) {
    bySettings = new WeakMap();
    cache.set(sourceCode.ast, bySettings);
  }
  let analysis = bySettings.get(settings);
  if (analysis === undefined) {
    analysis = createAnalysis(sourceCode, settings);
    bySettings.set(settings, analysis);
  }
  return analysis;
}

function createAnalysis(sourceCode: SourceCode, settings: FeishuSettings): FileAnalysis {
  const types = once((): TypeServices | undefined => typeServices(sourceCode));
  const evidence = once(() => findEvidence(sourceCode, settings));
  const hasEvidence = () => evidence().signal !== undefined;
  return {
    endpoints: once(() => [...findEndpoints(sourceCode, hasEvidence, types()), ...findSdkCalls(sourceCode, types()?.isSdkReceiver)]),
    legacyEvents: once(() => findLegacyEvents(sourceCode, hasEvidence, types()?.isSdkReceiver)),
    evidence,
  };
}

function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}
