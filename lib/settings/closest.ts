/**
 * The "did you mean" of settings and `allow` entries: the valid spellings
 * nearest to what the user wrote. Comparison ignores case, `-`, `_`, `.` and
 * spaces first (`selfbuilt`, `zh_cn`), then counts edits.
 */

/** Spelling without case and separators: `Self_Built` and `self-built` read the same. */
function loose(text: string): string {
  return text.toLowerCase().replace(/[-_.\s]/g, '');
}

/** Edit distance (insertions, deletions, substitutions), stopping early above `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

// Longer than this, a value is not a misspelling of a short name: no comparison (a 10 MB string costs nothing).
const LONGEST_COMPARED = 200;

/**
 * The candidates nearest to `given`, best first, at most `count`: each within
 * a third of its length in edits, or (with `always`) the nearest whatever the
 * distance, for lists where some suggestion always helps.
 */
export function closest(given: string, candidates: readonly string[], count: number, { always = false } = {}): string[] {
  if (given.length > LONGEST_COMPARED) return always ? candidates.slice(0, count) : [];
  const wanted = loose(given);
  const scored = candidates.map((candidate, index) => {
    const other = loose(candidate);
    // A prefix in either direction (`zh` for `zh-CN`, `im.chatTab` for `im.chatTab.listTabs`) is a near miss.
    const prefix = wanted.length > 1 && (other.startsWith(wanted) || wanted.startsWith(other));
    const limit = Math.max(1, Math.floor(Math.max(wanted.length, other.length) / 3));
    const edits = wanted === other ? 0 : distance(wanted, other, always ? Math.max(wanted.length, other.length) : limit);
    const score = edits === 0 ? 0 : prefix ? 0.5 : edits;
    return { candidate, index, score, near: edits <= limit || prefix };
  });
  return scored
    .filter((item) => always || item.near)
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .slice(0, count)
    .map((item) => item.candidate);
}
