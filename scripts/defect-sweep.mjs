#!/usr/bin/env node
/**
 * Defect sweep: every printed figure of every table of the seeds, altered one at a time (+1.00),
 * and whether the checks then report a failure the unaltered seed does not (and whether it
 * names the altered figure). Prints the rates per table and measure; --verbose lists the misses.
 *
 *   npm run build && node scripts/defect-sweep.mjs [--verbose] [seed.txt …]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extractBytes } from '../dist/pipeline.js';
const verbose = process.argv.includes('--verbose');
const named = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const seeds = named.length ? named : readdirSync(new URL('../samples/', import.meta.url)).filter((f) => f.endsWith('.txt')).sort();
const failures = (d) => [...d.issues, ...d.tables.flatMap((t) => t.issues)].filter((i) => i.severity === 'error');
const stats = {};
const misses = [];
let total = 0, caught = 0, namedIt = 0;
for (const seed of seeds) {
  const text = readFileSync(new URL(`../samples/${seed}`, import.meta.url), 'utf8');
  const base = await extractBytes(Buffer.from(text), seed);
  const baseSig = new Set(failures(base).map((i) => i.message));
  const lines = text.split('\n');
  const seen = new Set();
  for (const t of base.tables) for (const r of t.rows) for (const [m, at] of Object.entries(r.sources)) {
    const v = r.values[m];
    if (!at.line || v === undefined || v === 0) continue;
    const k = `${at.line}|${v}`;
    if (seen.has(k)) continue; seen.add(k);
    const target = lines[at.line - 1];
    const variants = [v.toFixed(2), v.toLocaleString('en-US', { minimumFractionDigits: 2 }), v.toFixed(1), String(v)];
    const printed = variants.find((p) => new RegExp(`(^|[^\\d.,])${p.replace(/[.,]/g, '\\$&')}(?![\\d.])`).test(target));
    if (!printed) continue;
    const nv = (v + 1).toFixed(2);
    const copy = [...lines];
    copy[at.line - 1] = target.replace(new RegExp(`(^|[^\\d.,])${printed.replace(/[.,]/g, '\\$&')}(?![\\d.])`), `$1${nv}`);
    const d = await extractBytes(Buffer.from(copy.join('\n')), seed);
    const fresh = failures(d).filter((i) => !baseSig.has(i.message));
    const hit = fresh.some((i) => i.found === Number(nv) || i.expected === Number(nv) || i.message.includes(nv));
    const key = `${t.type}.${m}`;
    stats[key] ??= { n: 0, any: 0, named: 0 };
    stats[key].n++; if (fresh.length) stats[key].any++; if (hit) stats[key].named++;
    total++; if (fresh.length) caught++; if (hit) namedIt++;
    if (!fresh.length) misses.push(`${seed.slice(0,3)} ${t.type} ${r.key} ${m} ${v}`);
  }
}
for (const [k, s] of Object.entries(stats).sort()) console.log(k.padEnd(40), s.n, 'any', s.any, 'named', s.named);
console.log(`${total} alterations: ${caught} caught (${((100 * caught) / total).toFixed(1)}%), ${namedIt} by a failure naming the figure (${((100 * namedIt) / total).toFixed(1)}%)`);
if (verbose) console.log(`missed:\n${misses.join('\n')}`);
