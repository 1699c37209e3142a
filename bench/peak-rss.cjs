'use strict';
// Preloaded (node --require) into each process the benchmark starts: when the process exits it writes its
// peak resident set size in KB and the CPU time it used in microseconds (user and system, the whole
// process, worker threads included) to the file named by BENCH_PEAK_RSS_FILE, as "KB µs". Only the main
// thread writes; a worker thread loads this too and does nothing.
const file = process.env.BENCH_PEAK_RSS_FILE;
if (file && require('node:worker_threads').isMainThread) {
  process.on('exit', () => {
    const use = process.resourceUsage();
    require('node:fs').writeFileSync(file, `${use.maxRSS} ${use.userCPUTime + use.systemCPUTime}`);
  });
}
