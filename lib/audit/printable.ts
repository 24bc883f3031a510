// Characters a terminal acts on instead of showing: C0 controls (ESC, BEL, newline…), DEL, C1 controls, and the
// bidirectional overrides and isolates that reorder what is shown (CVE-2021-42574).
// eslint-disable-next-line no-control-regex -- these are the characters it finds
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex -- the same, and the quote and backslash that quoting must escape
const TO_ESCAPE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069"\\]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '"': '\\"', '\\': '\\\\' };

/**
 * Text from outside the report (a file name, a parser's message) as it may
 * reach a terminal: unchanged when it holds nothing a terminal acts on;
 * otherwise in double quotes with those characters escaped as JavaScript
 * writes them (`"esc\x1b[31mRED.js"`), so that a name can neither colour,
 * retitle or split the report nor pass for another name.
 */
export function printable(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return `"${text.replace(TO_ESCAPE, escape)}"`;
}

function escape(character: string): string {
  const named = NAMED[character];
  if (named !== undefined) return named;
  const code = character.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
