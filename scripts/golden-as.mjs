// Copies ../shared/golden with the document names' extension changed (.txt → .pdf), so the seeds'
// PDF renderings score against the same hand-checked facts: node scripts/golden-as.mjs pdf
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
const ext = process.argv[2] ?? 'pdf';
const from = new URL('../../shared/golden/', import.meta.url);
const to = new URL(`../out-${ext}/.golden/`, import.meta.url);
mkdirSync(to, { recursive: true });
for (const f of readdirSync(from).filter((x) => x.endsWith('.json'))) {
  const g = JSON.parse(readFileSync(new URL(f, from), 'utf8'));
  g.document = g.document.replace(/\.txt$/, `.${ext}`);
  writeFileSync(new URL(f, to), JSON.stringify(g));
}
