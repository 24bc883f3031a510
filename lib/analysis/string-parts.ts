import { UNKNOWN } from '../matcher';

/**
 * The pieces of string evaluation (`string-value.ts`) that other modules share:
 * the caps, and joining and sanitizing texts.
 */

/** Longer values are not URLs; the cap also bounds `const b = a + a` chains. */
const MAX_LENGTH = 4096;
/** Nesting beyond this is evaluated as unknown, so hostile input cannot exhaust the stack. */
export const MAX_DEPTH = 200;

/** A literal can't smuggle in the unknown marker. */
export function sanitize(text: string): string {
  return text.includes(UNKNOWN) ? text.replaceAll(UNKNOWN, '\uFFFD') : text;
}

/** A literal's text, or undefined when it is too long to be a URL. */
export function literalText(text: string): string | undefined {
  return text.length > MAX_LENGTH ? undefined : sanitize(text);
}

/** Concatenates two values, folding adjacent unknowns into one; undefined when too long. */
export function join(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined || b === undefined) return undefined;
  if (a.length + b.length > MAX_LENGTH) return undefined;
  return a.endsWith(UNKNOWN) && b.startsWith(UNKNOWN) ? a + b.slice(1) : a + b;
}
