#!/usr/bin/env node
// Benchmark (not a test): pages per second, seconds per document and peak RSS for text dumps,
// born-digital PDFs and scans, with medians over several runs, against pdf.js getTextContent
// alone and `pdftotext -layout`. Writes bench/latest.json.   npm run bench [-- --quick] [-- --ocr]
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const quick = process.argv.includes('--quick');
const ocrOnly = process.argv.includes('--ocr');
const root = new URL('..', import.meta.url).pathname;
const RUNS = quick ? 3 : 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async (fn) => { const t = performance.now(); await fn(); return (performance.now() - t) / 1000; };
const round = (x, d = 2) => (x === null || x === undefined ? null : Number(x.toFixed(d)));

execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
const { extractBytes } = await import(join(root, 'dist/pipeline.js'));
const cli = join(root, 'dist/cli.js');
const result = { date: new Date().toISOString(), quick, cores: availableParallelism(), text: {}, pdf: {}, ocr: {}, pdf500: {}, batch1000: {} };

/** Runs the CLI in a child process; returns wall seconds, CPU seconds and peak RSS in MB (its processes'). */
function runCli(args) {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['-r', join(root, 'scripts/print-rss.cjs'), cli, ...args, '-q'], { encoding: 'utf8' });
  const seconds = (performance.now() - t) / 1000;
  // The launcher's and the command's process: RSS added (an upper bound of the two at once), CPU added.
  const sum = (key) => [...r.stderr.matchAll(new RegExp(`${key} \\d+ ([\\d.]+)`, 'g'))].reduce((a, m) => a + Number(m[1]), 0);
  const kb = sum('maxrss_kb');
  const cpu = sum('cpu_s');
  return { seconds, cpu, rss_mb: kb / 1024, status: r.status };
}

