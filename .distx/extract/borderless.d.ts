/**
 * Tables printed without any ruling line (Word/WPS exports, spreadsheets printed plain), their
 * rows rebuilt from where the words sit: word lines → rows of cells aligned to columns.
 *
 * - Columns are the x-bands the body's chunks cover (from the first line holding a number on);
 *   every chunk, header words too, belongs to the band it overlaps most.
 * - Within a column, text lines one line pitch apart are one wrapped cell. The pitch is the
 *   smallest step between two text lines of a column; rows sit further apart (cell padding).
 *   When the table shows no two such steps, nothing is joined: one row a line.
 * - Cells whose vertical extents overlap are one row: a name wrapped over three lines beside its
 *   amounts, whether the cells are centred or top-aligned.
 * - Rows above the first amount are the header, stacked bottom-aligned per column, so a group
 *   label stands above its 小计 as it does in a ruled grid.
 *
 * Pure: the PDF extractor hands it word lines and places what it returns.
 */
/** Words of one printed line joined where no column gap separates them. */
export interface Chunk {
    text: string;
    x0: number;
    x1: number;
    top: number;
    bottom: number;
}
export interface WordLine {
    chunks: Chunk[];
    baseline: number;
    /** Font size of the line. */
    em: number;
}
/** A rebuilt row: one cell per column, blank text where the row prints nothing there. */
export interface BorderlessRow {
    cells: Chunk[];
    top: number;
    bottom: number;
    /** Above the table's first amount. */
    header: boolean;
}
export interface BorderlessTable {
    /** Indices of the word lines the table takes. */
    lines: number[];
    rows: BorderlessRow[];
}
export declare function joinText(a: string, b: string): string;
/** Word lines of one page, top to bottom → the borderless tables among them. */
export declare function borderlessTables(lines: WordLine[]): BorderlessTable[];
/**
 * Where two columns part, in the gap between their bodies (x `from` to `to`): right before the
 * first chunk that starts in the gap (a left-aligned label of the column to the right, while its
 * amounts are right-aligned), right after the last that ends there coming from the left; the
 * middle of the gap when nothing, or something contradictory, is printed in it.
 */
export declare function cutBetween(from: number, to: number, chunks: Chunk[]): number;
/** Overlapping intervals merged, in order. */
export declare function unionIntervals(intervals: [number, number][]): [number, number][];
