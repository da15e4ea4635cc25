import type { At, Line } from '../../model.js';
/**
 * The shape every office reader hands on: a sheet or table as visible rows of cells, merged
 * cells already reduced to their top-left text and hidden rows and columns already dropped.
 * `rowsToLines` turns it into the lines the text and PDF extractors give, so the table stages
 * never know a workbook was read.
 */
/** One non-empty cell: the text it displays (number format applied) and where it is. */
export interface GridCell {
    text: string;
    at: At;
}
/** One visible row: its cells by visible column (undefined: empty), and where the row is. */
export interface GridRow {
    cells: (GridCell | undefined)[];
    at: At;
}
/** `0 → A`, `27 → AB`: spreadsheet column letters. */
export declare function columnName(col: number): string;
/** `D12` for zero-based row 11, column 3. */
export declare const cellRef: (row: number, col: number) => string;
/**
 * A cell's text as one line: folded like every extractor's text, lines wrapped inside the cell
 * joined (without a space between Chinese characters: `基本\n支出` is 基本支出), trimmed.
 */
export declare function cellText(raw: string): string;
/**
 * Rows → lines. A row of cells is a delimited line with one cell per visible column up to the
 * widest row (blank cells kept: they carry column positions, as in tab-separated dumps and ruled
 * PDF tables; a column empty on this sheet may be filled on the sheet the table continues from,
 * so none is dropped). A row holding text only in the sheet's first used column (a title, a unit
 * line, a paragraph typed into A1) is a plain line split into words, as text dumps give such lines.
 */
export declare function rowsToLines(rows: GridRow[]): Line[];
/** A paragraph (web page or Word text outside tables) → plain lines, one per printed line. */
export declare function paragraphLines(text: string, at: At): Line[];
/** A cell where a reader found it: zero-based row and column, and the rows/columns it spans. */
export interface PlacedCell {
    row: number;
    col: number;
    text: string;
    rowSpan?: number;
    colSpan?: number;
}
export interface Visibility {
    hiddenRows: ReadonlySet<number>;
    hiddenCols: ReadonlySet<number>;
}
/**
 * Placed cells → visible rows. Hidden rows and columns are dropped; a merged cell's text goes to
 * the first visible row and column it covers and the rest of it stays blank, which is what a
 * ruled PDF table gives for a merged header cell (基本支出 above 人员经费 / 公用经费: its text in
 * the first column of the group, the next column blank).
 */
export declare function placedToRows(cells: PlacedCell[], hidden: Visibility, atOf: (row: number, col?: number) => At): GridRow[];
