import type { Extracted, Line } from '../model.js';
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
/**
 * pdf.js settings for untrusted files. Nothing is fetched: the document comes as bytes (no url,
 * range or stream transport), CMaps and standard fonts are read from the pdfjs-dist folder on
 * disk, and the worker never fetches; no wasm decoders are loaded. Nothing in the file runs:
 * no `eval`/`new Function` for glyph outlines (CVE-2024-4367 went through that path), no XFA
 * forms, no document JavaScript (pdf.js runs none without a scripting sandbox, which is never
 * created here), no fonts handed to the system.
 */
export declare const LOCKED_DOWN: {
    readonly cMapUrl: string;
    readonly cMapPacked: true;
    readonly standardFontDataUrl: string;
    readonly useWorkerFetch: false;
    readonly useWasm: false;
    readonly disableAutoFetch: true;
    readonly disableStream: true;
    readonly disableRange: true;
    readonly isEvalSupported: false;
    readonly enableXfa: false;
    readonly disableFontFace: true;
    readonly useSystemFonts: false;
    readonly isOffscreenCanvasSupported: false;
    readonly isImageDecoderSupported: false;
    readonly stopAtErrors: false;
    readonly verbosity: number;
};
export declare function extractPdf(bytes: Uint8Array, file: string, options?: PdfOptions): Promise<Extracted>;
/**
 * A page's glyph boxes and ruling lines (points, top-left origin) → its lines: ruled grids one
 * line per row, the rest by baseline. Shared with the OCR extractor, which finds both in pixels.
 */
export declare function layoutLines(glyphs: Glyph[], rules: Rule[], at: PageAt, options?: {
    borderless?: boolean;
}): Line[];
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
/** An axis-aligned ruling line in page space. */
export interface Rule {
    horizontal: boolean;
    /** y of a horizontal rule, x of a vertical one. */
    pos: number;
    start: number;
    end: number;
}
export type PageAt = {
    file: string;
    page: number;
};
