import { createCanvas } from '@napi-rs/canvas';
import jpeg from 'jpeg-js';
import { AnnotationMode, ImageKind, OPS, getDocument } from './pdfjs.js';
import type { PDFDocumentProxy, PDFPageProxy } from './pdfjs.js';
import { PNG } from 'pngjs';
import UTIF from 'utif2';
import { ExtractError } from './errors.js';
import type { ImageFormat } from './image-header.js';
import { DEFAULT_MAX_IMAGE_PIXELS } from './limits.js';
import { LOCKED_DOWN, median } from './pdf.js';

/**
 * Page images as OCR wants them: decoded to 8-bit gray, rendered from PDFs, straightened, their
 * ruling lines found and erased. Pure pixel work except the decoders and pdf.js rendering.
 */

/** An 8-bit grayscale page (0 black, 255 white), row-major, and the resolution it was made at. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
  dpi: number;
}

/** A ruling line found in pixels: its extent along the line and across it, both inclusive. */
export interface PixelRule {
  horizontal: boolean;
  /** First and last row (horizontal) or column (vertical) it covers: its thickness. */
  across0: number;
  across1: number;
  /** First and last pixel along the line. */
  start: number;
  end: number;
  /**
   * Its centre line: across = (across0 + across1) / 2 + slope × (along − (start + end) / 2). A rule
   * of a page scanned off-square runs a little off the axis, so its band is wider than its ink.
   */
  slope: number;
  /** Its ink's thickness (pixels across, averaged along it). */
  thickness: number;
}

// ---- tolerances ---------------------------------------------------------------------------

/** PDFs are rendered at this resolution for OCR: tesseract reads 10 pt CJK best at ≥ 300 dpi. */
export const RENDER_DPI = 300;
/** A page image without a usable resolution in its header is taken to be scanned at this. */
export const DEFAULT_IMAGE_DPI = 300;
/** A stated resolution is believed only if the page it gives has a long side in this range (inches). */
const PLAUSIBLE_PAGE_INCHES: [number, number] = [3, 17];
/** Rendering stops growing at this many pixels (A3 at 300 dpi is 17 MP); a larger page is rendered coarser. */
const MAX_RENDER_PIXELS = 36_000_000;
/** A rule is at least this long: longer than any stroke of 10.5 pt body text (a CJK stroke spans ≤ 1 em). */
const RULE_MIN_LENGTH_PT = 16;
/**
 * A rule shorter than this stands only where one of its ends meets another rule (a header cell's
 * border): a lone stroke of 16-36 pt is a letter of a title or heading (a 22 pt title's 一 or 丨),
 * and erasing it as a rule left the title unreadable, so its table went untyped.
 */
const FREE_RULE_MIN_LENGTH_PT = 36;
/** A short rule has ink this far beyond its band (points) on at most this share of its length (sideInk). */
const SIDE_INK_REACH_PT = 0.75;
const MAX_SIDE_INK = 0.3;
/**
 * An upright run of any length with ink beside it on more than this share of its length is letters'
 * strokes, not a rule: in a dense, blurred table the same letters stacked in four or five rows
 * (医疗保障… over 医疗保障…) make one upright run 40–50 pt long, past FREE_RULE_MIN_LENGTH_PT, and
 * erasing it cut every name it crossed. Measured on such a page (seed 002, dark, 200 dpi): its
 * rules 0.09–0.32, the stacked strokes 0.67–0.87. A long horizontal rule is tested on both sides
 * at once instead (MAX_BOTH_SIDES_INK): a dense table's text can touch the rule under its row
 * along most of the row.
 */
const MAX_SIDE_INK_UPRIGHT = 0.5;
/**
 * A short run this many times thicker than the page's long rules is letters' strokes stacked row
 * on row, not a border drawn with the same pen: on seed 002's dark 200 dpi scan the end strokes
 * of three names (…基金的补助 over 城乡医疗救助) made a run 16 px thick where the rules were 5–6,
 * and erasing it took 助 and 基金.
 */
const MAX_SHORT_RULE_THICKNESS = 2;
/**
 * A long horizontal run with ink just beyond it on both sides along more than this share of its
 * length runs through a line of text (the strokes of 社会保障和就业 level with each other), not
 * under it: text touches a rule from one side. Measured on the committed scans and the hard set:
 * rules 0.12 at most, such runs 0.50–0.75.
 */
const MAX_BOTH_SIDES_INK = 0.4;
/** A rule's end meets another rule within this distance (a scan's blur, a slightly open corner). */
const RULE_JOIN_PT = 2;
/** …and at most this thick (pdf.ts's RULE_MAX_THICKNESS, plus a scanner's blur). */
const RULE_MAX_THICKNESS_PT = 4;
/** Breaks in a scanned rule up to this long (noise, JPEG blocks, a faint toner line) are bridged. */
const RULE_GAP_PT = 1;
/** Pixels this far around a rule are whitened too: the gray halo and JPEG ringing a scan leaves beside it. */
const ERASE_MARGIN_PT = 1;
/** Runs this long or longer show the direction of lines for the skew estimate (rule pieces and strokes). */
const SKEW_RUN_PT = 4;
/** Skew is searched within ± this many degrees (a page fed crooked; more is a rotated page). */
const MAX_SKEW_DEGREES = 3;
/** Coarse search step, then a finer one around the best (degrees). */
const SKEW_STEP_DEGREES = 0.1;
const SKEW_FINE_STEP_DEGREES = 0.01;
/** Skew smaller than this is left alone: it moves a rule across A4 at 300 dpi by under a pixel. */
export const MIN_DESKEW_DEGREES = 0.02;
/** Gray level below which a pixel counts as ink where a cell or box is looked at for letters (both engines). */
export const INK_LEVEL = 128;
/**
 * The paper's brightness is measured in blocks this big (a darker corner, a shadow along the
 * fold): smaller than any shading a scanner leaves, larger than a few letters.
 */
const BACKGROUND_BLOCK_PT = 24;
/** A block's paper is the gray level this share of its pixels are darker than (ink is the darker rest). */
const BACKGROUND_PERCENTILE = 0.9;
/** Paper darker than this gray is not flattened further: a black table header is not paper. */
const MIN_BACKGROUND = 96;
/**
 * Only paper lighter than the ink threshold by this share of the way to white is whitened: the
 * lighter gray of thin or blurred strokes is ink (whitening at the threshold broke 事 and 一 of
 * 7 pt names scanned at 200 dpi: 视察 read 视红).
 */
const WHITEN_SHARE = 0.5;
/** Specks up to this size (points, side of a square)… */
const SPECK_PT = 0.8;
/** A page with this many specks per square inch is peppered with dust (a clean scan has a few; a noisy bitonal one hundreds). */
const NOISY_SPECKS_PER_SQ_IN = 20;
/** Print is ink at least this tall or wide (points): a letter of 6 pt, not a cluster of noise. */
const PRINT_MIN_PT = 3;
/**
 * …are scanner dust unless print stands this near (points): a decimal point is as small (7 pt
 * print at 300 dpi: 3 × 3 pixels), but sits within a letter's gap of its digits.
 */
