import type { BudgetDocument, TableType } from '../model.js';
/**
 * CSV through fast-csv: the long facts file for programs, and one wide file per table type
 * (a row per printed row, a column per measure) across the documents of a run.
 */
export interface CsvOptions {
    /** UTF-8 BOM so Excel on Windows reads Chinese correctly. */
    bom?: boolean;
}
/**
 * Text a spreadsheet would evaluate (`=HYPERLINK(…)`, `+`, `-`, `@`, tab, CR, also after
 * leading spaces, which an import may trim) gets a leading apostrophe, as Excel and LibreOffice
 * expect; only in CSV meant for spreadsheets.
 */
export declare function neutralizeFormula(text: string): string;
/**
 * A table with no values (printed empty) still appears once, with key, measure and value empty,
 * so the facts file lists every table the JSON lists.
 */
export declare function factsToCsv(docs: BudgetDocument[], options?: CsvOptions): Promise<string>;
export declare function wideCsvByType(docs: BudgetDocument[], options?: CsvOptions): Promise<Map<TableType, string>>;
