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
 *   node scripts/make-scans.mjs --hard [--out DIR] [--looks grey,bitonal,dark] [--dpis 300,200] [--docs a.pdf,b.pdf:3-4]
 *
 * `--hard` (→ out-hard/, not committed): two table pages of five of the six ../shared/golden-real
 * PDFs (the sixth, 21_swu, has the layout of 27_swu) and of one seed rendering (the committed
 * fixtures cover three others), in three looks at 300 and 200 dpi: 72 pages, which one OCR worker
 * scores in 5-10 minutes on a shared 2-core machine (16 before the fixes it measured),
 * named `<document>--<look>-<dpi>--p<a>-<b>.pdf` for `npm run score:ocr -- out-hard`. The looks
 * are what scanners other than ours leave: grey with JPEG and a slight skew; bitonal (thresholded,
 * specks, a 1.5° skew); a dark, uneven, blurred page, sheared slightly off-square, JPEG 60.
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
    hard: { type: 'boolean', default: false },
    looks: { type: 'string', default: 'grey,bitonal,dark' },
    dpis: { type: 'string', default: '300,200' },
    docs: { type: 'string' },
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

/** Pages → grayscale JPEG files, rendered at the variant's resolution, skewed and noised. */
function rasterize(work, pdf, pages, variant, prefix) {
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
    const image = file.endsWith('.png') ? await doc.embedPng(readFileSync(file)) : await doc.embedJpg(readFileSync(file));
    const width = (image.width * 72) / dpi;
    const height = (image.height * 72) / dpi;
    doc.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

// ---- the hard set ----------------------------------------------------------------------------

const realDir = join(root, '../shared/corpus/real-pdfs');
/**
 * Table pages per document: whole tables where two or three pages hold one (the scorer keeps the
 * facts of the tables printed within the range). Chosen for their layouts, not their OCR results.
 */
const HARD_PAGES = [
  [join(realDir, '2018年省检察院部门预算公开.pdf'), 17, 18],
  [join(realDir, '27_swu_2024_department_budget__download.jsp.pdf'), 9, 10],
  [join(realDir, '上海市财政局25年预算.pdf'), 13, 14],
  [join(realDir, '江苏省委办公厅2018年度部门预算公开表.pdf'), 9, 10],
  [join(realDir, '江苏省政协办公厅2019年预算公开表.pdf'), 7, 8],
  [join(seedDir, '003_dc6b06a2998e57c3.pdf'), 14, 15],
];

/** Fixed, so a rerun writes the same set. */
const HARD_SEED = 17;

/**
 * ImageMagick steps per look, applied to a grey page of `width`×`height` pixels at `dpi`.
 * Order matters as in a scanner: paper and noise, then the page's position (skew, shear), then
 * the optics (blur), then the file format.
 */
const LOOKS = {
  // A grey office scan: light noise, 0.7° skew, JPEG 75.
  grey: () => ({
    effects: ['-seed', String(HARD_SEED), '-attenuate', '0.3', '+noise', 'Gaussian', '-background', 'white', '-rotate', '0.7', '-blur', '0x0.5'],
    format: { type: 'jpeg', quality: 75 },
  }),
  // A bitonal fax-like scan: specks, -1.5° skew, thresholded to black and white (PNG, 1 bit).
  bitonal: () => ({
    effects: ['-seed', String(HARD_SEED), '-attenuate', '0.6', '+noise', 'Impulse', '-background', 'white', '-rotate', '-1.5', '-threshold', '55%', '-type', 'Bilevel'],
    format: { type: 'png' },
  }),
  // A scanner's own black and white: local (adaptive) threshold of a lightly noisy, blurred grey
  // page, 0.5° skew (PNG, 1 bit). Bolder strokes and cleaner paper than `bitonal`'s global threshold.
  adaptive: () => ({
    effects: ['-seed', String(HARD_SEED), '-attenuate', '0.4', '+noise', 'Gaussian', '-background', 'white', '-rotate', '0.5', '-blur', '0x0.6', '-lat', '31x31-6%', '-type', 'Bilevel'],
    format: { type: 'png' },
  }),
  // A dark, uneven page (grey paper darker towards one corner), low contrast, blurred, sheared
  // 0.4° off-square, 1.2° skew, JPEG 60.
  dark: ({ width, height }) => ({
    effects: [
      '(', '+clone', '-sparse-color', 'Barycentric', `0,0 gray(96%) ${width},${height} gray(70%)`, ')', '-compose', 'Multiply', '-composite',
      '+level', '12%,100%',
      '-seed', String(HARD_SEED), '-attenuate', '0.4', '+noise', 'Gaussian',
      '-background', 'gray(85%)', '-shear', '0.4x0', '-rotate', '1.2', '-blur', '0x0.9',
    ],
    format: { type: 'jpeg', quality: 60 },
  }),
};

/**
 * `--docs a.pdf,b.pdf:3-4`: other documents in the same looks, for a set not tuned on (the seeds
 * rendered in another style, say). A document without a range is scanned whole, named `p1-9999`
 * so the scorer expects every table of its golden file whatever its pagination.
 */
function docsOf(spec) {
  return spec.split(',').map((part) => {
    const [pdf, range] = part.split(':');
    const [from, to] = range ? range.split('-').map(Number) : [1, 9999];
    return [pdf, from, to ?? from];
  });
}

async function makeHard(dir, looks, dpis, docs = HARD_PAGES) {
  mkdirSync(dir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'make-hard-'));
  try {
    for (const [pdf, from, to] of docs) {
      for (const dpi of dpis) {
        const raw = join(work, `${basename(pdf, '.pdf')}-${dpi}`);
        mkdirSync(raw);
        execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-f', String(from), '-l', String(to), pdf, join(raw, 'p')]);
        const pages = readdirSync(raw).filter((f) => f.endsWith('.pgm')).sort();
        for (const look of looks) {
          if (!LOOKS[look]) throw new Error(`unknown look ${look} (choose from ${Object.keys(LOOKS).join(', ')})`);
          const images = pages.map((f) => {
            const source = join(raw, f);
            const [width, height] = pgmSize(source);
            const { effects, format } = LOOKS[look]({ width, height });
            const target = join(raw, `${look}-${f.replace(/\.pgm$/, format.type === 'png' ? '.png' : '.jpg')}`);
            const encode = format.type === 'png' ? [] : ['-colorspace', 'Gray', '-type', 'Grayscale', '-quality', String(format.quality)];
            execFileSync(CONVERT, [source, ...effects, ...encode, '-strip', target]);
            return target;
          });
          const bytes = await imagesToPdf(images, dpi);
          const name = `${basename(pdf, '.pdf')}--${look}-${dpi}--p${from}-${to}.pdf`;
          writeFileSync(join(dir, name), bytes);
          console.log(`${name}: ${images.length} page(s), ${(bytes.length / 1024).toFixed(0)} KB`);
        }
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Width and height from a binary PGM's header. */
function pgmSize(file) {
  const head = readFileSync(file).subarray(0, 64).toString('latin1');
  const [, w, h] = head.match(/^P5\s+(\d+)\s+(\d+)/);
  return [Number(w), Number(h)];
}

if (values.hard) await makeHard(values.out ?? join(root, 'out-hard'), values.looks.split(','), values.dpis.split(',').map(Number), values.docs ? docsOf(values.docs) : undefined);
else await makeSeedScans();

/** The seeds' scans (whole, or the committed page ranges). */
async function makeSeedScans() {
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
        const jpegs = rasterize(work, join(seedDir, seedFile), pages, variant, `${seed}-${name}`);
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
}
