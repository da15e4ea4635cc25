import { ExtractError } from './errors.js';
/**
 * Budgets for one input file. Every input is untrusted: a file can be built to exhaust memory or
 * time (a decompression bomb, a page tree claiming millions of pages, a 100 MB line, an image
 * header claiming gigapixels), so every cost that grows with what the file *claims* has a ceiling
 * here, and crossing it ends that file with `too_large` instead of taking the run down.
 *
 * The worker heap (src/batch.ts) and the per-file timeout (--timeout) bound what these miss.
 */
const MB = 1024 * 1024;
/**
 * Largest input read at all (`--max-mb`). Real disclosures are 1-50 MB as PDF and well under
 * 10 MB as text; the file is measured before it is read, so a bigger one costs nothing.
 */
export const DEFAULT_MAX_INPUT_BYTES = 200 * MB;
/**
 * Most pages read from one PDF (`--max-pages`); also the most frames of a TIFF. The largest
 * budget books run to a few hundred pages. pdf.js takes the count from the page tree, which the
 * file states, so this is checked before any page is parsed.
 */
export const DEFAULT_MAX_PAGES = 2000;
/**
 * Most pixels in one image (a page scan, or an image inside a PDF): 100 MP is an A4 page at
 * ~1000 dpi. Decoders allocate width × height × channels up front, so the header decides.
 */
export const DEFAULT_MAX_IMAGE_PIXELS = 100_000_000;
/**
 * Longest text line kept. Printed table rows run to a few hundred characters; a longer line is
 * not a table row, and tokenizing a 100 MB line costs gigabytes, so the rest is dropped with an
 * issue.
 */
export const MAX_LINE_CHARS = 100_000;
/**
 * Most bytes one PDF stream may inflate to (FlateDecode, LZWDecode, RunLength chains). pdf.js
 * keeps a decoded stream in one growing buffer, outside the JS heap the worker limit counts, so a
 * 7 KB file inflating to 4 GB would otherwise take ~12 GB of memory. 128 MB holds a 600 dpi RGB
 * A4 scan; content streams and fonts are far smaller.
 */
export const MAX_STREAM_DECODED_BYTES = 128 * MB;
/** Most bytes all streams of one PDF may inflate to together (many streams just under the cap). */
export const MAX_PDF_DECODED_BYTES = 1024 * MB;
/** `200 MB`, `0.01 MB`: two decimals below 10 MB, so small limits (tests, --max-mb 0.5) read right. */
export const megabytes = (bytes) => `${Number((bytes / MB).toFixed(bytes < 10 * MB ? 2 : 0))} MB`;
const thousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
/** Refuses an input over the byte budget before it is decoded (or, given its size, read). */
export function checkInputSize(size, file, maxBytes = DEFAULT_MAX_INPUT_BYTES) {
    if (size > maxBytes) {
        throw new ExtractError('too_large', file, `${thousands(size)} bytes, more than the limit of ${megabytes(maxBytes)}; raise it with --max-mb`);
    }
}
/**
 * Most bytes one part of an .xlsx/.docx/.ods (a ZIP) may inflate to. A 10,000-row sheet is about
 * 2 MB of XML; parsing costs ~10x the XML in memory, so 100 MB is far past any disclosure and
 * still well inside the worker heap. Checked against the ZIP directory before inflating.
 */
export const MAX_ZIP_PART_BYTES = 100 * MB;
/** Most bytes all parts of one ZIP container may inflate to together. */
export const MAX_ZIP_TOTAL_BYTES = 300 * MB;
/** Most parts in one ZIP container (a 40-sheet workbook has about 100). */
export const MAX_ZIP_ENTRIES = 10_000;
/** Most non-empty cells read from one workbook or document; a 10,000-row, 30-column sheet is 300,000. */
export const MAX_OFFICE_CELLS = 5_000_000;
/** Most sheets (or HTML/Word tables) read from one file. */
export const MAX_OFFICE_SHEETS = 1_000;
