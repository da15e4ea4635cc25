// Prints the tables found in a file: type, title, line range, rows. For development.
import { extract } from '../dist/index.js';
const doc = await extract(process.argv[2]);
const only = process.argv[3];
for (const t of doc.tables) {
  if (only && t.type !== only) continue;
  console.log(`== ${t.type} | ${t.title} | lines ${t.lines} | ${t.rows.length} rows | cols ${t.columns.map((c) => c.measure).join(',')}`);
  if (only) for (const r of t.rows) console.log(`   ${r.kind} ${r.key} ${r.name} ${JSON.stringify(r.values)}`);
  for (const i of t.issues) console.log(`   ! ${i.kind} ${i.message}`);
}
