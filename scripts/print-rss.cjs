// Preloaded into a benchmarked process: prints its peak resident set size (KiB) and CPU seconds
// (user + system, worker threads included) on exit.
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\nmaxrss_kb ${u.maxRSS}\ncpu_s ${(u.userCPUTime + u.systemCPUTime) / 1e6}\n`);
});
