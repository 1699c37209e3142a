'use strict';
// Preloaded (node --require) into each process the benchmark starts: when the process exits it writes its
// peak resident set size in KB (the whole process, worker threads included) to the file named by
// BENCH_PEAK_RSS_FILE. Only the main thread writes; a worker thread loads this too and does nothing.
const file = process.env.BENCH_PEAK_RSS_FILE;
if (file && require('node:worker_threads').isMainThread) {
  process.on('exit', () => require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS)));
}
