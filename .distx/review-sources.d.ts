import type { BudgetDocument, PageImage } from './model.js';
/**
 * What a review page shows of its source, read from the input the documents came from; the
 * review exporter gets it as data and never reads an input itself.
 */
/**
 * The cited lines of a text input; undefined for other inputs, or when the bytes are not the ones
 * the document was extracted from (the file changed since): wrong lines would mislead more than none.
 */
export declare function sourceLinesOf(bytes: Uint8Array, doc: BudgetDocument): Map<number, string> | undefined;
/** The pages a PDF's documents cite, rendered once (a county bundle's units share one file). */
export declare function pageImagesOf(bytes: Uint8Array, docs: BudgetDocument[], options?: {
    password?: string;
}): Promise<Map<number, PageImage>>;
