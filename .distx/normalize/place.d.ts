import type { TableType } from '../model.js';
/**
 * Column placement: which printed number belongs in which column. Dumps and PDFs drop blank
 * cells, so a row's numbers are often fewer than its columns. Numbers keep their printed order;
 * among the order-preserving assignments, the one that satisfies the row identities and leaves
 * columns blank where the total row is blank wins. Printed positions are kept when they are
 * consistent. Rows that still fit several ways are settled by the column sums of the table, and
 * reported as ambiguous when even those cannot tell.
 */
export interface Identity {
    id: string;
    parent: string;
    children: string[];
    atLeast?: boolean;
    /** A break says more about our reading of a complex header than about the document (see identities.json). */
    reading?: boolean;
}
/** The identities a table with these columns can be checked against. */
export declare function identitiesFor(columns: readonly string[], type: TableType): Identity[];
/**
 * The one unnamed column (col_N: a heading OCR or a dump left unreadable) named by its figures: the
 * measure of a row identity the header lacks (项目支出 beside 合计 and 基本支出) under which every
 * identity it takes part in holds, row by row, on MIN_NAMING_ROWS rows and MIN_NAMING_SHARE of
 * those it can be tested on; undefined when no measure, or more than one, does. `rows` are the
 * rows' figures by column, blank cells undefined (0 in a sum, as printed blanks are).
 */
export declare function nameUnreadColumn(columns: readonly string[], rows: (number | undefined)[][], type: TableType): {
    column: number;
    measure: string;
    holds: number;
    tested: number;
} | undefined;
export type Assignment = (number | undefined)[];
export interface PlacedNumber {
    value: number;
    /** Printed column index relative to the first value column, when known. */
    pos?: number;
}
export declare function valuesOf(assign: Assignment, numbers: PlacedNumber[]): (number | undefined)[];
/**
 * The ways to put k numbers into n columns keeping their order (k-combinations of the columns in
 * lexicographic order), each handed to `visit` as the same reused array; `visit` returns false to
 * stop. A loop, not a generator: this is the placement search's innermost loop.
 */
export declare function eachOrderPreserving(k: number, n: number, visit: (cols: number[]) => boolean): void;
export interface RowPlacement {
    /** Best assignments, all equally good by the row's own evidence; the first is the default. */
    options: Assignment[];
    printed: boolean;
    /** Index in `options` of the printed positions, when they are a reading but not the row's best fit. */
    printedAt?: number;
}
export declare function placeRow(numbers: PlacedNumber[], columns: readonly string[], identities: Identity[], totalBlank: boolean[]): RowPlacement;
/** The identities a row's values break beyond rounding, in the placement's own arithmetic. */
export declare function identitiesBroken(values: (number | undefined)[], columns: readonly string[], identities: Identity[]): Identity[];
/**
 * Picks one option per row so that the counted rows' columns add up to the total row: the
 * objective is the summed absolute miss over columns, a miss within rounding counting as none.
 * Few combinations are searched exhaustively, more by coordinate descent. A row stays ambiguous
 * when another of its options would do exactly as well.
 */
export declare function settleByColumnSums(rows: {
    options: (number | undefined)[][];
    counted: boolean;
}[], totals: (number | undefined)[]): {
    choice: number[];
    ambiguous: boolean[];
    miss: number;
};
