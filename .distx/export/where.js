/**
 * Small helpers the exports share, so a location, an issue or a column reads the same in the
 * workbook, the review page and the data package.
 */
export { linesOf } from '../normalize/table.js';
/**
 * `file:line` for text input, `file p.3 [x0,y0,x1,y1]` for PDF, `file 表3!D12` for a spreadsheet
 * cell, `file table 2 D12` for a web page's or Word file's table cell; '' when nothing is known.
 */
export function formatAt(at) {
    if (!at)
        return '';
    if (at.line !== undefined)
        return `${at.file}:${at.line}`;
    if (at.sheet !== undefined)
        return `${at.file} ${at.sheet}!${at.cell ?? `row ${at.row}`}`;
    if (at.table !== undefined)
        return `${at.file} table ${at.table} ${at.cell ?? `row ${at.row}`}`;
    const page = at.page !== undefined ? ` p.${at.page}` : '';
    const box = at.bbox ? ` [${at.bbox.map((v) => Math.round(v * 10) / 10).join(',')}]` : '';
    return `${at.file}${page}${box}`;
}
/**
 * Every issue of a document, once: the document-level ones (every check's findings, prose,
 * completeness) and each table's own (placement, codes), which may leave `table` unset since
 * their table knows it. A failed in-table check is in both lists (its table's too), so an issue
 * already listed by the document is not listed again.
 */
export function allIssues(doc) {
    const listed = new Set(doc.issues.map((i) => JSON.stringify(i)));
    const own = doc.tables.flatMap((t) => t.issues.filter((i) => !listed.has(JSON.stringify(i))).map((i) => ({ ...i, table: i.table ?? t.type })));
    return [...doc.issues, ...own];
}
/**
 * Columns before the measures in csv/<type>.csv and the workbook's sheets (`wideCsvByType`'s
 * order). `kind` is the row's kind; the document's is `document_kind`, added after the older
 * columns so that they keep their places.
 */
export const WIDE_LEADING_COLUMNS = ['document', 'department', 'year', 'table_title', 'unit', 'key', 'kind', 'name', 'document_kind', 'phase'];
/** The column of a measure's amount in 元, after the measures as printed. */
export const yuanColumn = (measure) => `${measure}_yuan`;
/**
 * The measures of a table type across a run, in first-seen order: the value columns of
 * csv/<type>.csv and of the workbook's sheet, in the order `wideCsvByType` writes them.
 */
export function measuresOfType(docs, type) {
    const seen = new Set();
    for (const d of docs)
        for (const t of d.tables)
            if (t.type === type)
                for (const r of t.rows)
                    for (const m of Object.keys(r.values))
                        seen.add(m);
    return [...seen];
}
/** Table types in the order they first appear in a run. */
export function typesOf(docs) {
    return [...new Set(docs.flatMap((d) => d.tables.map((t) => t.type)))];
}
