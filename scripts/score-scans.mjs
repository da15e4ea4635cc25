#!/usr/bin/env node
/**
 * OCR accuracy and speed on scanned pages: extracts the scans (default tests/fixtures/scans/,
 * made by scripts/make-scans.mjs) in this process with one OCR worker, and scores them with
 * ../shared/tools/score.mjs against the hand-checked golden facts, restricted to the tables the
 * scanned pages print; one line of figures per variant.
 *
 *   npm run score:ocr                                  the committed fixtures (builds first)
 *   npm run score:ocr -- out-hard                      the hard set (make-scans.mjs --hard first)
 *   npm run score:ocr -- out-scans --variant 300       whole seeds (make-scans.mjs first)
 *   node scripts/score-scans.mjs [DIR] [--workers N] [--engine auto|tesseract|ppocr] [--det-limit PX] [--variant V] [--only TEXT] [--keep DIR] [--verbose]
 *
 * Scan names: `<seed>-<variant>[-p<a>-<b>].pdf` (the seed fixtures) or
 * `<document>--<variant>--p<a>-<b>.pdf` (the hard set; the document is a seed or one of the
 * ../shared/golden-real PDFs). A whole scan is scored against its document's golden file. For a
 * page range, the document's born-digital PDF says which tables it prints: those printed wholly
 * within pages a..b are expected (the golden copy keeps their facts only); those only partly
 * within it (cut at the range's edge) are neither expected nor counted against the output, so
 * the table-type F1 measures typing, not the range's cut.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(fileURLToPath(import.meta.url), '../..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    workers: { type: 'string', default: '1' },
    engine: { type: 'string', default: process.env.OCR_ENGINE ?? 'auto' },
    'det-limit': { type: 'string' },
    variant: { type: 'string' },
    only: { type: 'string' },
    keep: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});
const dir = positionals[0] ?? join(root, 'tests/fixtures/scans');
const dist = join(root, process.env.DIST ?? 'dist', 'index.js');
const { extract, closeOcr } = await import(dist);

const SEED_SCAN = /^(0\d\d_[0-9a-f]+)-(\d+(?:-skew)?)(?:-p(\d+)-(\d+))?\.pdf$/;
const HARD_SCAN = /^(.+)--([a-z]+-\d+)--p(\d+)-(\d+)\.pdf$/u;
const parse = (f) => {
  const m = f.match(HARD_SCAN) ?? f.match(SEED_SCAN);
  return m && { file: f, doc: m[1], variant: m[2], from: m[3] && Number(m[3]), to: m[4] && Number(m[4]) };
};
const GOLDEN_DIRS = [join(root, '../shared/golden'), join(root, '../shared/golden-real')];
const BORN_DIRS = [join(root, 'tests/fixtures/pdf'), join(root, '../shared/corpus/real-pdfs')];
const firstExisting = (dirs, name) => dirs.map((d) => join(d, name)).find(existsSync);

const scans = readdirSync(dir)
  .map(parse)
  .filter((s) => s && (!values.variant || s.variant === values.variant) && (!values.only || s.file.includes(values.only)))
  .sort((a, b) => a.variant.localeCompare(b.variant) || a.file.localeCompare(b.file));
if (scans.length === 0) throw new Error(`no scans in ${dir}`);

const work = values.keep ?? mkdtempSync(join(tmpdir(), 'score-scans-'));
// A kept folder from an earlier run would add its documents to this run's scores.
if (values.keep) rmSync(values.keep, { recursive: true, force: true });
/** Born-digital table types per document and page range: within it, and cut by its edges. */
const bornTypes = new Map();
async function typesInRange(doc, from, to) {
  const key = `${doc}:${from}-${to}`;
  if (!bornTypes.has(key)) {
    const born = await extract(firstExisting(BORN_DIRS, `${doc}.pdf`), { ocr: 'never' });
    // Empty tables too: a title printed over 本表无数据 is a table the golden files list.
    const tables = born.tables;
    const inside = (p) => p >= from && p <= to;
    const within = new Set(tables.filter((t) => t.pages.every(inside)).map((t) => t.type));
    const cut = new Set(tables.filter((t) => t.pages.some(inside) && !t.pages.every(inside)).map((t) => t.type).filter((t) => !within.has(t)));
    bornTypes.set(key, { within, cut });
  }
  return bornTypes.get(key);
}