const SPECK_CLEARANCE_PT = 1.5;
/**
 * A decimal point is told from dust by its place: its foot level with the digits' on both sides,
 * each within this share of a digit's height (the gap to the digit's ink in the point's rows, or
 * on a clean page to its box where that is nearer and the print is shaped like a digit,
 * DIGIT_MAX_WIDTH: a round digit's foot, or a serif 7's, is its middle, while its bowl or bar
 * reaches over; a CJK letter's box reaches over a colon's lower dot too), the digits at least this
 * many times its height (a comma reaching below the baseline is a third of a digit's height).
 */
const DECIMAL_GAP_EM = 0.5;
const SEPARATOR_GAP_EM = 1;
const DECIMAL_MIN_RATIO = 2;
/** Print no wider than this share of its height is shaped like a digit (a 7 or 9 at 300 dpi: 0.6; a CJK letter: 1). */
const DIGIT_MAX_WIDTH = 0.75;
/**
 * On a dusty page a decimal point is at least this wide and tall (points, in whole pixels: two at
 * 300 dpi, one at 200): a printed point is a dot some strokes wide (3 × 3 px at 300 dpi in a thin
 * serif face), while most dust is a pixel wide, and dust at a digit's foot between two numbers was
 * read as a point joining them (`2220.43.0.00`, `210.11`). Two pixels at 200 dpi took small
 * print's points with the dust (the third set's 收入表 total column).
 */
const DUSTY_POINT_MIN_PT = 0.4;
/** Gray levels: the binarization threshold found by Otsu's method is kept within these bounds. */
const MIN_THRESHOLD = 60;
const MAX_THRESHOLD = 200;
const WHITE = 255;
/** jpeg-js refuses to allocate more than this while decoding (a 100 MP page in RGBA is 400 MB). */
const JPEG_MAX_MEMORY_MB = 1024;

const pt = (points: number, dpi: number): number => Math.max(1, Math.round((points * dpi) / 72));

// ---- decoding -----------------------------------------------------------------------------

/** RGBA (straight alpha) laid over white → gray by Rec. 601 luma. */
export function rgbaToGray(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, dpi: number): GrayImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < data.length; i++, j += 4) {
    const a = rgba[j + 3]! / 255;
    const luma = 0.299 * rgba[j]! + 0.587 * rgba[j + 1]! + 0.114 * rgba[j + 2]!;
    data[i] = Math.round(luma * a + WHITE * (1 - a));
  }
  return { width, height, data, dpi };
}

/**
 * The frames of a PNG, JPEG or TIFF as gray pages. Call after `checkImageBudget`: decoders
 * allocate what the header claims. Every decoder is pure JavaScript (pngjs, jpeg-js, UTIF), so a
 * hostile file can at worst throw: Skia's decoders (@napi-rs/canvas `loadImage`) crash the whole
 * process on a truncated PNG or any TIFF, and are never handed input bytes.
 */
export async function decodeImage(bytes: Uint8Array, format: ImageFormat, file: string, maxPixels = DEFAULT_MAX_IMAGE_PIXELS): Promise<GrayImage[]> {
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (format === 'tiff') return decodeTiff(bytes);
    const { width, height, data } =
      format === 'png'
        ? PNG.sync.read(buffer)
        : jpeg.decode(buffer, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: maxPixels / 1e6, maxMemoryUsageInMB: JPEG_MAX_MEMORY_MB });
    return [rgbaToGray(data, width, height, imageDpi(bytes, format, width, height))];
  } catch (e) {
    throw new ExtractError('unsupported', file, `the ${format.toUpperCase()} image could not be decoded: ${(e as Error).message}`, { cause: e });
  }
}

function decodeTiff(bytes: Uint8Array): GrayImage[] {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return UTIF.decode(buffer).map((ifd) => {
    UTIF.decodeImage(buffer, ifd);
    const rgba = UTIF.toRGBA8(ifd);
    return rgbaToGray(rgba, ifd.width, ifd.height, plausibleDpi(tiffDpi(ifd), ifd.width, ifd.height));
  });
}

function tiffDpi(ifd: UTIF.IFD): number | undefined {
  const x = ifd['t282'];
  const unit = ifd['t296'];
  const value = Array.isArray(x) && typeof x[0] === 'number' ? x[0] : undefined;
  const perCm = Array.isArray(unit) && unit[0] === 3;
  return value === undefined ? undefined : perCm ? value * 2.54 : value;
}

/** The resolution a PNG (pHYs) or JPEG (JFIF APP0) header states, if it makes a page-sized page. */
export function imageDpi(bytes: Uint8Array, format: ImageFormat, width: number, height: number): number {
  const stated = format === 'png' ? pngDpi(bytes) : format === 'jpeg' ? jfifDpi(bytes) : undefined;
  return plausibleDpi(stated, width, height);
}

function plausibleDpi(stated: number | undefined, width: number, height: number): number {
  if (!stated || !Number.isFinite(stated)) return DEFAULT_IMAGE_DPI;
  const inches = Math.max(width, height) / stated;
  return inches >= PLAUSIBLE_PAGE_INCHES[0] && inches <= PLAUSIBLE_PAGE_INCHES[1] ? stated : DEFAULT_IMAGE_DPI;
}

const be32 = (b: Uint8Array, i: number): number => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;

function pngDpi(b: Uint8Array): number | undefined {
  // Chunks follow the 8-byte signature: length, type, data, CRC. pHYs precedes IDAT.
  for (let i = 8; i + 8 <= b.length; ) {
    const length = be32(b, i);
    const type = String.fromCharCode(b[i + 4]!, b[i + 5]!, b[i + 6]!, b[i + 7]!);
    if (type === 'pHYs' && i + 17 <= b.length) return b[i + 16] === 1 ? be32(b, i + 8) * 0.0254 : undefined;
    if (type === 'IDAT' || type === 'IEND') return undefined;
    i += 12 + length;
  }
  return undefined;
}

function jfifDpi(b: Uint8Array): number | undefined {
  // SOI, then APP0 "JFIF\0" version(2) units(1) Xdensity(2) Ydensity(2).
  if (b[2] !== 0xff || b[3] !== 0xe0 || String.fromCharCode(...b.subarray(6, 10)) !== 'JFIF') return undefined;
  const units = b[13];
  const density = (b[14]! << 8) | b[15]!;
  return units === 1 ? density : units === 2 ? density * 2.54 : undefined;
}

// ---- PDF pages ----------------------------------------------------------------------------

const MARK_OPS = new Set<number>([
  OPS.constructPath,
  OPS.showText,
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObjectRepeat,
  OPS.paintImageMaskXObjectGroup,
  OPS.paintInlineImageXObjectGroup,
  OPS.paintSolidColorImageMask,
  OPS.shadingFill,
]);

export interface PdfRenderOptions {
  password?: string;
  maxImagePixels?: number;
  dpi?: number;
}

/**
 * Opens a PDF for rendering with pdf.ts's locked-down settings (nothing fetched, nothing run).
 * The caller has already passed it through `extractPdf`, which checks its envelope, page count
 * and decompression budget.
 */
export async function openPdfForRender(bytes: Uint8Array, options: PdfRenderOptions): Promise<PDFDocumentProxy> {
  return getDocument({
    data: bytes.slice(),
    password: options.password,
    ...LOCKED_DOWN,
    maxImageSize: options.maxImagePixels ?? DEFAULT_MAX_IMAGE_PIXELS,
  }).promise;
}

