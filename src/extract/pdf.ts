import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AnnotationMode, OPS, VerbosityLevel, getDocument } from './pdfjs.js';
import type { PDFDocumentProxy, PDFPageProxy } from './pdfjs.js';
import { foldText } from './normalize-text.js';
import type { Cell, Extracted, Issue, Line } from '../model.js';
import { ExtractError } from './errors.js';
import { DEFAULT_MAX_IMAGE_PIXELS, DEFAULT_MAX_PAGES, MAX_PDF_DECODED_BYTES, MAX_STREAM_DECODED_BYTES, megabytes } from './limits.js';
import { scanStreams } from './pdf-streams.js';
import { borderlessTables, joinText, unionIntervals, type Chunk, type WordLine } from './borderless.js';

/**
 * Born-digital PDF → the same `Line[]` the text-dump extractor produces.
 *
 * Glyphs are placed from pdf.js's operator list rather than from `getTextContent()`: text
 * content merges neighbouring table cells into one item whenever they sit closer than 0.6 em,
 * and then no cell boundary can be recovered. Walking the operators gives every glyph its own
 * box, and the same walk yields the ruling lines that delimit table cells.
 *
 * Ruled tables: one `Line` per grid row, one `Cell` per grid column (blank cells included, the
 * text of a merged cell in its top-left column), like the tab-separated dumps. Other text: lines
 * by baseline, split into cells at wide gaps (borderless tables) or into words.
 */

export interface PdfOptions {
  /** User (or owner) password of an encrypted PDF. */
  password?: string;
  /** Refuse documents with more pages than this (code `too_large`; default DEFAULT_MAX_PAGES). */
  maxPages?: number;
  /** Images inside the PDF with more pixels are skipped, not decoded (default DEFAULT_MAX_IMAGE_PIXELS). */
  maxImagePixels?: number;
}

// ---- tolerances (PDF points unless named in ems of the line's font size) -------------------

/** Glyphs whose baselines differ by at most this much are on one printed line. */
const BASELINE_TOLERANCE = 2; // pt
/** A horizontal gap wider than this ends a word (glyphs of one word touch; a space is ~0.25 em). */
const WORD_GAP_EM = 0.2;
/** A gap at least this wide separates columns of a borderless table. */
const COLUMN_GAP_EM = 1.5;
/** Gaps from here up to COLUMN_GAP_EM are neither a space nor clearly a column gap. */
const AMBIGUOUS_GAP_EM = 0.8;
/** A glyph starting within this distance of where the previous one ended continues its run. */
const RUN_CONTINUITY_EM = 0.1;
/** The same glyph drawn again within this distance is one glyph printed twice (fake bold). */
const DUPLICATE_GLYPH_EM = 0.15;
/** Consecutive delimited lines at most this far apart (baseline to baseline) form one block. */
const BLOCK_LINE_SPACING_EM = 3;
/** Cells of a borderless block that overlap by up to this much (ems) are in two columns still. */
const COLUMN_OVERLAP_EM = 0.5;
/** Glyph box above and below the baseline; only used for boxes and to place a glyph in a cell. */
const GLYPH_ASCENT_EM = 0.8;
const GLYPH_DESCENT_EM = 0.2;
/** Point of a glyph that decides which table cell it is in: its middle, this far above the baseline. */
const GLYPH_CENTRE_EM = 0.3;
/** A stroked line or filled rectangle at most this thick is a table rule… */
const RULE_MAX_THICKNESS = 3; // pt
/** …when it is at least this long (shorter marks are dots and corner joints). */
const RULE_MIN_LENGTH = 2; // pt
/** Rules at most this far apart (position, or end to start) are one rule; rules meet within it. */
const RULE_JOIN_TOLERANCE = 1.5; // pt
/** Grid lines closer than this are one boundary (double borders, a cell edge and its rule). */
const GRID_LINE_MERGE = 2; // pt
/** A direction whose slope off the page axes is at most this counts as horizontal/vertical. */
const AXIS_SLOPE_TOLERANCE = 0.02;
/** Horizontal rules whose ends agree within this span one table (ruled between rows only). */
const BAND_EXTENT_TOLERANCE = 3; // pt
/** A gap between such rules taller than this many ems is no row (the space between two tables)… */
const BAND_MAX_EM = 6;
/** …unless it prints an amount, up to this many (a name wrapped over several lines). */
const BAND_WRAPPED_MAX_EM = 12;
/** An amount as printed in a row: digits with a decimal part. */
const AMOUNT = /^-?[\d,]*\d\.\d+$/;
/** Words of one printed line in such a row closer than this are one cell (a space is ~0.3 em; cell padding is wider). */
const BAND_WORD_GAP_EM = 0.5;
/** Cells of a band holding numbers on two printed lines that make it two rows (bandLines). */
const STACKED_CELLS = 2;
/** Text starting this far outside the page is clipped off by viewers and dropped here too. */
const PAGE_MARGIN = 1; // pt
/** Bytes at the start searched for `%PDF-` and at the end for `%%EOF` (truncated downloads). */
const HEADER_WINDOW_BYTES = 1024;
const EOF_WINDOW_BYTES = 4096;

// ---- pdf.js setup ---------------------------------------------------------------------------

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** pdf.js wants directory paths ending in '/'; in Node a plain path works, a file:// URL does not. */
const CMAP_URL = join(PDFJS_DIR, 'cmaps') + '/';
const STANDARD_FONT_DATA_URL = join(PDFJS_DIR, 'standard_fonts') + '/';

/**
 * pdf.js settings for untrusted files. Nothing is fetched: the document comes as bytes (no url,
 * range or stream transport), CMaps and standard fonts are read from the pdfjs-dist folder on
 * disk, and the worker never fetches; no wasm decoders are loaded. Nothing in the file runs:
 * no `eval`/`new Function` for glyph outlines (CVE-2024-4367 went through that path), no XFA
 * forms, no document JavaScript (pdf.js runs none without a scripting sandbox, which is never
 * created here), no fonts handed to the system.
 */
export const LOCKED_DOWN = {
  cMapUrl: CMAP_URL,
  cMapPacked: true,
  standardFontDataUrl: STANDARD_FONT_DATA_URL,
  useWorkerFetch: false,
  useWasm: false,
  disableAutoFetch: true,
  disableStream: true,
  disableRange: true,
  isEvalSupported: false,
  enableXfa: false,
  disableFontFace: true,
  useSystemFonts: false,
  isOffscreenCanvasSupported: false,
  isImageDecoderSupported: false,
  stopAtErrors: false,
  verbosity: VerbosityLevel.ERRORS,
} as const;

/** Refuses a decompression bomb before pdf.js inflates it (see pdf-streams.ts for why). */
async function checkDecompression(bytes: Uint8Array, file: string): Promise<void> {
  const scan = await scanStreams(bytes);
  if (scan.ok) return;
  const what = scan.over === 'stream' ? `the stream at byte ${scan.offset} inflates to more than` : 'its streams inflate to more than';
  const limit = scan.over === 'stream' ? MAX_STREAM_DECODED_BYTES : MAX_PDF_DECODED_BYTES;
  throw new ExtractError('too_large', file, `${what} ${megabytes(limit)} (a decompression bomb?)`);
}


type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

