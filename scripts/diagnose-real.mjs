#!/usr/bin/env node
// Per document and table type: golden facts found / golden facts, output facts matched / output
// facts (the scorer's scope). Usage: node scripts/diagnose-real.mjs OUTDIR [GOLDEN] [--doc substr] [--table t]
import fs from 'node:fs';
import path from 'node:path';
const args = process.argv.slice(2);
const outDir = args[0];
const goldenDir = args[1] && !args[1].startsWith('--') ? args[1] : '../shared/golden-real';
const opt = (n) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : undefined; };
const norm = (s) => String(s ?? '').normalize('NFKC').replace(/\s+/g, '');
const MEASURES = new Set(['total', 'basic', 'project', 'personnel', 'public', 'amount', 'name']);
for (const gf of fs.readdirSync(goldenDir).filter((f) => f.endsWith('.json')).sort()) {
  const g = JSON.parse(fs.readFileSync(path.join(goldenDir, gf), 'utf8'));
  if (opt('--doc') && !g.document.includes(opt('--doc'))) continue;
  const of = path.join(outDir, g.document.replace(/\.pdf$/, '.json'));
  const doc = fs.existsSync(of) ? JSON.parse(fs.readFileSync(of, 'utf8')) : { tables: [] };
  const facts = [];
  for (const t of doc.tables) for (const r of t.rows ?? []) {
    if (r.name) facts.push([t.type, norm(r.key), 'name', norm(r.name)]);
    for (const [m, v] of Object.entries(r.values ?? {})) facts.push([t.type, norm(r.key), m, v]);
  }
  console.log(`${g.document}  meta got ${JSON.stringify(doc.document)} want ${JSON.stringify(g.meta)}`);
  const types = new Set([...g.facts.map((f) => f[0]), ...facts.map((f) => f[0])]);
  for (const t of types) {
    if (opt('--table') && t !== opt('--table')) continue;
    const gt = g.facts.filter((f) => f[0] === t), ot = facts.filter((f) => f[0] === t && MEASURES.has(f[2]) && f[2] !== 'name' && f[3] !== 0);
    const has = (list, [tt, k, m, v]) => list.some((f) => f[0] === tt && f[1] === norm(k) && f[2] === m && (typeof v === 'number' ? Math.abs(f[3] - v) <= 0.005 : norm(f[3]) === norm(v)));
    const found = gt.filter((f) => has(facts, f));
    const tp = ot.filter((f) => has(gt, f));
    const complete = !(g.incomplete ?? []).includes(t);
    console.log(`  ${t.padEnd(26)} recall ${found.length}/${gt.length}  precision ${complete ? `${tp.length}/${ot.length}` : '(incomplete)'}  tables ${doc.tables.filter((x) => x.type === t).length}`);
    if (opt('--table')) {
      for (const f of gt) if (!has(facts, f)) console.log('     missed', JSON.stringify(f), JSON.stringify(facts.filter((x) => x[1] === norm(f[1]) && x[2] === f[2]).map((x) => x[3])));
      if (complete) for (const f of ot) if (!has(gt, f)) console.log('     extra', JSON.stringify(f));
    }
  }
}
