import { distance } from 'fastest-levenshtein';
import pLimit from 'p-limit';
import type Tesseract from 'tesseract.js';
import { loadJson } from '../data.js';
import type { Cell, Extracted, Issue, Line } from '../model.js';
import { ExtractError } from './errors.js';
import type { ImageHeader } from './image-header.js';
import { columnOf, cutBetween } from './borderless.js';
import { foldText } from './normalize-text.js';
import { buildLexicon, codeFor, listedAs } from './ocr-lexicon.js';
import { cents, codeReading, columnDecimals, decimalsOf, HAN, headerWordFor, offByRounding, readAmount, readGappedAmount, readGappedThousands, readMarkedAmount, readSpeckedDecimals, restoreDecimals, rowSums, settleByLookalike, settleIdentity, sumIdentities, titleWordsFixed, type RepairKind, type SumIdentity } from './ocr-repair.js';
import { ocrPoolSize, useEngine, withOcrWorker, type OcrPage } from './ocr-pool.js';
import { ppocrBlock, ppocrLine, ppocrPage, SPLIT_GAP_EM, type Piece } from './ocr-ppocr.js';
import { layoutLines, median, type Glyph, type PageAt, type Rule } from './pdf.js';
import {
  INK_LEVEL,
  MIN_DESKEW_DEGREES,
  RENDER_DPI,
  binarize,
  crop,
  decodeImage,
  encodePgm,
  enlarge,
  eraseRules,
  estimateSkew,
  findPixelRules,
  flattenBackground,
  inkFrame,
  inkShare,
  inkSpans,
  isBitonal,
  openPdfForRender,
  otsuThreshold,
  removeSpecks,
  renderPage,
  rotate,
  smoothBitonal,
  whitenPaper,
  type GrayImage,
  type PixelRule,
  unshear,
  verticalLean,
} from './raster.js';

/**
 * Scanned PDFs and page images → the same `Line[]` the born-digital PDF extractor produces,
 * through tesseract.js (wasm in worker threads; nothing downloaded, see ocr-pool.ts).
 *
 * Per page: gray pixels → paper flattened to white, specks removed → skew measured from the ruling lines and straightened → rules found as
 * long thin runs of ink → rules erased (tesseract reads a ruled table as noise: 30% confidence
 * with the rules, 86% without) → one full-page recognition → words, split where a rule runs
 * between their letters, placed into the grid by pdf.ts's own `layoutLines`, so a scanned table
 * gives one delimited line per row with its blank cells, like its born-digital twin. Numeric cells
 * are then checked by what the column says (ocr-repair.ts) and doubtful ones re-read alone with a
 * digit whitelist; every value changed is reported `low_confidence`, never accepted silently.
 */

export type OcrMode = 'auto' | 'always' | 'never';

/**
 * The recognizer: tesseract.js (LSTM, chi_sim best_int) or PP-OCRv4 (det + rec on onnxruntime,
 * ocr-ppocr.ts). Both read the same cleaned page and hand the same word pieces to the layout.
 * `auto` chooses per page (autoEngine).
 */
export type OcrEngine = 'tesseract' | 'ppocr' | 'auto';
/** An engine that reads: `auto` resolved for a page. */
export type Recognizer = Exclude<OcrEngine, 'auto'>;

/** The fewest rules a ruled table prints: a three-line table's (top, under the heading, foot). */
export const MIN_TABLE_RULES = 3;

/**
 * What `auto` reads a page with. Measured with each engine alone (README, "OCR", round 12):
 * PP-OCR reads ruled tables better, bitonal or gray (second set grey 200 dpi 0.991 against 0.960,
 * dark 200 dpi 0.927 against 0.855; third set, ruled between rows only, grey 300 dpi 0.972
 * against 0.937; hard set bitonal 200 dpi 0.886 against 0.786) and as well where tesseract reads
 * all (hard set's gray looks 0.997–1.000 both). Tesseract reads a gray page with no ruled table
 * better: a text dump's amounts a narrow space apart (`1.80 1.80`) are one word to PP-OCR, whose
 * CTC reads no space there (the committed seed scans at 300 dpi 0.928 against 1.000, all of it seed
 * 004's text dump); a table's columns are further apart.
 */
export function autoEngine(page: { bitonal: boolean; rules: readonly unknown[] }): Recognizer {
  return page.bitonal || page.rules.length >= MIN_TABLE_RULES ? 'ppocr' : 'tesseract';
}

export interface OcrOptions {
  password?: string;
  maxImagePixels?: number;
  /** `always`: OCR every page, text layer or not; `auto`: only pages without usable text. */
  mode?: OcrMode;
  /** Tesseract workers of this process's pool (default: the cores); fixed by the first call. */
  workers?: number;
  /** Resolution PDF pages are rendered at (RENDER_DPI). */
  dpi?: number;
  /** The recognizer (default `auto`). */
  engine?: OcrEngine;
  /** PP-OCR's detection: the page's longer side scaled to at most this many pixels (ocr-ppocr.ts DET_LIMIT). */
  detLimit?: number;
  /** Re-read doubtful numeric cells with a digit whitelist (default true). */
  rereadNumbers?: boolean;
  /**
   * Told each page's time per step (`render`, `pixels`, `page`, `cells`), in ms: wall, and the
   * process's CPU in that time (worker threads included; pages read at once overlap): for `npm run bench`.
   */
  onPhase?: (phase: OcrPhase, ms: number, cpuMs: number) => void;
  /** Told each recognition besides the page's (a cell, word or line read again alone), with what the page read there: for `npm run bench` and the tests that keep them few. */
  onReread?: (pageText: string) => void;
}

export type OcrPhase = 'render' | 'pixels' | 'page' | 'cells';

// ---- tesseract settings and tolerances ------------------------------------------------------

/**
 * Page segmentation for a page whose rules are erased: one uniform block (6). Sparse text (11)
 * finds the same cells but splits wrapped names and reads a row's cells in no order; automatic
 * layout (3) takes columns of a table for text columns. Word boxes, not line order, place text.
 */
const PAGE_PSM = '6';
/** A cell re-read alone is one line of text. */
const CELL_PSM = '7';
/** What a numeric cell can hold. */
const DIGIT_WHITELIST = '0123456789.,-';
/** A page with less ink than this share of its pixels is blank (or a speck or two of dust). */
const MIN_INK_SHARE = 0.0005;
/** Tesseract word confidence (0..100) below which a number is re-read and, if still unsure, flagged. */
const LOW_CONFIDENCE = 75;
/** Words of borderless rows, and lines naming a table (TITLE_WORD), the page recognition was less sure of than this (0..100) are read again alone. */
const TEXT_REREAD_CONFIDENCE = 85;
/**
 * Other short lines outside grids are read again alone below this confidence (0..100). Measured on
 * a 300 dpi page of three tables: its 部门名称 and 单位 lines at 67-81 read the same alone, 30 ms each.
 */
const LINE_REREAD_CONFIDENCE = 60;
/**
 * A grid's text cells are read again alone below this confidence (0..100), or when their text
 * wraps or starts or ends with a stray mark. Measured on a 300 dpi table page: of 40 cells re-read
 * under 85, none between 60 and 85 read differently alone except for a stray quote at its start
 * (an erased rule's remains: ”奖金), while each re-reading costs 20-40 ms.
 */