/**
 * One page as gray pixels, or undefined when the page draws nothing (no text, path, image or
 * shading): a blank page needs no pixels, and a 2,000-page PDF of blank pages must not cost 2,000
 * renderings. A scan (one image drawn upright over the whole page, nothing else) at `dpi` is taken
 * as its own pixels: rendering it would copy them through a canvas at a cost. So is a bitonal scan
 * coarser than that, which rendering would enlarge by nearest neighbour, dust and stair-steps with
 * it (ocrPage enlarges it after its pixel work). Any other page is rendered at `dpi` (RENDER_DPI).
 */
export async function renderPage(doc: PDFDocumentProxy, pageNo: number, dpi = RENDER_DPI): Promise<GrayImage | undefined> {
  const page = await doc.getPage(pageNo);
  try {
    const ops = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
    if (!ops.fnArray.some((fn) => MARK_OPS.has(fn))) return undefined;
    const scan = await scanImage(page, ops);
    if (scan && scan.dpi <= dpi * SCAN_DPI_SLACK && (scan.dpi >= dpi / SCAN_DPI_SLACK || isBitonal(scan))) return scan;
    const base = page.getViewport({ scale: 1 });
    // A huge MediaBox is rendered coarser rather than allocating gigabytes.
    const fit = Math.sqrt(MAX_RENDER_PIXELS / (base.width * base.height));
    const effectiveDpi = Math.min(dpi, Math.floor(72 * fit));
    const viewport = page.getViewport({ scale: effectiveDpi / 72 });
    const width = Math.ceil(viewport.width);
    const height = Math.ceil(viewport.height);
    const canvas = createCanvas(width, height);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = 'white';
    ctx.fillRect(0, 0, width, height);
    await page.render({
      canvas: canvas as unknown as HTMLCanvasElement,
      viewport,
      annotationMode: AnnotationMode.DISABLE,
    }).promise;
    return rgbaToGray(ctx.getImageData(0, 0, width, height).data, width, height, effectiveDpi);
  } finally {
    page.cleanup();
  }
}

/** A scan's own resolution counts as the one asked for within this factor (a 300 dpi scan's page may say 299.9). */
const SCAN_DPI_SLACK = 1.05;
/** The image of a scan covers the page to within this share of its size. */
const SCAN_COVER_SHARE = 0.01;

type OperatorList = Awaited<ReturnType<PDFPageProxy['getOperatorList']>>;
interface DecodedImage {
  width: number;
  height: number;
  kind: number;
  data: Uint8Array | Uint8ClampedArray;
}

/**
 * The page's one image when the page is nothing else and the image fills it upright (a scanner's
 * PDF), as gray at its own resolution; undefined for any other page.
 */
async function scanImage(page: PDFPageProxy, ops: OperatorList): Promise<GrayImage | undefined> {
  const marks = ops.fnArray.flatMap((fn, i) => (MARK_OPS.has(fn) ? [i] : []));
  if (marks.length !== 1 || ops.fnArray[marks[0]!] !== OPS.paintImageXObject || page.rotate % 360 !== 0) return undefined;
  // The current transformation at the image: the transforms before it, undone by restores.
  let ctm = [1, 0, 0, 1, 0, 0];
  const saved: number[][] = [];
  for (let i = 0; i < marks[0]!; i++) {
    const fn = ops.fnArray[i];
    if (fn === OPS.save) saved.push(ctm);
    else if (fn === OPS.restore) ctm = saved.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, ops.argsArray[i] as number[]);
  }
  const [a, b, c, d, e, f] = ctm as [number, number, number, number, number, number];
  const [x0, y0, x1, y1] = page.view as [number, number, number, number];
  const near = (value: number, want: number, size: number) => Math.abs(value - want) <= SCAN_COVER_SHARE * size;
  const [w, h] = [x1 - x0, y1 - y0];
  if (b !== 0 || c !== 0 || !near(a, w, w) || !near(d, h, h) || !near(e, x0, w) || !near(f, y0, h)) return undefined;
  const name = (ops.argsArray[marks[0]!] as [string])[0];
  const objs = name.startsWith('g_') ? page.commonObjs : page.objs;
  const image = await new Promise<DecodedImage | null>((resolve) => objs.get(name, resolve as (data: unknown) => void));
  if (!image?.data) return undefined;
  const dpi = (image.width * 72) / a;
  return { width: image.width, height: image.height, data: decodedToGray(image), dpi };
}

/** a × b for PDF matrices [a b c d e f]: b applied first (pdf.js's Util.transform). */
function multiply(m: number[], n: number[]): number[] {
  const [a, b, c, d, e, f] = m as [number, number, number, number, number, number];
  const [a2, b2, c2, d2, e2, f2] = n as [number, number, number, number, number, number];
  return [a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2, a * e2 + c * f2 + e, b * e2 + d * f2 + f];
}

/** pdf.js's decoded image data (1-bit packed rows with 1 white, RGB, or RGBA) as 8-bit gray. */
function decodedToGray({ width, height, kind, data }: DecodedImage): Uint8Array {
  if (kind === ImageKind.RGBA_32BPP) return rgbaToGray(data, width, height, 0).data;
  const out = new Uint8Array(width * height);
  if (kind === ImageKind.GRAYSCALE_1BPP) {
    const stride = (width + 7) >> 3;
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out[y * width + x] = data[y * stride + (x >> 3)]! & (128 >> (x & 7)) ? WHITE : 0;
    return out;
  }
  for (let i = 0, j = 0; i < out.length; i++, j += 3) out[i] = (0.299 * data[j]! + 0.587 * data[j + 1]! + 0.114 * data[j + 2]! + 0.5) | 0;
  return out;
}

// ---- paper, binarization, skew ------------------------------------------------------------

/**
 * The page with its paper made evenly white: each pixel divided by the paper's brightness around
 * it (measured per block, the brightest of each block's neighbours taken so a block full of ink
 * still sees paper, interpolated between block centres). A scan darker towards one corner then
 * has one ink threshold for the whole page. A page with white paper is returned as it is.
 */
export function flattenBackground(image: GrayImage): GrayImage {
  const { width, height, data } = image;
  const block = pt(BACKGROUND_BLOCK_PT, image.dpi);
  const bw = Math.ceil(width / block);
  const bh = Math.ceil(height / block);
  const paper = new Float64Array(bw * bh);
  const hist = new Uint32Array(256);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      hist.fill(0);
      const x0 = bx * block;
      const y0 = by * block;
      const x1 = Math.min(width, x0 + block);
      const y1 = Math.min(height, y0 + block);
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) hist[data[y * width + x]!]!++;
      const want = BACKGROUND_PERCENTILE * (x1 - x0) * (y1 - y0);
      let v = 0;
      for (let seen = 0; v < 255 && (seen += hist[v]!) < want; v++);
      paper[by * bw + bx] = v;
    }
  }
  const brightest = new Float64Array(bw * bh);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      let m = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const x = bx + dx;
        const y = by + dy;
        if (x >= 0 && y >= 0 && x < bw && y < bh) m = Math.max(m, paper[y * bw + x]!);
      }
      brightest[by * bw + bx] = Math.max(MIN_BACKGROUND, m);
    }
  }
  if (brightest.every((v) => v >= WHITE)) return image;
  // Bilinear between block centres: per column its two blocks and weight, once; per row the
  // blocks' paper at that row, once.
  const cx0 = new Int32Array(width);
  const cx1 = new Int32Array(width);
  const ctx = new Float32Array(width);
  for (let x = 0; x < width; x++) {
    const fx = Math.min(bw - 1, Math.max(0, (x + 0.5) / block - 0.5));
    cx0[x] = Math.floor(fx);
    cx1[x] = Math.min(bw - 1, cx0[x]! + 1);
    ctx[x] = fx - cx0[x]!;
  }
  const rowPaper = new Float64Array(bw);
  const out = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    const fy = Math.min(bh - 1, Math.max(0, (y + 0.5) / block - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(bh - 1, y0 + 1);
    const ty = fy - y0;
    for (let b = 0; b < bw; b++) rowPaper[b] = brightest[y0 * bw + b]! * (1 - ty) + brightest[y1 * bw + b]! * ty;
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const bg = rowPaper[cx0[x]!]! * (1 - ctx[x]!) + rowPaper[cx1[x]!]! * ctx[x]!;
      out[row + x] = Math.min(WHITE, ((data[row + x]! * WHITE) / bg + 0.5) | 0);
    }
  }
  return { ...image, data: out };
}

