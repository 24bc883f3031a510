/**
 * One .gitignore file's patterns, matched as git matches them while it walks
 * a tree: against the path itself, never through a parent directory (a walk
 * does not enter an ignored directory, so a parent never needs asking). This
 * is what lets a deeper `!dir/` re-include a directory, and a directory named
 * on the command line be audited inside an ignored one.
 * https://git-scm.com/docs/gitignore#_pattern_format
 *
 * Globs are matched by a set-of-states simulation, not by regular expressions:
 * time is (path length × pattern length) whatever the pattern, and no pattern
 * a .gitignore may hold can make it throw.
 */

/** One step of a glob. */
type Token =
  | { readonly kind: 'char'; readonly char: string }
  /** `?`: one character but `/`. */
  | { readonly kind: 'one' }
  /** `[…]`: one character but `/` that the class accepts. */
  | { readonly kind: 'class'; readonly accepts: (char: string) => boolean }
  /** `*`: any characters but `/`. */
  | { readonly kind: 'star' }
  /** Two stars and a slash: zero or more whole directories. */
  | { readonly kind: 'directories' }
  /** `/**` at the end, or a pattern that is only `**`: anything. */
  | { readonly kind: 'rest' };

interface Pattern {
  /** `!pattern`: a match re-includes. */
  readonly negative: boolean;
  /** `pattern/`: matches directories only. */
  readonly directoryOnly: boolean;
  /** Without a `/` (but a trailing one) the pattern matches the last component at any depth. */
  readonly basename: boolean;
  /** Undefined for a glob git never matches (a lone trailing `\`, an unclosed `[`). */
  readonly tokens: readonly Token[] | undefined;
}

export class GitignoreFile {
  private constructor(
    private readonly patterns: readonly Pattern[],
    private readonly ignoreCase: boolean,
  ) {}

  /** `ignoreCase`: git's `core.ignorecase`, which `git init` sets on case-insensitive file systems. */
  static parse(text: string, ignoreCase = false): GitignoreFile {
    const patterns: Pattern[] = [];
    for (const raw of text.replace(/^\uFEFF/, '').split('\n')) {
      const pattern = parsePattern(raw.endsWith('\r') ? raw.slice(0, -1) : raw, ignoreCase);
      if (pattern !== undefined) patterns.push(pattern);
    }
    return new GitignoreFile(patterns, ignoreCase);
  }

  /**
   * Whether the last pattern that matches `relative` (`/`-separated, relative
   * to the file's directory) ignores it (true) or re-includes it (false);
   * undefined when none matches.
   */
  verdict(relative: string, isDirectory: boolean): boolean | undefined {
    const path = this.ignoreCase ? relative.toLowerCase() : relative;
    const basename = path.slice(path.lastIndexOf('/') + 1);
    for (let index = this.patterns.length - 1; index >= 0; index--) {
      const pattern = this.patterns[index]!;
      if (pattern.directoryOnly && !isDirectory) continue;
      if (pattern.tokens !== undefined && matches(pattern.tokens, pattern.basename ? basename : path)) return !pattern.negative;
    }
    return undefined;
  }
}

function parsePattern(line: string, ignoreCase: boolean): Pattern | undefined {
  let text = trimTrailingSpaces(line);
  if (text === '' || text.startsWith('#')) return undefined;
  const negative = text.startsWith('!');
  if (negative) text = text.slice(1);
  const directoryOnly = text.endsWith('/');
  if (directoryOnly) text = text.slice(0, -1);
  if (text === '') return undefined;
  // A slash at the start or in the middle anchors the pattern to the .gitignore's directory.
  const basename = !text.includes('/');
  if (text.startsWith('/')) text = text.slice(1);
  return { negative, directoryOnly, basename, tokens: tokenize(ignoreCase ? text.toLowerCase() : text, ignoreCase) };
}

/** git's trim_trailing_spaces: unescaped trailing spaces go; `\ ` keeps its space. */
function trimTrailingSpaces(line: string): string {
  let lastSpace = -1;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (char === ' ') {
      if (lastSpace === -1) lastSpace = index;
      continue;
    }
    if (char === '\\') {
      index += 1;
      if (index >= line.length) return line;
    }
    lastSpace = -1;
  }
  return lastSpace === -1 ? line : line.slice(0, lastSpace);
}

/** The glob as tokens, or undefined where git's wildmatch never matches. */
function tokenize(glob: string, ignoreCase: boolean): Token[] | undefined {
  const tokens: Token[] = [];
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index]!;
    if (char === '*') {
      let end = index;
      while (glob[end + 1] === '*') end += 1;
      const run = end - index + 1;
      const atStart = index === 0 || glob[index - 1] === '/';
      // Two or more stars between slashes (or the ends) cross directories; elsewhere they are one star.
      if (run >= 2 && atStart && end + 1 === glob.length) {
        tokens.push({ kind: 'rest' });
        index = end;
      } else if (run >= 2 && atStart && glob[end + 1] === '/') {
        tokens.push({ kind: 'directories' });
        index = end + 1;
      } else {
        tokens.push({ kind: 'star' });
        index = end;
      }
    } else if (char === '?') {
      tokens.push({ kind: 'one' });
    } else if (char === '[') {
      const parsed = parseClass(glob, index, ignoreCase);
      if (parsed === undefined) return undefined;
      tokens.push({ kind: 'class', accepts: parsed.accepts });
      index = parsed.end;
    } else if (char === '\\') {
      index += 1;
      if (index >= glob.length) return undefined;
      tokens.push({ kind: 'char', char: glob[index]! });
    } else {
      tokens.push({ kind: 'char', char });
    }
  }
  return tokens;
}

