import type { BudgetDocument, Extracted } from './model.js';
import type { OcrEngine } from './extract/ocr.js';
import { type Limits } from './extract/limits.js';
import { type Block } from './tables/segment.js';
/** Budgets (maxBytes, maxPages, maxImagePixels) default to src/extract/limits.ts. */
export interface ExtractOptions extends Limits {
    /** Password for encrypted PDFs. */
    password?: string;
    /** Add class and section rows summed from printed items (marked derived). */
    rollup?: boolean;
    /** OCR (src/extract/ocr.ts): `auto` (default) reads scanned pages and page images, `always` every PDF page, `never` none. */
    ocr?: 'auto' | 'always' | 'never';
    /** Tesseract workers of this process's OCR pool (default: the cores). */
    ocrWorkers?: number;
    /** The OCR recognizer (src/extract/ocr.ts `OcrEngine`): `auto` (default: by page, ocr.ts PAGE_ENGINE), `tesseract` or `ppocr`. */
    ocrEngine?: OcrEngine;
    /** PP-OCR's detection: the page's longer side scaled to at most this many pixels (default 1600). */
    ocrDetLimit?: number;
}
export type InputKind = 'pdf' | 'image' | 'office' | 'text';
export declare function sniffKind(bytes: Uint8Array): InputKind;
/** Lines → the document: tables found, typed, keyed, placed and checked. */
export declare function linesToDocument(extracted: Extracted, file: string, sha256: string, options?: ExtractOptions): BudgetDocument;
/**
 * A county bundle (several units' disclosures in one file) → one block group per unit. Every
 * disclosure prints one 收支总表, so a second one starts the next unit; the split is kept only
 * when every unit has a table set of its own.
 */
export declare function blocksToUnits(blocks: Block[]): Block[][];
/**
 * Lines → one document per unit (one, unless the file is a bundle). A unit's lines run from the
 * end of the previous unit's last table, so the prose printed before its tables is its own.
 */
export declare function linesToDocuments(extracted: Extracted, file: string, sha256: string, options?: ExtractOptions): BudgetDocument[];
/** Every unit's document of a file: one, or one per unit of a county bundle. */
export declare function extractUnitsBytes(bytes: Uint8Array, file: string, options?: ExtractOptions): Promise<BudgetDocument[]>;
/** The whole file as one document (a bundle's units together; `extractUnitsBytes` splits them). */
export declare function extractBytes(bytes: Uint8Array, file: string, options?: ExtractOptions): Promise<BudgetDocument>;
