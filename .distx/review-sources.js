import { createHash } from 'node:crypto';
import { readSourceLines, renderPages } from './extract/source-view.js';
import { citedLines } from './export/review.js';
import { citedPages } from './export/page-images.js';
/**
 * What a review page shows of its source, read from the input the documents came from; the
 * review exporter gets it as data and never reads an input itself.
 */
/**
 * The cited lines of a text input; undefined for other inputs, or when the bytes are not the ones
 * the document was extracted from (the file changed since): wrong lines would mislead more than none.
 */
export function sourceLinesOf(bytes, doc) {
    if (doc.source.kind !== 'text')
        return undefined;
    if (createHash('sha256').update(bytes).digest('hex') !== doc.source.sha256)
        return undefined;
    return readSourceLines(bytes, citedLines(doc));
}
/** The pages a PDF's documents cite, rendered once (a county bundle's units share one file). */
export function pageImagesOf(bytes, docs, options = {}) {
    return renderPages(bytes, [...new Set(docs.flatMap(citedPages))].sort((a, b) => a - b), options);
}
