/** budget-extract's library API. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { BudgetDocument } from './model.js';
import { extractBytes, type ExtractOptions } from './pipeline.js';
import { ExtractError } from './extract/errors.js';

export type * from './model.js';
export { ExtractError, type ExtractErrorCode } from './extract/errors.js';
export { extractBytes, linesToDocument, sniffKind, type ExtractOptions } from './pipeline.js';
export { documentToJson } from './export/json.js';
export { documentToFacts, type Fact } from './export/facts.js';
export { factsToCsv, wideCsvByType } from './export/csv.js';
export { lookupCode, classOfName, canonicalCode, kindOf, parentOf, findCodes } from './normalize/codes.js';

/** Extracts one disclosure from a file path, or from bytes with the file name to report. */
export async function extract(input: string | { bytes: Uint8Array; file: string }, options: ExtractOptions = {}): Promise<BudgetDocument> {
  if (typeof input !== 'string') return extractBytes(input.bytes, input.file, options);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(input);
  } catch (e) {
    throw new ExtractError('io', basename(input), (e as Error).message, { cause: e });
  }
  return extractBytes(bytes, basename(input), options);
}
