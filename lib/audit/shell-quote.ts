/**
 * A command line a POSIX shell reads back as these words: each word that
 * holds anything but safe characters in single quotes (`'my dir'`, `'~6.0.3'`
 * stays unquoted only where a shell leaves it alone).
 */
export function shellCommand(words: readonly string[]): string {
  return words.map(shellWord).join(' ');
}

function shellWord(word: string): string {
  if (word !== '' && /^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
