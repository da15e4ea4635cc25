#!/usr/bin/env node
/**
 * Defect sweep: every printed figure of every table, altered one at a time in three ways a misprint
 * takes (two adjacent digits swapped, one digit changed, ±1 in the last printed place), and
 * whether the checks then report a failure the unaltered document does not, and whether that
 * failure names the altered figure: among the figures it compared (value and cell), or singled
 * out as the total it compares or as the located misprint. The documents are
 * the seeds' text dumps and the text layers of the ../shared/golden-real PDFs; the alteration is
 * made on the extracted lines, so the reading is the product's own.
 *
 *   npm run build && node scripts/defect-sweep.mjs [--verbose] [--seeds-only] [--per-doc N]
 *
 * --per-doc N: at most N figures a real document (evenly spread; default 150), to bound the run.
 * Prints, per corpus and kind, the alterations made, caught, named and singled out, and the error findings of
 * the unaltered documents (each should be a real break of its document).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractText, sniffEncoding } from '../dist/extract/text.js';
import { extractPdf } from '../dist/extract/pdf.js';
import { linesToDocument } from '../dist/pipeline.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const perDoc = Number(args[args.indexOf('--per-doc') + 1]) || 150;
const root = new URL('..', import.meta.url).pathname;
const KINDS = ['swap', 'digit', 'last'];

const failures = (d) => [...d.issues, ...d.tables.flatMap((t) => t.issues)].filter((i) => i.severity === 'error');
const signature = (i) => `${i.check}|${i.table}|${i.key}|${i.measure}|${i.message}`;

/** The printed text altered one way, or undefined when it cannot be (a single digit to swap). */
function alter(text, kind) {
  const digits = [...text].map((c, i) => (/\d/.test(c) ? i : -1)).filter((i) => i >= 0);
  const chars = [...text];
  if (kind === 'swap') {
    for (let k = digits.length - 2; k >= 0; k--) {
      const [a, b] = [digits[k], digits[k + 1]];
      if (chars[a] !== chars[b]) {
        [chars[a], chars[b]] = [chars[b], chars[a]];
        return chars.join('');
      }
    }
    return undefined;
  }
  if (kind === 'digit') {
    // A digit in the middle of the figure, changed by 3: neither the first (a swap's twin) nor the last.
    const at = digits[Math.floor(digits.length / 2)];
    if (at === undefined) return undefined;
    chars[at] = String((Number(chars[at]) + 3) % 10);
    const out = chars.join('');
    return /^0\d/.test(out.replace(/^-/, '')) ? undefined : out;
  }
  // ±1 in the last printed place: +1, or -1 where the last digit is 9 (no carry to follow).
  const last = digits[digits.length - 1];
  if (last === undefined) return undefined;
  chars[last] = chars[last] === '9' ? '8' : String(Number(chars[last]) + 1);
  return chars.join('');
}

const parse = (t) => Number(t.replace(/,/g, ''));

/** Every printed figure of a document: the cell it came from, found by the source it names. */
function figures(doc, extracted) {
  // A text line's cells share the line's source: the cell is the first one of that line printing the value.
  const cells = new Map();
  extracted.lines.forEach((l, li) => l.cells.forEach((c, ci) => cells.set(c.at, [...(cells.get(c.at) ?? []), [li, ci]])));
  const out = [];
  const seen = new Set();
  for (const t of doc.tables) {
    for (const r of [...t.rows, ...(t.subtotals ?? [])]) {
      for (const [m, at] of Object.entries(r.sources)) {
        const value = r.values[m];
        if (value === undefined || value === 0) continue;
        const hit = (cells.get(at) ?? []).find(([li, ci]) => !seen.has(`${li}:${ci}`) && parse(extracted.lines[li].cells[ci].text.trim()) === value);
        if (!hit) continue;
        seen.add(hit.join(':'));
        const text = extracted.lines[hit[0]].cells[hit[1]].text.trim();
        out.push({ line: hit[0], cell: hit[1], text, table: t.type, key: r.key, measure: m, at });
      }
    }
  }
  return out;
}

function withCell(extracted, f, text) {
  const lines = extracted.lines.slice();
  const line = lines[f.line];
  const cells = line.cells.slice();
  cells[f.cell] = { ...cells[f.cell], text };
  lines[f.line] = { ...line, cells, text: cells.map((c) => c.text).join(line.delimited ? '\t' : ' ') };
  return { ...extracted, lines };
}

const sameAt = (a, b) => a && b && a.line === b.line && a.page === b.page && JSON.stringify(a.bbox) === JSON.stringify(b.bbox);

