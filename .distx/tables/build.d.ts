import type { At, Line, TableType, Unit } from '../model.js';
import type { Block } from './segment.js';
import { type RawRow } from './rows.js';
/**
 * Block → raw table: the unit, the header lines and the raw rows, split where the first data
 * row begins. Keys, columns and checks are the normalize stage's work.
 */
export type Family = 'lines' | 'coded' | 'projects' | 'labeled';
export declare const FAMILY: Record<TableType, Family>;
export interface RawTable {
    type: TableType;
    /** How the table is read: its type's family, or `coded` for a one-row grid under a column header. */
    family: Family;
    title: string;
    unit: Unit;
    /** True when the unit was printed with the table, not taken from the document. */
    unitPrinted: boolean;
    at: At;
    lines: [number, number];
    pages: number[];
    header: Line[];
    body: Line[];
    rows: RawRow[];
    /** The table prints a 序号/栏次 column (hasSerialColumn). */
    serialColumn: boolean;
    /** A note says the table is intentionally empty (此表为空表, 空表列示, 无…). */
    emptyNote: boolean;
}
export declare function unitOf(lines: Line[]): Unit | undefined;
export declare function blockToRawTable(block: Block, docUnit: Unit | undefined): RawTable;
/**
 * Side-by-side blocks (决算 basic-expenditure tables print 人员经费 and 公用经费 as two
 * code/name/amount blocks on each line): the cell ranges of the blocks, when a header line
 * repeats the code column and every block holds amounts. A row printing a department and a
 * government economic code (`30101 基本工资 50101 工资奖金津补贴 9.56`) also repeats the code
 * column, but its first block holds no amount.
 */
export declare function sideBySideBlocks(header: Line[], body: Line[]): [number, number][] | undefined;
