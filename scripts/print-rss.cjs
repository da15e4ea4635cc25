// Preloaded into a benchmarked process: prints its peak resident set size (KiB) and CPU seconds
// (user + system, worker threads included) on exit, with its pid. The CLI relaunches itself once
// (src/cli.ts), and `-r` is passed on: the bench adds the two processes' figures.
if (require('node:worker_threads').isMainThread) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    process.stderr.write(`\nmaxrss_kb ${process.pid} ${u.maxRSS}\ncpu_s ${process.pid} ${(u.userCPUTime + u.systemCPUTime) / 1e6}\n`);
  });
}
