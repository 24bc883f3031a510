/**
 * The needles `String#indexOf` is asked for from a text's start while `run` runs, where `counted(text, needle)`: the
 * passes a text search makes (a pass goes on from each hit with a start; its first call has none). Counts passes,
 * where a timed test would be flaky (docs/performance.md#028-fewer-passes-over-a-file-with-findings).
 */
export function passesOver<Result>(counted: (text: string, needle: string) => boolean, run: () => Result): { result: Result; passes: string[] } {
  const passes: string[] = [];
  const indexOf = String.prototype.indexOf;
  String.prototype.indexOf = function (this: string, needle: string, from?: number) {
    if (from === undefined && counted(this, needle)) passes.push(needle);
    return indexOf.call(this, needle, from);
  };
  try {
    return { result: run(), passes };
  } finally {
    String.prototype.indexOf = indexOf;
  }
}
