#!/usr/bin/env node
/**
 * Scores the seeds rendered in other table styles (row rules only, borderless, dense landscape,
 * serif Type 3 fonts) against the golden facts: renders any style not yet in out-styles/ with
 * scripts/render-pdfs.mjs (needs Chromium), extracts with --ocr never, prints one line per style.
 *
 *   npm run score:styles [-- horizontal serif]
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '../..');
const styles = process.argv.slice(2).length ? process.argv.slice(2) : ['horizontal', 'borderless', 'dense', 'serif'];
const node = (...args) => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
node('scripts/golden-as.mjs', 'pdf');
for (const style of styles) {
  const dir = join(root, 'out-styles', style);
  if (!existsSync(join(dir, '000_2f28e9293a4b3d29.pdf'))) node('scripts/render-pdfs.mjs', '--style', style, '--out', dir);
  const pdfs = ['000_2f28e9293a4b3d29', '001_2bc1f60d8e8166ed', '002_46f91a7ccf92bf45', '003_dc6b06a2998e57c3', '004_4b87c2d0559da34d'].map((n) => join(dir, `${n}.pdf`));
  try {
    node('dist/cli.js', ...pdfs, '-o', join(dir, 'out'), '-q', '--ocr', 'never');
  } catch {
    // exit 1 when a check breaks: the documents are still written
  }
  const score = node('../shared/tools/score.mjs', '--golden', join(root, 'out-pdf/.golden'), '--output', join(dir, 'out')).trim().split('\n').pop();
  console.log(`${style.padEnd(11)} ${score}`);
}
