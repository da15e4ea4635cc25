#!/usr/bin/env node
/**
 * Scores the seeds dumped space-separated: every run of tabs in samples/*.txt turned into one
 * space, so blank cells vanish and numbers must be placed by the tables' own sums (the style of
 * seed 004, applied to the tab-separated seeds). Writes out-spaced/, prints score.mjs's summary.
 *
 *   npm run score:spaced
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '../..');
const dir = join(root, 'out-spaced');
mkdirSync(join(dir, 'in'), { recursive: true });
const inputs = readdirSync(join(root, 'samples')).filter((f) => f.endsWith('.txt')).sort();
for (const f of inputs) {
  const text = readFileSync(join(root, 'samples', f), 'utf8');
  writeFileSync(join(dir, 'in', f), text.replace(/\t+/g, ' ').replace(/^ +/gm, ''));
}
try {
  execFileSync(process.execPath, ['dist/cli.js', ...inputs.map((f) => join(dir, 'in', f)), '-o', join(dir, 'out'), '-q'], { cwd: root });
} catch {
  // exit 1 when a check breaks: the documents are still written
}
const score = execFileSync(process.execPath, ['../shared/tools/score.mjs', '--golden', '../shared/golden', '--output', join(dir, 'out'), ...process.argv.slice(2)], { cwd: root, encoding: 'utf8' });
console.log(score.trim());
