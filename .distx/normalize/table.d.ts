import type { Row, Table } from '../model.js';
import type { RawTable } from '../tables/build.js';
export declare function linesOf(t: Table): Row[];
export declare function rawTableToTable(raw: RawTable, options?: {
    rollup?: boolean;
}): Table;
/**
 * `--rollup`: the class and section rows a table that prints only items leaves out, summed from
 * its items and marked derived. Printed parent rows are never replaced.
 */
export declare function withRollup(rows: Row[]): Row[];
