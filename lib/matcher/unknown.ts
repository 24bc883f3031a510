/**
 * An evaluated string is a plain string in which every piece the analysis could
 * not evaluate (a parameter, a call, `process.env.X`) stands as this one
 * character. It is a private-use code point, so it cannot occur in a real URL;
 * the evaluator replaces any literal occurrence of it with U+FFFD.
 * A plain string keeps normalization to a few linear scans.
 */
export const UNKNOWN = '\uE000';
