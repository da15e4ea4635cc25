#!/usr/bin/env node
/**
 * Renders the PDF test fixtures: the five seed text dumps in samples/ as born-digital PDFs
 * (tests/fixtures/pdf/<seed>.pdf) and small single-case PDFs (tests/fixtures/pdf/cases/).
 *
 * The PDFs are committed so tests and CI never need Chromium; rerun this script only when the
 * fixtures must change. Needs the Debian packages chromium, fonts-noto-cjk, fonts-wqy-microhei
 * and qpdf, and the dev dependencies playwright-core and pdf-lib. Nothing is downloaded.
 *
 * Fonts: body text and tables use WenQuanYi Micro Hei, a TrueType font Chromium embeds as a
 * subset CID TrueType font (Identity-H + ToUnicode), like the 宋体/黑体 of real disclosures.
 * Titles of the single-case fixtures use Noto Serif CJK SC: Chromium cannot subset its CFF
 * outlines and writes Type 3 fonts, which real PDFs also contain, so both kinds are exercised
 * (the seeds keep one unbolded font: Chromium also writes synthetic bold as Type 3, and Type 3
 * outlines would triple their size).
 *
 *   node scripts/render-pdfs.mjs
 *   node scripts/render-pdfs.mjs --style horizontal --out out-styles/horizontal
 *
 * `--style` renders only the seeds, in another table style, to `--out` (not committed; see
 * `npm run score:styles`): `horizontal` (row rules only, as many WPS/Excel exports print),
 * `borderless`, `dense` (7pt, tight cells, all pages landscape), `serif` (Noto Serif CJK, which
 * Chromium writes as Type 3 fonts, 9pt).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, PDFName, PDFString, StandardFonts, degrees } from 'pdf-lib';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'tests/fixtures/pdf');
const casesDir = join(outDir, 'cases');

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Seeds whose tables are printed on landscape pages (wide tables, as in the original). */
const LANDSCAPE_SEEDS = new Set(['003_dc6b06a2998e57c3']);
/** Seeds dumped space-separated: their lines are laid out as plain lines, no table markup. */
const PLAIN_SEEDS = new Set(['004_4b87c2d0559da34d']);
/** Lines up to this many characters (and without sentence punctuation) are set as titles. */
const TITLE_MAX_CHARS = 30;
/** A column whose body cells hold a name longer than this gets a narrow, wrapping cell. */
const NAME_WRAP_CHARS = 9;

const STYLE = `
  @page { size: A4; margin: 15mm 14mm; }
  @page wide { size: A4 landscape; margin: 12mm; }
  body { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; font-size: 10.5pt; line-height: 1.5; margin: 0; }
  p { margin: 0 0 4pt; text-indent: 2em; }
  p.title { font-weight: normal; font-size: 13pt; text-indent: 0; text-align: center; margin: 8pt 0 6pt; }
  div.line { white-space: pre; font-size: 10pt; }
  table { border-collapse: collapse; font-size: 8pt; line-height: 1.3; margin: 4pt 0 10pt; }
  table.ruled td, table.ruled th { border: 1px solid #000; }
  td, th { padding: 1pt 3pt; font-weight: normal; vertical-align: middle; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  td.num { text-align: right; }
  td div.name { max-width: ${NAME_WRAP_CHARS}em; }
  .wide { page: wide; }
`;

const SEED_STYLES = {
  ruled: '',
  horizontal: 'table.ruled td, table.ruled th { border-left: none; border-right: none; }',
  borderless: 'table.ruled td, table.ruled th { border: none; }',
  dense: '@page { size: A4 landscape; margin: 8mm; } table { font-size: 7pt; line-height: 1.1; } td, th { padding: 0 1pt; }',
  serif: 'body, table { font-family: "Noto Serif CJK SC", serif; } table { font-size: 9pt; } td, th { padding: 2pt 5pt; }',
};

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const isNumber = (s) => /^-?[\d,]*\.?\d+%?$/.test(s.trim());
const hasDecimal = (row) => row.some((c) => /\d\.\d/.test(c));

/**
 * One table block (consecutive tab-separated lines) as HTML. Rows are padded to the block's
 * widest row so the grid is complete; the leading rows without a decimal number are the header
 * Chromium repeats on every page the table continues on.
 */
