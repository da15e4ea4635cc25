/** budget-extract's library API. */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { extractBytes, extractUnitsBytes } from './pipeline.js';
import { ExtractError } from './extract/errors.js';
import { checkInputSize } from './extract/limits.js';
export { ExtractError } from './extract/errors.js';
export { extractBytes, extractUnitsBytes, linesToDocument, linesToDocuments, sniffKind } from './pipeline.js';
export { documentToJson } from './export/json.js';
export { documentToReviewHtml } from './export/review.js';
export { sourceLinesOf, pageImagesOf } from './review-sources.js';
export { documentToFacts, toYuan, phaseOf } from './export/facts.js';
export { factsToCsv, wideCsvByType } from './export/csv.js';
export { factsToParquet } from './export/parquet.js';
export { countFacts } from './batch.js';
export * from './compare/index.js';
export { lookupCode, classOfName, canonicalCode, kindOf, parentOf, findCodes } from './normalize/codes.js';
/** Ends the OCR worker threads (idle ones never keep a process alive; this frees their memory). */
export { closeOcr } from './extract/ocr-pool.js';
/** Extracts one disclosure from a file path, or from bytes with the file name to report. */
export async function extract(input, options = {}) {
    if (typeof input !== 'string')
        return extractBytes(input.bytes, input.file, options);
    return extractBytes(await readInput(input, options.maxBytes), basename(input), options);
}
/** One document per unit: several for a county bundle, else the one `extract` gives. */
export async function extractUnits(input, options = {}) {
    if (typeof input !== 'string')
        return extractUnitsBytes(input.bytes, input.file, options);
    return extractUnitsBytes(await readInput(input, options.maxBytes), basename(input), options);
}
/**
 * The bytes of a regular file within the size budget. Measured before reading, so an oversize
 * file costs nothing, and a device or FIFO (/dev/zero, a pipe) is refused instead of read forever.
 */
async function readInput(path, maxBytes) {
    const file = basename(path);
    try {
        const st = await stat(path);
        if (!st.isFile())
            throw new ExtractError('io', file, 'not a regular file');
        checkInputSize(st.size, file, maxBytes);
        return await readFile(path);
    }
    catch (e) {
        if (e instanceof ExtractError)
            throw e;
        throw new ExtractError('io', file, e.message, { cause: e });
    }
}
