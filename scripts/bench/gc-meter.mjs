// Preloaded (`node --import`) into each ESLint CLI process of `npm run bench -- --process`: sums the process's
// garbage-collection pauses and counts its full collections, so that the bench can tell a run's time outside the
// collector from the collector's, whose cost moves with where V8 happens to set its heap's limit
// (docs/performance.md#the-file-before-kept-through-the-next-parse).
import { writeFileSync } from 'node:fs';
import { PerformanceObserver, constants } from 'node:perf_hooks';

const out = process.env.FEISHU_BENCH_GC_FILE;
if (!out) throw new Error('gc-meter.mjs: FEISHU_BENCH_GC_FILE names no file to write to');
const totals = { pauseMs: 0, full: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    totals.pauseMs += entry.duration;
    if (entry.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) totals.full++;
  }
}).observe({ entryTypes: ['gc'] });
// The observer's entries arrive after the collection, as a callback: ESLint's bin ends by returning, so they are all in
// by 'exit' (a process.exit() would drop the last ones).
process.on('exit', () => writeFileSync(out, JSON.stringify(totals)));
