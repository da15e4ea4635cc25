import { allIssues, linesOf } from './where.js';
/** Which pages of a PDF the review page shows: each page a value or an issue was printed on. */
/** The pages the document cites: where its values and its issues were printed. */
export function citedPages(doc) {
    const pages = new Set();
    for (const t of doc.tables)
        for (const r of linesOf(t))
            for (const at of Object.values(r.sources))
                if (at.page !== undefined)
                    pages.add(at.page);
    for (const i of allIssues(doc))
        if (i.at?.page !== undefined)
            pages.add(i.at.page);
    return [...pages].sort((a, b) => a - b);
}
/** The images of the pages one document cites (a county bundle's unit cites its own pages). */
export function imagesFor(doc, images) {
    return new Map(citedPages(doc).flatMap((n) => (images.has(n) ? [[n, images.get(n)]] : [])));
}
