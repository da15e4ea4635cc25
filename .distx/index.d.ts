import type { BudgetDocument } from './model.js';
import { type ExtractOptions } from './pipeline.js';
export type * from './model.js';
export { ExtractError, type ExtractErrorCode } from './extract/errors.js';
export { extractBytes, extractUnitsBytes, linesToDocument, linesToDocuments, sniffKind, type ExtractOptions } from './pipeline.js';
export { documentToJson } from './export/json.js';
export { documentToReviewHtml } from './export/review.js';
export { sourceLinesOf, pageImagesOf } from './review-sources.js';
export { documentToFacts, toYuan, phaseOf, type Fact, type Phase } from './export/facts.js';
export { factsToCsv, wideCsvByType } from './export/csv.js';
export { factsToParquet } from './export/parquet.js';
export { countFacts, type FactCounts, type Duplicate } from './batch.js';
export * from './compare/index.js';
export { lookupCode, classOfName, canonicalCode, kindOf, parentOf, findCodes } from './normalize/codes.js';
/** Ends the OCR worker threads (idle ones never keep a process alive; this frees their memory). */
export { closeOcr } from './extract/ocr-pool.js';
/** Extracts one disclosure from a file path, or from bytes with the file name to report. */
export declare function extract(input: string | {
    bytes: Uint8Array;
    file: string;
}, options?: ExtractOptions): Promise<BudgetDocument>;
/** One document per unit: several for a county bundle, else the one `extract` gives. */
export declare function extractUnits(input: string | {
    bytes: Uint8Array;
    file: string;
}, options?: ExtractOptions): Promise<BudgetDocument[]>;