export async function extractPdf(bytes: Uint8Array, file: string, options: PdfOptions = {}): Promise<Extracted> {
  checkEnvelope(bytes, file);
  await checkDecompression(bytes, file);
  const task = getDocument({
    // pdf.js transfers (detaches) the buffer it is given; the caller keeps its bytes.
    data: bytes.slice(),
    password: options.password,
    ...LOCKED_DOWN,
    maxImageSize: options.maxImagePixels ?? DEFAULT_MAX_IMAGE_PIXELS,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy();
    throw openError(e, file, options.password);
  }
  try {
    // numPages is the page tree's own /Count: checked before any page is parsed.
    const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
    if (doc.numPages > maxPages) {
      throw new ExtractError('too_large', file, `${doc.numPages} pages, the limit is ${maxPages}; raise it with --max-pages`);
    }
    const lines: Line[] = [];
    const issues: Issue[] = [];
    let textGlyphs = 0;
    let droppedGlyphs = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const read = await readPageSafely(doc, n, file);
      lines.push(...read.lines);
      issues.push(...read.issues);
      textGlyphs += read.textGlyphs;
      droppedGlyphs += read.droppedGlyphs;
    }
    if (textGlyphs === 0) {
      const detail =
        droppedGlyphs > 0
          ? `${droppedGlyphs} glyphs, none with a usable Unicode mapping`
          : `${doc.numPages} page(s) without text`;
      throw new ExtractError('no_text_layer', file, detail);
    }
    return { kind: 'pdf', pages: doc.numPages, lines, issues };
  } finally {
    await doc.destroy();
  }
}

/** Cheap checks pdf.js would paper over: not a PDF at all, or cut off before its end. */
function checkEnvelope(bytes: Uint8Array, file: string): void {
  if (bytes.length === 0) throw new ExtractError('empty', file);
  const latin1 = (from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1');
  if (!latin1(0, HEADER_WINDOW_BYTES).includes('%PDF-')) {
    throw new ExtractError('invalid_pdf', file, 'no %PDF- header');
  }
  // pdf.js rebuilds a cut-off file from the objects it finds and would return part of the
  // document as if it were all of it; a download that stopped early has no final %%EOF.
  if (!latin1(Math.max(0, bytes.length - EOF_WINDOW_BYTES), bytes.length).includes('%%EOF')) {
    throw new ExtractError('invalid_pdf', file, 'no %%EOF at the end: the file is truncated');
  }
}

function openError(e: unknown, file: string, password: string | undefined): ExtractError {
  const name = e instanceof Error ? e.name : '';
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'PasswordException') {
    return new ExtractError('encrypted', file, password === undefined ? 'no password given' : 'wrong password', {
      cause: e,
    });
  }
  return new ExtractError('invalid_pdf', file, message, { cause: e });
}

interface PageRead {
  lines: Line[];
  issues: Issue[];
  textGlyphs: number;
  droppedGlyphs: number;
}

async function readPageSafely(doc: PDFDocumentProxy, n: number, file: string): Promise<PageRead> {
  let page: PDFPageProxy;
  try {
    page = await doc.getPage(n);
  } catch (e) {
    throw new ExtractError('invalid_pdf', file, e instanceof Error ? e.message : String(e), { page: n, cause: e });
  }
  try {
    return await readPage(page, file, n);
  } catch (e) {
    if (e instanceof ExtractError) throw e;
    throw new ExtractError('invalid_pdf', file, e instanceof Error ? e.message : String(e), { page: n, cause: e });
  } finally {
    page.cleanup();
  }
}

async function readPage(page: PDFPageProxy, file: string, pageNo: number): Promise<PageRead> {
  const viewport = page.getViewport({ scale: 1 });
  // Annotations (form fields, stamps) are not part of the printed tables.
  const opList = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
  const marks = walkOperators(page, opList.fnArray, opList.argsArray, toMatrix(viewport.transform), {
    width: viewport.width,
    height: viewport.height,
  });

  const issues: Issue[] = [];
  const at = { file, page: pageNo };
  if (marks.dropped > 0) {
    issues.push({
      kind: 'text_dropped',
      severity: 'warning',
      message:
        `${marks.dropped} glyph(s) on page ${pageNo} have no Unicode mapping (a font without a usable CMap); ` +
        'their characters are missing from the text',
      at,
    });
  }
  if (marks.rotated > 0) {
    issues.push({
      kind: 'text_dropped',
      severity: 'info',
      message: `${marks.rotated} glyph(s) of rotated or slanted text on page ${pageNo} (stamps, watermarks, sideways labels) were skipped`,
      at,
    });
  }
  if (marks.glyphs.length === 0 && marks.hasImage) {
    issues.push({
      kind: 'text_dropped',
      severity: 'warning',
      message: `page ${pageNo} is an image without a text layer (scanned?): its content is not extracted; run it through OCR`,
      at,
    });
  }

  return { lines: layoutLines(marks.glyphs, marks.rules, at, { borderless: true }), issues, textGlyphs: marks.glyphs.length, droppedGlyphs: marks.dropped };
}

/**
 * A page's glyph boxes and ruling lines (points, top-left origin) → its lines: ruled grids one
 * line per row, the rest by baseline. Shared with the OCR extractor, which finds both in pixels.
 */
export function layoutLines(glyphs: Glyph[], rules: Rule[], at: PageAt, options: { borderless?: boolean } = {}): Line[] {
  const merged = mergeRules(rules);
  const grids = findGrids(merged);
  const { inCells, free } = placeInGrids(glyphs, grids);
  const { inBands, rest } = placeInBands(free, findBands(merged, grids, median(glyphs.map((g) => g.em)), free));
  const { tables, plain } = options.borderless ? placeBorderless(rest, at) : { tables: [], plain: rest };
  const placed = [...gridLines(inCells, grids, at), ...bandLines(inBands, at), ...tables, ...freeLines(plain, at)].sort((a, b) => a.top - b.top || a.left - b.left);
  alignBorderlessBlocks(placed, at);
  return placed.map((p) => p.line);
}

// ---- operator walk: glyph boxes and rules -----------------------------------------------------

/** One glyph in page space (top-left origin, points, page rotation applied). */
export interface Glyph {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  baseline: number;
  /** Font size on the page. */
  em: number;
  /** Glyphs drawn one after another, each where the previous ended, share a run. */
  run: number;
}

type GlyphBox = Pick<Glyph, 'x0' | 'x1' | 'top' | 'bottom' | 'baseline'>;

/** An axis-aligned ruling line in page space. */
export interface Rule {
  horizontal: boolean;
  /** y of a horizontal rule, x of a vertical one. */
  pos: number;
  start: number;
  end: number;
}

interface Marks {
  glyphs: Glyph[];
  runs: number;
  rules: Rule[];
  /** Glyphs with no usable Unicode (empty, U+FFFD, private use). */
  dropped: number;
  /** Glyphs not upright on the page. */
  rotated: number;
  hasImage: boolean;
}

interface FontInfo {
  fontMatrix: Matrix;
  vertical: boolean;
}
const DEFAULT_FONT: FontInfo = { fontMatrix: [0.001, 0, 0, 0.001, 0, 0], vertical: false };

