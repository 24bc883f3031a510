import { EXTERNAL_CHAT_NOTICE } from '../catalog';
import { compileNotice } from './compiled-notice';

export { UNKNOWN } from './unknown';
export { isDotSegment, normalizePath, resolveDotSegments, type NormalizedPath } from './normalize';
export { compileMatcher, type PathMatch, type Route } from './path-matcher';
export { compileNotice, type CompiledNotice } from './compiled-notice';

/** The external-chat notice's path matcher, compiled once per process. */
export const matchPath = compileNotice(EXTERNAL_CHAT_NOTICE).matchPath;