/**
 * The page with specks of ink (connected dark pixels covering less than SPECK_PT square) made
 * paper: a noisy or bitonal scan's dust, which tesseract reads as marks among the words. A speck
 * close to print (other specks and clusters of them are not print) is a decimal point or a dot
 * and stays; on a page peppered with dust (NOISY_SPECKS_PER_SQ_IN), where every word has some
 * beside it, only a decimal point stays: a speck sitting on the foot of print on both sides; and
 * marks up to a letter's size away from print go too (specks run together). On a clean page a
 * speck placed as a decimal point stays too, however far its digits' ink, its gap taken to a
 * digit's box: a serif 7's foot is its middle, 12 px from the point at 300 dpi (twice the
 * clearance). Not on a dusty one: there dust a box's reach from a row's number 4 was read
 * 4.2080501 (the third set's bitonal 300 dpi look, 0.981 → 0.973).
 */
export function removeSpecks(image: GrayImage, threshold: number): GrayImage {
  return removeSpecksLabelled(image, threshold, false) ?? removeSpecksLabelled(image, threshold, true)!;
}

/**
 * removeSpecks with a label map of 16 bits a pixel (17 MB at 300 dpi, not 35: two pages read at
 * once peak that much lower), or of 32 (`wide`) for a page with more marks than 16 bits number
 * (undefined is returned then, for a wide second run).
 */
function removeSpecksLabelled(image: GrayImage, threshold: number, wide: boolean): GrayImage | undefined {
  const { width, height } = image;
  const limit = Math.max(1, Math.floor(((SPECK_PT * image.dpi) / 72) ** 2));
  const clearance = pt(SPECK_CLEARANCE_PT, image.dpi);
  const printExtent = pt(PRINT_MIN_PT, image.dpi);
  const data = image.data.slice();
  /** Per pixel: 0 paper or not yet seen, SPECK a speck or unsorted ink, 0 < k < CLUSTER the kth component of print, CLUSTER + k the kth cluster. */
  const label = wide ? new Int32Array(data.length) : new Uint16Array(data.length);
  const SPECK = wide ? 0x7fffffff : 0xffff;
  const CLUSTER = wide ? 0x40000000 : 0x8000;
  const isPrint = (k: number) => k > 0 && k < CLUSTER;
  const prints: Box[] = [];
  const specks = new Marks();
  /** Marks larger than a speck, smaller than a letter: a letter's dot or stroke beside it, or specks run together. */
  const clusters = new Marks();
  // The fill's stack grows as a component needs it: most pages' largest (the table's rules) is a
  // small share of the page, and a stack as long as the page cost 35 MB at 300 dpi.
  let stack: Int32Array = new Int32Array(SPECK_STACK_START);
  const component: number[] = [];
  for (let start = 0; start < data.length; start++) {
    // Paper first: the label map is then only read where there is ink, and its pages of memory
    // beside the paper are never touched (a third of the step's time, measured, was this scan).
    if (data[start]! > threshold || label[start]) continue;
    let top = 0;
    stack[top++] = start;
    label[start] = SPECK;
    component.length = 0;
    let [x0, x1, y0, y1] = [width, -1, height, -1];
    while (top) {
      const i = stack[--top]!;
      component.push(i);
      const x = i % width;
      const y = (i - x) / width;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (let ny = Math.max(0, y - 1); ny <= Math.min(height - 1, y + 1); ny++) {
        for (let nx = Math.max(0, x - 1); nx <= Math.min(width - 1, x + 1); nx++) {
          const j = ny * width + nx;
          if (data[j]! <= threshold && !label[j]) {
            label[j] = SPECK;
            if (top === stack.length) stack = grown(stack);
            stack[top++] = j;
          }
        }
      }
    }
    const box: Box = { x0, x1, y0, y1 };
    if (component.length <= limit) specks.add(component, box);
    else if (Math.max(x1 - x0, y1 - y0) + 1 >= printExtent) {
      if (prints.length + 1 >= CLUSTER) return undefined;
      prints.push(box);
      for (const i of component) label[i] = prints.length;
    } else {
      if (CLUSTER + clusters.count + 1 >= SPECK) return undefined;
      clusters.add(component, box);
      for (const i of component) label[i] = CLUSTER + clusters.count;
    }
  }
  /** The component of print nearest the speck in its own rows, searching `reach` pixels to one side (dx ±1). */
  const printBeside = (b: Box, dx: 1 | -1, reach: number): { print: Box; gap: number } | undefined => {
    for (let step = 1; step <= reach; step++) {
      const x = dx < 0 ? b.x0 - step : b.x1 + step;
      if (x < 0 || x >= width) return undefined;
      for (let y = b.y0; y <= b.y1; y++) {
        const k = label[y * width + x]!;
        if (isPrint(k)) return { print: prints[k - 1]!, gap: step - 1 };
      }
    }
    return undefined;
  };
  /** Print within `clearance` of it, any side. */
  const near = (b: Box) => {
    for (let y = Math.max(0, b.y0 - clearance); y <= Math.min(height - 1, b.y1 + clearance); y++) {
      for (let x = Math.max(0, b.x0 - clearance); x <= Math.min(width - 1, b.x1 + clearance); x++) if (isPrint(label[y * width + x]!)) return true;
    }
    return false;
  };
  /** Another cluster within `clearance` of it: a letter of thin strokes the threshold broke into pieces, each smaller than a letter. */
  const clusterNear = (b: Box, self: number) => {
    for (let y = Math.max(0, b.y0 - clearance); y <= Math.min(height - 1, b.y1 + clearance); y++) {
      for (let x = Math.max(0, b.x0 - clearance); x <= Math.min(width - 1, b.x1 + clearance); x++) {
        const k = label[y * width + x]!;
        if (k > CLUSTER && k !== SPECK && k !== self) return true;
      }
    }
    return false;
  };
  const noisy = specks.count / ((width * height) / image.dpi ** 2) >= NOISY_SPECKS_PER_SQ_IN;
  const placedPoint = (box: Box, rule: PointRule) => decimalPoint(box, printBeside, printExtent * 3, rule, image.dpi);
  for (let k = 0; k < specks.count; k++) {
    const box = specks.box(k);
    if (!(noisy ? placedPoint(box, DUSTY) : near(box) || placedPoint(box, CLEAN))) specks.paint(k, data, WHITE);
  }
  // On a dusty page specks run together into marks as large as a letter's dot: away from print
  // and from other such marks they are dust too (a letter's dot or stroke, or the pieces of a thin
  // letter the threshold broke, are within a stroke gap of the rest of it).
  // A decimal point of larger print is as large as such a mark, and as far from a round digit's foot.
  const dust = (box: Box, k: number) => !near(box) && !clusterNear(box, CLUSTER + k + 1) && !placedPoint(box, DUSTY);
  if (noisy) for (let k = 0; k < clusters.count; k++) if (dust(clusters.box(k), k)) clusters.paint(k, data, WHITE);
  return { ...image, data };
}