function tableHtml(rows, { ruled = true } = {}) {
  const width = Math.max(...rows.map((r) => r.length));
  const grid = rows.map((r) => [...r, ...Array(width - r.length).fill('')]);
  let headerRows = grid.findIndex(hasDecimal);
  // A table without any decimal number has no recognisable body: repeat only its first row.
  if (headerRows === -1) headerRows = Math.min(1, grid.length - 1);
  const body = grid.slice(headerRows);
  const nameColumns = new Set();
  for (let j = 0; j < width; j++) {
    if (body.some((r) => r[j].trim().length > NAME_WRAP_CHARS && !isNumber(r[j]))) nameColumns.add(j);
  }
  const cell = (text, j) => {
    const t = esc(text.trim());
    if (nameColumns.has(j)) return `<td><div class="name">${t}</div></td>`;
    return isNumber(text) ? `<td class="num">${t}</td>` : `<td>${t}</td>`;
  };
  const tr = (r) => `<tr>${r.map(cell).join('')}</tr>`;
  const head = headerRows > 0 ? `<thead>${grid.slice(0, headerRows).map(tr).join('')}</thead>` : '';
  return `<table class="${ruled ? 'ruled' : 'plain'}">${head}<tbody>${body.map(tr).join('')}</tbody></table>`;
}

function paragraphHtml(line) {
  const t = line.trim();
  const isTitle = t.length <= TITLE_MAX_CHARS && !/[，。；]/.test(t);
  return `<p${isTitle ? ' class="title"' : ''}>${esc(t)}</p>`;
}

function seedHtml(name, text, style = '') {
  const lines = text.split(/\r\n|\r|\n/);
  if (PLAIN_SEEDS.has(name)) {
    const body = lines.filter((l) => l.trim() !== '').map((l) => `<div class="line">${esc(l)}</div>`);
    return page(body.join('\n'), style);
  }
  const wide = LANDSCAPE_SEEDS.has(name);
  const parts = [];
  let block = [];
  const flush = () => {
    if (block.length === 0) return;
    const table = tableHtml(block.map((l) => l.split('\t')));
    parts.push(wide ? `<div class="wide">${table}</div>` : table);
    block = [];
  };
  for (const line of lines) {
    if (line.includes('\t')) {
      block.push(line);
      continue;
    }
    flush();
    if (line.trim() !== '') parts.push(paragraphHtml(line));
  }
  flush();
  return page(parts.join('\n'), style);
}