const GRID_TEXT_REREAD_CONFIDENCE = 60;
/** A mark at a cell's start or end that is seldom print there: a rule's remains or a speck. */
const STRAY_EDGE = /^[,.;'"`、。，·‘’“”]|[,;'"`、，·‘’“”]$/u;
/** A cell's reading alone replaces the page's only when at least this sure (0..100): below, both are guesses. */
const MIN_REREAD_CONFIDENCE = 60;
/** A cell of a column of amounts with this many digits that is no amount is a figure read badly (reported). */
const UNREAD_FIGURE_DIGITS = 3;
/** A column is one of amounts when this share of its (at least MIN_NUMERIC_CELLS) filled cells are. */
const NUMERIC_COLUMN_SHARE = 0.6;
const MIN_NUMERIC_CELLS = 2;
/** Words of one cell whose centres differ by more than this (ems) are on two printed lines (a line apart: about 1.2). */
const WRAPPED_EM = 0.6;
/** A text cell read alone: a block of one or more lines. */
const TEXT_CELL_PSM = '6';
/** Confidence given to a value that was changed from what the page recognition read. */
const REPAIRED_CONFIDENCE = 0.5;
/** Words the recognized text joins but not both CJK stay apart when their boxes are further apart than this (ems). */
const GLUED_GAP_EM = 0.2;
/** The gap (ems) two pieces the recognized text separates by a space are given at least (pdf.ts joins glyphs closer than 0.2 em). */
const SPACE_GAP_EM = 0.3;
/** Lone marks below this confidence are what is left of an erased rule or a speck, not text. */
const NOISE_CONFIDENCE = 60;
const NOISE = /^[\s|¦│丨_\-—–~'"“”‘’`.,:;!、。·]+$/u;
/**
 * A word takes its line's baseline when its own box bottom is within this share of the line's
 * height of it: LSTM word boxes are loose (a box can reach 40% below its neighbours'), and words
 * of one printed line must share a baseline to be read as one line. Further off, the word is on
 * another printed line tesseract joined to this one (a table row's cells sit at different heights).
 */
const BASELINE_SNAP_EM = 0.5;
/** Lines outside grids up to this long (characters) are titles or labels, worth a second reading. */
const MAX_REREAD_LINE_CHARS = 40;
/** A line outside grids read alone: as one line, and (a title) as raw text without layout analysis. */
const LINE_PSM = '7';
const RAW_LINE_PSM = '13';
/** A title names its table in a title word (four letters or more) and 表: a line with fewer CJK letters (预算04表, a table's number) names none. */
const TITLE_MIN_HAN = 5;
/** Words that make a short line a candidate title, worth the second reading. */
const TITLE_WORD = /表|预算|决算/u;
/** Stops, commas and quotes at either end of a line read alone: a speck or the crop's edge, not print, when a title is left (表, read 表,). */
const EDGE_MARKS = /^[\s,.;'"`、。，·‘’“”]+|[\s,.;'"`、。，·‘’“”]+$/gu;
/** A line ending like a table's title (…表, …表（续）) is read again however sure the page was of it. */
const TITLE_LIKE = /表\s*[（(]?续?[)）]?\s*$/u;
/** Table title patterns, most specific first (data/table-types.json, as tables/detect.ts reads them). */
const TITLE_PATTERNS = loadJson<{ types: { title: string }[] }>('table-types.json').types.map((t) => new RegExp(t.title));
/** The words the title patterns print (their runs of CJK letters): a title that names no table type is read against them. */
const TITLE_WORDS = TITLE_PATTERNS.flatMap((p) => p.source.match(/\p{Script=Han}+/gu) ?? []);
/** Header words of measure columns (data/measures.json, as tables/header.ts reads them): a header cell one letter from one of them is read as it. */
const MEASURES = loadJson<{ aliases: Record<string, string[]>; subtotal_words: string[] }>('measures.json');
const HEADER_WORDS = [...new Set(Object.values(MEASURES.aliases).flat())];
/** Classification entries (data/*-classification.json): a code and the names a row beside it prints. */
const CLASSIFICATION = ['functional-classification.json', 'economic-classification.json'].flatMap((f) => loadJson<{ code: string; name: string; aliases?: string[] }[]>(f));
/**
 * Words the tables are known to print, as `wordKey` gives them: measure headings, subtotal and
 * header-row words, classification names. A text cell the page read as one of them is taken as
 * read: a second reading alone can only agree or be worse (measured: of 31 text cells re-read on
 * a 300 dpi table page, the 17 the page had read as known words, six behind a stray mark, read
 * the same alone or worse: 合计 as 会已计, “三公”经费 as “三公?”经费).
 */
const KNOWN_WORDS = new Set(
  [
    ...HEADER_WORDS,
    ...MEASURES.subtotal_words,
    ...loadJson<{ header_openers: { exact: string[] } }>('layout-words.json').header_openers.exact,
    ...CLASSIFICATION.flatMap((e) => [e.name, ...(e.aliases ?? [])]),
  ].map(wordKey),
);
/** Each classification code's names, as `wordKey` gives them. */
const NAMES_OF_CODE = CLASSIFICATION.reduce((m, e) => m.set(e.code, new Set([...(m.get(e.code) ?? []), ...[e.name, ...(e.aliases ?? [])].map(wordKey)])), new Map<string, Set<string>>());
/** Marks at a text cell's ends that are a rule's remains or a speck (STRAY_EDGE, all of them). */
const STRAY_EDGES = /^[,.;'"`、。，·‘’“”]+|[,;'"`、，·‘’“”]+$/gu;
/** The classification as OCR checks a row's code and name against each other. */
const LEXICON = buildLexicon(CLASSIFICATION, (t) => wordKey(t.replace(STRAY_EDGES, '')));
/** The foot of the page (share of its height) in which a grid's foot may be a table's cut, not its end. */
const GRID_FOOT_SHARE = 0.15;
/** A line outside grids is cut this far (ems of its height) outside its words' boxes: LSTM boxes are tight or short. */
const FREE_LINE_MARGIN_EM = 0.25;
/** A word of a borderless row read alone is cut this far outside its box (a word's box is its ink: a point at its foot is easily cut). */
const WORD_MARGIN_PT = 1.5;
/** A cell read alone is cut this far inside its rules and framed with this many pixels of paper. */
const CELL_INSET_PT = 0.75;
const CELL_PAD_PX = 12;
/**
 * Paper this wide (ems) parts two headings of a table ruled between rows only: letters of one
 * heading sit a tenth of an em apart, neighbouring columns' headings half an em or more (seed 000's
 * 对个人和家庭的补助 and 资本性支出, the closest: 0.55 em).
 */
const HEADING_GAP_EM = 0.35;
/** Header lines of such a table lie within this many ems of the line below them. */
const HEADER_LINE_GAP_EM = 2;
/** A heading's block is read with this much paper (points) beside its ink. */
const HEADING_MARGIN_PT = 1;
/** A blank cell with this much ink (pt², a few strokes) holds text the page recognition missed. */
const MIN_CELL_INK_PT2 = 2;
/**
 * A cell an identity rejects is read again this much enlarged: a view unlike the page's, where
 * the same pixels at the same size tend to give the same misread digit (7195.28 for 715.28).
 */
const IDENTITY_REREAD_FACTOR = 2;
/** A classification code as a grid row prints it: one cell, or 类 | 款 | 项 in cells of their own (a digit or two too many: misread). */
const CODE_PART = /^\d{2,9}$/;
/** A page whose vertical rules lean by this many pixels over its height is set upright (half a point at 300 dpi: cells are cut to about a point). */
const MIN_SHEAR_PX = 2;
/** Two words of a borderless row closer than this (ems) can be one amount whose point was dropped (a column gap is wider). */
const SPLIT_POINT_EM = 0.8;
/** A page image this much coarser than RENDER_DPI (or `dpi`) is enlarged to it before reading; finer ones are read as they are. */
const UPSCALE_SLACK = 1.05;
/**
 * The page is recognized within this margin (points) around its ink: its blank paper beyond is
 * tesseract memory for nothing (a table page's margins are a quarter to half of it; its peak on
 * a 300 dpi table page 30 MB lower, its CPU the same within the noise).
 */
const PAGE_MARGIN_PT = 18;
/** Marks narrower than this share of their word's height are hairlines (an erased rule's remains). */
const HAIRLINE_EM = 0.12;

// ---- public entry points --------------------------------------------------------------------

/** A page image (PNG, JPEG, TIFF frames) → lines. Call after `checkImageBudget`. */
export async function extractImage(bytes: Uint8Array, file: string, header: ImageHeader, options: OcrOptions = {}): Promise<Extracted> {
  const frames = await decodeImage(bytes, header.format, file, options.maxImagePixels);
  const limit = pLimit(ocrPoolSize(options.workers));
  const pages = await Promise.all(frames.map((image, i) => limit(() => ocrPage(image, { file, page: i + 1 }, options))));
  if (pages.every((p) => p.words === 0)) {
    throw new ExtractError('no_text_layer', file, `OCR found no text in ${frames.length === 1 ? 'the image' : `its ${frames.length} frames`}`);
  }
  return { kind: 'image-ocr', pages: frames.length, lines: pages.flatMap((p) => p.lines), issues: pages.flatMap((p) => p.issues) };
}

/**
 * A PDF's pages without a usable text layer, OCR'd. `textLayer` is what `extractPdf` read (absent
 * when it found no text at all: then `noText` is its error, rethrown if OCR reads nothing either).
 * `auto` OCRs the pages that drew something but yielded no line (scans, glyphs without Unicode);
 * `always` every page. Pages that draw nothing are never rendered.
 */
export async function ocrPdf(
  bytes: Uint8Array,
  file: string,
  options: OcrOptions,
  from: { textLayer: Extracted } | { noText: ExtractError },
): Promise<Extracted> {
  const textLayer = 'textLayer' in from ? from.textLayer : undefined;
  const doc = await openPdfForRender(bytes, options);
  try {
    const all = Array.from({ length: doc.numPages }, (_, i) => i + 1);
    const wanted = !textLayer || options.mode === 'always' ? all : pagesWithoutUsableText(textLayer, doc.numPages);
    if (textLayer && wanted.length === 0) return textLayer;
    const limit = pLimit(ocrPoolSize(options.workers));
    const read = await Promise.all(
      wanted.map((n) =>
        limit(async () => {
          const started = clock();
          const image = await renderPage(doc, n, options.dpi ?? RENDER_DPI);
          options.onPhase?.('render', ...since(started));
          return { n, drawn: image !== undefined, ...(image ? await ocrPage(image, { file, page: n }, options) : { lines: [], issues: [], words: 0 }) };
        }),
      ),
    );
    if (read.every((r) => r.words === 0)) {
      if (!textLayer) {
        const drawn = read.filter((r) => r.drawn).length;
        const seen = drawn === 0 ? `none of its ${doc.numPages} page(s) draws anything` : `OCR read no text on the ${drawn} page(s) that draw something`;
        throw new ExtractError('no_text_layer', file, `no text layer; ${seen}`, { cause: 'noText' in from ? from.noText : undefined });
      }
      return textLayer;
    }
    const ocrd = new Set(read.map((r) => r.n));
    const byPage = new Map<number, Line[]>();
    for (const l of textLayer?.lines ?? []) if (!ocrd.has(l.at.page ?? 0)) byPage.set(l.at.page ?? 0, [...(byPage.get(l.at.page ?? 0) ?? []), l]);
    for (const r of read) byPage.set(r.n, r.lines);
    const lines = [...byPage.keys()].sort((a, b) => a - b).flatMap((n) => byPage.get(n)!);
    // pdf.ts's "image without a text layer: run it through OCR" no longer holds for a page read here.
    const kept = (textLayer?.issues ?? []).filter((i) => !(i.kind === 'text_dropped' && ocrd.has(i.at?.page ?? 0)));
    return { kind: 'pdf-ocr', pages: doc.numPages, lines, issues: [...kept, ...read.flatMap((r) => r.issues)] };
  } finally {
    await doc.destroy();
  }
}

/** Pages that gave no line although pdf.ts saw marks on them (an image, unmapped glyphs). */
function pagesWithoutUsableText(textLayer: Extracted, pages: number): number[] {
  const withText = new Set(textLayer.lines.map((l) => l.at.page));
  const marked = new Set(textLayer.issues.filter((i) => i.kind === 'text_dropped' && i.severity === 'warning').map((i) => i.at?.page));
  return Array.from({ length: pages }, (_, i) => i + 1).filter((n) => !withText.has(n) && marked.has(n));
}

// ---- one page ---------------------------------------------------------------------------------

interface PageResult {
  lines: Line[];
  issues: Issue[];
  /** Words recognized (after noise): 0 means the page had no readable text. */
  words: number;
}


/** A page made ready for recognition: paper white, dust and rules gone, upright; its rules in its pixels. */
interface PreparedPage {
  clean: GrayImage;
  rules: PixelRule[];
  threshold: number;
  skew: number;
  straightened: boolean;
  lean: number;
  sheared: boolean;
  bitonal: boolean;
}

/**
 * The pixel work of a page, in a function of its own so that its intermediate copies of the page
 * (flattened, rotated, its ink map, rules erased) are garbage once it returns, not held while the
 * page is recognized and its cells read again. Undefined for a blank page.
 */
function preparePage(input: GrayImage, options: OcrOptions): PreparedPage | undefined {
  // Paper made white first: a darker corner would otherwise be ink to one threshold for the page.
  const bitonal = isBitonal(input);
  // Read at RENDER_DPI at least: a 200 dpi scan's 7 pt digits are too few pixels for the model. A
  // gray page is enlarged first (its pixel work is tuned at that size); a bitonal one after its
  // pixel work, whose dust is cleanest told from print on the scan's own grid (a speck a pixel).
  const wanted = options.dpi ?? RENDER_DPI;
  const factor = input.dpi < wanted / UPSCALE_SLACK ? wanted / input.dpi : 1;
  let image = flattenBackground(factor === 1 || bitonal ? input : enlarge(input, factor));
  let threshold = otsuThreshold(image);
  image = removeSpecks(image, threshold);
  let ink = binarize(image, threshold);
  if (inkShare(ink) < MIN_INK_SHARE) return undefined;
  const skew = estimateSkew(ink, image.width, image.height, image.dpi);
  const straightened = Math.abs(skew) >= MIN_DESKEW_DEGREES;
  if (straightened) {
    image = rotate(image, -skew);
    threshold = otsuThreshold(image);
    ink = binarize(image, threshold);
  }
  let pixelRules = findPixelRules(ink, image.width, image.height, image.dpi);
  // A page scanned off-square: its columns' rules lean once its rows' are straight. Cells are cut
  // between upright rules, so the page is sheared upright and its rules found again.
  const lean = verticalLean(pixelRules);
  const sheared = Math.abs(lean) * image.height >= MIN_SHEAR_PX;
  if (sheared) {
    image = unshear(image, lean);
    ink = binarize(image, threshold);
    pixelRules = findPixelRules(ink, image.width, image.height, image.dpi);
  }
  const erased = whitenPaper(eraseRules(image, pixelRules), threshold);
  const late = bitonal && factor !== 1;
  const clean = bitonal ? smoothBitonal(late ? enlarge(erased, factor) : erased) : erased;
  const rules = late ? pixelRules.map((r) => scaleRule(r, factor)) : pixelRules;
  return { clean, rules, threshold, skew, straightened, lean, sheared, bitonal };
}

/** Gray page → straightened, rules found and erased, words recognized and placed, cells checked. */
export async function ocrPage(input: GrayImage, at: PageAt, given: OcrOptions = {}): Promise<PageResult> {
  const started = clock();
  const prepared = preparePage(input, given);
  if (!prepared) return { lines: [], issues: [], words: 0 };
  const engine: Recognizer = given.engine === undefined || given.engine === 'auto' ? autoEngine(prepared) : given.engine;
  const done = await useEngine(engine);
  try {
    return await readPage(prepared, at, { ...given, engine }, started);
  } finally {
    done();
  }
}

/** A prepared page read with `options.engine` (chosen by ocrPage): words placed into lines, cells checked. */
async function readPage(prepared: PreparedPage, at: PageAt, options: OcrOptions & { engine: Recognizer }, started: [number, number]): Promise<PageResult> {
  const { clean, rules, threshold, skew, straightened, lean, sheared } = prepared;
  const scale = 72 / clean.dpi;
  const recognizing = clock();
  options.onPhase?.('pixels', ...since(started));

  // Only the inked part of the page is recognized; its words are placed back on the page after.
  const [fx, fy, fx1, fy1] = inkFrame(clean, threshold, Math.round((PAGE_MARGIN_PT * clean.dpi) / 72)) ?? [0, 0, clean.width, clean.height];
  const framed = crop(clean, fx, fy, fx1, fy1, 0);
  const framedRules = rules.map((r) => shiftRule(r, -fx, -fy));
  const read =
    options.engine === 'ppocr'
      ? ppocrPage(framed, framedRules, ppocrOptions(options)).then((ps) => ps.filter((p) => !isNoise(p.text, p.confidence)))
      : withOcrWorker((w) => w.recognize(encodePgm(framed), tesseractParams(PAGE_PSM, clean.dpi), { text: false, blocks: true }), options.workers).then((page) => wordPieces(page.data, framedRules));
  const pieces = (await read).map((p) => ({ ...p, x0: p.x0 + fx, x1: p.x1 + fx, y0: p.y0 + fy, y1: p.y1 + fy, baseline: p.baseline + fy }));
  const glyphs: Glyph[] = pieces.map((p, run) => ({
    text: ocrText(p.text),
    x0: p.x0 * scale,
    x1: p.x1 * scale,
    top: p.y0 * scale,
    bottom: p.y1 * scale,
    baseline: p.baseline * scale,
    em: p.em * scale,
    run,
  }));
  const gridRules: Rule[] = rules.map((r) => ({
    horizontal: r.horizontal,
    pos: ((r.across0 + r.across1 + 1) / 2) * scale,
    start: r.start * scale,
    end: (r.end + 1) * scale,
  }));
  const lines = layoutLines(glyphs, gridRules, at);
  const rereading = clock();
  options.onPhase?.('page', ...since(recognizing));
  setConfidence(lines, pieces, scale);
  const cells = new CellReader(clean, options);
  await cells.readBandHeaders(lines, median(glyphs.map((g) => g.em)));
  await Promise.all([cells.rereadText(lines, pieces, scale), cells.rereadFreeLines(lines), cells.rereadFreeWords(lines)]);
  const issues = [...(await cells.checkNumbers(lines, at)), ...(await cells.checkFreeNumbers(lines, at))];
  issues.push(...separateRunInAmounts(lines, at));
  issues.push(...repairHeaderWords(lines, at));
  issues.push(...repairTitleWords(lines, at));
  issues.push(...readCodePieces(lines, at));
  issues.push(...dropCodeFromNames(lines, at));
  issues.push(...settleCodes(lines, at));
  issues.push(...(await cells.checkIdentities(lines, at)));
  for (const l of lines) if (l.delimited) l.text = l.cells.map((c) => c.text).join('\t');
  options.onPhase?.('cells', ...since(rereading));
  if (sheared) {
    const degrees = (Math.atan(lean) * 180) / Math.PI;
    issues.push({ kind: 'low_confidence', severity: 'info', message: `page ${at.page} was scanned ${degrees.toFixed(2)}° off-square; its columns were set upright before reading`, at });
  }
  if (straightened) {
    issues.push({ kind: 'low_confidence', severity: 'info', message: `page ${at.page} was scanned ${skew.toFixed(2)}° off straight; it was rotated back before reading`, at });
  }
  return { lines, issues, words: pieces.length };
}

function ppocrOptions(options: OcrOptions): { detLimit?: number; concurrency: number } {
  return { detLimit: options.detLimit, concurrency: ocrPoolSize(options.workers) };
}

/** Wall and process CPU time now, in ms. */
function clock(): [number, number] {
  const cpu = process.cpuUsage();
  return [performance.now(), (cpu.user + cpu.system) / 1000];
}

/** Wall and CPU ms since `from`. */
function since(from: [number, number]): [number, number] {
  const [wall, cpu] = clock();
  return [wall - from[0], cpu - from[1]];
}

type TesseractParams = Partial<Tesseract.RecognizeOptions> & Record<string, string>;

function tesseractParams(psm: string, dpi: number, whitelist?: string): TesseractParams {
  return {
    tessedit_pageseg_mode: psm,
    // Column gaps stay visible as runs of spaces instead of collapsing to one.
    preserve_interword_spaces: '1',
    user_defined_dpi: String(Math.round(dpi)),
    ...(whitelist ? { tessedit_char_whitelist: whitelist } : {}),
  };
}

/** A rule found at one resolution where it lies in the page enlarged `factor` times (as `enlarge` maps pixels). */
function scaleRule(r: PixelRule, factor: number): PixelRule {
  const first = (p: number) => Math.floor(p * factor);
  const last = (p: number) => Math.ceil((p + 1) * factor) - 1;
  return { ...r, across0: first(r.across0), across1: last(r.across1), start: first(r.start), end: last(r.end), thickness: r.thickness * factor };
}

/** A rule where it lies once the page's pixels move by (dx, dy). */
function shiftRule(r: PixelRule, dx: number, dy: number): PixelRule {
  const [across, along] = r.horizontal ? [dy, dx] : [dx, dy];
  return { ...r, across0: r.across0 + across, across1: r.across1 + across, start: r.start + along, end: r.end + along };
}

/**
 * Recognized words → pieces. A word whose letters straddle a vertical rule, or stand further apart
 * than SPLIT_GAP_EM, is two cells' text tesseract ran together: it is cut there. Hairline marks
 * (an erased rule's last pixels read as a quote or a bar) are dropped.
 */
function wordPieces(page: OcrPage, rules: PixelRule[]): Piece[] {
  const vertical = rules.filter((r) => !r.horizontal);
  const pieces: Piece[] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const words = line.words.filter((w) => !isNoise(w.text, w.confidence));
        const lineEm = median(words.map((w) => w.bbox.y1 - w.bbox.y0));
        const { x0: bx0, y0: by0, x1: bx1, y1: by1 } = line.baseline;
        const baseOf = (word: Tesseract.Word) => {
          const cx = (word.bbox.x0 + word.bbox.x1) / 2;
          const lineBaseline = bx1 === bx0 ? by0 : by0 + ((by1 - by0) * (cx - bx0)) / (bx1 - bx0);
          // A CJK word's box can reach far below (and above) its letters; its centre still sits on the line's.
          const centred = Math.abs((word.bbox.y0 + word.bbox.y1) / 2 - (lineBaseline - lineEm / 2)) <= BASELINE_SNAP_EM * lineEm;
          const snapped = centred || Math.abs(lineBaseline - word.bbox.y1) <= BASELINE_SNAP_EM * lineEm;
          return { snapped, baseline: snapped ? lineBaseline : word.bbox.y1, em: snapped ? lineEm : word.bbox.y1 - word.bbox.y0 };
        };
        let previous: Piece | undefined;
        for (const { words: run, spaced } of gluedRuns(words, line.text)) {
          const first = pieces.length;
          const height = Math.max(...run.map((w) => w.bbox.y1 - w.bbox.y0));
          const bases = run.map(baseOf);
          const snapped = bases.find((b) => b.snapped);
          const cy = (Math.min(...run.map((w) => w.bbox.y0)) + Math.max(...run.map((w) => w.bbox.y1))) / 2;
          const confidence = Math.min(...run.map((w) => w.confidence));
          const base = { baseline: (snapped ?? bases[0]!).baseline, em: (snapped ?? bases[0]!).em, confidence };
          const symbols = run.flatMap((w) => w.symbols.filter((s) => s.text.trim() !== '' && !(NOISE.test(s.text) && s.bbox.x1 - s.bbox.x0 < HAIRLINE_EM * (w.bbox.y1 - w.bbox.y0))));
          let current: Tesseract.Symbol[] = [];
          const flush = () => {
            const text = current.map((s) => s.text).join('').trim();
            if (text !== '' && !isNoise(text, confidence)) {
              pieces.push({
                text,
                x0: Math.min(...current.map((s) => s.bbox.x0)),
                y0: Math.min(...current.map((s) => s.bbox.y0)),
                x1: Math.max(...current.map((s) => s.bbox.x1)),
                y1: Math.max(...current.map((s) => s.bbox.y1)),
                ...base,
              });
            }
            current = [];
          };
          for (const s of symbols) {
            const prev = current[current.length - 1];
            if (prev) {
              const gap = s.bbox.x0 - prev.bbox.x1;
              const ruled = vertical.some((r) => {
                const x = ruleAt(r, cy);
                return x - r.thickness / 2 >= prev.bbox.x1 - 1 && x + r.thickness / 2 <= s.bbox.x0 + 1 && r.start <= cy && cy <= r.end;
              });
              if (gap > SPLIT_GAP_EM * height || ruled) flush();
            }
            current.push(s);
          }
          flush();
          const next = pieces[first];
          if (next && previous && spaced) keepApart(previous, next);
          previous = pieces[pieces.length - 1] ?? previous;
        }
      }
    }
  }
  return pieces;
}

/** Where a rule's centre line crosses `along` (a column for a horizontal rule, a row for a vertical one): a leaning rule's band is wider than its line. */
function ruleAt(r: PixelRule, along: number): number {
  return (r.across0 + r.across1) / 2 + r.slope * (along - (r.start + r.end) / 2);
}

/**
 * A line's words grouped as its recognized text joins them. Tesseract splits CJK text into
 * "words" at places where nothing was printed (行政 | 单位 | 医疗 of one printed 行政单位医疗) and
 * gives them loose boxes, one of them reaching a line below; its text for the line has no space
 * there. Words the text joins are one run, read on one baseline; a space in the text, or a
 * digit beside a letter with a space's gap between their boxes (`30108 机关…` printed with a
 * space the text lost), keeps them apart.
 */
function gluedRuns(words: Tesseract.Word[], lineText: string): { words: Tesseract.Word[]; spaced: boolean }[] {
  const runs: { words: Tesseract.Word[]; spaced: boolean }[] = [];
  let from = 0;
  let prev: Tesseract.Word | undefined;
  for (const word of words) {
    const at = lineText.indexOf(word.text, from);
    const spaced = at >= 0 && /\s/.test(lineText.slice(from, at));
    if (at >= 0) from = at + word.text.length;
    const last = runs[runs.length - 1];
    const em = prev ? Math.max(prev.bbox.y1 - prev.bbox.y0, word.bbox.y1 - word.bbox.y0) : 0;
    const gap = prev ? word.bbox.x0 - prev.bbox.x1 : 0;
    const bothCjk = prev !== undefined && CJK.test(prev.text.slice(-1)) && CJK.test(word.text.charAt(0));
    const glued = last && prev && at >= 0 && !spaced && gap <= SPLIT_GAP_EM * em && (bothCjk || gap <= GLUED_GAP_EM * em);
    if (glued) last.words.push(word);
    else runs.push({ words: [word], spaced });
    prev = word;
  }
  return runs;
}

/**
 * Two pieces the recognized text separates by a space but whose boxes touch or overlap (LSTM
 * boxes of CJK letters reach into the next word: 费[331-358] beside 50905's 5[359-389]) are
 * pulled apart to a space's width, so the layout sees the word gap the text shows.
 */
function keepApart(a: Piece, b: Piece): void {
  const need = SPACE_GAP_EM * Math.min(a.em, b.em);
  if (b.x0 - a.x1 >= need || b.x1 <= a.x1) return;
  const mid = (Math.max(a.x0, Math.min(a.x1, b.x0)) + Math.min(b.x1, Math.max(b.x0, a.x1))) / 2;
  a.x1 = Math.max(a.x0 + 1, Math.min(a.x1, mid - need / 2));
  b.x0 = Math.min(b.x1 - 1, Math.max(b.x0, mid + need / 2));
}

/** Lone marks read with little confidence: what is left of an erased rule, or a speck. */
function isNoise(text: string, confidence: number): boolean {
  const t = text.trim();
  return t === '' || (NOISE.test(t) && confidence < NOISE_CONFIDENCE);
}

/** Each non-empty cell's confidence: its least confident word's (tesseract's 0..100 → 0..1). */
function setConfidence(lines: Line[], pieces: Piece[], scale: number): void {
  for (const line of lines) {
    for (const cell of line.cells) {
      const inside = piecesIn(cell, pieces, scale);
      if (cell.text !== '' && inside.length) cell.confidence = Math.min(...inside.map((p) => p.confidence)) / 100;
    }
  }
}

/** The pieces whose centre lies in a cell's box. */
function piecesIn(cell: Cell, pieces: Piece[], scale: number): Piece[] {
  if (!cell.at.bbox) return [];
  const [x0, y0, x1, y1] = cell.at.bbox;
  return pieces.filter((p) => {
    const cx = ((p.x0 + p.x1) / 2) * scale;
    const cy = ((p.y0 + p.y1) / 2) * scale;
    return cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1;
  });
}

// ---- cells read again -------------------------------------------------------------------------

const REPAIR_WORDS: Record<RepairKind, string> = {
  lookalike: 'letters read for digits',
  separator: 'a stop or comma read for a separator',
  decimal_point: "the column's decimal point restored",
};

/**
 * Grid cells cut out of the rule-free page and read alone: a cell holds one short text, so
 * tesseract reads it without the neighbours that mislead it on the full page (a two-line name
 * beside one-line numbers is read as one line of tall garbage; a lone `01` is dropped as noise).
 * One cell takes 15-40 ms against 3 s for a page, so only doubtful cells are read again.
 */
class CellReader {
  constructor(
    private readonly image: GrayImage,
    private readonly options: OcrOptions,
  ) {}

  /** What the page recognition read in cells whose text a reading alone replaced. */
  private readonly pageReading = new Map<Cell, string>();
  /**
   * Clean amounts read for a cell besides the one it holds: the page recognition's where a reading
   * alone gave another (checkNumbers). Either may be the misread one; the sums choose.
   */
  private readonly otherReadings = new Map<Cell, string[]>();
  /**
   * A bare integer in a column of decimal amounts that every reading gave without its point
   * (checkNumbers), with the point put where the column prints it: only a sum may choose it.
   */
  private readonly pointRestored = new Map<Cell, string>();
  /** Clean amounts a cell read alone gave but the page's reading kept its place (a digit more or fewer). */
  private readonly readAlone = new Map<Cell, string[]>();

  /** Every other amount a cell may hold, for the sums to choose from. */
  private alternatives(cell: Cell): string[] {
    const restored = this.pointRestored.get(cell);
    return [...(this.otherReadings.get(cell) ?? []), ...(this.readAlone.get(cell) ?? []), ...(restored === undefined ? [] : [restored])];
  }

  /** How a cell's amount `text` was read, for the issue that says it was taken. */
  private howRead(cell: Cell, text: string): string {
    if (this.pointRestored.get(cell) === text) return `its column's decimal point put in, which no reading showed`;
    return this.otherReadings.get(cell)?.includes(text) ? `as the page read it, ${text}` : `re-read alone as ${text}`;
  }

  /**
   * The header lines of a table ruled between rows only, read again column by column. Its headings
   * wrap within narrow columns, and the page recognition reads such a band across the columns
   * (工资福利支出 wrapped in a column four letters wide came out as 福利, the rest in its neighbours' words), so its cells
   * are garbled and do not line up with the columns below. The line's ink is split where paper
   * parts it; each block goes to the column between the cuts the body's cells leave (a left-aligned
   * heading over right-aligned amounts: borderless.ts `cutBetween`), and each column's blocks are
   * read alone, as one cell. The line so read replaces the page's when it names at least as many
   * known headings. A block over two columns' figures (a centred group heading) leaves the line as
   * the page read it.
   */
  async readBandHeaders(lines: Line[], em: number): Promise<void> {
    const jobs: Promise<void>[] = [];
    for (const rows of gridGroups(lines)) {
      const first = rows.findIndex(printsAmount);
      if (first < 0 || !leavesGaps(rows[first]!)) continue;
      const extents = columnExtents(rows.slice(first));
      const [gx0, , gx1] = rows[first]!.at.bbox!;
      for (const line of headerLinesAbove(lines, rows[first]!, gx0, gx1, em)) jobs.push(this.readBandHeader(line, extents, gx0, gx1, em));
    }
    await Promise.all(jobs);
  }

  private async readBandHeader(line: Line, extents: [number, number][], gx0: number, gx1: number, em: number): Promise<void> {
    const px = this.image.dpi / 72;
    const [lx0, y0, lx1, y1] = line.at.bbox!;
    const from = Math.min(lx0, gx0) - em;
    const to = Math.max(lx1, gx1) + em;
    const blocks = inkSpans(this.image, INK_LEVEL, from * px, y0 * px, to * px, y1 * px, HEADING_GAP_EM * em * px).map(([a, b]) => ({ x0: a / px, x1: b / px }));
    if (blocks.length === 0 || blocks.some((b) => extents.filter(([e0, e1]) => b.x0 < e1 && b.x1 > e0).length > 1)) return;
    const cuts = extents.slice(1).map(([x0], k) => cutBetween(extents[k]![1], x0, blocks.map((b) => ({ ...b, text: '', top: y0, bottom: y1 }))));
    const regions = new Map<number, [number, number]>();
    for (const b of blocks) {
      const k = columnOf(cuts, b.x0, b.x1);
      const r = regions.get(k);
      regions.set(k, r ? [Math.min(r[0], b.x0), Math.max(r[1], b.x1)] : [b.x0, b.x1]);
    }
    const cells = await Promise.all(
      extents.map(async ([e0, e1], k): Promise<Cell> => {
        const region = regions.get(k);
        if (!region) return { text: '', at: { ...line.at, bbox: [e0, y0, e1, y1] }, x0: e0, x1: e1 };
        const [r0, r1] = region;
        const cell: Cell = { text: '', at: { ...line.at, bbox: [r0 - HEADING_MARGIN_PT, y0, r1 + HEADING_MARGIN_PT, y1] }, x0: r0, x1: r1 };
        // A cell the page read whole as a known word over this block keeps that reading.
        const inside = line.cells.filter((c) => c.text !== '' && c.x0 !== undefined && c.x1 !== undefined && c.x0 >= r0 - em && c.x1 <= r1 + em);
        const known = inside.length === 1 ? knownWord(inside[0]!.text) : undefined;
        if (known !== undefined) return { ...cell, text: known, confidence: inside[0]!.confidence };
        const read = await this.read(cell, TEXT_CELL_PSM, undefined, 0);
        if (!read || isNoise(read.text, read.confidence)) return cell;
        return { ...cell, text: ocrText(read.text), confidence: read.confidence / 100 };
      }),
    );
    if (namedHeadings(cells) === 0 || namedHeadings(cells) < namedHeadings(line.cells)) return;
    line.cells = cells;
    line.text = cells.map((c) => c.text).join('\t');
    line.delimited = true;
    line.at = { ...line.at, bbox: [gx0, y0, gx1, y1] };
  }

  /**
   * Cells that are not clean amounts read again: those the page recognition was unsure of, those
   * whose text it found on more than one line (wrapped names, where line finding goes wrong),
   * and cells with ink but no text. In a column of amounts they are read as digits. A cell a
   * merged neighbour covers is skipped (its ink is the neighbour's).
   */
  async rereadText(lines: Line[], pieces: Piece[], scale: number): Promise<void> {
    const jobs: Promise<void>[] = [];
    for (const rows of gridGroups(lines)) {
      const numeric = rows[0]!.cells.map((_, j) => {
        const texts = rows.map((l) => l.cells[j]!.text).filter((t) => t !== '');
        return texts.length >= MIN_NUMERIC_CELLS && texts.filter((t) => readAmount(t)).length / texts.length >= NUMERIC_COLUMN_SHARE;
      });
      rows.forEach((line, r) =>
        line.cells.forEach((cell, c) => {
          if (readAmount(cell.text) || coveredByMerged(rows, r, c)) return;
          const inside = piecesIn(cell, pieces, scale);
          // Box centres, not baselines: a word tesseract did not snap to its line has its box's
          // foot for a baseline, a loose CJK box's reaching half a line below its letters.
          const centres = inside.map((p) => (p.y0 + p.y1) / 2);
          const wrapped = inside.length > 1 && Math.max(...centres) - Math.min(...centres) > WRAPPED_EM * median(inside.map((p) => p.em));
          const unsure = cell.text !== '' && ((cell.confidence ?? 1) * 100 < GRID_TEXT_REREAD_CONFIDENCE || wrapped || STRAY_EDGE.test(cell.text));
          const missed = cell.text === '' && this.hasInk(cell);
          if (!unsure && !missed) return;
          const known = missed ? undefined : knownWord(cell.text);
          if (known !== undefined) {
            cell.text = known;
            return;
          }
          // In a column of amounts a cell that shows digits (or was missed) is read as digits first;
          // its header cells, and names in it, are text.
          const asDigits = numeric[c] && (missed || /\d/.test(cell.text));
          jobs.push(
            (async () => {
              const digits = asDigits ? await this.read(cell, CELL_PSM, DIGIT_WHITELIST) : undefined;
              if (digits && digits.confidence >= MIN_REREAD_CONFIDENCE && readAmount(digits.text)) {
                if (!missed) this.pageReading.set(cell, cell.text);
                cell.text = digits.text;
                cell.confidence = digits.confidence / 100;
                return;
              }
              if (asDigits && !missed) return;
              const read = await this.read(cell, TEXT_CELL_PSM);
              if (!read || isNoise(read.text, read.confidence) || read.confidence < MIN_REREAD_CONFIDENCE) return;
              // Ink the page reading passed over that reads as marks only is dust, not a cell's text.
              if (missed && NOISE.test(read.text)) return;
              // Kept when at least as sure as the page's reading (a missed cell had none).
              if (missed || read.confidence / 100 >= (cell.confidence ?? 0)) {
                cell.text = ocrText(read.text);
                cell.confidence = read.confidence / 100;
              }
            })(),
          );
        }),
      );
    }
    await Promise.all(jobs);
  }

  /**
   * Numeric cells of each grid checked against their column: look-alike letters, a lost or
   * misread decimal point, a low confidence. Doubtful cells are re-read alone with a digit
   * whitelist; the re-reading is kept when it is a clean amount with the column's decimals, else
   * the repair the column's format implies. Whatever differs from the page reading is reported.
   */
  async checkNumbers(lines: Line[], at: PageAt): Promise<Issue[]> {
    const issues: Issue[] = [];
    const jobs: Promise<void>[] = [];
    // Bare integers no reading gave a point, with the row they are in.
    const pointless: { cell: Cell; row: Line }[] = [];
    const pointed = (rows: Line[]) => rows.flatMap((l) => l.cells.flatMap((c) => (readAmount(c.text)?.text.includes('.') ? [readAmount(c.text)!.text] : [])));
    const grids = gridGroups(lines);
    // The decimals the page's grids print: evidence for a grid with too few amounts of its own (a
    // table's last row carried over to the top of a page, `19 | 221 | 住房保障支出 | 34,38 | 34.38`).
    const pageDecimals = columnDecimals(grids.flatMap(pointed));
    for (const rows of grids) {
      // The decimals the grid's amounts with a point print: evidence for a column with too few
      // amounts of its own (a total row at the foot of a page whose table goes on overleaf).
      const gridDecimals = columnDecimals(pointed(rows)) ?? pageDecimals;
      const codeCells = rows.map(codeCellsOf);
      for (let j = 0; j < rows[0]!.cells.length; j++) {
        const cells = rows.map((l) => l.cells[j]!);
        const readings = cells.map((c) => readAmount(c.text) ?? readGappedAmount(c.text, gridDecimals) ?? readGappedThousands(c.text) ?? readMarkedAmount(c.text, gridDecimals) ?? readSpeckedDecimals(c.text, gridDecimals));
        const filled = cells.filter((c) => c.text.trim() !== '').length;
        const ofAmounts = filled >= MIN_NUMERIC_CELLS && readings.filter(Boolean).length / filled >= NUMERIC_COLUMN_SHARE;
        cells.forEach((cell, i) => {
          const reading = readings[i];
          if (!reading) {
            // Said here, where the scan is at hand: the reading stage leaves such a cell blank.
            if (ofAmounts && (cell.text.match(/\d/g) ?? []).length >= UNREAD_FIGURE_DIGITS) {
              issues.push(lowConfidence(cell, at, cell.text, undefined, 'in a column of amounts, but not readable as one: its figure is left out'));
            }
            return;
          }
          // A row's code read as bare digits is settled by the row's name (settleCodesAndNames), not
          // read again as an amount: alone, codes came back with digits changed or added (2040405 as 20401405).
          if (j < codeCells[i]! && reading.repairs.length === 0 && /^\d+$/.test(reading.text)) return;
          const others = readings.flatMap((r, k) => (r && k !== i && r.repairs.length === 0 ? [r.text] : []));
          const decimals = columnDecimals(others);
          // A blurred scan loses points and seldom prints one that is not there: in a column whose
          // bare integers outnumber its amounts with a point (249, 412, 42900 over 16.41 and 6692.80),
          // those amounts fit, and its integers may have lost theirs. (A point before three digits
          // may be a separator read as one, `4,620.000`: no evidence of decimals.)
          const twoAtMost = (d: number | undefined) => (d !== undefined && d <= 2 ? d : undefined);
          const pointed = twoAtMost(columnDecimals(others.filter((t) => /\.\d{1,2}$/.test(t)))) ?? twoAtMost(gridDecimals);
          const mixed = decimals === 0 && pointed !== undefined && pointed > 0;
          // Where the column does not say, no more decimals than the table prints (`1.67964` is no amount of 万元).
          const fits = (text: string) => (decimals === undefined ? pointed === undefined || decimalsOf(text) <= pointed : decimalsOf(text) === decimals || (mixed && decimalsOf(text) === pointed));
          // No column evidence (or mixed), a grid of decimal amounts, and a bare integer: maybe a
          // lost point, maybe a code. Only a second reading that shows the point may change it; a
          // listed classification code is read as one (50501 beside 30101 基本工资).
          const wanted = decimals === undefined || mixed ? pointed : undefined;
          const pointLost = wanted !== undefined && wanted > 0 && new RegExp(`^\\d{${wanted + 1},}$`).test(reading.text) && !LEXICON.namesOf.has(reading.text);
          // A code the row's name confirms needs no second reading, however unsure the page was of its digits.
          const confident = (cell.confidence ?? 1) * 100 >= LOW_CONFIDENCE || (reading.repairs.length === 0 && codeNamedInRow(reading.text, rows[i]!));
          const replaced = this.pageReading.get(cell);
          // An amount read with a gap for a separator or its point: the page saw every digit, and
          // a second reading alone that shows other digits is no surer (`1 200, 000` read alone 200,000).
          const gapped = readAmount(cell.text) === undefined;
          if (reading.repairs.length === 0 && fits(reading.text) && confident && !pointLost) {
            cell.text = reading.text; // edge marks (an erased rule's remains) dropped
            if (replaced !== undefined) {
              cell.confidence = Math.min(cell.confidence ?? 1, REPAIRED_CONFIDENCE);
              issues.push(lowConfidence(cell, at, replaced, reading.text, `the page reading was not a number; re-read alone as ${reading.text}`));
            }
            return;
          }
          jobs.push(
            (async () => {
              const printed = replaced ?? cell.text;
              const reread = this.options.rereadNumbers === false ? undefined : await this.read(cell, CELL_PSM, DIGIT_WHITELIST);
              const again = reread ? readAmount(reread.text) : undefined;
              const why: string[] = [];
              let value: string | undefined;
              if (pointLost) {
                if (!again || again.repairs.length > 0 || decimalsOf(again.text) !== wanted) {
                  // A code, most likely; or the point is lost to every reading, and only the sums may say so.
                  const restored = restoreDecimals(reading.text, wanted!);
                  if (restored !== undefined) {
                    this.pointRestored.set(cell, restored);
                    pointless.push({ cell, row: rows[i]! });
                  }
                  if (reading.repairs.length === 0) cell.text = reading.text; // as a fitting amount is (`20 104`: a code's pieces)
                  return;
                }
                value = again.text;
                why.push(`re-read alone as ${value}, with the decimals of the table's other amounts`);
              } else if (again && again.repairs.length === 0 && fits(again.text) && digitsOf(again.text).length !== digitsOf(reading.text).length && reading.repairs.length === 0 && fits(reading.text)) {
                // Two clean amounts, one a digit longer: a crop alone may cut a figure's first digit
                // (47.31 read alone 7.31), a page reading may take a rule's remains for one. Neither
                // is surer; the page's stays, and the sums may take the other.
                cell.text = reading.text;
                this.readAlone.set(cell, [again.text]);
                issues.push(lowConfidence(cell, at, printed, reading.text, `read alone as ${again.text}; kept as the page read it`));
                return;
              } else if (again && again.repairs.length === 0 && fits(again.text) && (!gapped || digitsOf(again.text) === digitsOf(reading.text))) {
                value = again.text;
                if (value !== reading.text) why.push(`re-read alone as ${value}`);
              } else {
                // A column too mixed to say its decimals, in a table that does: more than the table's (`1.67964`) are restored to them.
                const over = wanted !== undefined && decimalsOf(reading.text) > wanted ? restoreDecimals(reading.text, wanted) : undefined;
                value = over ?? (decimals === undefined ? reading.text : restoreDecimals(reading.text, decimals));
                why.push(...reading.repairs.map((r) => REPAIR_WORDS[r]));
                if (value !== undefined && value !== reading.text) why.push(REPAIR_WORDS.decimal_point);
              }
              if (value === undefined) {
                issues.push(lowConfidence(cell, at, printed, undefined, `does not print the column's ${decimals} decimals, and reading it alone did not settle it`));
                return;
              }
              cell.text = value;
              if (value !== reading.text && reading.repairs.length === 0) this.otherReadings.set(cell, [reading.text]);
              const rereadSure = reread !== undefined && reread.confidence >= LOW_CONFIDENCE;
              if (why.length) {
                cell.confidence = Math.min(cell.confidence ?? 1, REPAIRED_CONFIDENCE);
                issues.push(lowConfidence(cell, at, printed, value, why.join('; ')));
              } else if (rereadSure && again) {
                // Read twice, the same clean amount that fits its column, once with confidence.
                cell.confidence = Math.max(cell.confidence ?? 0, reread.confidence / 100);
              } else {
                issues.push(lowConfidence(cell, at, printed, value, reread ? 'low recognition confidence, read alone too' : 'low recognition confidence'));
              }
            })(),
          );
        });
      }
    }
    await Promise.all(jobs);
    // The same figure printed twice in a row (合计 beside its one part), and the other read with its
    // point, or given it by its column: 4248 beside 42.48 is 42.48.
    for (const { cell, row } of pointless) {
      const restored = this.pointRestored.get(cell)!;
      const twin = row.cells.some((c) => c !== cell && /^-?[\d,]+\.\d{1,2}$/.test(c.text) && cents(c.text) === cents(restored));
      if (!twin) continue;
      this.pointRestored.delete(cell);
      issues.push(amend(cell, restored, at, `its row prints the same digits with the point, ${restored}`));
    }
    return issues;
  }

  /**
   * Amounts checked against the classification's sums (a 类 is the sum of its 款, a 款 of its 项,
   * where they are on the page, column by column). The cells of a sum that does not hold are read
   * again alone, enlarged, with a digit whitelist; when exactly one of those readings makes the
   * sum hold, it replaces the page's and says so. Otherwise the amounts stay as read, for the
   * arithmetic checks to report.
   */
  async checkIdentities(lines: Line[], at: PageAt): Promise<Issue[]> {
    if (this.options.rereadNumbers === false) return [];
    const issues: Issue[] = [];
    for (const rows of gridGroups(lines)) {
      const codes = rows.map(rowCode);
      const identities = sumIdentities(codes.map((c) => c?.code));
      // Where the codes end: the usual row's, not one whose name was missed and whose whole amounts join its code.
      const codeColumns = median(codes.flatMap((c) => (c ? [c.cells] : [])));
      const cut = mayGoOn(rows, lines, this.image);
      for (let j = codeColumns; j < rows[0]!.cells.length; j++) {
        const column = rows.map((l) => l.cells[j]!);
        if (!column.some((c) => readAmount(c.text)?.text.includes('.'))) continue;
        const read = column.map((c) => cents(c.text));
        for (const identity of identities) {
          const members = [identity.parent, ...identity.children];
          // One cell the page did not read as an amount (`1] 754. 17`) may be settled too; text is not.
          const unread = members.filter((r) => read[r] === undefined);
          if (unread.length > 1 || unread.some((r) => !/\d/.test(column[r]!.text))) continue;
          if (unread.length === 0 && (holds(identity, read) || offByRounding(identity, column.map((c) => c.text)))) continue;
          const texts = new Map<number, string[]>();
          await Promise.all(
            members.map(async (r) => {
              if (column[r]!.text === '') return;
              const again = await this.read(column[r]!, CELL_PSM, DIGIT_WHITELIST, undefined, IDENTITY_REREAD_FACTOR);
              const reading = again && readAmount(again.text);
              // A reading alone that replaced the page's may be the wrong one of the two: the page's counts too.
              texts.set(r, [...(reading && reading.repairs.length === 0 ? [reading.text] : []), ...this.alternatives(column[r]!)]);
            }),
          );
          const settled = settleIdentity(identity, read, read.map((_, r) => texts.get(r)?.map((t) => cents(t)!)));
          if (settled === undefined) continue;
          const text = texts.get(settled.row)!.find((t) => cents(t) === settled.value)!;
          read[settled.row] = settled.value;
          issues.push(amend(column[settled.row]!, text, at, `${this.howRead(column[settled.row]!, text)}, the only reading under which ${codes[identity.parent]!.code} is the sum of its ${identity.children.length} items`));
        }
        issues.push(...settleColumnByLookalike(rows, j, codes, identities, cut, at));
      }
      // A row's amounts sum across too (总计 = 基本支出 + 项目支出): a cell a column's sums could
      // not settle (two misread in one sum) may be settled across its row, and the column's sum then.
      const settledAcross = settleRows(rows, codeColumns, codes, identities, at, (c) => this.alternatives(c), (c, t) => this.howRead(c, t));
      issues.push(...settledAcross);
      if (settledAcross.length > 0) {
        for (let j = codeColumns; j < rows[0]!.cells.length; j++) issues.push(...settleColumnByLookalike(rows, j, codes, identities, cut, at));
      }
    }
    return issues;
  }

  /**
   * Words of a borderless table's rows (lines outside grids that print amounts) the page
   * recognition was unsure of, read again alone: a row's name beside its codes and amounts is
   * read like a grid's name cell. Kept when at least as sure as the page's reading.
   */
  async rereadFreeWords(lines: Line[]): Promise<void> {
    const jobs: Promise<void>[] = [];
    for (const line of lines) {
      if (line.delimited || !line.cells.some((c) => readAmount(c.text)?.text.includes('.'))) continue;
      for (const cell of line.cells) {
        if (cell.text === '' || readAmount(cell.text) || (cell.confidence ?? 1) * 100 >= TEXT_REREAD_CONFIDENCE) continue;
        jobs.push(
          (async () => {
            const read = await this.read(cell, CELL_PSM, undefined, -WORD_MARGIN_PT);
            if (!read || isNoise(read.text, read.confidence) || read.confidence < MIN_REREAD_CONFIDENCE || read.confidence / 100 < (cell.confidence ?? 0)) return;
            if (/\s/.test(read.text) || readAmount(read.text)) return; // a neighbour's word came into the crop
            cell.text = ocrText(read.text);
            cell.confidence = read.confidence / 100;
          })(),
        );
      }
    }
    await Promise.all(jobs);
  }

  /**
   * Rows of a borderless table (lines outside grids, their cells words): an integer of three or
   * more digits after the row's last label, in a row whose other amounts print decimals, is an
   * amount whose point was lost (`219615` beside `2196.15`), or a code or count. It is read again
   * alone with a digit whitelist and replaced only when that reading shows the row's decimals.
   */
  async checkFreeNumbers(lines: Line[], at: PageAt): Promise<Issue[]> {
    const issues = pointsReadAsCommas(lines, at);
    const jobs: Promise<void>[] = [];
    for (const line of lines) {
      if (line.delimited) continue;
      const readings = line.cells.map((c) => readAmount(c.text));
      const withPoint = readings.flatMap((r) => (r?.text.includes('.') ? [r.text] : []));
      if (withPoint.length === 0) continue;
      const wanted = columnDecimals(withPoint) ?? decimalsOf(withPoint[0]!);
      const lastLabel = readings.reduce((k, r, i) => (r === undefined && line.cells[i]!.text !== '' ? i : k), -1);
      line.cells.forEach((cell, i) => {
        const r = readings[i];
        if (i <= lastLabel || !r || !/^\d{3,}$/.test(r.text) || wanted === 0) return;
        jobs.push(
          (async () => {
            const reread = this.options.rereadNumbers === false ? undefined : await this.read(cell, CELL_PSM, DIGIT_WHITELIST, -WORD_MARGIN_PT);
            const again = reread ? readAmount(reread.text) : undefined;
            if (!again || again.repairs.length > 0 || decimalsOf(again.text) !== wanted || again.text.replace(/\D/g, '') !== r.text) return;
            issues.push(amend(cell, again.text, at, "re-read alone with the decimals of the row's other amounts"));
          })(),
        );
      });
      jobs.push(...this.joinSplitAmounts(line, wanted, lastLabel, at, issues));
    }
    await Promise.all(jobs);
    return issues;
  }

  /**
   * Two words of a borderless row, digits then exactly the row's decimals, a point's width apart
   * (`7 | 93` beside `0.79` and `2095.50`): one amount whose point the page reading dropped, so
   * every amount after it went one column right. The pair is read again as one crop with a digit
   * whitelist and joined only when that reading shows the point between those very digits.
   */
  private joinSplitAmounts(line: Line, wanted: number, lastLabel: number, at: PageAt, issues: Issue[]): Promise<void>[] {
    if (wanted === 0 || this.options.rereadNumbers === false) return [];
    const jobs: Promise<void>[] = [];
    for (let i = lastLabel + 1; i + 1 < line.cells.length; i++) {
      const [a, b] = [line.cells[i]!, line.cells[i + 1]!];
      const [ba, bb] = [a.at.bbox, b.at.bbox];
      if (!ba || !bb || !/^\d+$/.test(a.text) || !new RegExp(`^\\d{${wanted}}$`).test(b.text)) continue;
      const em = Math.max(ba[3] - ba[1], bb[3] - bb[1]);
      if (bb[0] - ba[2] > SPLIT_POINT_EM * em) continue;
      const pair: Cell = { text: `${a.text} ${b.text}`, at: { ...a.at, bbox: [ba[0], Math.min(ba[1], bb[1]), bb[2], Math.max(ba[3], bb[3])] }, x0: a.x0, x1: b.x1 };
      jobs.push(
        (async () => {
          const reread = await this.read(pair, CELL_PSM, DIGIT_WHITELIST, -WORD_MARGIN_PT);
          const again = reread ? readAmount(reread.text) : undefined;
          if (!again || again.repairs.length > 0 || again.text !== `${a.text}.${b.text}`) return;
          const printed = pair.text;
          const k = line.cells.indexOf(a);
          if (k < 0 || line.cells[k + 1] !== b) return;
          line.cells.splice(k, 2, { ...pair, text: again.text, confidence: Math.min(a.confidence ?? 1, b.confidence ?? 1, REPAIRED_CONFIDENCE) });
          line.text = line.cells.map((c) => c.text).join(' ');
          issues.push(lowConfidence(line.cells[k]!, at, printed, again.text, 'two words a point apart, re-read together as one amount with the decimals of the row'));
        })(),
      );
      i++;
    }
    return jobs;
  }

  /**
   * Short lines outside grids (titles, 单位：万元, table numbers) the page recognition was unsure
   * of (a line naming a table sooner), and lines shaped like a table's title (ending in 表) that
   * name no table type however sure the page was of them, read again alone as one line: a
   * table's title types it, so a garbled title loses the table. Each is read twice, as a line
   * (psm 7) and as raw text (psm 13, which reads a title's larger print better: 支出 where psm 7
   * and the page read 广出 or 收文), and the readings compete with the page's: one that names a
   * known table type more specifically wins, then the more confident. Prose lines are left as
   * read: reading each again would double a text page's time.
   */
  async rereadFreeLines(lines: Line[]): Promise<void> {
    await Promise.all(
      lines
        .filter(
          (l) =>
            !l.delimited &&
            l.at.bbox &&
            [...l.text].length <= MAX_REREAD_LINE_CHARS &&
            // A borderless table's row (its cells are words, amounts among them) keeps its cells:
            // a reading of the whole line would run them together.
            !l.cells.some((c) => readAmount(c.text)?.text.includes('.')) &&
            (l.cells.some((c) => (c.confidence ?? 1) * 100 < (TITLE_WORD.test(l.text) ? TEXT_REREAD_CONFIDENCE : LINE_REREAD_CONFIDENCE)) ||
              // A line shaped like a title is read again however sure the page was only when it names no table type.
              (TITLE_LIKE.test(l.text) && titleRank(l.text) === TITLE_PATTERNS.length)),
        )
        .map(async (line) => {
          const [x0, y0, x1, y1] = line.at.bbox!;
          const margin = FREE_LINE_MARGIN_EM * (y1 - y0);
          // The margin stops at the neighbouring lines: a title a line's height from the next line
          // is misread with that line's tops in the crop (基本 as 甚木, 预算 as 预符).
          const [above, below] = neighbourEdges(lines, line);
          const box: [number, number, number, number] = [x0 - margin, Math.max(y0 - margin, above), x1 + margin, Math.min(y1 + margin, below)];
          const region = { text: line.text, at: { ...line.at, bbox: box } };
          const page = { text: line.text, confidence: Math.min(...line.cells.map((c) => c.confidence ?? 1)) * 100 };
          // Raw text (psm 13) is a second opinion for titles only: a line the page or the line
          // reading shows as one (表, 预算, 决算), so prose labels cost one reading, not two; and
          // not where the line reading surely agrees with the page's, letter for letter (表8), unless
          // they agree on a title that names no table type (一般公共预算文出预算表 read twice is one
          // misreading of the same pixels: the raw reading reads 支出).
          const asLine = await this.read(region, LINE_PSM, undefined, 0);
          const agreed =
            asLine !== undefined &&
            asLine.confidence >= TEXT_REREAD_CONFIDENCE &&
            wordKey(withoutEdgeMarks(ocrText(asLine.text))) === wordKey(line.text) &&
            (titleRank(line.text) < TITLE_PATTERNS.length || !TITLE_LIKE.test(line.text));
          const titleish = !agreed && [line.text, asLine?.text ?? ''].some((t) => TITLE_WORD.test(t));
          const readings = [asLine, titleish ? await this.read(region, RAW_LINE_PSM, undefined, 0) : undefined];
          const candidates = [page, ...readings.flatMap((r) => (r && r.confidence >= MIN_REREAD_CONFIDENCE ? [{ text: withoutEdgeMarks(ocrText(r.text)), confidence: r.confidence }] : []))];
          let best = candidates.reduce((a, b) => {
            const [ra, rb] = [titleRank(a.text), titleRank(b.text)];
            return rb < ra || (rb === ra && b.confidence > a.confidence) ? b : a;
          });
          if (this.options.engine === 'tesseract' && TITLE_LIKE.test(line.text) && !candidates.some((c) => namesType(c.text))) best = (await this.titleByPpocr(region)) ?? best;
          if (best === page) return;
          line.cells = [{ text: best.text, at: line.at, x0: line.cells[0]?.x0 ?? x0, x1: line.cells[line.cells.length - 1]?.x1 ?? x1, confidence: best.confidence / 100 }];
          line.text = best.text;
        }),
    );
  }

  /**
   * A title line tesseract read as naming no table type, on the page, as a line and as raw text,
   * read by PP-OCR: another model's view of the same print, taken when it names a type, its title
   * words repaired as any title's are (repairTitleWords). Tesseract read 2025年财政拨款收支预算表 as
   * 2025年网民匠容收又预算表 all three ways on a 200 dpi scan in a thin serif; PP-OCR as 财政该款收文.
   */
  private async titleByPpocr(region: Cell): Promise<{ text: string; confidence: number } | undefined> {
    if ([...region.text].filter((c) => HAN.test(c)).length < TITLE_MIN_HAN) return undefined;
    const done = await useEngine('ppocr');
    try {
      const read = await this.read(region, LINE_PSM, undefined, 0, 1, 'ppocr');
      if (!read) return undefined;
      const text = withoutEdgeMarks(ocrText(read.text));
      return namesType(text) ? { text, confidence: read.confidence } : undefined;
    } finally {
      done();
    }
  }

  /** Ink inside the cell (its rules excluded): something was printed there. */
  private hasInk(cell: Cell): boolean {
    const piece = this.cut(cell, 0);
    if (!piece) return false;
    let dark = 0;
    for (const v of piece.data) if (v < INK_LEVEL) dark++;
    return dark >= MIN_CELL_INK_PT2 * (this.image.dpi / 72) ** 2;
  }

  private cut(cell: Cell, pad: number, insetPt = CELL_INSET_PT): GrayImage | undefined {
    if (!cell.at.bbox) return undefined;
    const px = this.image.dpi / 72;
    const inset = insetPt * px;
    const [x0, y0, x1, y1] = cell.at.bbox;
    if (x1 - x0 <= 2 * insetPt || y1 - y0 <= 2 * insetPt) return undefined;
    return crop(this.image, x0 * px + inset, y0 * px + inset, x1 * px - inset, y1 * px - inset, pad);
  }

  private async read(cell: Cell, psm: string, whitelist?: string, insetPt?: number, factor = 1, engine = this.options.engine): Promise<{ text: string; confidence: number } | undefined> {
    const cut = this.cut(cell, CELL_PAD_PX, insetPt);
    if (!cut) return undefined;
    const piece = factor === 1 ? cut : enlarge(cut, factor);
    this.options.onReread?.(cell.text);
    if (engine === 'ppocr') return this.readPpocr(piece, psm, whitelist);
    const result = await withOcrWorker((w) => w.recognize(encodePgm(piece), tesseractParams(psm, piece.dpi, whitelist), { text: true }));
    const text = joinWords(result.data.text ?? '');
    return text === '' ? undefined : { text, confidence: result.data.confidence };
  }

  /**
   * A crop read by PP-OCR: recognition alone for a line (a whitelist masks the letters it may
   * read), detection and recognition for a block (a cell that may wrap). Raw text (psm 13) is a
   * tesseract mode without a PP-OCR counterpart: the line's reading would only repeat.
   */
  private async readPpocr(piece: GrayImage, psm: string, whitelist?: string): Promise<{ text: string; confidence: number } | undefined> {
    if (psm === RAW_LINE_PSM) return undefined;
    const options = ppocrOptions(this.options);
    if (psm === TEXT_CELL_PSM && whitelist === undefined) {
      const block = await ppocrBlock(piece, options);
      return block && { text: joinWords(block.lines.join(' ')), confidence: block.confidence };
    }
    const line = await ppocrLine(piece, { ...options, allowed: whitelist });
    return line && { text: joinWords(line.text), confidence: line.confidence };
  }
}

/** The bottom of the nearest line above and the top of the nearest line below that share some of its width. */
function neighbourEdges(lines: Line[], line: Line): [number, number] {
  const [x0, y0, x1, y1] = line.at.bbox!;
  let above = -Infinity;
  let below = Infinity;
  for (const other of lines) {
    const b = other.at.bbox;
    if (other === line || !b || b[2] <= x0 || b[0] >= x1) continue;
    if (b[3] <= (y0 + y1) / 2 && b[1] < y0) above = Math.max(above, Math.min(b[3], y0));
    else if (b[1] >= (y0 + y1) / 2 && b[3] > y1) below = Math.min(below, Math.max(b[1], y1));
  }
  return [above, below];
}

/** A reading without the marks at its ends when that leaves a title (a sentence keeps its 。). */
function withoutEdgeMarks(text: string): string {
  const stripped = text.replace(EDGE_MARKS, '');
  return TITLE_LIKE.test(stripped) && !TITLE_LIKE.test(text) ? stripped : text;
}

/** True when a title, its title words repaired (titleWordsFixed), names a table type. */
function namesType(text: string): boolean {
  return titleRank(titleWordsFixed(text.replace(/\s+/g, ''), TITLE_WORDS)) < TITLE_PATTERNS.length;
}

/** How specifically a reading names a table type: the index of the first title pattern it matches (spaces removed). */
function titleRank(text: string): number {
  const t = text.replace(/\s+/g, '');
  const i = TITLE_PATTERNS.findIndex((p) => p.test(t));
  return i < 0 ? TITLE_PATTERNS.length : i;
}

/**
 * Recognized text folded as pdf.ts folds printed text, angle brackets read as parentheses (the
 * model reads a full-width （ as 〈, often with a ( beside it: 维修〈(护)费; budget tables print
 * parentheses, not angle brackets), and a hyphen or tilde before a CJK letter as the 一 it stands
 * for (two or three hyphens, as PP-OCR reads a long 一: 预算单位--般公共预算, ---般行政管理事务).
 */
export function ocrText(text: string): string {
  return foldText(text).replace(/〈\(?/gu, '(').replace(/\)?〉/gu, ')').replace(DASH_FOR_ONE, '$1一').replace(MARK_AFTER_COLON, '$1');
}

/**
 * A comma or stop right after a colon: a speck beside it, never printed (表1:,高等学校收支决算总表
 * was taken for prose, not a title, and its table went unfound).
 */
const MARK_AFTER_COLON = /([:：])\s*[,，.。、]+/gu;

/**
 * Hyphens or tildes before a CJK letter, at the start or after a letter, space or parenthesis
 * (printed text puts none there; a tilde is 一 read as a wave: 年~般公共预算支出情况表).
 */
const DASH_FOR_ONE = /(^|[\s\p{Script=Han}(（])(?:-+|~)(?=\p{Script=Han})/gu;

/** An amount's digits, its separators and point left out. */
function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** A word as compared with the known ones: folded as recognized text is, spaces removed. */
function wordKey(text: string): string {
  return foldText(text).replace(/\s+/g, '');
}

/** The known word (KNOWN_WORDS) a text cell reads as, as read or without stray marks at its ends (”奖金 is 奖金); undefined for any other text. */
function knownWord(text: string): string | undefined {
  return [text, text.replace(STRAY_EDGES, '')].find((t) => t !== '' && KNOWN_WORDS.has(wordKey(t)));
}

/** True when a row's code is a listed classification code and a cell of the row prints that code's name: the code and its name confirm each other. */
function codeNamedInRow(code: string, row: Line): boolean {
  const names = NAMES_OF_CODE.get(code);
  return names !== undefined && row.cells.some((c) => names.has(wordKey(c.text)));
}

/** A cell's recognized lines and words joined as pdf.ts joins wrapped pieces: no space beside CJK. */
function joinWords(text: string): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .reduce((a, b) => (a === '' ? b : CJK.test(a.slice(-1)) || CJK.test(b.charAt(0)) ? a + b : `${a} ${b}`), '');
}

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/**
 * A grid cell of text that ends in an amount (`…的补助1.050.00`) took its right neighbour's
 * number: tesseract read the last line of a wrapped name and the amount beside it as one word
 * whose letters straddle the rule. The amount moves to the neighbour when that is blank, and is
 * dropped when the neighbour already holds it (read again alone); reported either way.
 */
export function separateRunInAmounts(lines: Line[], at: PageAt): Issue[] {
  const issues: Issue[] = [];
  for (const line of lines) {
    if (!line.delimited) continue;
    line.cells.forEach((cell, j) => {
      const next = line.cells[j + 1];
      const m = RUN_IN_AMOUNT.exec(cell.text);
      if (!next || !m || readAmount(cell.text)) return;
      const amount = readAmount(m[2]!);
      if (!amount || !amount.text.includes('.')) return;
      const there = readAmount(next.text);
      if (next.text !== '' && there?.text.replace(/,/g, '') !== amount.text.replace(/,/g, '')) return;
      const printed = cell.text;
      cell.text = m[1]!;
      if (next.text === '') {
        next.text = amount.text;
        next.confidence = Math.min(cell.confidence ?? 1, REPAIRED_CONFIDENCE);
        issues.push(lowConfidence(next, at, printed, amount.text, 'read run into the cell on its left'));
      }
    });
  }
  return issues;
}

/** Text (ending in a letter) followed by an amount with a decimal point. */
const RUN_IN_AMOUNT = /^(.*[^\d\s.,，。·-])\s*(-?\d[\d.,，。·]*[.。·]\d+)$/u;

/**
 * Header cells of each grid (its rows above the first that prints a number) one letter from a
 * known measure word take that word: a misread header (基本文出) leaves its column unnamed, and the
 * amounts under it were taken for the next column's. Reported, with what was read.
 */
export function repairHeaderWords(lines: Line[], at: PageAt): Issue[] {
  const issues: Issue[] = [];
  for (const rows of gridGroups(lines)) {
    for (const line of rows) {
      if (line.cells.some((c) => readAmount(c.text))) break;
      for (const cell of line.cells) {
        const word = headerWordFor(cell.text, HEADER_WORDS);
        if (!word) continue;
        issues.push(amend(cell, word, at, `one letter from the column heading ${word}, taken as it`, false));
      }
    }
  }
  return issues;
}

/**
 * A line shaped like a title (…表) whose known title words, read with a letter or two misread, name
 * a table type more specific than the line as read (单位预算一般公共预算财政拔款文出表: 财政拨款支出,
 * where as read it names none; 一般公共预算其本支出情况表: 基本支出, where as read it names the
 * general 一般公共预算支出): it takes them. The title read twice (the page, the line alone) can be
 * misread alike, and a table typed by a misread title is lost or taken for another. Reported, with
 * what was read.
 */
function repairTitleWords(lines: Line[], at: PageAt): Issue[] {
  const issues: Issue[] = [];
  for (const line of lines) {
    if (line.delimited || !TITLE_LIKE.test(line.text)) continue;
    const read = line.text.replace(/\s+/g, '');
    const fixed = titleWordsFixed(read, TITLE_WORDS);
    const rank = titleRank(read);
    // A title that names a type as read is evidence too: overruled by one letter only.
    if (titleRank(fixed) >= rank || (rank < TITLE_PATTERNS.length && distance(read, fixed) > 1)) continue;
    const printed = line.text;
    line.cells = [{ ...line.cells[0]!, text: fixed, x1: line.cells[line.cells.length - 1]?.x1, confidence: REPAIRED_CONFIDENCE }];
    line.text = fixed;
    issues.push({ kind: 'low_confidence', severity: 'info', message: `OCR read the title ${printed}; taken as ${fixed}, whose words a table's title prints: check it against the scan`, at: line.at, printed });
  }
  return issues;
}

/**
 * Rows' codes checked against their names through the classification (ocr-lexicon.ts), in page
 * order: a code one digit from the listed code the row's name names is taken as it, the 类 and 款
 * above it settling which when several are. Each correction is reported with what the page read.
 * (Names are checked against their codes once, in normalize/names.ts.)
 */
function settleCodes(lines: Line[], at: PageAt): Issue[] {
  const issues: Issue[] = [];
  /** The 类 and 款 above the row, by code length. */
  const parents = new Map<number, string>();
  for (const line of lines) {
    const found = rowCode(line);
    const nameCell = found && line.cells.slice(found.cells).find((c) => c.text.trim() !== '');
    if (!found || !nameCell || readAmount(nameCell.text)) continue;
    const parts = line.cells.slice(0, found.cells).filter((c) => c.text.trim() !== '');
    let code = found.code;
    const fixed = codeFor(LEXICON, code, nameCell.text, [...parents.values()]);
    const split = fixed && splitLike(fixed, parts.map((c) => c.text.trim().length));
    if (fixed && split) {
      parts.forEach((c, k) => {
        if (c.text.trim() === split[k]) return;
        issues.push(amend(c, split[k]!, at, `taken as ${fixed}, the listed code a digit from it whose name is the row's ${nameCell.text}`, false));
      });
      code = fixed;
    }
    if (LEXICON.namesOf.has(code)) {
      for (const length of [...parents.keys()]) if (length >= code.length) parents.delete(length);
      parents.set(code.length, code);
    }
  }
  return issues;
}

/**
 * A row's code read with a mark at a piece's edge (`201. | 06 | 财政事务`: a speck read as a stop) or
 * a letter for a digit (`210 | ]1 | 02 | 事业单位医疗`) is no code: the row loses its key, its figures
 * go to the row above, and a 款 its items. The pieces are read as digits (codeReading) when the
 * code the row's leading pieces then make is listed under the name the row prints (it may be
 * fewer pieces than the digits before the name: a unit code's column between), or, when only
 * marks were dropped, the code all its leading pieces make is listed at all. The pieces may follow
 * a row number (`2 | 208. | 社会保障和就业支出`, a 序号 column). Reported.
 */
export function readCodePieces(lines: Line[], at: PageAt): Issue[] {
  const issues: Issue[] = [];
  for (const line of lines) {
    if (!line.delimited) continue;
    const cells = line.cells.filter((c) => c.text.trim() !== '');
    // The code's pieces from the row's first cell, or from its second after a row number (序号).
    const starts = ROW_NUMBER.test(cells[0]?.text.trim() ?? '') ? [0, 1] : [0];
    for (const parts of starts.map((from) => cells.slice(from))) {
      const amended = codeFromPieces(parts, at);
      if (amended) {
        issues.push(...amended);
        break;
      }
    }
    // A second code after a name (部门经济分类 | name | 政府经济分类 | name: `30201 | 办公费 | 50201. | 办公经费`).
    for (let j = Math.max(...starts) + 1; j < cells.length; j++) {
      const previous = cells[j - 1]!.text.trim();
      if (CODE_PART.test(previous) || readAmount(previous) || codeReading(previous)) continue;
      if (!CODE_PART.test(cells[j]!.text.trim()) && codeReading(cells[j]!.text)) issues.push(...(codeFromPieces(cells.slice(j), at) ?? []));
    }
  }
  return issues;
}

/**
 * A row's name that begins with the row's code, read in the cells before it too (`22102 |
 * 22102住房改革支出`: one box ran the code into the name, the code's cell read again alone), loses
 * it, when what is left is the name the code is listed under. Reported.
 */
export function dropCodeFromNames(lines: Line[], at: PageAt): Issue[] {
  const issues: Issue[] = [];
  for (const line of lines) {
    if (!line.delimited) continue;
    const found = rowCode(line);
    const name = found && line.cells.slice(found.cells).find((c) => c.text.trim() !== '');
    if (!found || !name || readAmount(name.text)) continue;
    const [, digits, rest] = /^(\d+)[\s.,、·:;]*(.+)$/u.exec(name.text.trim()) ?? [];
    const last = line.cells.slice(0, found.cells).filter((c) => c.text.trim() !== '').at(-1)?.text.trim();
    if (rest === undefined || last === undefined || last !== digits) continue;
    // The code as joined, or the last cell alone when a row number (序号) stands before it.
    const code = [found.code, last].find((c) => listedAs(LEXICON, c, rest));
    if (code) issues.push(amend(name, rest, at, `the row's code ${code} dropped from its name`, false));
  }
  return issues;
}

/** A row's number in a 序号 column before its code. */
const ROW_NUMBER = /^\d{1,3}$/;

/** readCodePieces for a row's filled cells from where its code would begin: the amendments, or undefined when no listed code fits. */
function codeFromPieces(parts: Cell[], at: PageAt): Issue[] | undefined {
  const readings = parts.map((c) => (CODE_PART.test(c.text.trim()) ? undefined : codeReading(c.text)));
  let k = parts.findIndex((c, j) => !CODE_PART.test(c.text.trim()) && readings[j] === undefined);
  if (k < 0) k = parts.length;
  const name = parts[k]?.text.trim();
  const named = name !== undefined && !readAmount(name) ? name : undefined;
  const read = parts.slice(0, k).map((c, j) => readings[j]?.digits ?? c.text.trim());
  const fits = (n: number): boolean => {
    const changed = readings.slice(0, n + 1).filter((r) => r !== undefined);
    const code = read.slice(0, n + 1).join('');
    return (named !== undefined && listedAs(LEXICON, code, named)) || (changed.length > 0 && n === k - 1 && changed.every((r) => !r.letters) && LEXICON.namesOf.has(code));
  };
  const n = [...Array(k).keys()].reverse().find(fits);
  if (n === undefined) return undefined;
  const code = read.slice(0, n + 1).join('');
  // The code's pieces as read; a digits column after it (a unit's code, 309001.) only lost a mark.
  const amended = parts.slice(0, k).flatMap((c, j) => {
    const r = readings[j];
    if (!r || (j > n && r.letters)) return [];
    const why = j <= n ? `the listed code ${code}` : `a mark beside the digits after the row's code ${code}`;
    return [amend(c, r.digits, at, `taken as ${r.digits}: ${why}${named ? `, the row's ${named}` : ''}`, false)];
  });
  return amended.length > 0 ? amended : undefined;
}

/** How many leading cells of a row print its code, when a name follows them (0 when not: a row of amounts). */
function codeCellsOf(line: Line): number {
  const found = rowCode(line);
  const named = found && line.cells.slice(found.cells).some((c) => c.text.trim() !== '' && !readAmount(c.text));
  return named ? found.cells : 0;
}

/** A code cut into parts of the given lengths (类 | 款 | 项 in cells of their own); undefined when the lengths do not add up. */
function splitLike(code: string, lengths: number[]): string[] | undefined {
  if (lengths.length === 1) return [code];
  if (lengths.reduce((a, b) => a + b, 0) !== code.length) return undefined;
  let from = 0;
  return lengths.map((n) => code.slice(from, (from += n)));
}

/** A grid row's classification code: its leading cells of digits (blank ones skipped) joined, and how many cells that spans. */
function rowCode(line: Line): { code: string; cells: number } | undefined {
  let code = '';
  let k = 0;
  for (; k < line.cells.length; k++) {
    const text = line.cells[k]!.text.trim();
    if (text === '') continue;
    if (!CODE_PART.test(text)) break;
    code += text;
  }
  return code === '' ? undefined : { code, cells: k };
}

/** True when a cell of an earlier row, or an earlier cell of this row, spans over this one. */
function coveredByMerged(rows: Line[], r: number, c: number): boolean {
  const box = rows[r]!.cells[c]!.at.bbox;
  if (!box) return false;
  const cx = (box[0] + box[2]) / 2;
  const cy = (box[1] + box[3]) / 2;
  for (let k = 0; k <= r; k++) {
    const cells = rows[k]!.cells;
    for (let j = 0; j < (k === r ? c : cells.length); j++) {
      const b = cells[j]!.at.bbox;
      if (b && cx > b[0] && cx < b[2] && cy > b[1] && cy < b[3]) return true;
    }
  }
  return false;
}

/** A word of digits, a comma, then digits: no thousands separator stands before fewer than three. */
const COMMA_BEFORE_DECIMALS = /^\d+[,，]\d{1,2}$/;

/**
 * Words of lines outside grids read with a comma for their point (`2220,43`, `1,60` beside
 * `1.60`): a comma before the decimals the page's free amounts print is the point.
 */
function pointsReadAsCommas(lines: Line[], at: PageAt): Issue[] {
  const free = lines.filter((l) => !l.delimited);
  const decimals = columnDecimals(free.flatMap((l) => l.cells.flatMap((c) => readAmount(c.text)?.text ?? []).filter((t) => t.includes('.'))));
  const issues: Issue[] = [];
  for (const line of free) {
    const before = issues.length;
    for (const cell of line.cells) {
      const reading = COMMA_BEFORE_DECIMALS.test(cell.text) ? readMarkedAmount(cell.text, decimals) : undefined;
      if (reading) issues.push(amend(cell, reading.text, at, `a comma before the ${decimals} decimals the page's amounts print is their point`));
    }
    if (issues.length > before) line.text = line.cells.map((c) => c.text).join(' ');
  }
  return issues;
}

/**
 * The cell's reading replaced by `text`, its confidence lowered to REPAIRED_CONFIDENCE, and the
 * issue that says so (with the value taken, unless `valued` is false: a code or a word).
 */
function amend(cell: Cell, text: string, at: PageAt, why: string, valued = true): Issue {
  const printed = cell.text;
  cell.text = text;
  cell.confidence = Math.min(cell.confidence ?? 1, REPAIRED_CONFIDENCE);
  return lowConfidence(cell, at, printed, valued ? text : undefined, why);
}

function lowConfidence(cell: Cell, at: PageAt, printed: string, value: string | undefined, why: string): Issue {
  const found = value === undefined ? undefined : Number(value.replace(/,/g, ''));
  return {
    kind: 'low_confidence',
    severity: 'warning',
    message: `page ${at.page}: OCR read '${printed}'${value !== undefined && value !== printed ? `, taken as ${value}` : ''} (${why}); check it against the scan`,
    at: cell.at,
    printed,
    ...(found !== undefined && Number.isFinite(found) ? { found } : {}),
  };
}

/**
 * Read again, a thin 4 is still a 1: what reading alone did not settle, a digit's look-alike may
 * (settleByLookalike), in column j of a grid's amounts. Finest sums first, so that an item's
 * settled amount serves its 款; never a total whose sum holds. Not the sums whose items run to the
 * foot of a grid that reaches the page's: its table may go on over the page, and an item there
 * of a round 300.00 would look like a 1 read for a 4 (`cut`: mayGoOn).
 */
function settleColumnByLookalike(rows: Line[], j: number, codes: ({ code: string } | undefined)[], identities: SumIdentity[], cut: boolean, at: PageAt): Issue[] {
  const issues: Issue[] = [];
  const column = rows.map((l) => l.cells[j]!);
  if (!column.some((c) => readAmount(c.text)?.text.includes('.'))) return issues;
  const lastCoded = codes.reduce((last, c, r) => (c === undefined ? last : r), -1);
  for (const identity of [...identities].sort((a, b) => codes[b.parent]!.code.length - codes[a.parent]!.code.length)) {
    if (cut && identity.children.includes(lastCoded)) continue;
    const read = column.map((c) => cents(c.text));
    const holding = identities.filter((i) => holds(i, read));
    const settled = settleByLookalike(identity, column.map((c) => c.text), new Set(holding.map((i) => i.parent)));
    if (!settled) continue;
    issues.push(amend(column[settled.row]!, settled.text, at, `a ${settled.read} taken for the ${settled.as} it resembles, the only such reading under which ${codes[identity.parent]!.code} is the sum of its ${identity.children.length} items`));
  }
  return issues;
}

/** True when a sum holds on the amounts as read (cents; undefined where not an amount). */
function holds(identity: SumIdentity, read: (number | undefined)[]): boolean {
  return read[identity.parent] !== undefined && read[identity.parent] === identity.children.reduce((s, k) => s + (read[k] ?? NaN), 0);
}

/**
 * The grid's rows whose amounts do not sum across as most rows do (rowSums: finest sums first, so
 * that a settled 基本支出 serves 合计 = 基本支出 + 项目支出), each settled by a cell's other reading
 * (`others`: the page's where a reading alone replaced it) when exactly one makes it, else by the
 * one look-alike digit that does (settleByLookalike); a cell a column's sum, or another of the
 * row's sums of two figures or more, holds with is not changed (by another reading: a sum of
 * several items). Works on grids without classification sums too (`identities` empty).
 */
function settleRows(rows: Line[], codeColumns: number, codes: ({ code: string } | undefined)[], identities: SumIdentity[], at: PageAt, others: (cell: Cell) => string[], howRead: (cell: Cell, text: string) => string): Issue[] {
  const issues: Issue[] = [];
  const columns = Array.from({ length: rows[0]!.cells.length - codeColumns }, (_, k) => codeColumns + k).filter((j) => rows.some((l) => readAmount(l.cells[j]!.text)?.text.includes('.')));
  const sums = rowSums(rows.map((l) => columns.map((j) => cents(l.cells[j]!.text)))).map((s) => ({ parent: s.total, children: s.parts }));
  for (const identity of sums) {
    rows.forEach((line, r) => {
      const cells = columns.map((j) => line.cells[j]!);
      const texts = cells.map((c) => c.text);
      const across = texts.map((t) => cents(t));
      // Per column, the items of the largest sum holding there that the row is in (0: none holds);
      // read as the cells are now, an earlier row's settlement included.
      const items = columns.map((j) => {
        const read = rows.map((l) => cents(l.cells[j]!.text));
        return Math.max(0, ...identities.filter((i) => (i.parent === r || i.children.includes(r)) && holds(i, read)).map((i) => i.children.length));
      });
      // The row's other sums that hold with two figures or more vouch for their members as a column's do.
      const vouched = sums.filter((s) => s !== identity && holds(s, across) && s.children.filter((k) => across[k] !== 0).length >= 2).flatMap((s) => [s.parent, ...s.children]);
      const held = new Set([...items.flatMap((n, k) => (n >= 1 ? [k] : [])), ...vouched]);
      // Against a cell's other reading, a sum of one item does not vouch for it: it holds however its
      // one figure, printed twice, is misread twice alike (20599 and 2059999 both 876.02 for 876.03).
      const heldAgainstReading = new Set([...items.flatMap((n, k) => (n >= 2 ? [k] : [])), ...vouched]);
      const name = codes[r]?.code ?? `row ${r + 1}`;
      const reread = !offByRounding(identity, texts) ? settleIdentity(identity, across, cells.map((c) => others(c).map((t) => cents(t)!)), heldAgainstReading) : undefined;
      if (reread) {
        const text = others(cells[reread.row]!).find((t) => cents(t) === reread.value)!;
        issues.push(amend(cells[reread.row]!, text, at, `${howRead(cells[reread.row]!, text)}, the only reading under which ${name}'s amounts sum across as on the table's other rows`));
        return;
      }
      const settled = settleByLookalike(identity, texts, held);
      if (!settled) return;
      issues.push(amend(cells[settled.row]!, settled.text, at, `a ${settled.read} taken for the ${settled.as} it resembles, the only such reading under which ${name}'s amounts sum across as on the table's other rows`));
    });
  }
  return issues;
}

/**
 * A grid whose foot is within GRID_FOOT_SHARE of the page's height from its bottom edge, with
 * nothing below it but a page number: a table cut there by the page may go on over it (a table
 * that ends on the page leaves room below, or a note, or the next title).
 */
function mayGoOn(rows: Line[], lines: Line[], image: GrayImage): boolean {
  const foot = Math.max(...rows.flatMap((l) => l.cells.map((c) => c.at.bbox?.[3] ?? 0)));
  const height = (image.height * 72) / image.dpi;
  const below = lines.filter((l) => (l.at.bbox?.[1] ?? 0) > foot && !PAGE_NUMBER.test(l.text.trim()));
  return foot > height * (1 - GRID_FOOT_SHARE) && below.length === 0;
}

/** A page number as printed at a page's foot: 17, - 17 -, 第17页, 17/40. */
const PAGE_NUMBER = /^(?:[-—–]\s*)?(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／]\s*\d{1,4})?(?:\s*[-—–])?$/u;

/** Cells this far apart (points) or more leave paper between them; a ruled grid's cells share their rules. */
const CELL_GAP_PT = 0.75;

/** A row whose cells leave paper between them: a table ruled between rows only (a ruled grid's cells abut). */
function leavesGaps(row: Line): boolean {
  return row.cells.some((c, j) => j > 0 && c.x0 !== undefined && row.cells[j - 1]!.x1 !== undefined && c.x0 - row.cells[j - 1]!.x1! > CELL_GAP_PT);
}

/** Each column's left and right edges over the rows given. */
function columnExtents(rows: Line[]): [number, number][] {
  return rows[0]!.cells.map((_, j) => {
    const cells = rows.map((l) => l.cells[j]!).filter((c) => c.x0 !== undefined && c.x1 !== undefined);
    return [Math.min(...cells.map((c) => c.x0!)), Math.max(...cells.map((c) => c.x1!))];
  });
}

/**
 * The header lines over a table's first row of amounts: the delimited lines right above it,
 * each within HEADER_LINE_GAP_EM of the one below and spanning at least half the table's width.
 * Rows of column numbers (1 2 3 …, ** placeholders) are passed over, not read again.
 */
function headerLinesAbove(lines: Line[], firstRow: Line, x0: number, x1: number, em: number): Line[] {
  const out: Line[] = [];
  let below = firstRow.at.bbox![1];
  for (let i = lines.indexOf(firstRow) - 1; i >= 0; i--) {
    const l = lines[i]!;
    const b = l.at.bbox;
    if (!l.delimited || !b || printsAmount(l) || below - b[3] > HEADER_LINE_GAP_EM * em || Math.min(b[2], x1) - Math.max(b[0], x0) < (x1 - x0) / 2) break;
    below = b[1];
    if (!l.cells.every((c) => /^(\d*|\*+)$/.test(c.text.trim()))) out.push(l);
  }
  return out;
}

/** A line with an amount with a decimal point in one of its cells: a table's body row, not its header. */
function printsAmount(line: Line): boolean {
  return line.cells.some((c) => readAmount(c.text)?.text.includes('.'));
}

/** How many cells read as a known heading, or one letter from one. */
function namedHeadings(cells: Cell[]): number {
  return cells.filter((c) => c.text !== '' && (knownWord(c.text) !== undefined || headerWordFor(c.text, HEADER_WORDS) !== undefined)).length;
}

/** Lines of one ruled grid: delimited lines sharing the grid's left and right edges and cell count. */
function gridGroups(lines: Line[]): Line[][] {
  const groups = new Map<string, Line[]>();
  for (const l of lines) {
    if (!l.delimited || !l.at.bbox) continue;
    const key = `${l.at.bbox[0]}:${l.at.bbox[2]}:${l.cells.length}`;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  return [...groups.values()];
}