/**
 * Marks (connected pieces of ink: their pixels' indices and their box) stored flat, in arrays that
 * double as they fill: a dusty page has a hundred thousand specks, and an object and an array each
 * held 80 MB of heap at 300 dpi.
 */
class Marks {
  count = 0;
  private pixels: Int32Array = new Int32Array(1 << 14);
  /** Mark k's pixels are pixels[starts[k]..starts[k + 1]). */
  private starts: Int32Array = new Int32Array(1 << 12);
  /** x0, x1, y0, y1 per mark. */
  private boxes: Int32Array = new Int32Array(4 << 12);

  add(component: readonly number[], box: Box): void {
    const from = this.starts[this.count]!;
    while (from + component.length > this.pixels.length) this.pixels = grown(this.pixels);
    while (this.count + 2 > this.starts.length) this.starts = grown(this.starts);
    while (4 * (this.count + 1) > this.boxes.length) this.boxes = grown(this.boxes);
    this.pixels.set(component, from);
    this.boxes.set([box.x0, box.x1, box.y0, box.y1], 4 * this.count);
    this.count++;
    this.starts[this.count] = from + component.length;
  }

  box(k: number): Box {
    const b = this.boxes;
    return { x0: b[4 * k]!, x1: b[4 * k + 1]!, y0: b[4 * k + 2]!, y1: b[4 * k + 3]! };
  }

  /** Sets mark k's pixels of `data` to `value`. */
  paint(k: number, data: Uint8Array, value: number): void {
    for (let i = this.starts[k]!; i < this.starts[k + 1]!; i++) data[this.pixels[i]!] = value;
  }
}

/** Entries of removeSpecks' fill stack to start with (256 KB); doubled when a component needs more. */
const SPECK_STACK_START = 1 << 16;

/** The stack twice as long, its entries kept. */
function grown(array: Int32Array): Int32Array {
  const more = new Int32Array(array.length * 2);
  more.set(array);
  return more;
}

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** How a page's specks are told from decimal points: on a clean page by place, on a dusty one by size too. */
interface PointRule {
  /** The gap to digit-shaped print is taken to its box where that is nearer than its ink. */
  digitBoxes: boolean;
  /** The mark's shorter side at least this long (points, in whole pixels: `pt`). */
  minSidePt: number;
}
const CLEAN: PointRule = { digitBoxes: true, minSidePt: 0 };
const DUSTY: PointRule = { digitBoxes: false, minSidePt: DUSTY_POINT_MIN_PT };

/**
 * A mark that sits where a decimal point or a thousands separator does: at the foot of the print
 * on its left (level with it within the mark's own height, within DECIMAL_GAP_EM of its height,
 * and several times its height), with print level with it on its right within SEPARATOR_GAP_EM
 * (a separator may be followed by a space: `84, 861, 719`). Dust beside a word, above or between
 * its letters' middles, or after a number's last digit, fails one of these; on a dusty page dust
 * thinner than a point (`rule.minSidePt`) too.
 */
function decimalPoint(b: Box, printBeside: (b: Box, dx: 1 | -1, reach: number) => { print: Box; gap: number } | undefined, reach: number, rule: PointRule, dpi: number): boolean {
  const size = b.y1 - b.y0 + 1;
  if (Math.min(size, b.x1 - b.x0 + 1) < pt(rule.minSidePt, dpi)) return false;
  const footed = (side: { print: Box; gap: number } | undefined, boxGap: (print: Box) => number, gapEm: number) => {
    if (!side) return false;
    const h = side.print.y1 - side.print.y0 + 1;
    const digitShaped = side.print.x1 - side.print.x0 + 1 <= DIGIT_MAX_WIDTH * h;
    const gap = rule.digitBoxes && digitShaped ? Math.min(side.gap, boxGap(side.print)) : side.gap;
    return Math.abs(side.print.y1 - b.y1) <= size && gap <= gapEm * h && h >= DECIMAL_MIN_RATIO * size;
  };
  return (
    footed(printBeside(b, -1, reach), (p) => b.x0 - p.x1 - 1, DECIMAL_GAP_EM) &&
    footed(printBeside(b, 1, reach), (p) => p.x0 - b.x1 - 1, SEPARATOR_GAP_EM)
  );
}

/** Otsu's threshold over the gray histogram, kept within [MIN_THRESHOLD, MAX_THRESHOLD]. */
export function otsuThreshold(image: GrayImage): number {
  const hist = new Uint32Array(256);
  const data = image.data;
  // Indexed, not for…of: the iterator protocol costs more than the counting on a 9 MP page; and
  // integers, not floats: a float count per pixel was a third of the step.
  for (let i = 0; i < data.length; i++) hist[data[i]!]!++;
  const total = data.length;
  let sumAll = 0;
  for (let i = 0; i < 256; i++) sumAll += i * hist[i]!;
  let sumB = 0;
  let weightB = 0;
  let best = 128;
  let bestVar = -1;
  for (let t = 0; t < 256; t++) {
    weightB += hist[t]!;
    if (weightB === 0) continue;
    const weightF = total - weightB;
    if (weightF === 0) break;
    sumB += t * hist[t]!;
    const meanB = sumB / weightB;
    const meanF = (sumAll - sumB) / weightF;
    const between = weightB * weightF * (meanB - meanF) ** 2;
    if (between > bestVar) {
      bestVar = between;
      best = t;
    }
  }
  return Math.min(MAX_THRESHOLD, Math.max(MIN_THRESHOLD, best));
}

/** 1 where the page is ink (darker than the threshold), 0 where it is paper. */
export function binarize(image: GrayImage, threshold = otsuThreshold(image)): Uint8Array {
  const out = new Uint8Array(image.data.length);
  for (let i = 0; i < out.length; i++) out[i] = image.data[i]! <= threshold ? 1 : 0;
  return out;
}

/** Share of ink pixels: a page below a few per ten thousand holds no text worth reading. */
export function inkShare(ink: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < ink.length; i++) n += ink[i]!;
  return n / Math.max(1, ink.length);
}

interface Run {
  row: number;
  start: number;
  end: number;
}

/** Horizontal runs of ink at least `minLength` long, gaps up to `maxGap` bridged. */
function rowRuns(ink: Uint8Array, width: number, height: number, minLength: number, maxGap: number): Run[] {
  const runs: Run[] = [];
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let x = 0;
    while (x < width) {
      if (!ink[row + x]) {
        x++;
        continue;
      }
      const start = x;
      let end = x;
      let gap = 0;
      for (x++; x < width; x++) {
        if (ink[row + x]) {
          end = x;
          gap = 0;
        } else if (++gap > maxGap) break;
      }
      if (end - start + 1 >= minLength) runs.push({ row: y, start, end });
      x = end + 1;
    }
  }
  return runs;
}