/** Graphics and text state, as pdf.js's canvas renderer keeps it (and saves it with `q`). */
interface State {
  ctm: Matrix;
  lineWidth: number;
  font: FontInfo;
  fontSize: number;
  fontDirection: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  textMatrix: Matrix;
  x: number;
  y: number;
  lineX: number;
  lineY: number;
}

/** How pdf.js encodes a path in `constructPath` (its DrawOPS). */
const PATH_MOVE = 0;
const PATH_LINE = 1;
const PATH_CURVE = 2;
const PATH_QUAD = 3;
const PATH_CLOSE = 4;

const BOTH_OPS = [OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke];
const FILL_OPS = new Set<number>([OPS.fill, OPS.eoFill, ...BOTH_OPS]);
const STROKE_OPS = new Set<number>([OPS.stroke, OPS.closeStroke, ...BOTH_OPS]);
const IMAGE_OPS = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObjectRepeat,
  OPS.paintImageMaskXObjectGroup,
  OPS.paintInlineImageXObjectGroup,
]);

function walkOperators(
  page: PDFPageProxy,
  fnArray: number[],
  argsArray: unknown[],
  view: Matrix,
  size: { width: number; height: number },
): Marks {
  const marks: Marks = { glyphs: [], runs: 0, rules: [], dropped: 0, rotated: 0, hasImage: false };
  const stack: State[] = [];
  let s: State = {
    ctm: IDENTITY,
    lineWidth: 1,
    font: DEFAULT_FONT,
    fontSize: 0,
    fontDirection: 1,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
    textMatrix: IDENTITY,
    x: 0,
    y: 0,
    lineX: 0,
    lineY: 0,
  };
  const moveText = (dx: number, dy: number) => {
    s.x = s.lineX += dx;
    s.y = s.lineY += dy;
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i];
    const a = Array.isArray(args) ? (args as unknown[]) : [];
    const num = (k: number) => (typeof a[k] === 'number' ? (a[k] as number) : 0);
    switch (fn) {
      case OPS.save:
      case OPS.beginGroup:
        stack.push({ ...s });
        break;
      case OPS.restore:
      case OPS.endGroup:
      case OPS.paintFormXObjectEnd:
        s = stack.pop() ?? s;
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push({ ...s });
        const m = asMatrix(a[0]);
        if (m) s.ctm = multiply(s.ctm, m);
        break;
      }
      case OPS.transform:
        s.ctm = multiply(s.ctm, [num(0), num(1), num(2), num(3), num(4), num(5)]);
        break;
      case OPS.setLineWidth:
        s.lineWidth = num(0);
        break;
      case OPS.beginText:
        s.textMatrix = IDENTITY;
        s.x = s.y = s.lineX = s.lineY = 0;
        break;
      case OPS.setFont: {
        s.font = typeof a[0] === 'string' ? fontInfo(page, a[0]) : DEFAULT_FONT;
        const fontSize = num(1);
        s.fontDirection = fontSize < 0 ? -1 : 1;
        s.fontSize = Math.abs(fontSize);
        break;
      }
      case OPS.setCharSpacing:
        s.charSpacing = num(0);
        break;
      case OPS.setWordSpacing:
        s.wordSpacing = num(0);
        break;
      case OPS.setHScale:
        s.hScale = num(0) / 100;
        break;
      case OPS.setLeading:
        s.leading = -num(0);
        break;
      case OPS.setTextRise:
        s.rise = num(0);
        break;
      case OPS.moveText:
        moveText(num(0), num(1));
        break;
      case OPS.setLeadingMoveText:
        s.leading = num(1);
        moveText(num(0), num(1));
        break;
      case OPS.setTextMatrix: {
        s.textMatrix = asMatrix(a[0]) ?? IDENTITY;
        s.x = s.y = s.lineX = s.lineY = 0;
        break;
      }
      case OPS.nextLine:
        moveText(0, s.leading);
        break;
      case OPS.showText:
        if (Array.isArray(a[0])) showText(s, a[0] as unknown[], view, size, marks);
        break;
      case OPS.constructPath: {
        const path = Array.isArray(a[1]) ? (a[1] as unknown[])[0] : undefined;
        if (typeof a[0] === 'number' && isNumberArray(path)) {
          pathRules(path, a[0], multiply(view, s.ctm), s.lineWidth, marks.rules);
        }
        break;
      }
      case OPS.paintSolidColorImageMask:
        unitSquareRule(multiply(view, s.ctm), marks.rules);
        break;
      default:
        if (fn !== undefined && IMAGE_OPS.has(fn)) {
          // A thin image is a rule some producers draw as a one-pixel picture; others are pictures.
          if (!unitSquareRule(multiply(view, s.ctm), marks.rules)) marks.hasImage = true;
        }
    }
  }
  return marks;
}

function fontInfo(page: PDFPageProxy, name: string): FontInfo {
  if (!page.commonObjs.has(name)) return DEFAULT_FONT;
  const font: unknown = page.commonObjs.get(name);
  if (typeof font !== 'object' || font === null) return DEFAULT_FONT;
  const { fontMatrix, vertical } = font as { fontMatrix?: unknown; vertical?: unknown };
  return { fontMatrix: asMatrix(fontMatrix) ?? DEFAULT_FONT.fontMatrix, vertical: vertical === true };
}

interface OpGlyph {
  unicode: string;
  width: number;
  isSpace: boolean;
  vmetric?: unknown;
}

function isOpGlyph(g: unknown): g is OpGlyph {
  return typeof g === 'object' && g !== null && typeof (g as { unicode?: unknown }).unicode === 'string';
}

/** Places the glyphs of one text-showing operator, advancing the text position as pdf.js does. */
function showText(s: State, glyphs: unknown[], view: Matrix, page: { width: number; height: number }, marks: Marks): void {
  if (s.fontSize === 0) return;
  const m = multiply(view, multiply(s.ctm, s.textMatrix));
  const hScale = s.hScale * s.fontDirection;
  const advanceScale = s.fontSize * s.font.fontMatrix[0];
  const vertical = s.font.vertical;
  // Text is upright when its x axis runs left to right and its y axis points up the page.
  const ax = [m[0] * Math.sign(hScale || 1), m[1] * Math.sign(hScale || 1)] as const;
  const ay = [m[2], m[3]] as const;
  const upright =
    ax[0] > 0 &&
    Math.abs(ax[1]) <= AXIS_SLOPE_TOLERANCE * ax[0] &&
    ay[1] < 0 &&
    Math.abs(ay[0]) <= AXIS_SLOPE_TOLERANCE * -ay[1];
  const em = s.fontSize * Math.hypot(ay[0], ay[1]);
  const spacingDir = vertical ? 1 : -1;

  let advance = 0;
  for (const g of glyphs) {
    if (typeof g === 'number') {
      advance += (spacingDir * g * s.fontSize) / 1000;
      continue;
    }
    if (!isOpGlyph(g)) continue;
    const spacing = (g.isSpace ? s.wordSpacing : 0) + s.charSpacing;
    let width = Number.isFinite(g.width) ? g.width : 0;
    if (vertical) width = verticalAdvance(g) ?? width;
    // Spacing runs against the advance in vertical writing (pdf.js's canvas showText).
    const step = width * advanceScale + (vertical ? -1 : 1) * spacing * s.fontDirection;
    const start = advance;
    advance += step;

    const raw = g.unicode;
    // pdf.js flags every one-byte code 0x20 as a space (word spacing applies to it), but a subset
    // font may put any character there (Chromium's Type 3 fonts do): only its Unicode says.
    if ((g.isSpace && raw.trim() === '') || /^\s+$/u.test(raw)) continue;
    if (!upright) {
      marks.rotated++;
      continue;
    }
    const text = foldText(raw);
    if (text === '' || /[\uFFFD\p{Co}\p{Cc}]/u.test(text)) {
      marks.dropped++;
      continue;
    }
    const box = vertical
      ? glyphBoxVertical(m, s, start, start + width * advanceScale, em)
      : glyphBoxHorizontal(m, s, start * hScale, (start + width * advanceScale) * hScale, em);
    const offPage =
      box.x1 < -PAGE_MARGIN ||
      box.x0 > page.width + PAGE_MARGIN ||
      box.bottom < -PAGE_MARGIN ||
      box.top > page.height + PAGE_MARGIN;
    if (offPage) continue;
    const prev = marks.glyphs[marks.glyphs.length - 1];
    const continues =
      prev !== undefined &&
      Math.abs(box.baseline - prev.baseline) <= BASELINE_TOLERANCE &&
      Math.abs(box.x0 - prev.x1) <= RUN_CONTINUITY_EM * em;
    if (!continues) marks.runs++;
    marks.glyphs.push({ text, ...box, em, run: marks.runs });
  }
  if (vertical) s.y -= advance;
  else s.x += advance * hScale;
}

