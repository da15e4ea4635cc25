import type { BudgetDocument, TableType } from '../model.js';
/**
 * The Excel workbook of a run, for people who open the data in a spreadsheet: one sheet per table
 * type (the wide CSV's rows and columns), and a `checks` sheet with every issue. Pure: bytes out.
 *
 * What a spreadsheet would otherwise damage is pinned down: codes and keys are text cells with
 * the text format `@` (a 21-digit project code would become 4.1E+20, `0101` would lose its zero),
 * amounts are numbers, and every text cell goes through `neutralizeFormula`, so nothing a
 * disclosure prints turns into a formula if the sheet is re-saved as CSV or edited.
 */
/** Columns before the measures, as in csv/<type>.csv. */
export declare const LEADING_COLUMNS: readonly ["document", "department", "year", "table_title", "unit", "key", "kind", "name", "document_kind", "phase"];
export declare const CHECK_COLUMNS: readonly ["document", "table", "kind", "severity", "check", "key", "measure", "expected", "found", "message", "location"];
export declare const CHECKS_SHEET = "checks";
type CellValue = string | number | null;
/** A measure's header: `total (万元)` when every table of the sheet shares one unit, else `total`. */
export declare function measureHeader(measure: string, unit: string | undefined): string;
/** The measure a header names (inverse of `measureHeader`). */
export declare function measureOfHeader(header: string): string;
interface Sheet {
    name: string;
    header: string[];
    /** Columns (0-based) holding text that a spreadsheet must not reinterpret. */
    textColumns: number[];
    amountColumns: number[];
    rows: CellValue[][];
}
export declare function typeSheet(docs: BudgetDocument[], type: TableType): Sheet;
export declare function checksSheet(docs: BudgetDocument[]): Sheet;
/** Every sheet of the workbook, in order: the table types of the run, then `checks`. */
export declare function workbookSheets(docs: BudgetDocument[]): Sheet[];
export declare function documentsToWorkbook(docs: BudgetDocument[]): Promise<Buffer>;
export {};