/**
 * The page's skew in degrees (positive: its lines fall to the right, i.e. the content is rotated
 * clockwise), from the direction of its long ink runs: rule pieces and horizontal strokes. Each
 * run votes with its length into a row profile sheared by the candidate angle; the angle that
 * piles the runs into the fewest rows (largest sum of squares) wins.
 */
export function estimateSkew(ink: Uint8Array, width: number, height: number, dpi: number): number {
  const segment = pt(SKEW_RUN_PT, dpi);
  const runs = rowRuns(ink, width, height, segment, 0);
  if (runs.length === 0) return 0;
  const margin = Math.ceil(width * Math.tan((MAX_SKEW_DEGREES * Math.PI) / 180)) + 1;
  const bins = new Float64Array(height + 2 * margin);
  const score = (degrees: number): number => {
    const slope = Math.tan((degrees * Math.PI) / 180);
    bins.fill(0);
    for (const r of runs) {
      // Each piece of a run votes where it is, so a long rule spreads over rows when the angle is wrong.
      for (let x = r.start; x <= r.end; x += segment) {
        const length = Math.min(segment, r.end - x + 1);
        const y = Math.round(r.row - (x + length / 2) * slope) + margin;
        if (y >= 0 && y < bins.length) bins[y]! += length;
      }
    }
    let s = 0;
    for (const b of bins) s += b * b;
    return s;
  };
  const search = (from: number, to: number, step: number): number => {
    let best = 0;
    let bestScore = -1;
    for (let k = 0; from + k * step <= to + 1e-9; k++) {
      const d = from + k * step;
      const s = score(d);
      // Ties go to the angle nearest zero: a straight page is not rotated for nothing.
      if (s > bestScore || (s === bestScore && Math.abs(d) < Math.abs(best))) {
        bestScore = s;
        best = d;
      }
    }
    return best;
  };
  const coarse = search(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES, SKEW_STEP_DEGREES);
  return search(coarse - SKEW_STEP_DEGREES, coarse + SKEW_STEP_DEGREES, SKEW_FINE_STEP_DEGREES);
}

