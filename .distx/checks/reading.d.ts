import type { Issue, Table } from '../model.js';
import { type Instance, type Outcome } from './shared.js';
/** Tables whose own (in-table) identities mostly fail. */
export declare function doubtfulTables(inTable: Outcome[]): Map<Table, {
    evaluated: number;
    broken: number;
}>;
/** A failed identity of a doubtful table: kept as info, counted as not judged. */
export declare function demoted(i: Instance, doubtful: ReadonlyMap<Table, unknown>): Instance;
export declare function doubtfulIssue(t: Table, c: {
    evaluated: number;
    broken: number;
}): Issue;
