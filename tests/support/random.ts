/**
 * A seeded generator of integers in [0, n) (mulberry32, as the fuzzer's), so that a failing generated case names a
 * seed that makes it again. An LCG written with doubles (`state * 1103515245`) loses precision past 2^53 and falls
 * into short cycles: its "20,000 texts" repeat a few hundred.
 */
export function seededInts(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}
