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
 * a value, no SDK word, no escaped name or string, and in a project's file
 * no read of an imported constant whose file may write a route; `path` is
 * the file's, FileContext.path). A rule then adds no listener, and the file
 * costs these few text searches, and in a project's file the resolution of
 * its imports read where they may be strings (docs/performance.md#the-rules-own-time,
 * docs/performance.md#a-projects-own-files).
 *
 * @param importer answers whether the file reads a constant imported from
 *   another file of the project that may write a route (prefilterImportedReads,
 *   whose reads the search takes); asked last, and only where imports are
 *   followed. An object with a method rather than a function, so that a
 *   caller passes itself and makes no closure per file
 *   (docs/performance.md#the-rules-allocation).
 */
export function mayNameEndpoints(
  sourceCode: SourceCode,
  compiled: CompiledNotice,
  path: string | undefined,
  importer: ImportedRouteReader,
): boolean {
  return (
    fileHasMarkerSeed(sourceCode, compiled) ||
    fileSdkWords(sourceCode, compiled).length > 0 ||
    escapedNodes(sourceCode).length > 0 ||
    (followsImports(path) && importer.readsImportedRoute(compiled))
  );
}

/** Whether a file reads an imported constant whose file may write one of a notice's routes (mayNameEndpoints). */
export interface ImportedRouteReader {
  readsImportedRoute(compiled: CompiledNotice): boolean;
}

/** Whether the event search may find anything: the text names the event's type, and where a search starts from it. */
export function mayNameEvent(sourceCode: SourceCode, event: LegacyEvent): boolean {
  return mayHoldLegacyEvent(sourceCode, event);
}
