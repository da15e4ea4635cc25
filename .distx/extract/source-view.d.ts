import type { PageImage } from '../model.js';
/** The wanted lines of a text input, numbered as the extractor numbered them (same decoding, same line breaks). */
export declare function readSourceLines(bytes: Uint8Array, wanted: Iterable<number>): Map<number, string> | undefined;
/** Enough to read 9 pt digits; a page of a 100-page document stays near 100 KB. */
export declare const REVIEW_DPI = 100;
/** Pages of a PDF rendered as JPEG data URLs, for the review page (pages out of range are skipped). */
export declare function renderPages(bytes: Uint8Array, pages: readonly number[], options?: {
    password?: string;
}): Promise<Map<number, PageImage>>;
