import type { Row, Table } from '../model.js';
import { type CheckFn } from './shared.js';
export interface Family {
    code: (r: Row) => string | undefined;
    /** Key lengths of the levels, top down. */
    levels: number[];
}
/**
 * The printed children of the parent at `index`: rows after it, up to the next row that is not
 * inside its code (a sibling, a unit row opening another unit's block, the total). Reading in
 * order keeps a code repeated under several units attached to its own parent. Children are the
 * next level down, or the level below that when the middle level is not printed.
 */
export declare function childrenOf(rows: Row[], index: number, family: Family): Row[];
export declare const amountOf: (t: Table, key: string) => number | undefined;
/** This family's checks, by id (data/checks.json). */
export declare const RULES: Record<string, CheckFn>;
