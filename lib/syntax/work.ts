/**
 * How often the analysis takes its costly steps: locating a text hit in the
 * tree, matching a value against the catalog, climbing from a finding to its
 * guard or handler, stepping from node to node, scanning the text, and parsing
 * a file another file imports. The tests count them instead of timing (a
 * timed unit test is flaky); an increment costs nothing next to any of these steps.
 */
export const work = {
  /** `nodeAtOffset` calls: text hits located in the tree. */
  located: 0,
  /** Values matched against the catalog. */
  matched: 0,
  /** Ancestors climbed from a finding looking for its guard or handler. */
  climbed: 0,
  /**
   * Nodes stepped through: a locator's descent (each child and array element
   * looked at, holes included), each token looked at to find a regular
   * expression, each parent climbed to find a string site or a binding, each
   * expression evaluated.
   */
  visited: 0,
  /** Characters of the text that text searches passed over (once per search, whatever it looks for). */
  scanned: 0,
  /** Imported files parsed (each at most once per thread while unchanged). */
  parsedImports: 0,
  /** Files looked at on disk (`stat`) to resolve an import or to see whether an imported file changed. */
  stamped: 0,
};

/** Sets every counter to 0. */
export function resetWork(): void {
  work.located = 0;
  work.matched = 0;
  work.climbed = 0;
  work.visited = 0;
  work.scanned = 0;
  work.parsedImports = 0;
  work.stamped = 0;
}