// `--ocr`: the OCR figures alone (a few minutes instead of the whole bench).
if (!ocrOnly) {
// ---- text dumps, one job, in process
const samples = readdirSync(join(root, 'samples')).filter((f) => f.endsWith('.txt')).map((f) => ({ f, bytes: readFileSync(join(root, 'samples', f)) }));
const textBytes = samples.reduce((a, s) => a + s.bytes.length, 0);
for (const s of samples) await extractBytes(s.bytes, s.f); // warm up
const textRuns = [];
for (let k = 0; k < RUNS; k++) textRuns.push(await time(async () => { for (let i = 0; i < 5; i++) for (const s of samples) await extractBytes(s.bytes, s.f); }));
const textSec = median(textRuns) / 5;
result.text = { documents: samples.length, mb: round(textBytes / 1e6, 3), mb_per_s: round(textBytes / 1e6 / textSec), s_per_document: round(textSec / samples.length, 4), docs_per_s: round(samples.length / textSec, 1) };
console.log('text', result.text);

// ---- born-digital PDFs: ours vs pdf.js getTextContent alone vs pdftotext -layout
const pdfDir = join(root, 'tests/fixtures/pdf');
const pdfs = readdirSync(pdfDir).filter((f) => /^0.*\.pdf$/.test(f)).map((f) => ({ f, bytes: readFileSync(join(pdfDir, f)) }));
const require = createRequire(import.meta.url);
// pdf.js as our extractor loads it (src/extract/pdfjs.ts, natives restored), so the floor and our
// runs share one environment.
const pdfjs = await import(join(root, 'dist/extract/pdfjs.js'));
const pkgDir = join(require.resolve('pdfjs-dist/package.json'), '..');
let pages = 0;
const floor = async () => {
  pages = 0;
  for (const p of pdfs) {
    const doc = await pdfjs.getDocument({ data: new Uint8Array(p.bytes), cMapUrl: join(pkgDir, 'cmaps/'), cMapPacked: true, standardFontDataUrl: join(pkgDir, 'standard_fonts/'), isEvalSupported: false, verbosity: 0 }).promise;
    for (let i = 1; i <= doc.numPages; i++) { const page = await doc.getPage(i); await page.getTextContent(); page.cleanup(); }
    pages += doc.numPages;
    await doc.destroy();
  }
};
await floor();
const floorRuns = []; for (let k = 0; k < RUNS; k++) floorRuns.push(await time(floor));
// Our extractor reads the operator list (glyph boxes and ruling lines), which pdf.js builds more
// slowly than the text content: that is the floor of our design.
const opList = async () => {
  for (const p of pdfs) {
    const doc = await pdfjs.getDocument({ data: new Uint8Array(p.bytes), cMapUrl: join(pkgDir, 'cmaps/'), cMapPacked: true, standardFontDataUrl: join(pkgDir, 'standard_fonts/'), isEvalSupported: false, verbosity: 0 }).promise;
    for (let i = 1; i <= doc.numPages; i++) { const page = await doc.getPage(i); await page.getOperatorList(); page.cleanup(); }
    await doc.destroy();
  }
};
const opRuns = []; for (let k = 0; k < RUNS; k++) opRuns.push(await time(opList));
const oursRuns = []; for (let k = 0; k < RUNS; k++) oursRuns.push(await time(async () => { for (const p of pdfs) await extractBytes(p.bytes, p.f); }));
let pdftotext = null;
try {
  const runs = [];
  for (let k = 0; k < RUNS; k++) runs.push(await time(async () => { for (const p of pdfs) execFileSync('pdftotext', ['-layout', join(pdfDir, p.f), '-'], { stdio: ['ignore', 'ignore', 'ignore'] }); }));
  pdftotext = pages / median(runs);
} catch { /* poppler-utils not installed */ }
result.pdf = {
  documents: pdfs.length,
  pages,
  pages_per_s: round(pages / median(oursRuns), 1),
  s_per_document: round(median(oursRuns) / pdfs.length, 3),
  pdfjs_floor_pages_per_s: round(pages / median(floorRuns), 1),
  ratio_to_floor: round(median(floorRuns) / median(oursRuns)),
  pdfjs_operator_list_pages_per_s: round(pages / median(opRuns), 1),
  ratio_to_operator_list: round(median(opRuns) / median(oursRuns)),
  pdftotext_pages_per_s: round(pdftotext, 1),
};

// ---- --jobs 2 against --jobs 1 on a folder of PDFs (worker threads)
const corpus = mkdtempSync(join(tmpdir(), 'bench-pdf-'));
const copies = quick ? 2 : 6;
for (let c = 0; c < copies; c++) for (const p of pdfs) copyFileSync(join(pdfDir, p.f), join(corpus, `${c}-${p.f}`));
const j1 = median(Array.from({ length: quick ? 1 : 3 }, () => runCli([corpus, '-o', mkdtempSync(join(tmpdir(), 'o-')), '--jobs', '1', '-f', 'json']).seconds));
const j2 = median(Array.from({ length: quick ? 1 : 3 }, () => runCli([corpus, '-o', mkdtempSync(join(tmpdir(), 'o-')), '--jobs', '2', '-f', 'json']).seconds));
result.pdf.jobs1_pages_per_s = round((pages * copies) / j1, 1);
result.pdf.jobs2_pages_per_s = round((pages * copies) / j2, 1);
result.pdf.jobs2_speedup = round(j1 / j2);
console.log('pdf', result.pdf);

// ---- a 500-page PDF: peak RSS
const { PDFDocument } = await import('pdf-lib');
const big = await PDFDocument.create();
const sources = await Promise.all(pdfs.map((p) => PDFDocument.load(p.bytes)));
outer: for (;;) for (const s of sources) {
  for (const page of await big.copyPages(s, s.getPageIndices())) { big.addPage(page); if (big.getPageCount() >= 500) break outer; }
}
const bigPath = join(mkdtempSync(join(tmpdir(), 'bench-500-')), 'big500.pdf');
writeFileSync(bigPath, await big.save());
const r500 = runCli([bigPath, '-o', mkdtempSync(join(tmpdir(), 'o-')), '--jobs', '1', '-f', 'json']);
result.pdf500 = { pages: 500, mb: round(statSync(bigPath).size / 1e6, 1), seconds: round(r500.seconds, 1), pages_per_s: round(500 / r500.seconds, 1), peak_rss_mb: round(r500.rss_mb, 0), exit: r500.status };
console.log('pdf500', result.pdf500);

// ---- 1,000 generated small documents: throughput with 1 and 2 jobs, and memory
if (!quick) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-1000-'));
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < 1000; i++) {
    const s = samples[i % samples.length];
    // Each copy differs (a changed figure) so nothing is cached by content.
    writeFileSync(join(dir, `doc${String(i).padStart(4, '0')}.txt`), s.bytes.toString('utf8').replace(/(\d+)\.(\d\d)/, (_, a, b) => `${a}.${String((Number(b) + i) % 100).padStart(2, '0')}`));
  }
  const b1 = runCli([dir, '-o', mkdtempSync(join(tmpdir(), 'o-')), '--jobs', '1']);
  const b2 = runCli([dir, '-o', mkdtempSync(join(tmpdir(), 'o-')), '--jobs', '2']);
  result.batch1000 = { documents: 1000, jobs1_docs_per_s: round(1000 / b1.seconds, 1), jobs2_docs_per_s: round(1000 / b2.seconds, 1), speedup: round(b1.seconds / b2.seconds), jobs1_peak_rss_mb: round(b1.rss_mb, 0), jobs2_peak_rss_mb: round(b2.rss_mb, 0) };
  console.log('batch1000', result.batch1000);
}
}

