import type { LegacyEvent } from '../catalog';
import type { CompiledNotice } from '../matcher';
import type { SourceCode } from '../syntax/ast';
import { escapedNodes } from '../syntax/escapes';
import { followsImports } from './imported-bindings';
import { mayHoldLegacyEvent } from './legacy-events';
import { fileHasMarkerSeed } from './marker-seeds';
import { fileSdkWords } from './sdk-calls';

/**
 * Whether the endpoint search may find anything in a file: false only when
 * every place it starts from is empty (no marker in the text that is part of
 * a value, no SDK word, no escaped name or string, no imported constant
 * followed; `path` is the file's,
 * FileContext.path). A rule then adds no listener, and the file costs these
 * few text searches (docs/performance.md#the-rules-own-time). Most files of an
 * installed dependency are such files; a project's files that import anything
 * are not, since their imports are followed.
 */
export function mayNameEndpoints(sourceCode: SourceCode, compiled: CompiledNotice, path: string | undefined): boolean {
  // The path first: a project's file that follows its imports needs no text search here.
  return (
    followsImports(path) ||
    fileHasMarkerSeed(sourceCode, compiled) ||
    fileSdkWords(sourceCode, compiled).length > 0 ||
    escapedNodes(sourceCode).length > 0
  );
}

/** Whether the event search may find anything: the text names the event's type, and where a search starts from it. */
export function mayNameEvent(sourceCode: SourceCode, event: LegacyEvent): boolean {
  return mayHoldLegacyEvent(sourceCode, event);
}
