#!/usr/bin/env node
/**
 * Scores the office fixtures (tests/fixtures/office/seeds: the seeds as .xlsx, .xls, .ods, .html,
 * .docx, made by scripts/make-office.mjs) against the golden facts, one line per format, and
 * compares each document's check results (pass/fail per check) with its text dump's and its PDF
 * rendering's (tests/fixtures/pdf).
 *
 *   npm run score:office [-- xlsx docx]
 *
 * Exits 1 when a format scores under fact F1 0.99 or table-type F1 0.98, or a check result
 * differs from the text dump's or the PDF's.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '../..');
const FORMATS = ['xlsx', 'xls', 'ods', 'html', 'docx'];
const MIN_FACT_F1 = 0.99;
const MIN_TABLE_F1 = 0.98;
const formats = process.argv.slice(2).length ? process.argv.slice(2) : FORMATS;
const seedsDir = join(root, 'tests/fixtures/office/seeds');
const outDir = join(root, 'out-office');
const node = (...args) => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
const extract = (files, out) => {
  try {
    node('dist/cli.js', ...files, '-o', out, '-q', '--ocr', 'never');
  } catch {
    // exit 1 when a check breaks: the documents are still written
  }
};

/** check id → status, per document name (without extension). */
function checksOf(dir) {
  const out = new Map();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json') && /^\d{3}_/.test(x))) {
    const doc = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    out.set(f.replace(/\.json$/, ''), new Map(doc.validation.checks.map((c) => [c.check, c.status])));
  }
  return out;
}

const golden = join(root, '../shared/golden');
const seeds = readdirSync(join(root, 'samples')).filter((f) => f.endsWith('.txt')).sort();
extract(seeds.map((f) => join(root, 'samples', f)), join(outDir, 'txt'));
extract(seeds.map((f) => join(root, 'tests/fixtures/pdf', f.replace(/\.txt$/, '.pdf'))), join(outDir, 'pdf'));
const references = { text: checksOf(join(outDir, 'txt')), PDF: checksOf(join(outDir, 'pdf')) };
let failed = false;
for (const ext of formats) {
  const out = join(outDir, ext);
  const keyed = join(out, '.golden');
  mkdirSync(keyed, { recursive: true });
  for (const f of readdirSync(golden).filter((x) => x.endsWith('.json'))) {
    const g = JSON.parse(readFileSync(join(golden, f), 'utf8'));
    g.document = g.document.replace(/\.txt$/, `.${ext}`);
    writeFileSync(join(keyed, f), JSON.stringify(g));
  }
  extract(seeds.map((f) => join(seedsDir, f.replace(/\.txt$/, `.${ext}`))), out);
  const score = node('../shared/tools/score.mjs', '--golden', keyed, '--output', out).trim().split('\n').pop();
  const [, fact, table] = /fact F1 ([\d.]+).*table-type F1 ([\d.]+)/.exec(score) ?? [];
  const mine = checksOf(out);
  const differ = [];
  for (const [source, reference] of Object.entries(references)) {
    for (const [doc, checks] of reference) {
      const got = mine.get(doc);
      for (const [check, status] of checks) if (got?.get(check) !== status) differ.push(`${doc} ${check}: ${got?.get(check) ?? 'missing'} (${source}: ${status})`);
    }
  }
  const ok = Number(fact) >= MIN_FACT_F1 && Number(table) >= MIN_TABLE_F1 && differ.length === 0;
  failed ||= !ok;
  console.log(`${ext.padEnd(5)} ${score}; checks ${differ.length ? `differ in ${differ.length}` : 'as the text dumps and PDFs'}${ok ? '' : '  FAIL'}`);
  for (const d of differ) console.log(`      ${d}`);
}
process.exit(failed ? 1 : 0);
