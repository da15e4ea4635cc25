#!/usr/bin/env node
/**
 * The `budget-extract` executable: runs `command.ts`, first relaunching itself once on Linux with
 * glibc's allocator told to give page-sized buffers back to the system when they are freed.
 *
 * Why: glibc raises its mmap threshold to the largest buffer freed (up to 32 MB) and gives each
 * thread an arena of its own, so after the first page image every page-sized buffer (a 300 dpi
 * page is 8.7 MB a copy, and the pixel work makes several) stays resident in the arena of the
 * thread that freed it. A scan batch with the default two jobs peaked at 1.10–1.16 GB on the
 * committed scans and 1.33 GB on twelve bitonal PDFs; a fixed 8 MiB threshold and two arenas
 * bring them to 0.85–0.97 and 0.97–1.10 GB at about the same CPU (0.82–0.83 GB on the bitonal
 * batch once PP-OCR's memory pattern was off: README, "OCR", memory). A lower threshold saves a
 * little more and costs PP-OCR's tensors a fresh mapping each (a bitonal batch +15–35% wall at
 * 1–2 MiB). glibc reads these variables at process start, so they cannot be set from inside this
 * process. Variables the user set win; setting MALLOC_MMAP_THRESHOLD_ (to anything) runs the
 * command in this process, without a relaunch.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ALLOCATOR = { MALLOC_MMAP_THRESHOLD_: String(8 << 20), MALLOC_ARENA_MAX: '2' };
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

async function runHere(): Promise<never> {
  const { main } = await import('./command.js');
  try {
    process.exit(await main(process.argv.slice(2)));
  } catch (e) {
    process.stderr.write(`budget-extract: ${(e as Error).message ?? String(e)}\n`);
    process.exit(1);
  }
}

function relaunch(): void {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...ALLOCATOR, ...process.env },
  });
  // Ctrl-C reaches both processes; a signal sent to this one alone is passed on. Either way the
  // child ends the run (writing nothing half) and this process exits as it did.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const s of FORWARDED) process.on(s, forward);
  child.on('error', () => {
    for (const s of FORWARDED) process.off(s, forward);
    void runHere();
  });
  child.on('exit', (code, signal) => {
    for (const s of FORWARDED) process.off(s, forward);
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}

if (process.platform === 'linux' && process.env.MALLOC_MMAP_THRESHOLD_ === undefined) relaunch();
else await runHere();
