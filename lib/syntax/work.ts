/**
 * How often the analysis takes its costly steps: locating a text hit in the
 * tree, matching a value against the catalog, climbing from a finding to
 * its guard or handler. The tests count them instead
 * of timing (a timed unit test is flaky); an increment costs nothing next to
 * either step.
 */
export const work = {
  /** `nodeAtOffset` calls: text hits located in the tree. */
  located: 0,
  /** Values matched against the catalog. */
  matched: 0,
  /** Ancestors climbed from a finding looking for its guard or handler. */
  climbed: 0,
};
