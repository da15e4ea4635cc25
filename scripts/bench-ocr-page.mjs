#!/usr/bin/env node
/**
 * One 300 dpi scanned table page read by our OCR path and by one plain tesseract.js
 * `recognize()` of the same rendered page, in this process, each on one warm worker; run by
 * `npm run bench` in a child process of its own (its peak RSS is this page's alone). Prints one
 * JSON line: wall and CPU seconds per page (medians of RUNS), the steps' wall times, the
 * recognitions besides the page's, the ratio.
 *
 *   node scripts/bench-ocr-page.mjs [PDF] [PAGE] [RUNS]      OCR_ENGINE=ppocr: our path on PP-OCR
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const [file = join(root, 'tests/fixtures/scans/000_2f28e9293a4b3d29-300-p9-10.pdf'), pageArg = '2', runsArg = '3'] = process.argv.slice(2);
const page = Number(pageArg);
const runs = Number(runsArg);
const dist = join(root, process.env.DIST ?? 'dist');
const { ocrPage } = await import(join(dist, 'extract/ocr.js'));
const { closeOcr, langPath, OCR_LANG } = await import(join(dist, 'extract/ocr-pool.js'));
const { openPdfForRender, renderPage, encodePgm } = await import(join(dist, 'extract/raster.js'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const doc = await openPdfForRender(new Uint8Array(readFileSync(file)), {});
/** Our whole path for the page: render, pixels, the page reading, the cells read again. */
async function ours() {
  const phases = {};
  const cpuPhases = {};
  const onPhase = (name, ms, cpuMs) => {
    phases[name] = (phases[name] ?? 0) + ms;
    cpuPhases[name] = (cpuPhases[name] ?? 0) + cpuMs;
  };
  let rereads = 0;
  const wall = performance.now();
  const started = cpu();
  const image = await renderPage(doc, page, 300);
  onPhase('render', performance.now() - wall, (cpu() - started) * 1000);
  const result = await ocrPage(image, { file, page }, { workers: 1, engine: process.env.OCR_ENGINE ?? 'auto', onPhase, onReread: () => rereads++ });
  return { wall: (performance.now() - wall) / 1000, cpu: cpu() - started, phases, cpuPhases, words: result.words, rereads };
}
await ours(); // the pool's worker created and warm
const ourRuns = [];
for (let k = 0; k < runs; k++) ourRuns.push(await ours());
await closeOcr();

// The yardstick: tesseract.js with its defaults (automatic layout) on the same rendered page.
const require = createRequire(join(root, 'package.json'));
const tesseract = require('tesseract.js');
const worker = await tesseract.createWorker(OCR_LANG, tesseract.OEM.LSTM_ONLY, { langPath: langPath(), gzip: true, cacheMethod: 'none' });
const pgm = Buffer.from(encodePgm(await renderPage(doc, page, 300)));
await worker.recognize(pgm);
const plainRuns = [];
for (let k = 0; k < runs; k++) {
  const wall = performance.now();
  const started = cpu();
  await worker.recognize(pgm);
  plainRuns.push({ wall: (performance.now() - wall) / 1000, cpu: cpu() - started });
}
await worker.terminate();
await doc.destroy();

const phase = (name, key = 'phases') => Number((median(ourRuns.map((r) => r[key][name] ?? 0)) / 1000).toFixed(2));
const oursWall = median(ourRuns.map((r) => r.wall));
const plainWall = median(plainRuns.map((r) => r.wall));
console.log(
  JSON.stringify({
    file: file.split('/').pop(),
    engine: process.env.OCR_ENGINE ?? 'auto',
    page,
    runs,
    s_per_page: Number(oursWall.toFixed(2)),
    cpu_s_per_page: Number(median(ourRuns.map((r) => r.cpu)).toFixed(2)),
    steps_s: { render: phase('render'), pixels: phase('pixels'), page: phase('page'), cells: phase('cells') },
    // Recognitions besides the page's: cells, words and lines read again alone.
    rereads: median(ourRuns.map((r) => r.rereads)),
    steps_cpu_s: { render: phase('render', 'cpuPhases'), pixels: phase('pixels', 'cpuPhases'), page: phase('page', 'cpuPhases'), cells: phase('cells', 'cpuPhases') },
    plain_recognize_s: Number(plainWall.toFixed(2)),
    plain_recognize_cpu_s: Number(median(plainRuns.map((r) => r.cpu)).toFixed(2)),
    ratio_to_plain: Number((oursWall / plainWall).toFixed(2)),
    cpu_ratio_to_plain: Number((median(ourRuns.map((r) => r.cpu)) / median(plainRuns.map((r) => r.cpu))).toFixed(2)),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