function verticalAdvance(g: OpGlyph): number | undefined {
  const v = g.vmetric;
  return Array.isArray(v) && typeof v[0] === 'number' ? -v[0] : undefined;
}

function glyphBoxHorizontal(m: Matrix, s: State, from: number, to: number, em: number): GlyphBox {
  const [xa, baseline] = apply(m, s.x + from, s.y + s.rise);
  const [xb] = apply(m, s.x + to, s.y + s.rise);
  return {
    x0: Math.min(xa, xb),
    x1: Math.max(xa, xb),
    top: baseline - GLYPH_ASCENT_EM * em,
    bottom: baseline + GLYPH_DESCENT_EM * em,
    baseline,
  };
}

/** Vertical writing: glyphs advance down the page, centred on the pen's x. */
function glyphBoxVertical(m: Matrix, s: State, from: number, to: number, em: number): GlyphBox {
  const half = s.fontSize / 2;
  const [xa, ya] = apply(m, s.x - half, s.y - from);
  const [xb, yb] = apply(m, s.x + half, s.y - to);
  const top = Math.min(ya, yb);
  const bottom = Math.max(ya, yb, top + em);
  return { x0: Math.min(xa, xb), x1: Math.max(xa, xb), top, bottom, baseline: bottom - GLYPH_DESCENT_EM * em };
}

/** Rules drawn by one painted path: thin filled rectangles and straight stroked segments. */
function pathRules(path: ArrayLike<number>, paintOp: number, m: Matrix, lineWidth: number, rules: Rule[]): void {
  const fill = FILL_OPS.has(paintOp);
  const stroke = STROKE_OPS.has(paintOp) && lineWidth * Math.hypot(m[0], m[1]) <= RULE_MAX_THICKNESS;
  if (!fill && !stroke) return;
  const closeOnPaint = paintOp === OPS.closeStroke || paintOp === OPS.closeFillStroke || paintOp === OPS.closeEOFillStroke;

  let points: [number, number][] = [];
  let curved = false;
  let closed = false;
  const flush = () => {
    if (points.length >= 2 && !curved) {
      if (fill) rectangleRule(points, rules);
      if (stroke) segmentRules(points, closed || closeOnPaint, rules);
    }
    points = [];
    curved = false;
    closed = false;
  };
  for (let k = 0; k < path.length; ) {
    const op = path[k++];
    if (op === PATH_MOVE) {
      flush();
      points.push(apply(m, path[k] ?? 0, path[k + 1] ?? 0));
      k += 2;
    } else if (op === PATH_LINE) {
      points.push(apply(m, path[k] ?? 0, path[k + 1] ?? 0));
      k += 2;
    } else if (op === PATH_CURVE) {
      curved = true;
      k += 6;
    } else if (op === PATH_QUAD) {
      curved = true;
      k += 4;
    } else if (op === PATH_CLOSE) {
      closed = true;
    } else {
      break; // unknown drawing op: the rest of the path cannot be decoded
    }
  }
  flush();
}

/** A filled subpath that is a thin axis-aligned rectangle is a rule along its long side. */
function rectangleRule(points: [number, number][], rules: Rule[]): boolean {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const onCorner = points.every(
    ([x, y]) =>
      (Math.abs(x - x0) <= RULE_JOIN_TOLERANCE || Math.abs(x - x1) <= RULE_JOIN_TOLERANCE) &&
      (Math.abs(y - y0) <= RULE_JOIN_TOLERANCE || Math.abs(y - y1) <= RULE_JOIN_TOLERANCE),
  );
  return onCorner && boxRule(x0, y0, x1, y1, rules);
}

function boxRule(x0: number, y0: number, x1: number, y1: number, rules: Rule[]): boolean {
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= RULE_MAX_THICKNESS && w >= RULE_MIN_LENGTH && w > 2 * h) {
    rules.push({ horizontal: true, pos: (y0 + y1) / 2, start: x0, end: x1 });
    return true;
  }
  if (w <= RULE_MAX_THICKNESS && h >= RULE_MIN_LENGTH && h > 2 * w) {
    rules.push({ horizontal: false, pos: (x0 + x1) / 2, start: y0, end: y1 });
    return true;
  }
  return false;
}

function segmentRules(points: [number, number][], closed: boolean, rules: Rule[]): void {
  const n = points.length;
  for (let k = 0; k < (closed ? n : n - 1); k++) {
    const [xa, ya] = points[k]!;
    const [xb, yb] = points[(k + 1) % n]!;
    const dx = Math.abs(xb - xa);
    const dy = Math.abs(yb - ya);
    if (dx >= RULE_MIN_LENGTH && dy <= AXIS_SLOPE_TOLERANCE * dx) {
      rules.push({ horizontal: true, pos: (ya + yb) / 2, start: Math.min(xa, xb), end: Math.max(xa, xb) });
    } else if (dy >= RULE_MIN_LENGTH && dx <= AXIS_SLOPE_TOLERANCE * dy) {
      rules.push({ horizontal: false, pos: (xa + xb) / 2, start: Math.min(ya, yb), end: Math.max(ya, yb) });
    }
  }
}

/** Images and image masks fill the unit square of their matrix; a thin one is a rule. */
function unitSquareRule(m: Matrix, rules: Rule[]): boolean {
  const corners = [apply(m, 0, 0), apply(m, 1, 0), apply(m, 1, 1), apply(m, 0, 1)];
  return rectangleRule(corners, rules);
}

// ---- grids --------------------------------------------------------------------------------