const page = (body, extraStyle = '') =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${STYLE}${extraStyle}</style></head><body>${body}</body></html>`;
const TYPE3_TITLES = 'p.title { font-family: "Noto Serif CJK SC", serif; font-weight: bold; }';
const casePage = (body, extraStyle = '') => page(body, TYPE3_TITLES + extraStyle);

async function printPdf(browser, html) {
  const tab = await browser.newPage();
  try {
    await tab.setContent(html, { waitUntil: 'load' });
    return await tab.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await tab.close();
  }
}

async function screenshotPng(browser, html, width, height) {
  const tab = await browser.newPage({ viewport: { width, height } });
  try {
    await tab.setContent(html, { waitUntil: 'load' });
    return await tab.screenshot({ type: 'png' });
  } finally {
    await tab.close();
  }
}

/** Body rows of a small 支出 table: code pieces, name, total, basic, project (some blank). */
function expenditureRows(count) {
  const names = ['行政运行', '一般行政管理事务', '机关服务', '事业运行', '其他医疗保障管理事务支出'];
  const rows = [];
  for (let i = 0; i < count; i++) {
    const basic = (10 + i * 1.25).toFixed(2);
    const project = i % 3 === 0 ? (2 + i * 0.5).toFixed(2) : '';
    const total = (Number(basic) + Number(project || 0)).toFixed(2);
    rows.push(['210', String(11 + (i % 5)).padStart(2, '0'), String(1 + i).padStart(2, '0'), names[i % names.length], total, basic, project]);
  }
  return rows;
}
/** A two-level header with merged cells, as budget tables print it. */
const EXPENDITURE_HEADER =
  '<tr><td colspan="3">科目编码</td><td rowspan="2">科目名称</td><td rowspan="2">合计</td>' +
  '<td rowspan="2">基本支出</td><td rowspan="2">项目支出</td></tr><tr><td>类</td><td>款</td><td>项</td></tr>';

/** A header whose groups span columns and whose labels wrap in narrow columns. */
const WRAPPED_HEADER =
  '<tr><td colspan="3">科目编码</td><td rowspan="2">科目名称</td><td rowspan="2">合计</td>' +
  '<td colspan="3">基本支出</td><td rowspan="2">项目支出</td></tr>' +
  '<tr><td>类</td><td>款</td><td>项</td><td>小计</td><td>人员经费</td><td>公用经费</td></tr>';

/** A small 收入预算表 case: title, a four-column header and these body rows. */
const incomeCase = (rows, extraStyle) =>
  casePage(`<p class="title">2025年部门收入预算表</p>${tableHtml([['科目编码', '科目名称', '合计', '一般公共预算'], ...rows])}`, extraStyle);

const caseHtml = {
  'split-table': () =>
    casePage(
      `<p class="title">2025年部门支出预算表</p>${tableHtml(expenditureRows(70)).replace('<tbody>', `<thead>${EXPENDITURE_HEADER}</thead><tbody>`)}`,
      'table { font-size: 10pt; line-height: 1.6; }',
    ),
  borderless: () =>
    casePage(
      `<p class="title">2025年一般公共预算基本支出表</p>${tableHtml(
        [
          ['经济分类科目', '', '合计', '人员经费', '公用经费'],
          ['301', '工资福利支出', '120.50', '120.50', ''],
          ['30101', '基本工资', '60.00', '60.00', ''],
          ['302', '商品和服务支出', '15.20', '', '15.20'],
          ['30201', '办公费', '3.00', '', '3.00'],
          ['', '合计', '135.70', '120.50', '15.20'],
        ],
        { ruled: false },
      )}`,
      'table.plain td { padding: 2pt 14pt; }',
    ),
  'wrapped-cell': () =>
    incomeCase([
      ['2101202', '财政对城乡居民基本医疗保险基金的补助', '1050.00', '1050.00'],
      ['2101301', '城乡医疗救助', '135.00', '135.00'],
    ]),
  /**
   * No rules at all, names wrapped over lines beside their amounts and a two-level header whose
   * labels wrap: rows and header cells must be rebuilt from where the words sit.
   */
  'borderless-wrapped': () =>
    casePage(
      `<p class="title">2025年部门支出预算表</p>${tableHtml([
        ['208', '05', '01', '行政单位离退休', '2.72', '2.72', '2.54', '0.18', ''],
        ['210', '12', '02', '财政对城乡居民基本医疗保险基金的补助', '1050.00', '', '', '', '1050.00'],
        ['210', '15', '01', '行政运行', '29.68', '28.06', '23.73', '4.33', '1.62'],
        ['合计', '', '', '', '1082.40', '30.78', '26.27', '4.51', '1051.62'],
      ]).replace('<tbody>', `<thead>${WRAPPED_HEADER}</thead><tbody>`)}`,
      `${SEED_STYLES.borderless} td { max-width: 4em; }`,
    ),
  /** Ruled between rows only: wrapped names must stay in their row without column rules. */
  'row-rules': () =>
    incomeCase(
      [
        ['2101202', '财政对城乡居民基本医疗保险基金的补助', '1050.00', '1050.00'],
        ['2101301', '城乡医疗救助', '135.00', ''],
        ['2101501', '行政运行', '29.68', '29.68'],
      ],
      SEED_STYLES.horizontal,
    ),
  landscape: () =>
    casePage(
      `<p class="title">2025年部门收入预算表</p>${tableHtml([
        ['科目编码', '', '', '单位代码', '单位名称', '总计', '一般公共预算', '政府性基金', '国有资本经营预算', '财政专户管理资金', '事业收入', '事业单位经营收入', '上级补助收入', '其他收入'],
        ['208', '05', '01', '309001', '行政单位离退休', '2.72', '2.72', '', '', '', '', '', '', ''],
        ['210', '11', '01', '309001', '行政单位医疗', '1.28', '1.28', '', '', '', '', '', '', '0.00'],
      ])}<div class="stamp">内部资料</div>`,
      // A slanted stamp: text the extractor must skip (and say so), not mix into the table.
      '@page { size: A4 landscape; } .stamp { position: absolute; top: 110mm; left: 190mm; transform: rotate(-30deg); font-size: 24pt; color: #b00; }',
    ),
  /** Printed landscape, then stored portrait with /Rotate 90 (see rotate()). */
  rotated: () =>
    casePage(
      `<p class="title">2025年财政拨款收支预算总表</p>${tableHtml([
        ['项目', '金额', '项目', '金额'],
        ['一般公共预算拨款收入', '1794.14', '社会保障和就业支出', '16.84'],
        ['政府性基金预算拨款收入', '', '卫生健康支出', '1777.30'],
      ])}`,
      '@page { size: A4 landscape; } table { font-size: 11pt; }',
    ),
};

/**
 * Stores a landscape page the way scanners and some converters do: a portrait MediaBox whose
 * content is drawn turned a quarter anticlockwise, with /Rotate 90 so viewers show it upright.
 */
async function rotate(landscapePdf) {
  const src = await PDFDocument.load(landscapePdf);
  const out = await PDFDocument.create();
  const [embedded] = await out.embedPdf(src, [0]);
  const { width, height } = embedded; // landscape: width > height
  const pageOut = out.addPage([height, width]);
  // Turning by +90° about the origin maps (x, y) to (-y, x); shifting right by the landscape height
  // brings the drawing back onto the portrait page.
  pageOut.drawPage(embedded, { x: height, y: 0, rotate: degrees(90) });
  pageOut.setRotation(degrees(90));
  return out.save();
}

/** A born-digital page followed by a scanned one (documents assembled from both happen). */
async function mixedScan(digitalPdf, scannedPdf) {
  const out = await PDFDocument.create();
  for (const bytes of [digitalPdf, scannedPdf]) {
    const src = await PDFDocument.load(bytes);
    const [copied] = await out.copyPages(src, [0]);
    out.addPage(copied);
  }
  return out.save({ useObjectStreams: false });
}

/** A "scanned" page: a picture of a table plus a vector frame, and no text at all. */
async function noTextLayer(browser) {
  const png = await screenshotPng(
    browser,
    page(tableHtml([['项目', '金额'], ['一般公共预算拨款收入', '1794.14'], ['支出总计', '1794.14']])),
    360,
    120,
  );
  const doc = await PDFDocument.create();
  const p = doc.addPage([595.28, 841.89]);
  const image = await doc.embedPng(png);
  p.drawImage(image, { x: 60, y: 600, width: 360, height: 120 });
  p.drawRectangle({ x: 50, y: 590, width: 380, height: 140, borderWidth: 1 });
  return doc.save({ useObjectStreams: false });
}

/**
 * Text in a CJK font that is not embedded (STSong-Light, UCS-2 encoded): viewers substitute a
 * system font, and text extraction needs pdf.js's CMap files to get from codes to Unicode.
 */
async function cjkNotEmbedded() {
  const doc = await PDFDocument.create();
  const ctx = doc.context;
  // ctx.obj() turns JS strings into names; CIDSystemInfo needs PDF strings.
  const descendant = ctx.obj({
    Type: 'Font',
    Subtype: 'CIDFontType0',
    BaseFont: 'STSong-Light',
    CIDSystemInfo: ctx.obj({ Registry: PDFString.of('Adobe'), Ordering: PDFString.of('GB1'), Supplement: 2 }),
  });
  descendant.set(PDFName.of('FontDescriptor'), ctx.register(ctx.obj({
    Type: 'FontDescriptor',
    FontName: 'STSong-Light',
    Flags: 6,
    FontBBox: [-25, -254, 1000, 880],
    ItalicAngle: 0,
    Ascent: 880,
    Descent: -120,
    CapHeight: 880,
    StemV: 93,
  })));
  descendant.set(PDFName.of('DW'), ctx.obj(1000));
  // Half-width CIDs for ASCII (Adobe-GB1 CIDs 1..95 are proportional Latin).
  descendant.set(PDFName.of('W'), ctx.obj([1, [...Array(95)].map(() => 500)]));
  const font = ctx.register(
    ctx.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: 'STSong-Light-UniGB-UCS2-H',
      Encoding: 'UniGB-UCS2-H',
      DescendantFonts: [ctx.register(descendant)],
    }),
  );
  const p = doc.addPage([595.28, 841.89]);
  p.node.setFontDictionary(PDFName.of('F1'), font);
  const ucs2 = (s) => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  const lines = [
    [72, 760, 16, '2025年部门预算公开'],
    [72, 720, 11, '部门名称：新乡市凤泉区医疗保障局'],
  ];
  const ops = lines.map(([x, y, size, text]) => `BT /F1 ${size} Tf ${x} ${y} Td <${ucs2(text)}> Tj ET`).join('\n');
  p.node.set(PDFName.of('Contents'), ctx.register(ctx.stream(ops)));
  return doc.save({ useObjectStreams: false });
}

/**
 * Glyphs whose ToUnicode maps to CJK radicals (page 1, as some converters write 门 as ⻔) and to
 * U+FFFD (page 2, a font without usable Unicode). Helvetica codes stand in for the glyphs.
 */
async function toUnicodeCases() {
  const doc = await PDFDocument.create();
  const helvetica = await doc.embedFont(StandardFonts.Helvetica);
  // Code 0x20 (pdf.js flags it a space) mapped to 体, as subset fonts may: page 3 reads 部体预.
  const map = { A: '部', B: '\u2ED4', C: '预', D: '算', E: '\u2F00', F: '\u2EC4', G: '2', H: '\uFFFD', I: '7', ' ': '体' };
  const p1 = doc.addPage([595.28, 841.89]);
  p1.drawText('ABCD', { x: 72, y: 760, size: 14, font: helvetica });
  p1.drawText('EF', { x: 72, y: 730, size: 14, font: helvetica });
  const p2 = doc.addPage([595.28, 841.89]);
  p2.drawText('GHI', { x: 72, y: 760, size: 14, font: helvetica });
  doc.addPage([595.28, 841.89]).drawText('A C', { x: 72, y: 760, size: 14, font: helvetica });
  const hex = (c) => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  const entries = Object.entries(map).map(([code, u]) => `<${hex(code).slice(2)}> <${hex(u)}>`);
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <00> <FF> endcodespacerange',
    `${entries.length} beginbfchar`,
    ...entries,
    'endbfchar endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  await doc.flush();
  const fontDict = doc.context.lookup(helvetica.ref);
  fontDict.set(PDFName.of('ToUnicode'), doc.context.register(doc.context.stream(cmap)));
  return doc.save({ useObjectStreams: false });
}

async function renderStyle(style, out) {
  if (!(style in SEED_STYLES)) throw new Error(`unknown --style ${style}: ${Object.keys(SEED_STYLES).join(', ')}`);
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    for (const file of readdirSync(join(root, 'samples')).filter((f) => f.endsWith('.txt')).sort()) {
      const name = basename(file, '.txt');
      const html = seedHtml(name, readFileSync(join(root, 'samples', file), 'utf8'), SEED_STYLES[style]);
      writeFileSync(join(out, `${name}.pdf`), await printPdf(browser, html));
      console.log(`${out}/${name}.pdf (${style})`);
    }
  } finally {
    await browser.close();
  }
}

async function main() {
  const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
  if (arg('--style')) return renderStyle(arg('--style'), arg('--out') ?? join(root, 'out-styles', arg('--style')));
  // The pdf-lib case alone, without Chromium: node scripts/render-pdfs.mjs --tounicode
  if (process.argv.includes('--tounicode')) return writeFileSync(join(casesDir, 'tounicode.pdf'), await toUnicodeCases());
  // One Chromium case alone: node scripts/render-pdfs.mjs --case row-rules
  if (arg('--case')) {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    try {
      return writeFileSync(join(casesDir, `${arg('--case')}.pdf`), await printPdf(browser, caseHtml[arg('--case')]()));
    } finally {
      await browser.close();
    }
  }
  mkdirSync(casesDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const written = [];
  const write = (path, bytes) => {
    writeFileSync(path, bytes);
    written.push(`${path.slice(root.length + 1)} ${(bytes.length / 1024).toFixed(0)} KB`);
  };
  try {
    for (const file of readdirSync(join(root, 'samples')).filter((f) => f.endsWith('.txt')).sort()) {
      const name = basename(file, '.txt');
      const html = seedHtml(name, readFileSync(join(root, 'samples', file), 'utf8'));
      write(join(outDir, `${name}.pdf`), await printPdf(browser, html));
    }
    const rendered = {};
    for (const [name, html] of Object.entries(caseHtml)) rendered[name] = await printPdf(browser, html());
    for (const name of ['split-table', 'borderless', 'borderless-wrapped', 'wrapped-cell', 'row-rules', 'landscape']) {
      write(join(casesDir, `${name}.pdf`), rendered[name]);
    }
    write(join(casesDir, 'rotated.pdf'), await rotate(rendered.rotated));
    const scanned = await noTextLayer(browser);
    write(join(casesDir, 'no-text-layer.pdf'), scanned);
    write(join(casesDir, 'mixed-scan.pdf'), await mixedScan(rendered['wrapped-cell'], scanned));
    write(join(casesDir, 'cjk-not-embedded.pdf'), await cjkNotEmbedded());
    write(join(casesDir, 'tounicode.pdf'), await toUnicodeCases());
  } finally {
    await browser.close();
  }

  const tmp = mkdtempSync(join(tmpdir(), 'render-pdfs-'));
  try {
    const plain = join(tmp, 'plain.pdf');
    writeFileSync(plain, readFileSync(join(casesDir, 'wrapped-cell.pdf')));
    const encrypted = join(casesDir, 'encrypted.pdf');
    // AES-256 with a user password: nothing can be read without it.
    execFileSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', plain, encrypted]);
    written.push(`${encrypted.slice(root.length + 1)} (qpdf, user password "user")`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const whole = readFileSync(join(casesDir, 'split-table.pdf'));
  write(join(casesDir, 'truncated.pdf'), whole.subarray(0, Math.floor(whole.length / 2)));

  for (const line of written) console.log(line);
}

await main();
