import type { At, HeaderColumn, Issue, Row, RowKind } from '../model.js';
/** What a family's reader hands back: keyed rows, their columns and what it noticed. */
export interface Built {
    rows: Row[];
    /** Summary lines that restate others (see `Table.subtotals`). */
    subtotals?: Row[];
    columns: HeaderColumn[];
    issues: Issue[];
}
export declare function baseRow(key: string, kind: RowKind, name: string, at: At): Row;
export declare const compact: (s: string) => string;
