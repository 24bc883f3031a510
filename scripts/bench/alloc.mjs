// npm run bench -- --alloc [--rounds N]: what the plugin's rules allocate in a lint of the bench corpus as installed,
// beside the peer n/no-deprecated-api, by V8's sampling heap profiler with collected objects counted (every 4 kB
// allocated, a sample and its stack). A young-generation collection starts at an allocation and ESLint counts its
// pause in the rule that runs then, so each rule's share of the bytes is its expected share of those pauses
// (docs/performance.md#the-rules-allocation). One warm-up lint first, then the rounds, in one process.
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { corpusFiles, countArg, ensureCorpus, root } from './corpus.mjs';

const rounds = countArg('--rounds', 3);
const files = corpusFiles(ensureCorpus());
const configFile = path.join(root, 'scripts/bench/lint-config.mjs');
const lint = () => new ESLint({ cwd: path.parse(root).root, overrideConfigFile: configFile }).lintFiles(files);
// A CommonJS module's frames name its path, an ES module's its file URL.
const dist = path.join(root, 'dist') + path.sep;
const distUrl = pathToFileURL(dist).href;
// The bench's config wraps each rule's create() to count it: V8 names only the outermost function of an optimized
// frame, so the plugin's code inlined into that wrapper is counted through it. Code inlined into ESLint's own is not:
// the plugin's figure is a lower bound.
const wrapper = pathToFileURL(configFile).href;
// ESLint loads a config file by its URL with `?mtime=…` added, and V8 names the module's frames so.
const isWrapper = (url) => url === wrapper || url.startsWith(`${wrapper}?`);
const peerPackage = `${path.sep}eslint-plugin-n${path.sep}`;

let scavenges = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) scavenges++;
}).observe({ entryTypes: ['gc'] });

const session = new Session();
session.connect();
await lint();
const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
for (let round = 1; round <= rounds; round++) {
  await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  scavenges = 0;
  await lint();
  const { profile } = await session.post('HeapProfiler.stopSampling');
  // Let the observer hear of the last collections.
  await delay(100);
  let total = 0;
  let plugin = 0;
  let peer = 0;
  // A sample counts for the plugin when a frame of its build (or of the wrapper) is on the stack, for the peer when one
  // of eslint-plugin-n is.
  const walk = (node, inPlugin, inPeer) => {
    const url = node.callFrame.url;
    const plugged = inPlugin || url.startsWith(dist) || url.startsWith(distUrl) || isWrapper(url);
    const peered = inPeer || url.includes(peerPackage);
    total += node.selfSize;
    if (plugged) plugin += node.selfSize;
    else if (peered) peer += node.selfSize;
    for (const child of node.children) walk(child, plugged, peered);
  };
  walk(profile.head, false, false);
  const share = (bytes) => `${mb(bytes)} (${((bytes / total) * 100).toFixed(3)}%, ${((bytes / total) * scavenges).toFixed(2)} of the lint's collections expected)`;
  console.log(`round ${round}: ${mb(total)} allocated, ${scavenges} young-generation collections; feishu rules ${share(plugin)}; n/no-deprecated-api ${share(peer)}`);
}
session.disconnect();
