import type { At, BudgetDocument, Issue, TableType } from '../model.js';
/**
 * Small helpers the exports share, so a location, an issue or a column reads the same in the
 * workbook, the review page and the data package.
 */
export { linesOf } from '../normalize/table.js';
/**
 * `file:line` for text input, `file p.3 [x0,y0,x1,y1]` for PDF, `file 表3!D12` for a spreadsheet
 * cell, `file table 2 D12` for a web page's or Word file's table cell; '' when nothing is known.
 */
export declare function formatAt(at: At | undefined): string;
/**
 * Every issue of a document, once: the document-level ones (every check's findings, prose,
 * completeness) and each table's own (placement, codes), which may leave `table` unset since
 * their table knows it. A failed in-table check is in both lists (its table's too), so an issue
 * already listed by the document is not listed again.
 */
export declare function allIssues(doc: BudgetDocument): Issue[];
/**
 * Columns before the measures in csv/<type>.csv and the workbook's sheets (`wideCsvByType`'s
 * order). `kind` is the row's kind; the document's is `document_kind`, added after the older
 * columns so that they keep their places.
 */
export declare const WIDE_LEADING_COLUMNS: readonly ["document", "department", "year", "table_title", "unit", "key", "kind", "name", "document_kind", "phase"];
/** The column of a measure's amount in 元, after the measures as printed. */
export declare const yuanColumn: (measure: string) => string;
/**
 * The measures of a table type across a run, in first-seen order: the value columns of
 * csv/<type>.csv and of the workbook's sheet, in the order `wideCsvByType` writes them.
 */
export declare function measuresOfType(docs: BudgetDocument[], type: TableType): string[];
/** Table types in the order they first appear in a run. */
export declare function typesOf(docs: BudgetDocument[]): TableType[];
