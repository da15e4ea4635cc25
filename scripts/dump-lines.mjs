// Prints the positioned lines an extractor returns: page, cells separated by " | ". For development.
//   node scripts/dump-lines.mjs FILE [fromPage] [toPage] [--tsv] [--x]
// --tsv prints a text fixture: delimited lines tab-separated (cell positions kept), others as text.
// --x prints each cell's left and right edge (points) after it: text@x0-x1.
import fs from 'node:fs';
import { extractPdf } from '../dist/extract/pdf.js';
import { ocrPdf } from '../dist/extract/ocr.js';
import { closeOcr } from '../dist/extract/ocr-pool.js';
const tsv = process.argv.includes('--tsv');
const edges = process.argv.includes('--x');
const cellText = (c) => (edges ? `${c.text}@${Math.round(c.x0 ?? -1)}-${Math.round(c.x1 ?? -1)}` : c.text);
const [file, from = '1', to = '9999'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
// A scan (no text layer) is read by OCR, as the pipeline does.
const bytes = fs.readFileSync(file);
const ex = await extractPdf(new Uint8Array(bytes), file, {}).catch((e) =>
  e.code === 'no_text_layer' ? ocrPdf(new Uint8Array(bytes), file, { mode: 'auto' }, { noText: e }) : Promise.reject(e),
);
for (const l of ex.lines) {
  const p = l.at.page ?? 0;
  if (p < Number(from) || p > Number(to)) continue;
  if (tsv) console.log(l.delimited ? l.cells.map((c) => c.text).join('\t') : l.cells.map((c) => c.text).join(' '));
  else console.log(`p${p}${l.delimited ? '' : '~'} ${l.cells.map(cellText).join(' | ')}`);
}
await closeOcr();
