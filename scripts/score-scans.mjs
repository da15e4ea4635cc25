#!/usr/bin/env node
/**
 * OCR accuracy and speed on scanned pages: extracts the scans (default tests/fixtures/scans/,
 * made by scripts/make-scans.mjs) with the built CLI and scores them with ../shared/tools/score.mjs
 * against the hand-checked golden facts, restricted to the tables the scanned pages print.
 *
 *   npm run score:ocr                       the committed fixtures (builds first)
 *   npm run score:ocr -- out-scans --variant 300        whole seeds (node scripts/make-scans.mjs first)
 *   node scripts/score-scans.mjs [DIR] [--jobs N] [--variant 300|200-skew]
 *
 * A whole scan `<seed>-<variant>.pdf` is scored against the seed's golden file. The tables of a
 * page range `<seed>-<variant>-p<a>-<b>.pdf` are those the seed's born-digital PDF prints within
 * pages a..b; the golden copy keeps their facts only, under the scan's file name.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(fileURLToPath(import.meta.url), '../..');
const { values, positionals } = parseArgs({ allowPositionals: true, options: { jobs: { type: 'string', default: '1' }, variant: { type: 'string' } } });
const dir = positionals[0] ?? join(root, 'tests/fixtures/scans');
const { extract } = await import(join(root, process.env.DIST ?? 'dist', 'index.js'));

const work = mkdtempSync(join(tmpdir(), 'score-scans-'));
const golden = join(work, 'golden');
mkdirSync(golden);
// `<seed>-<variant>[-p<a>-<b>].pdf`: a whole scanned seed, or pages a..b of it.
const SCAN = /^(0\d\d_[0-9a-f]+)-(\d+(?:-skew)?)(?:-p(\d+)-(\d+))?\.pdf$/;
const scans = readdirSync(dir).filter((f) => SCAN.test(f) && (!values.variant || f.match(SCAN)[2] === values.variant)).sort();
for (const scan of scans) {
  const [, seed, , from, to] = scan.match(SCAN);
  const g = JSON.parse(readFileSync(join(root, '../shared/golden', `${seed}.json`), 'utf8'));
  if (from === undefined) {
    writeFileSync(join(golden, scan.replace(/\.pdf$/, '.json')), JSON.stringify({ ...g, document: scan }));
    continue;
  }
  const born = await extract(join(root, 'tests/fixtures/pdf', `${seed}.pdf`));
  const types = new Set(born.tables.filter((t) => t.rows.length && t.pages.every((p) => p >= Number(from) && p <= Number(to))).map((t) => t.type));
  const facts = g.facts.filter((f) => types.has(f[0]));
  writeFileSync(join(golden, scan.replace(/\.pdf$/, '.json')), JSON.stringify({ ...g, document: scan, tables: [...types], facts }));
}

const out = join(work, 'out');
const started = performance.now();
const run = spawnSync(process.execPath, [join(root, process.env.DIST ?? 'dist', 'cli.js'), ...scans.map((s) => join(dir, s)), '-o', out, '-q', '--jobs', values.jobs], { encoding: 'utf8' });
const wall = (performance.now() - started) / 1000;
if (run.status !== 0) process.stderr.write(run.stderr);
const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
const pages = summary.files.reduce((a, f) => a + (f.pages ?? 0), 0);
for (const f of summary.files) console.log(`${f.file}: ${f.status}, ${f.pages} pages, ${f.seconds.toFixed(1)} s (${(f.seconds / f.pages).toFixed(1)} s/page)`);
console.log(`${scans.length} scans, ${pages} pages in ${wall.toFixed(1)} s wall with --jobs ${values.jobs}: ${(wall / pages).toFixed(1)} s/page`);
// The documents only: score.mjs reads every JSON file it is given, summary.json included.
const docs = join(work, 'docs');
mkdirSync(docs);
for (const f of readdirSync(out).filter((x) => x.endsWith('.json') && x !== 'summary.json')) writeFileSync(join(docs, f), readFileSync(join(out, f)));
const score = spawnSync(process.execPath, [join(root, '../shared/tools/score.mjs'), '--golden', golden, '--output', docs, '--verbose'], { encoding: 'utf8' });
process.stdout.write(score.stdout + score.stderr);
