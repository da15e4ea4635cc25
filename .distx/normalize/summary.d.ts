import type { At } from '../model.js';
import type { RawTable } from '../tables/build.js';
import type { RawRow } from '../tables/rows.js';
import { type Built } from './built.js';
/** Summary tables (收支总表, 财政拨款收支总表): printed lines → keyed lines and subtotals. */
export interface Segment {
    label: string;
    /** `decimal`: printed with a decimal point (an amount, not a 行次 number). */
    numbers: {
        value: number;
        at: At;
        decimal: boolean;
        idx?: number;
    }[];
    at: At;
    /** Which side of a two-sided summary the label is printed on: 0 for the first label of its line. */
    side: number;
}
/**
 * A row's tokens → label/number segments; a label that starts with an ordinal or names a line by
 * itself starts a new segment. `rightFrom`: the cell where a two-sided summary's expenditure side
 * begins, when its header says (`收入 | | 支出`).
 */
export declare function segmentsOf(row: RawRow, rightFrom?: number): Segment[];
/**
 * Summary lines. A heading line that carries its own amount (`一、本年收入 9010.57`,
 * `二、上年结转 8.36`, `一、财政拨款收入 171,915,169`) is followed by its parts (`（一）一般公共预算拨款`,
 * `1、一般公共预算资金`); the parts restate the heading, so the heading goes to `subtotals` when it
 * is a subtotal itself, and the parts beside it when it is a row (carry-over, whose parts are keyed
 * `carryover.<fund>`).
 */
export declare function linesTable(raw: RawTable): Built;
