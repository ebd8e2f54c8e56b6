// Preloaded with `node --require` by bench/spawn.ts: writes the process's peak resident set size
// (KiB, from getrusage) to the file named by BENCH_PEAK_RSS_FILE when the process exits.
'use strict';
process.on('exit', () => {
  require('node:fs').writeFileSync(process.env.BENCH_PEAK_RSS_FILE, String(process.resourceUsage().maxRSS));
});
