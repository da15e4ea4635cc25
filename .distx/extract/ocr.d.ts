import type { Extracted, Issue, Line } from '../model.js';
import { ExtractError } from './errors.js';
import type { ImageHeader } from './image-header.js';
import { type PageAt } from './pdf.js';
import { type GrayImage } from './raster.js';
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
 * `auto` chooses per page: PP-OCR for a bitonal page, tesseract for a gray one (PAGE_ENGINE).
 */
export type OcrEngine = 'tesseract' | 'ppocr' | 'auto';
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
/** A page image (PNG, JPEG, TIFF frames) → lines. Call after `checkImageBudget`. */
export declare function extractImage(bytes: Uint8Array, file: string, header: ImageHeader, options?: OcrOptions): Promise<Extracted>;
/**
 * A PDF's pages without a usable text layer, OCR'd. `textLayer` is what `extractPdf` read (absent
 * when it found no text at all: then `noText` is its error, rethrown if OCR reads nothing either).
 * `auto` OCRs the pages that drew something but yielded no line (scans, glyphs without Unicode);
 * `always` every page. Pages that draw nothing are never rendered.
 */
export declare function ocrPdf(bytes: Uint8Array, file: string, options: OcrOptions, from: {
    textLayer: Extracted;
} | {
    noText: ExtractError;
}): Promise<Extracted>;
interface PageResult {
    lines: Line[];
    issues: Issue[];
    /** Words recognized (after noise): 0 means the page had no readable text. */
    words: number;
}
/** Gray page → straightened, rules found and erased, words recognized and placed, cells checked. */
export declare function ocrPage(input: GrayImage, at: PageAt, given?: OcrOptions): Promise<PageResult>;
/**
 * A grid cell of text that ends in an amount (`…的补助1.050.00`) took its right neighbour's
 * number: tesseract read the last line of a wrapped name and the amount beside it as one word
 * whose letters straddle the rule. The amount moves to the neighbour when that is blank, and is
 * dropped when the neighbour already holds it (read again alone); reported either way.
 */
export declare function separateRunInAmounts(lines: Line[], at: PageAt): Issue[];
/**
 * Header cells of each grid (its rows above the first that prints a number) one letter from a
 * known measure word take that word: a misread header (基本文出) leaves its column unnamed, and the
 * amounts under it were taken for the next column's. Reported, with what was read.
 */
export declare function repairHeaderWords(lines: Line[], at: PageAt): Issue[];
export {};