async function sweep(name, extracted, limit) {
  const base = linesToDocument(extracted, name, 'sweep');
  const baseSig = new Set(failures(base).map(signature));
  let figs = figures(base, extracted);
  if (limit && figs.length > limit) figs = figs.filter((_, i) => i % Math.ceil(figs.length / limit) === 0);
  const result = { base: failures(base), kinds: Object.fromEntries(KINDS.map((k) => [k, { n: 0, caught: 0, named: 0, single: 0, mislocated: 0, misses: [] }])) };
  for (const f of figs) {
    for (const kind of KINDS) {
      const text = alter(f.text, kind);
      if (!text || parse(text) === parse(f.text)) continue;
      let doc;
      try {
        doc = linesToDocument(withCell(extracted, f, text), name, 'sweep');
      } catch {
        continue;
      }
      const value = parse(text);
      const fresh = failures(doc).filter((i) => !baseSig.has(signature(i)));
      // Singled out: the failure's own figure (a total it compares, a located misprint) is the altered one.
      const singles = (i) => i.found === value || i.expected === value || sameAt(i.at, f.at) || i.message.includes(text);
      const lists = (i) => (i.figures ?? []).some((g) => g.value === value && sameAt(g.at, f.at));
      const named = fresh.some((i) => singles(i) || lists(i));
      const s = result.kinds[kind];
      s.n++;
      // A located misprint that is not the altered figure sends the reader to the wrong cell.
      if (fresh.some((i) => i.check === 'misprint_located' && !(i.found === value && sameAt(i.at, f.at)))) {
        s.mislocated++;
        if (verbose) s.misses.push(`${name.slice(0, 24)} ${f.table} ${f.key} ${f.measure} ${f.text}→${text} (a misprint located elsewhere)`);
      }
      if (fresh.length) s.caught++;
      const single = fresh.some(singles);
      if (named) s.named++;
      if (single) s.single++;
      const how = !fresh.length ? '' : !named ? ' (caught, not named)' : ' (named among the figures, not singled out)';
      if (!single) s.misses.push(`${name.slice(0, 24)} ${f.table} ${f.key} ${f.measure} ${f.text}→${text}${how}`);
    }
  }
  return result;
}

async function corpus(label, docs) {
  const total = Object.fromEntries(KINDS.map((k) => [k, { n: 0, caught: 0, named: 0, single: 0, mislocated: 0 }]));
  let baseErrors = 0;
  const misses = [];
  for (const [name, extracted, limit] of docs) {
    const r = await sweep(name, extracted, limit);
    baseErrors += r.base.length;
    for (const k of KINDS) {
      for (const f of ['n', 'caught', 'named', 'single', 'mislocated']) total[k][f] += r.kinds[k][f];
      misses.push(...r.kinds[k].misses.map((m) => `${k} ${m}`));
    }
    if (verbose && r.base.length) console.log(`  ${name}: ${r.base.length} error findings unaltered`);
  }
  const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');
  console.log(`\n${label}: ${docs.length} documents, ${baseErrors} error findings on the unaltered documents`);
  console.log('kind    altered  caught          named (a failure names it)  singled out (as its total or the misprint)  located elsewhere');
  const cell = (k, f) => `${String(total[k][f]).padStart(5)} ${pct(total[k][f], total[k].n).padStart(7)}`;
  for (const k of KINDS) console.log(`${k.padEnd(8)}${String(total[k].n).padStart(7)}  ${cell(k, 'caught')}  ${cell(k, 'named')}  ${cell(k, 'single')}  ${cell(k, 'mislocated')}`);
  if (verbose) console.log(`missed or unnamed:\n${misses.join('\n')}`);
}

const seeds = readdirSync(join(root, 'samples')).filter((f) => f.endsWith('.txt')).sort().map((f) => {
  const bytes = readFileSync(join(root, 'samples', f));
  return [f, extractText(bytes, f, sniffEncoding(bytes)), 0];
});
await corpus('seeds (text dumps)', seeds);

const goldenReal = join(root, '../shared/golden-real');
if (!args.includes('--seeds-only') && existsSync(goldenReal)) {
  const docs = [];
  for (const g of readdirSync(goldenReal).filter((f) => f.endsWith('.json')).sort()) {
    const file = JSON.parse(readFileSync(join(goldenReal, g), 'utf8')).document;
    const bytes = new Uint8Array(readFileSync(join(root, '../shared/corpus/real-pdfs', file)));
    docs.push([file, await extractPdf(bytes, file, {}), perDoc]);
  }
  await corpus(`real PDFs of ../shared/golden-real (text layer, at most ${perDoc} figures a document)`, docs);
}
