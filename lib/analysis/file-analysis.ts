import type { LegacyEvent } from '../catalog';
import type { CompiledNotice } from '../matcher';
import type { FeishuSettings } from '../settings';
import { LastPairMemo } from '../memo';
import type { Node, SourceCode } from '../syntax/ast';
import { findEndpoints, importedRouteReads, type EndpointFinding } from './endpoints';
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

/**
 * The analysis of one file. `file` says where the file is and how it was
 * parsed, for constants imported from other files; the first rule to ask
 * gives it, and every rule of the file has the same. The rules share one
 * analysis per lint through their file state; this keeps the last one made,
 * for a caller that asks again for the same tree and settings.
 */
export function analyzeFile(sourceCode: SourceCode, settings: FeishuSettings, file: FileContext): FileAnalysis {
  return analyses.get(settings, sourceCode.ast, () => {
    lastBindings.keepOnly(settings, sourceCode.ast);
    return new Analysis(sourceCode, settings, file);
  });
}

const analyses = new LastPairMemo<FeishuSettings, Node, Analysis>();

/**
 * The last file's imported bindings, kept beside its analysis and for the same tree and settings: each of the two
 * drops the other's value for another file, so both follow one last file, as when the analysis held the bindings
 * (until 0.2.7). A lint of the same tree after another file's reads the disk afresh.
 */
const lastBindings = new LastPairMemo<FeishuSettings, Node, ImportedBindings>();

function importedBindingsOf(sourceCode: SourceCode, settings: FeishuSettings, file: FileContext): ImportedBindings {
  return lastBindings.get(settings, sourceCode.ast, () => new ImportedBindings(sourceCode, file));
}

/**
 * The reads of constants imported from other files of the project whose files may write one of the notice's
 * routes: where the endpoint search starts in other files. The rules' pre-filter asks for them without making the
 * analysis, which most files never need (docs/performance.md#027-the-import-check-without-the-analysis); the
 * analysis made later for the file takes the same reads. The analysis kept for another file is dropped here, as
 * making this file's analysis would drop it.
 */
export function prefilterImportedReads(sourceCode: SourceCode, settings: FeishuSettings, file: FileContext, notice: CompiledNotice): readonly Node[] {
  analyses.keepOnly(settings, sourceCode.ast);
  return importedRouteReads(importedBindingsOf(sourceCode, settings, file), notice);
}

const NONE: readonly never[] = Object.freeze([]);

/**
 * Each part computed on first use and then kept. The rules make one only for a
 * file the pre-filter lets through: the pre-filter asks a project file's
 * imported bindings without it (docs/performance.md#027-the-import-check-without-the-analysis),
 * since allocation brings garbage collection nearer, and ESLint counts its pause
 * in the rule that runs then.
 */
class Analysis implements FileAnalysis {
  private types: TypeServices | undefined | null = null;
  private imported: ImportedBindings | undefined;
  private found: Evidence | undefined;
  // The findings of each notice and each event asked about: the plugin has one of each.
  private readonly findings = new Map<CompiledNotice | LegacyEvent, readonly (EndpointFinding | LegacyEventFinding)[]>();

  constructor(
    private readonly sourceCode: SourceCode,
    private readonly settings: FeishuSettings,
    private readonly file: FileContext,
  ) {}

  endpoints(notice: CompiledNotice): readonly EndpointFinding[] {
    return this.kept(notice, () => this.findEndpoints(notice));
  }

  legacyEvents(event: LegacyEvent): readonly LegacyEventFinding[] {
    return this.kept(event, () => findLegacyEvents(this.sourceCode, event, this.hasEvidence, this.typeServices()?.isSdkReceiver));
  }

  evidence(): Evidence {
    return (this.found ??= findEvidence(this.sourceCode, this.settings));
  }

  private readonly hasEvidence = (): boolean => this.evidence().signal !== undefined;

  private importedBindings(): ImportedBindings {
    return (this.imported ??= importedBindingsOf(this.sourceCode, this.settings, this.file));
  }

  private findEndpoints(notice: CompiledNotice): readonly EndpointFinding[] {
    const { sourceCode } = this;
    const urls = findEndpoints(sourceCode, notice, this.hasEvidence, this.importedBindings());
    const calls = findSdkCalls(sourceCode, notice, this.typeServices()?.isSdkReceiver);
    if (urls.length === 0 && calls.length === 0) return NONE;
    const protection = new FileProtection(sourceCode, notice.notice);
    return [...urls, ...calls].map((finding) => {
      const protectedBy = protection.protectionOf(finding);
      return protectedBy === undefined ? finding : { ...finding, protection: protectedBy };
    });
  }

  /** The findings kept for `key`, found by `find` the first time. */
  private kept<Finding extends EndpointFinding | LegacyEventFinding>(key: CompiledNotice | LegacyEvent, find: () => readonly Finding[]): readonly Finding[] {
    let findings = this.findings.get(key) as readonly Finding[] | undefined;
    if (findings === undefined) {
      findings = find();
      this.findings.set(key, findings);
    }
    return findings;
  }

  private typeServices(): TypeServices | undefined {
    if (this.types === null) this.types = typeServices(this.sourceCode);
    return this.types;
  }
}