/** The image rotated by `degrees` (clockwise positive) about its centre, bilinear, paper-white fill. */
export function rotate(image: GrayImage, degrees: number): GrayImage {
  const { width, height, data } = image;
  const out = new Uint8Array(width * height).fill(WHITE);
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  for (let y = 0; y < height; y++) {
    const dy = y - cy;
    for (let x = 0; x < width; x++) {
      const dx = x - cx;
      // Inverse mapping: the source pixel that lands here.
      const sx = cos * dx + sin * dy + cx;
      const sy = -sin * dx + cos * dy + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * width + x0;
      const top = data[i]! * (1 - fx) + data[i + 1]! * fx;
      const bottom = data[i + width]! * (1 - fx) + data[i + width + 1]! * fx;
      out[y * width + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return { ...image, data: out };
}

/**
 * How far the page's vertical rules lean (pixels across per pixel down, their length-weighted
 * mean) once its horizontal ones are straight: a page scanned off-square, a shear a rotation
 * cannot undo. 0 without vertical rules.
 */
export function verticalLean(rules: PixelRule[]): number {
  const vertical = rules.filter((r) => !r.horizontal);
  const length = vertical.reduce((a, r) => a + (r.end - r.start), 0);
  return length === 0 ? 0 : vertical.reduce((a, r) => a + r.slope * (r.end - r.start), 0) / length;
}

/** The image sheared so that a line leaning `lean` (x per y) stands upright: row y shifted by lean × (y − centre), bilinear. */
export function unshear(image: GrayImage, lean: number): GrayImage {
  const { width, height, data } = image;
  const out = new Uint8Array(width * height).fill(WHITE);
  const cy = (height - 1) / 2;
  for (let y = 0; y < height; y++) {
    const shift = lean * (y - cy);
    const whole = Math.floor(shift);
    const f = shift - whole;
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const sx = x + whole;
      if (sx < 0 || sx + 1 >= width) continue;
      out[row + x] = Math.round(data[row + sx]! * (1 - f) + data[row + sx + 1]! * f);
    }
  }
  return { ...image, data: out };
}

// ---- ruling lines -------------------------------------------------------------------------

function transpose(ink: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(ink.length);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out[x * height + y] = ink[y * width + x]!;
  return out;
}

/** A rule's band at most this much wider (pixels) than its ink is a straight rule, a pixel's wobble either side. */
const STRAIGHT_BAND_PX = 2;

/** A rule being found: its band and, for the centre line's fit, sums over its runs (weighted by length). */
interface Growing {
  across0: number;
  across1: number;
  start: number;
  end: number;
  /** Σw, Σw·m, Σw·a, Σw·m², Σw·m·a over runs of length w, middle m, row a. */
  w: number;
  wm: number;
  wa: number;
  wmm: number;
  wma: number;
}

function addRun(g: Growing, run: Run): void {
  const w = run.end - run.start + 1;
  const m = (run.start + run.end) / 2;
  g.w += w;
  g.wm += w * m;
  g.wa += w * run.row;
  g.wmm += w * m * m;
  g.wma += w * m * run.row;
}

function toRule(g: Growing, horizontal: boolean): PixelRule {
  const length = g.end - g.start + 1;
  const thickness = g.w / length;
  const band = g.across1 - g.across0 + 1;
  // A rule whose band is hardly wider than its ink is straight; a fit over runs that all span it
  // (their middles nearly equal) would be noise. A leaning one's centre line stays in its band.
  const spread = g.w * g.wmm - g.wm * g.wm;
  const fitted = band > thickness + STRAIGHT_BAND_PX && spread > 0 ? (g.w * g.wma - g.wm * g.wa) / spread : 0;
  const lean = (band - thickness) / Math.max(1, length);
  const slope = Math.max(-lean, Math.min(lean, fitted));
  return { horizontal, across0: g.across0, across1: g.across1, start: g.start, end: g.end, slope, thickness };
}

/**
 * Long thin runs of ink, stacked row on row, are ruling lines. Runs in adjacent rows that overlap
 * (or touch end to start, as a line a little off the axis steps from row to row) are one rule;
 * so are the pieces of one rule the noise split into parallel runs of the same rows. Thin is
 * measured on the ink, not the band: a rule of a page scanned off-square steps across many rows.
 */
function horizontalRules(ink: Uint8Array, width: number, height: number, dpi: number, horizontal: boolean): PixelRule[] {
  const minLength = pt(RULE_MIN_LENGTH_PT, dpi);
  const maxGap = pt(RULE_GAP_PT, dpi);
  const maxThickness = pt(RULE_MAX_THICKNESS_PT, dpi);
  const done: Growing[] = [];
  let open: Growing[] = [];
  let row = -1;
  const closeBefore = (y: number) => {
    const still: Growing[] = [];
    for (const r of open) (r.across1 >= y - 1 ? still : done).push(r);
    open = still;
  };
  for (const run of rowRuns(ink, width, height, minLength, maxGap)) {
    if (run.row !== row) {
      closeBefore(run.row);
      row = run.row;
    }
    const into = open.find((r) => r.across1 === run.row - 1 && run.start <= r.end + maxGap && run.end >= r.start - maxGap);
    if (into) {
      into.across1 = run.row;
      into.start = Math.min(into.start, run.start);
      into.end = Math.max(into.end, run.end);
      addRun(into, run);
    } else {
      const g = { across0: run.row, across1: run.row, start: run.start, end: run.end, w: 0, wm: 0, wa: 0, wmm: 0, wma: 0 };
      addRun(g, run);
      open.push(g);
    }
  }
  done.push(...open);
  return mergeParallel(done, maxGap)
    .map((g) => toRule(g, horizontal))
    .filter((r) => r.thickness <= maxThickness);
}

/** Pieces whose bands touch and whose extents overlap (or nearly meet) are one rule. */
function mergeParallel(pieces: Growing[], maxGap: number): Growing[] {
  const merged: Growing[] = [];
  for (const p of [...pieces].sort((a, b) => a.across0 - b.across0 || a.start - b.start)) {
    const into = merged.find((m) => p.across0 <= m.across1 + 1 && p.across1 >= m.across0 - 1 && p.start <= m.end + maxGap && p.end >= m.start - maxGap);
    if (!into) {
      merged.push({ ...p });
      continue;
    }
    into.across0 = Math.min(into.across0, p.across0);
    into.across1 = Math.max(into.across1, p.across1);
    into.start = Math.min(into.start, p.start);
    into.end = Math.max(into.end, p.end);
    into.w += p.w;
    into.wm += p.wm;
    into.wa += p.wa;
    into.wmm += p.wmm;
    into.wma += p.wma;
  }
  return merged;
}

/** Horizontal and vertical ruling lines of a (straightened) page, in pixels. */
export function findPixelRules(ink: Uint8Array, width: number, height: number, dpi: number): PixelRule[] {
  const candidates = [...horizontalRules(ink, width, height, dpi, true), ...horizontalRules(transpose(ink, width, height), height, width, dpi, false)];
  const long = pt(FREE_RULE_MIN_LENGTH_PT, dpi);
  const reach = pt(SIDE_INK_REACH_PT, dpi);
  const isLong = (r: PixelRule) => r.end - r.start + 1 >= long;
  // The pen the page's tables are ruled with: its long rules' usual thickness.
  const longs = candidates.filter(isLong);
  const pen = longs.length > 0 ? median(longs.map((r) => r.thickness)) : undefined;
  return joinedRules(
    candidates.filter((r) => {
      if (!isLong(r) && pen !== undefined && r.thickness > MAX_SHORT_RULE_THICKNESS * pen) return false;
      if (!isLong(r)) return sideInk(r, ink, width, reach) <= MAX_SIDE_INK;
      return r.horizontal ? sideInk(r, ink, width, reach, true) <= MAX_BOTH_SIDES_INK : sideInk(r, ink, width, reach) <= MAX_SIDE_INK_UPRIGHT;
    }),
    dpi,
  );
}

/**
 * Share of a rule's length with ink just beyond its band on either side (`reach` pixels out): a
 * ruling line has paper beside it but where it crosses another; a short run that is letters'
 * strokes has their other strokes. In a dense table a letter's upright stroke, the rule under
 * its row and a stroke of the letter below make one short upright run meeting a rule: erased as
 * a border, it cut holes in both rows' names (社会保险经办机构 read ?会乞办几构). Measured on that
 * page: rules 0.02-0.19, such runs 0.40-0.73. With `bothSides`, the share with ink on both sides
 * at once (MAX_BOTH_SIDES_INK).
 */
function sideInk(r: PixelRule, ink: Uint8Array, width: number, reach: number, bothSides = false): number {
  const height = ink.length / width;
  const at = (across: number, along: number) => (r.horizontal ? ink[across * width + along] : ink[along * width + across]) === 1;
  const [before, after] = [r.across0 - reach, r.across1 + reach];
  const limit = r.horizontal ? height : width;
  let inked = 0;
  for (let a = r.start; a <= r.end; a++) {
    const above = before >= 0 && at(before, a);
    const below = after < limit && at(after, a);
    if (bothSides ? above && below : above || below) inked++;
  }
  return inked / (r.end - r.start + 1);
}

/**
 * The candidates that are rules: the long ones, and short ones an end of which meets a rule
 * already kept (repeated, so a header's short borders reach the frame through each other).
 */
export function joinedRules(candidates: PixelRule[], dpi: number): PixelRule[] {
  const long = pt(FREE_RULE_MIN_LENGTH_PT, dpi);
  const join = pt(RULE_JOIN_PT, dpi);
  const kept = new Set(candidates.filter((r) => r.end - r.start + 1 >= long));
  const meets = (r: PixelRule, other: PixelRule): boolean =>
    other.horizontal !== r.horizontal &&
    r.across1 >= other.start - join &&
    r.across0 <= other.end + join &&
    [r.start, r.end].some((end) => end >= other.across0 - join && end <= other.across1 + join);
  for (let grown = true; grown; ) {
    grown = false;
    for (const r of candidates) {
      if (kept.has(r) || ![...kept].some((k) => meets(r, k))) continue;
      kept.add(r);
      grown = true;
    }
  }
  return candidates.filter((r) => kept.has(r));
}

/**
 * Pixels well lighter than the ink threshold (WHITEN_SHARE) set to paper white, darker ones kept
 * (their gray edges help recognition). Scanner noise and JPEG blotches on the paper go; a small cell cut out for a
 * second reading then has no background texture for tesseract's own thresholding to take for ink.
 */
export function whitenPaper(image: GrayImage, threshold: number): GrayImage {
  const data = image.data.slice();
  const paper = threshold + WHITEN_SHARE * (WHITE - threshold);
  for (let i = 0; i < data.length; i++) if (data[i]! > paper) data[i] = WHITE;
  return { ...image, data };
}

/**
 * A copy of the page with its rules (and their halo) painted white, so OCR sees only text. Each
 * rule is erased along its centre line, its ink's thickness wide plus the halo: a rule off the
 * axis covers a wide band, and erasing the band took the first stroke of the text beside it
 * (一般 read -般).
 */
export function eraseRules(image: GrayImage, rules: PixelRule[]): GrayImage {
  const { width, height } = image;
  const data = image.data.slice();
  const m = pt(ERASE_MARGIN_PT, image.dpi);
  for (const r of rules) {
    const mid = (r.across0 + r.across1) / 2;
    const along = (r.start + r.end) / 2;
    const half = r.thickness / 2 + m;
    const [limitAlong, limitAcross] = r.horizontal ? [width, height] : [height, width];
    for (let p = Math.max(0, r.start - m); p <= Math.min(limitAlong - 1, r.end + m); p++) {
      const centre = mid + r.slope * (p - along);
      // The band still bounds it: the fit of a short, ragged rule can lean out of its own ink.
      const from = Math.max(0, r.across0 - m, Math.floor(centre - half));
      const to = Math.min(limitAcross - 1, r.across1 + m, Math.ceil(centre + half));
      for (let q = from; q <= to; q++) data[r.horizontal ? q * width + p : p * width + q] = WHITE;
    }
  }
  return { ...image, data };
}

// ---- bitonal pages ------------------------------------------------------------------------

/**
 * A page is bitonal (a fax, a thresholded scan, a 1-bit image in a PDF) when hardly any of its
 * pixels are gray: fewer than this share of its dark ones. Any gray scan or anti-aliased rendering
 * has gray edges on every stroke (a JPEG scan: more gray pixels than dark ones).
 */
const BITONAL_GRAY_SHARE = 0.02;
/** Gray levels strictly between these are gray, not black or white. */
const GRAY_LEVELS: [number, number] = [32, 224];
/**
 * A bitonal page is smoothed this much (Gaussian sigma, points: a pixel of a 200 dpi scan) before
 * recognition: its strokes' stair-stepped edges become the gray ramps of the anti-aliased print
 * tesseract's model was trained on (73.01 read 33.01, 61.59 read 81.59 on a 200 dpi bitonal scan
 * without it). Measured on the hard set's bitonal pages (fact F1 at 200 / 300 dpi): 0.16 pt
 * 0.57 / -, 0.24 pt 0.60 / 0.95, 0.36 pt 0.70 / 0.97, 0.42 pt 0.56 / 0.97, 0.5 pt 0.62 / 0.96.
 */
const BITONAL_SMOOTH_PT = 0.36;

export function isBitonal(image: GrayImage): boolean {
  let gray = 0;
  let dark = 0;
  const data = image.data;
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (v <= GRAY_LEVELS[0]) dark++;
    else if (v < GRAY_LEVELS[1]) gray++;
  }
  return dark > 0 && gray < BITONAL_GRAY_SHARE * dark;
}

/** The page blurred as a bitonal page is before recognition (BITONAL_SMOOTH_PT): separable Gaussian. */
export function smoothBitonal(image: GrayImage): GrayImage {
  const sigma = (BITONAL_SMOOTH_PT * image.dpi) / 72;
  const radius = Math.ceil(2 * sigma);
  const kernel = Array.from({ length: 2 * radius + 1 }, (_, k) => Math.exp(-((k - radius) ** 2) / (2 * sigma * sigma)));
  const sum = kernel.reduce((a, b) => a + b, 0);
  const weights = Float32Array.from(kernel, (w) => w / sum);
  const { width, height, data } = image;
  // The rows blurred across are kept in a ring of the 2 × radius + 1 the blur down needs, not a
  // copy of the page in floats (35 MB at 300 dpi): row y sits at y mod `rows`.
  const rows = 2 * radius + 1;
  const across = new Float32Array(rows * width);
  const blurAcross = (y: number) => {
    const row = y * width;
    const at = (y % rows) * width;
    for (let x = 0; x < width; x++) {
      let v = 0;
      for (let k = -radius; k <= radius; k++) v += weights[k + radius]! * data[row + Math.min(width - 1, Math.max(0, x + k))]!;
      across[at + x] = v;
    }
  };
  const out = new Uint8Array(data.length);
  for (let y = 0; y < Math.min(height, radius); y++) blurAcross(y);
  for (let y = 0; y < height; y++) {
    if (y + radius < height) blurAcross(y + radius);
    for (let x = 0; x < width; x++) {
      let v = 0;
      for (let k = -radius; k <= radius; k++) v += weights[k + radius]! * across[(Math.min(height - 1, Math.max(0, y + k)) % rows) * width + x]!;
      out[y * width + x] = Math.round(v);
    }
  }
  return { ...image, data: out };
}

// ---- crops and encoding -------------------------------------------------------------------

/**
 * The box [x0, y0, x1) × [y0, y1) around the page's ink (pixels at or below `threshold`), `margin`
 * pixels wider on each side within the page; undefined for a page without ink. Recognition reads
 * this part of a page only: its blank margins cost tesseract memory and layout time for nothing.
 */
export function inkFrame(image: GrayImage, threshold: number, margin: number): [number, number, number, number] | undefined {
  const { width, height, data } = image;
  let [x0, y0, x1, y1] = [width, height, -1, -1];
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let first = -1;
    for (let x = 0; x < width; x++) {
      if (data[row + x]! <= threshold) {
        first = x;
        break;
      }
    }
    if (first < 0) continue;
    let last = width - 1;
    while (data[row + last]! > threshold) last--;
    if (first < x0) x0 = first;
    if (last > x1) x1 = last;
    if (y0 === height) y0 = y;
    y1 = y;
  }
  if (x1 < 0) return undefined;
  return [Math.max(0, x0 - margin), Math.max(0, y0 - margin), Math.min(width, x1 + 1 + margin), Math.min(height, y1 + 1 + margin)];
}

