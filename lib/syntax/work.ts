/**
 * How often the analysis takes its costly steps: locating a text hit in the
 * tree, and matching a value against the catalog. The tests count them instead
 * of timing (a timed unit test is flaky); an increment costs nothing next to
 * either step.
 */
export const work = {
  /** `nodeAtOffset` calls: text hits located in the tree. */
  located: 0,
  /** Values matched against the catalog. */
  matched: 0,
};