/** Rules of one orientation on one line, touching or overlapping, become one rule. */
function mergeRules(rules: Rule[]): Rule[] {
  const merged: Rule[] = [];
  for (const horizontal of [true, false]) {
    const sorted = rules.filter((r) => r.horizontal === horizontal).sort((a, b) => a.pos - b.pos || a.start - b.start);
    const lines: Rule[][] = [];
    for (const r of sorted) {
      const last = lines[lines.length - 1];
      if (last && r.pos - last[0]!.pos <= RULE_JOIN_TOLERANCE) last.push(r);
      else lines.push([r]);
    }
    for (const line of lines) {
      const pos = line.reduce((sum, r) => sum + r.pos, 0) / line.length;
      line.sort((a, b) => a.start - b.start);
      let cur: Rule | undefined;
      for (const r of line) {
        if (cur && r.start <= cur.end + RULE_JOIN_TOLERANCE) cur.end = Math.max(cur.end, r.end);
        else {
          cur = { horizontal, pos, start: r.start, end: r.end };
          merged.push(cur);
        }
      }
    }
  }
  return merged;
}

interface Grid {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Column boundaries left to right, row boundaries top to bottom. */
  xs: number[];
  ys: number[];
  /** For each unit cell (row-major), the index of the merged cell it is part of. */
  unitToCell: number[];
  cells: GridCell[];
}

/** A cell as drawn: one or more unit cells no rule separates. Ends are exclusive. */
interface GridCell {
  row: number;
  col: number;
  rowEnd: number;
  colEnd: number;
}

/** Connected sets of horizontal and vertical rules that enclose at least two cells. */
function findGrids(rules: Rule[]): Grid[] {
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  rules.forEach((h, i) => {
    if (!h.horizontal) return;
    rules.forEach((v, j) => {
      if (v.horizontal) return;
      const meets =
        v.pos >= h.start - RULE_JOIN_TOLERANCE &&
        v.pos <= h.end + RULE_JOIN_TOLERANCE &&
        h.pos >= v.start - RULE_JOIN_TOLERANCE &&
        h.pos <= v.end + RULE_JOIN_TOLERANCE;
      if (meets) parent[find(i)] = find(j);
    });
  });
  const components = new Map<number, Rule[]>();
  rules.forEach((r, i) => {
    const root = find(i);
    const component = components.get(root);
    if (component) component.push(r);
    else components.set(root, [r]);
  });

  const grids: Grid[] = [];
  for (const component of components.values()) {
    const h = component.filter((r) => r.horizontal);
    const v = component.filter((r) => !r.horizontal);
    if (h.length < 2 || v.length < 2) continue;
    const x0 = Math.min(...h.map((r) => r.start), ...v.map((r) => r.pos));
    const x1 = Math.max(...h.map((r) => r.end), ...v.map((r) => r.pos));
    const y0 = Math.min(...v.map((r) => r.start), ...h.map((r) => r.pos));
    const y1 = Math.max(...v.map((r) => r.end), ...h.map((r) => r.pos));
    // Open sides (no outer border) are closed by the extent of the rules that reach them.
    const xs = cluster([x0, x1, ...v.map((r) => r.pos)]);
    const ys = cluster([y0, y1, ...h.map((r) => r.pos)]);
    const cols = xs.length - 1;
    const rows = ys.length - 1;
    if (cols * rows < 2) continue; // a frame round some text, not a table
    const cells = mergedCells(xs, ys, h, v);
    grids.push({ x0, y0, x1, y1, xs, ys, ...cells });
  }
  return grids;
}

/** Unit cells joined wherever the rule between them is missing (colspan, rowspan). */
function mergedCells(xs: number[], ys: number[], h: Rule[], v: Rule[]): Pick<Grid, 'unitToCell' | 'cells'> {
  const cols = xs.length - 1;
  const rows = ys.length - 1;
  const drawn = (rules: Rule[], pos: number, across: number) =>
    rules.some(
      (r) =>
        Math.abs(r.pos - pos) <= GRID_LINE_MERGE &&
        r.start - RULE_JOIN_TOLERANCE <= across &&
        across <= r.end + RULE_JOIN_TOLERANCE,
    );
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let r = 0; r < rows; r++) {
    const midY = (ys[r]! + ys[r + 1]!) / 2;
    for (let c = 0; c < cols; c++) {
      const midX = (xs[c]! + xs[c + 1]!) / 2;
      if (c + 1 < cols && !drawn(v, xs[c + 1]!, midY)) parent[find(r * cols + c + 1)] = find(r * cols + c);
      if (r + 1 < rows && !drawn(h, ys[r + 1]!, midX)) parent[find((r + 1) * cols + c)] = find(r * cols + c);
    }
  }
  const byRoot = new Map<number, number>();
  const cells: GridCell[] = [];
  const unitToCell = parent.map((_, unit) => {
    const root = find(unit);
    const r = Math.floor(unit / cols);
    const c = unit % cols;
    let index = byRoot.get(root);
    if (index === undefined) {
      index = cells.push({ row: r, col: c, rowEnd: r + 1, colEnd: c + 1 }) - 1;
      byRoot.set(root, index);
    }
    const cell = cells[index]!;
    cell.row = Math.min(cell.row, r);
    cell.col = Math.min(cell.col, c);
    cell.rowEnd = Math.max(cell.rowEnd, r + 1);
    cell.colEnd = Math.max(cell.colEnd, c + 1);
    return index;
  });
  return { unitToCell, cells };
}

/** Sorted positions with neighbours closer than GRID_LINE_MERGE averaged into one. */
function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const v of sorted) {
    const last = groups[groups.length - 1];
    if (last && v - last[last.length - 1]! <= GRID_LINE_MERGE) last.push(v);
    else groups.push([v]);
  }
  return groups.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

/** Index of the interval of sorted `bounds` that holds v (clamped to the first and last). */
function intervalOf(bounds: number[], v: number): number {
  let k = 0;
  while (k + 2 < bounds.length && v > bounds[k + 1]!) k++;
  return k;
}

/**
 * The glyphs of each merged grid cell (per grid), and the glyphs outside every grid. A run that
 * crosses a column rule is text overflowing its cell (long codes do): the whole run goes to the
 * cell that holds most of it, so it is neither cut nor mixed into its neighbour's text.
 */
function placeInGrids(glyphs: Glyph[], grids: Grid[]): { inCells: Glyph[][][]; free: Glyph[] } {
  const inCells = grids.map((g) => g.cells.map((): Glyph[] => []));
  const free: Glyph[] = [];
  const runs = new Map<number, Glyph[]>();
  for (const glyph of glyphs) {
    const run = runs.get(glyph.run);
    if (run) run.push(glyph);
    else runs.set(glyph.run, [glyph]);
  }
  for (const run of runs.values()) {
    const widthByCell = new Map<string, number>();
    const homes = run.map((glyph) => {
      const home = gridCellOf(glyph, grids);
      const key = home ? `${home.grid}:${home.cell}` : 'free';
      widthByCell.set(key, (widthByCell.get(key) ?? 0) + glyph.x1 - glyph.x0);
      return { home, key };
    });
    const [mainKey] = [...widthByCell.entries()].reduce((a, b) => (b[1] > a[1] ? b : a));
    const main = homes.find((h) => h.key === mainKey)?.home;
    for (const glyph of run) {
      if (main) inCells[main.grid]![main.cell]!.push(glyph);
      else free.push(glyph);
    }
  }
  return { inCells, free };
}

