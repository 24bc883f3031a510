/**
 * One .gitignore file's patterns, matched as git matches them while it walks
 * a tree: against the path itself, never through a parent directory (a walk
 * does not enter an ignored directory, so a parent never needs asking). This
 * is what lets a deeper `!dir/` re-include a directory, and a directory named
 * on the command line be audited inside an ignored one.
 * https://git-scm.com/docs/gitignore#_pattern_format
 */

interface Pattern {
  /** `!pattern`: a match re-includes. */
  readonly negative: boolean;
  /** `pattern/`: matches directories only. */
  readonly directoryOnly: boolean;
  /** Without a `/` (but a trailing one) the pattern matches the last component at any depth. */
  readonly basename: boolean;
  readonly regex: RegExp;
}

export class GitignoreFile {
  private constructor(private readonly patterns: readonly Pattern[]) {}

  static parse(text: string): GitignoreFile {
    const patterns: Pattern[] = [];
    for (const line of text.split(/\r?\n/)) {
      const pattern = compilePattern(line);
      if (pattern !== undefined) patterns.push(pattern);
    }
    return new GitignoreFile(patterns);
  }

  /**
   * Whether the last pattern that matches `relative` (`/`-separated, relative
   * to the file's directory) ignores it (true) or re-includes it (false);
   * undefined when none matches.
   */
  verdict(relative: string, isDirectory: boolean): boolean | undefined {
    const basename = relative.slice(relative.lastIndexOf('/') + 1);
    for (let index = this.patterns.length - 1; index >= 0; index--) {
      const pattern = this.patterns[index]!;
      if (pattern.directoryOnly && !isDirectory) continue;
      if (pattern.regex.test(pattern.basename ? basename : relative)) return !pattern.negative;
    }
    return undefined;
  }
}

function compilePattern(line: string): Pattern | undefined {
  // Trailing spaces are dropped unless escaped with a backslash.
  let end = line.length;
  while (end > 0 && line[end - 1] === ' ' && line[end - 2] !== '\\') end -= 1;
  let text = line.slice(0, end);
  if (text === '' || text.startsWith('#')) return undefined;
  const negative = text.startsWith('!');
  if (negative) text = text.slice(1);
  const directoryOnly = text.endsWith('/');
  if (directoryOnly) text = text.slice(0, -1);
  if (text === '') return undefined;
  // A slash at the start or in the middle anchors the pattern to the .gitignore's directory.
  const basename = !text.includes('/');
  if (text.startsWith('/')) text = text.slice(1);
  return { negative, directoryOnly, basename, regex: new RegExp(`^${globToRegex(text)}$`) };
}

/** The glob of one pattern as a regular expression: `*`, `?`, `[…]`, `**`, and `\` escapes. */
function globToRegex(glob: string): string {
  let out = '';
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index]!;
    if (char === '*') {
      if (glob[index + 1] === '*' && (index === 0 || glob[index - 1] === '/')) {
        if (index + 2 === glob.length) {
          // `**` at the end: everything inside.
          out += '.*';
          index += 1;
          continue;
        }
        if (glob[index + 2] === '/') {
          // `**/`: zero or more directories.
          out += '(?:.*/)?';
          index += 2;
          continue;
        }
      }
      // Consecutive stars elsewhere are one star: anything but `/`.
      while (glob[index + 1] === '*') index += 1;
      out += '[^/]*';
    } else if (char === '?') {
      out += '[^/]';
    } else if (char === '[') {
      const end = glob.indexOf(']', index + 2);
      if (end === -1) {
        out += '\\[';
        continue;
      }
      let body = glob.slice(index + 1, end);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      out += `[${negated ? '^/' : ''}${body.replace(/[\\\]^]/g, (c) => `\\${c}`)}]`;
      index = end;
    } else if (char === '\\' && index + 1 < glob.length) {
      index += 1;
      out += escape(glob[index]!);
    } else {
      out += escape(char);
    }
  }
  return out;
}

function escape(char: string): string {
  return /[.*+?^${}()|[\]\\/-]/.test(char) ? `\\${char}` : char;
}