/**
 * The runs of pixel columns within [x0, x1) × [y0, y1) that hold ink (pixels below `level`), runs
 * closer than `minGap` pixels joined: the blocks of print a strip of the page holds side by side
 * (a table's headings, each over its column). Pixel coordinates, [start, end).
 */
export function inkSpans(image: GrayImage, level: number, x0: number, y0: number, x1: number, y1: number, minGap: number): [number, number][] {
  const left = Math.max(0, Math.floor(x0));
  const right = Math.min(image.width, Math.ceil(x1));
  const top = Math.max(0, Math.floor(y0));
  const bottom = Math.min(image.height, Math.ceil(y1));
  const spans: [number, number][] = [];
  for (let x = left; x < right; x++) {
    let inked = false;
    for (let y = top; y < bottom && !inked; y++) inked = image.data[y * image.width + x]! < level;
    if (!inked) continue;
    const last = spans[spans.length - 1];
    if (last && x - last[1] < minGap) last[1] = x + 1;
    else spans.push([x, x + 1]);
  }
  return spans;
}

/** The pixels inside [x0, x1) × [y0, y1), framed by `pad` pixels of paper (tesseract wants a margin). */
export function crop(image: GrayImage, x0: number, y0: number, x1: number, y1: number, pad: number): GrayImage {
  const left = Math.max(0, Math.floor(x0));
  const top = Math.max(0, Math.floor(y0));
  const right = Math.min(image.width, Math.ceil(x1));
  const bottom = Math.min(image.height, Math.ceil(y1));
  const w = Math.max(1, right - left) + 2 * pad;
  const h = Math.max(1, bottom - top) + 2 * pad;
  const data = new Uint8Array(w * h).fill(WHITE);
  for (let y = top; y < bottom; y++) {
    data.set(image.data.subarray(y * image.width + left, y * image.width + right), (y - top + pad) * w + pad);
  }
  return { width: w, height: h, data, dpi: image.dpi };
}

/** The image enlarged `factor` times (bilinear), its resolution with it: small print read again larger. */
export function enlarge(image: GrayImage, factor: number): GrayImage {
  const width = Math.round(image.width * factor);
  const height = Math.round(image.height * factor);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(image.height - 1, Math.max(0, (y + 0.5) / factor - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(image.height - 1, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < width; x++) {
      const sx = Math.min(image.width - 1, Math.max(0, (x + 0.5) / factor - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(image.width - 1, x0 + 1);
      const fx = sx - x0;
      const top = image.data[y0 * image.width + x0]! * (1 - fx) + image.data[y0 * image.width + x1]! * fx;
      const bottom = image.data[y1 * image.width + x0]! * (1 - fx) + image.data[y1 * image.width + x1]! * fx;
      data[y * width + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return { width, height, data, dpi: image.dpi * factor };
}

/** Binary PGM (P5): no compression to spend time on, and Leptonica reads it natively. A Buffer, as tesseract.js takes it (no second copy). */
export function encodePgm(image: GrayImage): Buffer {
  const header = Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, 'latin1');
  const out = Buffer.allocUnsafe(header.length + image.data.length);
  out.set(header, 0);
  out.set(image.data, header.length);
  return out;
}