function gridCellOf(glyph: Glyph, grids: Grid[]): { grid: number; cell: number } | undefined {
  const cx = (glyph.x0 + glyph.x1) / 2;
  const cy = glyph.baseline - GLYPH_CENTRE_EM * glyph.em;
  const g = grids.findIndex((grid) => cx >= grid.x0 && cx <= grid.x1 && cy >= grid.y0 && cy <= grid.y1);
  const grid = grids[g];
  if (!grid) return undefined;
  const unit = intervalOf(grid.ys, cy) * (grid.xs.length - 1) + intervalOf(grid.xs, cx);
  return { grid: g, cell: grid.unitToCell[unit]! };
}

// ---- lines ----------------------------------------------------------------------------------

/** A line with where it sits on the page, for ordering and for aligning borderless blocks. */
interface Placed {
  line: Line;
  top: number;
  left: number;
  baseline: number;
  em: number;
  /** Part of a ruled grid (its cells are already aligned). */
  ruled: boolean;
  /** The stack of row rules this line is a band of (lines of one stack are one block). */
  stack?: number;
}

export type PageAt = { file: string; page: number };

const round = (v: number) => Math.round(v * 100) / 100;
const bbox = (x0: number, y0: number, x1: number, y1: number): [number, number, number, number] => [
  round(x0),
  round(y0),
  round(x1),
  round(y1),
];

function cellOf(text: string, at: PageAt, x0: number, top: number, x1: number, bottom: number): Cell {
  return { text, at: { ...at, bbox: bbox(x0, top, x1, bottom) }, x0: round(x0), x1: round(x1) };
}

/**
 * One line per grid row that starts a cell holding text, one cell per grid column. A merged
 * cell's text sits in its top-left unit cell; the other columns it spans are blank cells, as
 * in the tab-separated dumps.
 */
function gridLines(inCells: Glyph[][][], grids: Grid[], at: PageAt): Placed[] {
  const placed: Placed[] = [];
  grids.forEach((grid, g) => {
    const cols = grid.xs.length - 1;
    for (let r = 0; r + 1 < grid.ys.length; r++) {
      const top = grid.ys[r]!;
      const bottom = grid.ys[r + 1]!;
      const rowGlyphs: Glyph[] = [];
      const cells: Cell[] = [];
      for (let c = 0; c < cols; c++) {
        const index = grid.unitToCell[r * cols + c]!;
        const cell = grid.cells[index]!;
        if (cell.row === r && cell.col === c) {
          const glyphs = inCells[g]![index]!;
          rowGlyphs.push(...glyphs);
          const [x0, x1, y0, y1] = [grid.xs[c]!, grid.xs[cell.colEnd]!, top, grid.ys[cell.rowEnd]!];
          cells.push(cellOf(cellText(glyphs), at, x0, y0, x1, y1));
        } else cells.push(cellOf('', at, grid.xs[c]!, top, grid.xs[c + 1]!, bottom));
      }
      if (rowGlyphs.length === 0) continue;
      placed.push({
        line: {
          text: cells.map((c) => c.text).join('\t'),
          cells,
          at: { ...at, bbox: bbox(grid.x0, top, grid.x1, bottom) },
          delimited: cells.length >= 2,
        },
        top,
        left: grid.x0,
        baseline: Math.max(...rowGlyphs.map((x) => x.baseline)),
        em: median(rowGlyphs.map((x) => x.em)),
        ruled: true,
      });
    }
  });
  return placed;
}

/** Text of one cell: its lines top to bottom, each left to right, wrapped pieces joined. */
function cellText(glyphs: Glyph[]): string {
  return baselineGroups(glyphs)
    .map((line) => words(line).map((w) => w.text).reduce(joinText, ''))
    .reduce(joinText, '');
}

/** Glyphs grouped into printed lines by baseline, top to bottom, each sorted left to right. */
function baselineGroups(glyphs: Glyph[]): Glyph[][] {
  const sorted = [...glyphs].sort((a, b) => a.baseline - b.baseline);
  const groups: Glyph[][] = [];
  let ref = -Infinity;
  for (const g of sorted) {
    const last = groups[groups.length - 1];
    if (last && g.baseline - ref <= BASELINE_TOLERANCE) last.push(g);
    else {
      groups.push([g]);
      ref = g.baseline;
    }
  }
  return groups.map((line) => dedupe(line.sort((a, b) => a.x0 - b.x0)));
}

/** Drops a glyph printed twice at (almost) the same place, as fake-bold text is. */
function dedupe(line: Glyph[]): Glyph[] {
  return line.filter((g, i) => {
    const prev = line[i - 1];
    return !(prev && prev.text === g.text && Math.abs(g.x0 - prev.x0) <= DUPLICATE_GLYPH_EM * g.em);
  });
}