const POSIX_CLASSES: Readonly<Record<string, (char: string) => boolean>> = {
  alnum: (c) => /[A-Za-z0-9]/.test(c),
  alpha: (c) => /[A-Za-z]/.test(c),
  blank: (c) => c === ' ' || c === '\t',
  cntrl: (c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127,
  digit: (c) => c >= '0' && c <= '9',
  graph: (c) => c.charCodeAt(0) > 32 && c.charCodeAt(0) < 127,
  lower: (c) => c >= 'a' && c <= 'z',
  print: (c) => c.charCodeAt(0) >= 32 && c.charCodeAt(0) < 127,
  punct: (c) => /[!-/:-@[-`{-~]/.test(c),
  space: (c) => /[ \t\n\r\f\v]/.test(c),
  upper: (c) => c >= 'A' && c <= 'Z',
  xdigit: (c) => /[0-9A-Fa-f]/.test(c),
};

/**
 * `[…]` from `start` (the `[`), as git's wildmatch reads it: `!` or `^`
 * negates, a `]` first is literal, `\` escapes, `a-z` ranges (a reversed one
 * accepts its first character only), `[:alpha:]` classes. Undefined when it is not closed.
 */
function parseClass(glob: string, start: number, ignoreCase: boolean): { accepts: (char: string) => boolean; end: number } | undefined {
  let index = start + 1;
  const negated = glob[index] === '!' || glob[index] === '^';
  if (negated) index += 1;
  const tests: ((char: string) => boolean)[] = [];
  let first = true;
  for (; index < glob.length; index++) {
    let char = glob[index]!;
    if (char === ']' && !first) {
      const accepts = (c: string) => {
        if (c === '/') return false;
        const variants = ignoreCase ? [c, c.toUpperCase()] : [c];
        return variants.some((variant) => tests.some((test) => test(variant))) !== negated;
      };
      return { accepts, end: index };
    }
    first = false;
    if (char === '[' && glob[index + 1] === ':') {
      const close = glob.indexOf(':]', index + 2);
      const test = close === -1 ? undefined : POSIX_CLASSES[glob.slice(index + 2, close)];
      if (close === -1) return undefined;
      // An unknown class name matches nothing, as in git.
      tests.push(test ?? (() => false));
      index = close + 1;
      continue;
    }
    if (char === '\\') {
      index += 1;
      if (index >= glob.length) return undefined;
      char = glob[index]!;
    }
    if (glob[index + 1] === '-' && glob[index + 2] !== undefined && glob[index + 2] !== ']') {
      let high = glob[index + 2]!;
      let skip = 2;
      if (high === '\\') {
        if (glob[index + 3] === undefined) return undefined;
        high = glob[index + 3]!;
        skip = 3;
      }
      const low = char;
      // wildmatch compares the range's first character as a literal too: `[z-a]` accepts `z`.
      tests.push((c) => c === low || (c >= low && c <= high));
      index += skip;
      continue;
    }
    const literal = char;
    tests.push((c) => c === literal);
  }
  return undefined;
}

/** Whether the tokens match the whole of `text`: a simulation over the set of reachable token positions. */
function matches(tokens: readonly Token[], text: string): boolean {
  // A position is `index * 2 + inside`: `inside` is 1 in the middle of a directory name under `**/`.
  let current = closure(tokens, [0]);
  // UTF-16 units, as the tokens hold them.
  for (let at = 0; at < text.length; at++) {
    const char = text[at]!;
    const next: number[] = [];
    for (const state of current) {
      const index = state >> 1;
      const token = tokens[index];
      if (token === undefined) continue;
      switch (token.kind) {
        case 'char':
          if (char === token.char) next.push((index + 1) * 2);
          break;
        case 'one':
          if (char !== '/') next.push((index + 1) * 2);
          break;
        case 'class':
          if (token.accepts(char)) next.push((index + 1) * 2);
          break;
        case 'star':
          if (char !== '/') next.push(index * 2);
          break;
        case 'directories':
          // A `/` ends one whole directory: ready for another, or for what follows.
          next.push(char === '/' ? index * 2 : index * 2 + 1);
          break;
        case 'rest':
          next.push(index * 2);
          break;
      }
    }
    if (next.length === 0) return false;
    current = closure(tokens, next);
  }
  return current.some((state) => state >> 1 === tokens.length);
}

/** The positions reachable without reading a character: past a star, a directories token at a directory's start, or a final rest. */
function closure(tokens: readonly Token[], states: readonly number[]): number[] {
  const seen = new Set<number>();
  const work = [...states];
  for (let state = work.pop(); state !== undefined; state = work.pop()) {
    if (seen.has(state)) continue;
    seen.add(state);
    const token = tokens[state >> 1];
    const atStart = (state & 1) === 0;
    if (token !== undefined && atStart && (token.kind === 'star' || token.kind === 'directories' || token.kind === 'rest')) {
      work.push(((state >> 1) + 1) * 2);
    }
  }
  return [...seen];
}
