import type { LegacyEvent } from '../catalog';
import type { CompiledNotice } from '../matcher';
import { WeakMemo } from '../memo';
import type { FeishuSettings } from '../settings';
import type { SourceCode } from '../syntax/ast';
import { findEndpoints, type EndpointFinding } from './endpoints';
import { findEvidence, type Evidence } from './evidence';
import type { FileContext } from './file-context';
import { ImportedBindings } from './imported-bindings';
import { findLegacyEvents, type LegacyEventFinding } from './legacy-events';
import { FileProtection } from './protection';
import { findSdkCalls } from './sdk-calls';
import { typeServices, type TypeServices } from './typed';

/**
 * What one file holds, read by every rule. Each part is computed on first use
 * and then kept: the API rules share the endpoints, the event rule the events,
 * all of them the evidence.
 */
export interface FileAnalysis {
  /**
   * URLs, paths and SDK calls of a notice's restricted endpoints, each with
   * its protection where the code guards or handles it.
   */
  endpoints(notice: CompiledNotice): readonly EndpointFinding[];
  /** Subscriptions to and checks of a legacy event. */
  legacyEvents(event: LegacyEvent): readonly LegacyEventFinding[];
  /** Open Platform evidence (docs/spec/behaviour.md#open-platform-evidence). */
  evidence(): Evidence;
}

// Keyed by the Program node, then by the parsed settings: every rule linting
// the file sees the same tree, the same settings and the same file context.
const cache = new WeakMemo<object, WeakMemo<FeishuSettings, FileAnalysis>>();

/**
 * The analysis of one file. `file` says where the file is and how it was
 * parsed, for constants imported from other files; the first rule to ask
 * gives it, and every rule of the file has the same.
 */
export function analyzeFile(sourceCode: SourceCode, settings: FeishuSettings, file: FileContext): FileAnalysis {
  return cache.get(sourceCode.ast, () => new WeakMemo()).get(settings, () => createAnalysis(sourceCode, settings, file));
}

function createAnalysis(sourceCode: SourceCode, settings: FeishuSettings, file: FileContext): FileAnalysis {
  const types = once((): TypeServices | undefined => typeServices(sourceCode));
  const imported = once(() => new ImportedBindings(sourceCode, file));
  const evidence = once(() => findEvidence(sourceCode, settings));
  const hasEvidence = () => evidence().signal !== undefined;
  const endpoints = new WeakMemo<CompiledNotice, readonly EndpointFinding[]>();
  const events = new WeakMemo<LegacyEvent, readonly LegacyEventFinding[]>();
  return {
    endpoints: (notice) =>
      endpoints.get(notice, () => {
        const found = [...findEndpoints(sourceCode, notice, hasEvidence, imported()), ...findSdkCalls(sourceCode, notice, types()?.isSdkReceiver)];
        if (found.length === 0) return found;
        const protection = new FileProtection(sourceCode, notice.notice);
        return found.map((finding) => {
          const protectedBy = protection.protectionOf(finding);
          return protectedBy === undefined ? finding : { ...finding, protection: protectedBy };
        });
      }),
    legacyEvents: (event) => events.get(event, () => findLegacyEvents(sourceCode, event, hasEvidence, types()?.isSdkReceiver)),
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
