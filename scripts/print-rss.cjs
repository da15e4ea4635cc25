// Preloaded into a benchmarked process: prints its peak resident set size (KiB) on exit.
process.on('exit', () => process.stderr.write(`\nmaxrss_kb ${process.resourceUsage().maxRSS}\n`));