// ---- OCR: the committed scans (two pages each, 300 dpi and 200 dpi skewed), one CLI run with
// the default pool (a tesseract worker per core): peak RSS as used. s/page/core = wall × cores / pages.
const { PDFDocument: ScanPdf } = await import('pdf-lib');
const scans = join(root, 'tests/fixtures/scans');
const ocrFiles = readdirSync(scans).filter((f) => f.endsWith('.pdf')).sort().slice(0, quick ? 1 : undefined);
let ocrPages = 0;
for (const f of ocrFiles) ocrPages += (await ScanPdf.load(readFileSync(join(scans, f)))).getPageCount();
const ocrRuns = Array.from({ length: quick ? 1 : 3 }, () => runCli([...ocrFiles.map((f) => join(scans, f)), '-o', mkdtempSync(join(tmpdir(), 'o-')), '--jobs', '1', '-f', 'json']));
const ocrSec = median(ocrRuns.map((r) => r.seconds));
// Memory as a batch is run: the whole scans folder (gray PDFs and bitonal page images, so both
// engines) with the default jobs, one worker thread and one OCR worker per core.
const folderRun = runCli([scans, '-o', mkdtempSync(join(tmpdir(), 'o-')), '-f', 'json']);
// One 300 dpi table page in a child of its own, one warm worker: our whole path against one plain
// tesseract.js recognize() of the same page in the same run (machines differ; the ratio less so),
// with the steps' times. CPU seconds are the per-core figure on a machine others share.
const pageRun = spawnSync(process.execPath, [join(root, 'scripts/bench-ocr-page.mjs'), join(scans, '000_2f28e9293a4b3d29-300-p9-10.pdf'), '2', quick ? '1' : '3'], { encoding: 'utf8' });
const page = JSON.parse(pageRun.stdout.trim().split('\n').pop());
result.ocr = {
  files: ocrFiles.length,
  pages: ocrPages,
  s_per_page: round(ocrSec / ocrPages),
  s_per_page_per_core: round((ocrSec * result.cores) / ocrPages),
  // The CLI process's CPU, all its threads (batch job, OCR workers): the per-core figure on a shared machine.
  cpu_s_per_page: round(median(ocrRuns.map((r) => r.cpu)) / ocrPages),
  peak_rss_mb: round(Math.max(...ocrRuns.map((r) => r.rss_mb)), 0),
  folder: { files: readdirSync(scans).length, jobs: result.cores, seconds: round(folderRun.seconds, 1), peak_rss_mb: round(folderRun.rss_mb, 0) },
  exit: ocrRuns[0].status,
  table_page_300dpi: page,
};
console.log('ocr', result.ocr);

mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(join(root, ocrOnly ? 'bench/latest-ocr.json' : 'bench/latest.json'), `${JSON.stringify(result, null, 2)}\n`);
if (!ocrOnly) console.log(`cores ${result.cores}; text ${result.text.mb_per_s} MB/s; pdf ${result.pdf.pages_per_s} pages/s (pdf.js floor ${result.pdf.pdfjs_floor_pages_per_s}, pdftotext ${result.pdf.pdftotext_pages_per_s}); jobs2 ×${result.pdf.jobs2_speedup}; pdf500 peak ${result.pdf500.peak_rss_mb} MB; ocr ${result.ocr.s_per_page} s/page (${result.ocr.s_per_page_per_core} s/page/core), peak ${result.ocr.peak_rss_mb} MB, scans folder peak ${result.ocr.folder.peak_rss_mb} MB; one 300 dpi table page ${page.s_per_page} s wall, ${page.cpu_s_per_page} CPU-s, ×${page.ratio_to_plain} a plain recognize()`);
else console.log(`ocr ${result.ocr.s_per_page} s/page (${result.ocr.s_per_page_per_core} s/page/core, ${result.ocr.cpu_s_per_page} CPU-s/page), peak ${result.ocr.peak_rss_mb} MB; scans folder (${result.ocr.folder.files} files, ${result.ocr.folder.jobs} jobs) peak ${result.ocr.folder.peak_rss_mb} MB; one 300 dpi table page ${page.s_per_page} s wall, ${page.cpu_s_per_page} CPU-s, ×${page.ratio_to_plain} a plain recognize() (×${page.cpu_ratio_to_plain} CPU)`);