interface Word {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

/** Touching glyphs of one printed line form a word; a gap wider than WORD_GAP_EM ends it. */
function words(line: Glyph[]): Word[] {
  const em = median(line.map((g) => g.em));
  const out: Word[] = [];
  for (const g of line) {
    const last = out[out.length - 1];
    if (last && g.x0 - last.x1 <= WORD_GAP_EM * em) {
      last.text += g.text;
      last.x1 = Math.max(last.x1, g.x1);
      last.top = Math.min(last.top, g.top);
      last.bottom = Math.max(last.bottom, g.bottom);
    } else out.push({ text: g.text, x0: g.x0, x1: g.x1, top: g.top, bottom: g.bottom });
  }
  return out;
}


/** Text outside any grid: one line per baseline, cells at clear column gaps, else words. */
function freeLines(glyphs: Glyph[], at: PageAt): Placed[] {
  return baselineGroups(glyphs).map((line) => {
    const em = median(line.map((g) => g.em));
    const ws = words(line);
    const gaps = ws.slice(1).map((w, i) => w.x0 - ws[i]!.x1);
    const columnGaps = gaps.some((gap) => gap >= COLUMN_GAP_EM * em);
    const clear = gaps.every((gap) => gap < AMBIGUOUS_GAP_EM * em || gap >= COLUMN_GAP_EM * em);
    const top = Math.min(...ws.map((w) => w.top));
    const bottom = Math.max(...ws.map((w) => w.bottom));
    const split = columnGaps && clear;
    // Split at column gaps into cells; otherwise every word is a cell, as in the text dumps.
    const chunks: Word[][] = [];
    ws.forEach((w, i) => {
      const last = chunks[chunks.length - 1];
      if (last && split && gaps[i - 1]! < COLUMN_GAP_EM * em) last.push(w);
      else chunks.push([w]);
    });
    const delimited = split && chunks.length >= 2;
    const cells = chunks.map((chunk) =>
      cellOf(chunk.map((w) => w.text).reduce(joinText, ''), at, chunk[0]!.x0, top, chunk[chunk.length - 1]!.x1, bottom),
    );
    const first = ws[0]!;
    const last = ws[ws.length - 1]!;
    return {
      line: {
        text: delimited ? cells.map((c) => c.text).join('\t') : ws.map((w) => w.text).join(' '),
        cells,
        at: { ...at, bbox: bbox(first.x0, top, last.x1, bottom) },
        delimited,
      },
      top,
      left: first.x0,
      baseline: Math.max(...line.map((g) => g.baseline)),
      em,
      ruled: false,
    };
  });
}

const NUMERIC = /^-?[\d,]*\.?\d+%?$/;

// ---- tables with no rules at all -------------------------------------------------------------

/**
 * Free glyphs → the rows of the borderless tables among them (src/extract/borderless.ts reads
 * them from word positions) and the glyphs left to be read line by line.
 */
function placeBorderless(glyphs: Glyph[], at: PageAt): { tables: Placed[]; plain: Glyph[] } {
  const groups = baselineGroups(glyphs);
  const wordLines: WordLine[] = groups.map((line) => ({
    chunks: chunksOf(words(line), median(line.map((g) => g.em))),
    baseline: Math.max(...line.map((g) => g.baseline)),
    em: median(line.map((g) => g.em)),
  }));
  const found = borderlessTables(wordLines);
  const taken = new Set(found.flatMap((t) => t.lines));
  const tables = found.flatMap((t) => t.rows.map((row, k): Placed => {
    const cells = row.cells.map((c) => cellOf(c.text, at, c.x0, c.top, c.x1, c.bottom));
    const first = t.lines[0]!;
    return {
      line: { text: cells.map((c) => c.text).join('\t'), cells, at: { ...at, bbox: bbox(cells[0]!.x0 ?? 0, row.top, cells[cells.length - 1]!.x1 ?? 0, row.bottom) }, delimited: true },
      // Header lines of one stack share their extent: keep them in order.
      top: row.top + k * ORDER_EPSILON,
      left: cells[0]!.x0 ?? 0,
      baseline: row.bottom,
      em: wordLines[first]!.em,
      ruled: true,
    };
  }));
  return { tables, plain: groups.filter((_, i) => !taken.has(i)).flat() };
}

/** Sorts lines that share a top in the order they were made. */
const ORDER_EPSILON = 1e-6;

/** A printed line's words joined into chunks where no column gap parts them; two numbers never join. */
function chunksOf(ws: Word[], em: number): Chunk[] {
  const out: Chunk[] = [];
  for (const w of ws) {
    const last = out[out.length - 1];
    if (last && w.x0 - last.x1 < BAND_WORD_GAP_EM * em && !(NUMERIC.test(last.text) && NUMERIC.test(w.text))) {
      last.text = joinText(last.text, w.text);
      last.x1 = Math.max(last.x1, w.x1);
      last.top = Math.min(last.top, w.top);
      last.bottom = Math.max(last.bottom, w.bottom);
    } else out.push({ ...w });
  }
  return out;
}

// ---- tables ruled between rows only ---------------------------------------------------------

/** Row rules of a table with no column rules: its x-extent and the rules' y, top to bottom. */
interface Bands {
  x0: number;
  x1: number;
  ys: number[];
}

/**
 * Horizontal rules outside the grids that share their ends, three or more: a table ruled
 * between rows only (a common spreadsheet export). Each gap between two of them is a row, so a
 * name wrapped over lines stays in its row; a gap taller than BAND_MAX_EM is not a row.
 */
function findBands(rules: Rule[], grids: Grid[], em: number, glyphs: Glyph[]): Bands[] {
  const inGrid = (r: Rule): boolean => grids.some((g) => r.pos >= g.y0 - GRID_LINE_MERGE && r.pos <= g.y1 + GRID_LINE_MERGE && r.start < g.x1 && r.end > g.x0);
  // A taller gap is a row still when it prints an amount: a name wrapped over four or five lines
  // (seed 000 in the horizontal style, scanned: 8 em), where the space between two tables holds titles.
  const printsAmount = (x0: number, x1: number, y0: number, y1: number): boolean => {
    const inside = glyphs.filter((g) => (g.x0 + g.x1) / 2 >= x0 && (g.x0 + g.x1) / 2 <= x1 && g.baseline - GLYPH_CENTRE_EM * g.em > y0 && g.baseline - GLYPH_CENTRE_EM * g.em < y1);
    return baselineGroups(inside).some((line) => words(line).some((w) => AMOUNT.test(w.text)));
  };
  const stacks: Bands[] = [];
  for (const r of rules.filter((x) => x.horizontal && !inGrid(x)).sort((a, b) => a.pos - b.pos)) {
    const near = (b: Bands): boolean => Math.abs(b.x0 - r.start) <= BAND_EXTENT_TOLERANCE && Math.abs(b.x1 - r.end) <= BAND_EXTENT_TOLERANCE;
    const row = (b: Bands): boolean => {
      const gap = r.pos - b.ys[b.ys.length - 1]!;
      return gap <= BAND_MAX_EM * em || (gap <= BAND_WRAPPED_MAX_EM * em && printsAmount(b.x0, b.x1, b.ys[b.ys.length - 1]!, r.pos));
    };
    const open = stacks.find((b) => near(b) && row(b));
    if (open) open.ys.push(r.pos);
    else stacks.push({ x0: r.start, x1: r.end, ys: [r.pos] });
  }
  return stacks.filter((b) => b.ys.length >= 3);
}

function placeInBands(glyphs: Glyph[], stacks: Bands[]): { inBands: Glyph[][][]; rest: Glyph[] } {
  const inBands = stacks.map((b) => b.ys.slice(1).map((): Glyph[] => []));
  const rest: Glyph[] = [];
  for (const g of glyphs) {
    const x = (g.x0 + g.x1) / 2;
    const y = g.baseline - GLYPH_CENTRE_EM * g.em;
    const s = stacks.findIndex((b) => x >= b.x0 && x <= b.x1 && y > b.ys[0]! && y < b.ys[b.ys.length - 1]!);
    if (s < 0) {
      rest.push(g);
      continue;
    }
    const ys = stacks[s]!.ys;
    const row = ys.findIndex((top, i) => y > top && y < ys[i + 1]!);
    inBands[s]![row]!.push(g);
  }
  return { inBands, rest };
}

/**
 * One line per band: its glyphs split into cells where no word of any of its printed lines
 * bridges the gap, so a wrapped name is one cell (its lines joined top to bottom). Two numbers
 * side by side are two cells however close. A band whose printed lines put numbers one above the
 * other in two cells or more is rows the rule between them did not part (a scan lost it: 栏次 1 2
 * 3 over 合计 1,794.14 … read 11,794.14): amounts do not wrap, so each printed line is a row.
 */
function bandLines(inBands: Glyph[][][], at: PageAt): Placed[] {
  const placed: Placed[] = [];
  inBands.forEach((bands, stack) =>
    bands.forEach((glyphs) => {
      if (!glyphs.length) return;
      const band = bandLine(glyphs, at, stack);
      placed.push(...(band.stacked ? baselineGroups(glyphs).map((line) => bandLine(line, at, stack).placed) : [band.placed]));
    }),
  );
  return placed;
}

/** A band's glyphs as one line of cells, and whether a cell holds numbers of two printed lines. */
function bandLine(glyphs: Glyph[], at: PageAt, stack: number): { placed: Placed; stacked: boolean } {
  const em = median(glyphs.map((g) => g.em));
  const ws = baselineGroups(glyphs).flatMap((line, li) => words(line).map((w) => ({ ...w, li })));
  ws.sort((a, b) => a.x0 - b.x0);
  const clusters: { x0: number; x1: number; words: typeof ws }[] = [];
  for (const w of ws) {
    const c = clusters[clusters.length - 1];
    const neighbour = c?.words.find((v) => v.li === w.li && w.x0 - v.x1 < BAND_WORD_GAP_EM * em);
    const joins = c && (w.x0 < c.x1 || (neighbour && !(NUMERIC.test(neighbour.text) && NUMERIC.test(w.text))));
    if (joins) {
      c.x1 = Math.max(c.x1, w.x1);
      c.words.push(w);
    } else clusters.push({ x0: w.x0, x1: w.x1, words: [w] });
  }
  // Two cells at least: a long code wraps in its narrow column.
  const stacked = clusters.filter((c) => new Set(c.words.filter((w) => NUMERIC.test(w.text)).map((w) => w.li)).size > 1).length >= STACKED_CELLS;
  const top = Math.min(...glyphs.map((g) => g.top));
  const bottom = Math.max(...glyphs.map((g) => g.bottom));
  const cells = clusters.map((c) => {
    const own = glyphs.filter((g) => (g.x0 + g.x1) / 2 >= c.x0 && (g.x0 + g.x1) / 2 <= c.x1);
    return cellOf(cellText(own), at, c.x0, top, c.x1, bottom);
  });
  return {
    stacked,
    placed: {
      line: { text: cells.map((c) => c.text).join('\t'), cells, at: { ...at, bbox: bbox(clusters[0]!.x0, top, clusters[clusters.length - 1]!.x1, bottom) }, delimited: cells.length >= 2 },
      top,
      left: clusters[0]!.x0,
      baseline: Math.max(...glyphs.map((g) => g.baseline)),
      em,
      ruled: false,
      stack,
    },
  };
}

/**
 * Borderless tables print no blank cells, so the gap-split rows of one table have different
 * cell counts. Consecutive delimited lines form a block; its columns are the x-ranges covered
 * by the cells of its numeric rows (all rows when fewer than two have numbers), and every row
 * whose cells fall into distinct columns gets a blank cell for each column it leaves empty.
 */
function alignBorderlessBlocks(placed: Placed[], at: PageAt): void {
  let block: Placed[] = [];
  const flush = () => {
    if (block.length >= 2) alignBlock(block, at);
    block = [];
  };
  for (const p of placed) {
    if (p.ruled || !p.line.delimited) {
      flush();
      continue;
    }
    const prev = block[block.length - 1];
    const sameStack = p.stack !== undefined && p.stack === prev?.stack;
    const otherStack = p.stack !== prev?.stack && p.stack !== undefined && prev?.stack !== undefined;
    if (prev && (otherStack || (!sameStack && p.baseline - prev.baseline > BLOCK_LINE_SPACING_EM * Math.max(p.em, prev.em)))) flush();
    block.push(p);
  }
  flush();
}

function alignBlock(block: Placed[], at: PageAt): void {
  // Rows of two numbers or more give the columns where there are two: a header row with one cell
  // misread as a number (序号 read 17.2, on a scan) beside a heading over two columns joins them.
  const numbers = (p: Placed): number => p.line.cells.filter((c) => NUMERIC.test(c.text)).length;
  const numeric = block.filter((p) => numbers(p) >= 1);
  const several = numeric.filter((p) => numbers(p) >= 2);
  const source = several.length >= 2 ? several : numeric.length >= 2 ? numeric : block;
  // A cell that reaches a little into the next column's is not one column with it: a recognized
  // word's box can run a few points past its ink (a name's box over the amounts' column, on a scan).
  const slack = COLUMN_OVERLAP_EM * median(block.map((p) => p.em));
  const columns = unionIntervals(withoutBridges(source.map((p) => p.line.cells.map((c) => [c.x0 ?? 0, c.x1 ?? 0] as [number, number]))), slack);
  const [left, right] = [columns[0]![0], columns[columns.length - 1]![1]];
  for (const p of block) {
    const slots = p.line.cells.map((c) => bestColumn(columns, c.x0 ?? 0, c.x1 ?? 0));
    const increasing = slots.every((s, i) => i === 0 || s > slots[i - 1]!);
    if (!increasing) continue;
    const [, top, , bottom] = p.line.at.bbox ?? [0, 0, 0, 0];
    const cells = columns.map(([x0, x1], j) => {
      const k = slots.indexOf(j);
      return k >= 0 ? p.line.cells[k]! : cellOf('', at, x0, top, x1, bottom);
    });
    // Every aligned row spans the block's columns, so the rows of one table are seen as one grid.
    p.line = { ...p.line, cells, text: cells.map((c) => c.text).join('\t'), at: { ...p.line.at, bbox: bbox(left, top, right, bottom) } };
  }
}

/** Blocks with more cells than this give their columns from every cell (the bridge test is quadratic). */
const MAX_BRIDGE_TEST_CELLS = 4000;

/**
 * The cells of a block's rows (x-ranges, a row each) without those that bridge two columns other
 * rows keep apart: a cell over two cells of other rows that do not overlap each other, across a gap
 * no other row's cell spans (a column number read 12 for 1 and 2, over the code and name columns).
 * Such a cell is one row's merged cell or a misreading, not a wider column; an amount over the
 * pieces another row's amount was read in, whose gap the column's other amounts span, is not.
 */
function withoutBridges(rows: [number, number][][]): [number, number][] {
  const cells = rows.flatMap((cs, row) => cs.map(([x0, x1]) => ({ x0, x1, row })));
  const kept =
    cells.length > MAX_BRIDGE_TEST_CELLS
      ? cells
      : cells.filter((c) => {
          const under = cells.filter((o) => o.row !== c.row && o.x0 < c.x1 && o.x1 > c.x0);
          const [gap0, gap1] = [Math.min(...under.map((o) => o.x1)), Math.max(...under.map((o) => o.x0))];
          // Cells of other rows across the gap too: one column, its amounts read in pieces in some rows.
          return under.length < 2 || gap0 >= gap1 || cells.some((o) => o.row !== c.row && o.x0 <= gap0 && o.x1 >= gap1);
        });
  return (kept.length ? kept : cells).map((c): [number, number] => [c.x0, c.x1]);
}

/** The column a cell overlaps most, or the nearest one when it overlaps none. */
function bestColumn(columns: [number, number][], x0: number, x1: number): number {
  let best = 0;
  let bestScore = -Infinity;
  columns.forEach(([c0, c1], j) => {
    const overlap = Math.min(x1, c1) - Math.max(x0, c0);
    const score = overlap > 0 ? overlap : -Math.abs((c0 + c1) / 2 - (x0 + x1) / 2) - 1e6;
    if (score > bestScore) {
      bestScore = score;
      best = j;
    }
  });
  return best;
}

// ---- small helpers ------------------------------------------------------------------------

/** The middle value (the upper of two); 0 for none. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** `m · n`: apply n first, then m (pdf.js's Util.transform). */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function isNumberArray(v: unknown): v is ArrayLike<number> {
  return (Array.isArray(v) || ArrayBuffer.isView(v)) && !(v instanceof DataView);
}

function asMatrix(v: unknown): Matrix | undefined {
  if (!isNumberArray(v) || v.length !== 6) return undefined;
  return [v[0]!, v[1]!, v[2]!, v[3]!, v[4]!, v[5]!];
}

function toMatrix(v: number[]): Matrix {
  return asMatrix(v) ?? IDENTITY;
}
