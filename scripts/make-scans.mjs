#!/usr/bin/env node
/**
 * Scanned-PDF fixtures for the OCR path: the seeds' born-digital renderings
 * (tests/fixtures/pdf/0*.pdf) rasterized and wrapped back into PDFs that hold nothing but one
 * grayscale JPEG per page, as a scanner's output does.
 *
 * Two variants per seed:
 *   <seed>-300.pdf        300 dpi, a clean scan
 *   <seed>-200-skew.pdf   200 dpi, mild noise and a 1° skew (a page fed crooked into a cheap scanner)
 *
 * Needs pdftoppm (poppler-utils) and ImageMagick's convert (apt-get install -y imagemagick), and
 * the dev dependency pdf-lib. Nothing is downloaded.
 *
 *   node scripts/make-scans.mjs                    every page of every seed → out-scans/
 *   node scripts/make-scans.mjs --fixtures         the committed subset → tests/fixtures/scans/
 *   node scripts/make-scans.mjs --out DIR --pages 003:7-8 [--variants 300,200-skew]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PDFDocument } from 'pdf-lib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const seedDir = join(root, 'tests/fixtures/pdf');
const CONVERT = existsSync('/usr/bin/convert') ? '/usr/bin/convert' : 'convert';

/**
 * The committed subset: a table whose title and body are on two pages, once per variant.
 * 003 pages 7-8: 部门支出总体情况表 (9 rows); 000 pages 9-10: 一般公共预算基本支出预算表 (19 rows,
 * its body starting at the foot of page 9); 004 pages 6-7: a borderless layout whose 基本支出预算表
 * title OCR misread (tables typed by their titles). Kept to a few pages so the OCR tests stay fast.
 */
const FIXTURE_PAGES = { '003': [7, 8], '000': [9, 10], '004': [6, 7] };

/** JPEG quality of the page images: low enough for < 1 MB per two-page fixture, high enough to read. */
const JPEG_QUALITY = 40;
/** The crooked variant: rotation in degrees (ImageMagick rotates clockwise) and Gaussian noise. */
const SKEW_DEGREES = 1;
const NOISE_ATTENUATE = 0.4;
/** Fixed, so a rerun writes the same fixtures. */
const NOISE_SEED = 2024;

const VARIANTS = {
  300: { dpi: 300, skew: 0, noise: false },
  '200-skew': { dpi: 200, skew: SKEW_DEGREES, noise: true },
};

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    pages: { type: 'string' },
    variants: { type: 'string', default: Object.keys(VARIANTS).join(',') },
    fixtures: { type: 'boolean', default: false },
  },
});

const outDir = values.out ?? join(root, values.fixtures ? 'tests/fixtures/scans' : 'out-scans');
/** `--pages 003:7-8,000:9-10` → { '003': [7, 8], '000': [9, 10] }; absent: every page of every seed. */
const pagesBySeed = values.pages ? parsePages(values.pages) : values.fixtures ? FIXTURE_PAGES : undefined;

function parsePages(spec) {
  const out = {};
  for (const part of spec.split(',')) {
    const [seed, range] = part.split(':');
    const [from, to = from] = range.split('-').map(Number);
    (out[seed] ??= []).push(...Array.from({ length: to - from + 1 }, (_, i) => from + i));
  }
  return out;
}

mkdirSync(outDir, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'make-scans-'));
try {
  const seeds = readdirSync(seedDir).filter((f) => /^0\d\d_.*\.pdf$/.test(f)).sort();
  for (const seedFile of seeds) {
    const seed = seedFile.slice(0, 3);
    const pages = pagesBySeed ? pagesBySeed[seed] : undefined;
    if (pagesBySeed && !pages) continue;
    for (const name of values.variants.split(',')) {
      const variant = VARIANTS[name];
      if (!variant) throw new Error(`unknown variant ${name} (choose from ${Object.keys(VARIANTS).join(', ')})`);
      const jpegs = rasterize(join(seedDir, seedFile), pages, variant, `${seed}-${name}`);
      const pdf = await imagesToPdf(jpegs, variant.dpi);
      const suffix = pages && pagesBySeed !== undefined ? `-p${pages[0]}-${pages[pages.length - 1]}` : '';
      const target = join(outDir, `${basename(seedFile, '.pdf')}-${name}${suffix}.pdf`);
      writeFileSync(target, pdf);
      console.log(`${target}: ${jpegs.length} page(s), ${(pdf.length / 1024).toFixed(0)} KB`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Pages → grayscale JPEG files, rendered at the variant's resolution, skewed and noised. */
function rasterize(pdf, pages, variant, prefix) {
  const dir = join(work, prefix);
  mkdirSync(dir);
  const range = pages ? ['-f', String(Math.min(...pages)), '-l', String(Math.max(...pages))] : [];
  execFileSync('pdftoppm', ['-r', String(variant.dpi), '-gray', ...range, pdf, join(dir, 'p')]);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pgm'))
    .sort()
    .map((f) => {
      const jpeg = join(dir, f.replace(/\.pgm$/, '.jpg'));
      const effects = [];
      // Noise first, then the rotation blurs it a little, as a scanner's optics would.
      if (variant.noise) effects.push('-seed', String(NOISE_SEED), '-attenuate', String(NOISE_ATTENUATE), '+noise', 'Gaussian');
      if (variant.skew) effects.push('-background', 'white', '-rotate', String(variant.skew));
      execFileSync(CONVERT, [join(dir, f), ...effects, '-colorspace', 'Gray', '-type', 'Grayscale', '-quality', String(JPEG_QUALITY), '-strip', jpeg]);
      return jpeg;
    });
}

/** One page per JPEG, sized so the image fills it at the resolution it was scanned at. */
async function imagesToPdf(jpegs, dpi) {
  // No creation dates: a rerun writes byte-identical files.
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (const file of jpegs) {
    const image = await doc.embedJpg(readFileSync(file));
    const width = (image.width * 72) / dpi;
    const height = (image.height * 72) / dpi;
    doc.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