const byVariant = new Map();
for (const s of scans) {
  const g = JSON.parse(readFileSync(firstExisting(GOLDEN_DIRS, `${s.doc}.json`), 'utf8'));
  const vdir = join(work, s.variant);
  mkdirSync(join(vdir, 'golden'), { recursive: true });
  mkdirSync(join(vdir, 'docs'), { recursive: true });
  let golden = { ...g, document: s.file };
  let cut = new Set();
  if (s.from !== undefined) {
    const types = await typesInRange(s.doc, s.from, s.to);
    cut = types.cut;
    const tables = (g.tables ?? []).filter((t) => types.within.has(t));
    golden = { ...golden, tables, incomplete: (g.incomplete ?? []).filter((t) => types.within.has(t)), facts: g.facts.filter((f) => types.within.has(f[0])) };
  }
  writeFileSync(join(vdir, 'golden', s.file.replace(/\.pdf$/, '.json')), JSON.stringify(golden));
  const started = performance.now();
  // A scan read so badly that no table is found scores as a document without tables; so does one
  // that failed (said loudly: the CLI would record it as a failed file and go on, as this does).
  const doc = await extract(join(dir, s.file), { ocrWorkers: Number(values.workers), ocrEngine: values.engine, ocrDetLimit: values['det-limit'] && Number(values['det-limit']) }).catch((e) => {
    const expected = e.code === 'no_budget_table' || e.code === 'no_text_layer';
    console.log(`${s.file}: ${expected ? '' : 'FAILED: '}${expected ? e.message : e.stack}`);
    return { source: { file: s.file }, tables: [] };
  });
  const seconds = (performance.now() - started) / 1000;
  const kept = { ...doc, tables: doc.tables.filter((t) => !cut.has(t.type)) };
  writeFileSync(join(vdir, 'docs', s.file.replace(/\.pdf$/, '.json')), JSON.stringify(kept));
  // A scan holds its range's pages; a range past the document's end (`p1-9999`, the whole document) counts those it has.
  const pages = s.from === undefined ? doc.source.pages : Math.min(s.to - s.from + 1, doc.source.pages ?? Infinity);
  const v = byVariant.get(s.variant) ?? { pages: 0, seconds: 0 };
  byVariant.set(s.variant, { pages: v.pages + pages, seconds: v.seconds + seconds });
  if (values.verbose) console.log(`${s.file}: ${pages} page(s), ${seconds.toFixed(1)} s`);
}
await closeOcr();

const FIGURES = /fact F1 ([\d.]+) \(recall ([\d.]+), precision ([\d.]+)\); table-type F1 ([\d.]+)/;
const rows = [];
for (const [variant, { pages, seconds }] of byVariant) {
  const vdir = join(work, variant);
  const score = spawnSync(process.execPath, [join(root, '../shared/tools/score.mjs'), '--golden', join(vdir, 'golden'), '--output', join(vdir, 'docs'), '--verbose'], { encoding: 'utf8' });
  if (values.verbose) process.stdout.write(`\n== ${variant}\n${score.stdout}${score.stderr}`);
  const m = score.stdout.match(FIGURES);
  if (!m) throw new Error(`score.mjs printed no figures for ${variant}: ${score.stderr}`);
  rows.push({ variant, pages, secondsPerPage: seconds / pages, f1: m[1], recall: m[2], precision: m[3], tableF1: m[4] });
}
console.log(`\n| variant | pages | s/page (${values.engine}, ${values.workers} OCR worker${values.workers === '1' ? '' : 's'}) | fact F1 | recall | precision | table-type F1 |`);
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.variant} | ${r.pages} | ${r.secondsPerPage.toFixed(1)} | ${r.f1} | ${r.recall} | ${r.precision} | ${r.tableF1} |`);
if (rows.length > 1) {
  // All variants' documents together, as one score.
  const all = join(work, 'all');
  for (const sub of ['golden', 'docs']) {
    mkdirSync(join(all, sub), { recursive: true });
    for (const r of rows) for (const f of readdirSync(join(work, r.variant, sub))) writeFileSync(join(all, sub, f), readFileSync(join(work, r.variant, sub, f)));
  }
  const score = spawnSync(process.execPath, [join(root, '../shared/tools/score.mjs'), '--golden', join(all, 'golden'), '--output', join(all, 'docs')], { encoding: 'utf8' });
  console.log(`all: ${score.stdout.match(FIGURES)?.[0] ?? score.stderr}`);
}
if (values.keep) console.log(`outputs and golden copies kept in ${values.keep}`);
