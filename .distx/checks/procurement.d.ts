import type { Row } from '../model.js';
export interface Nest {
    parent: Row;
    children: Row[];
}
/**
 * Each row with the rows it adds up: the total its categories, a row the rows after it up to the
 * next one at its level or above, at the next level printed below it. None when a line comes
 * before the first category: such a table is not grouped by category.
 */
export declare function procurementNests(rows: readonly Row[]): Nest[];
