import type { BudgetDocument, DocumentKind, TableType } from '../model.js';
/**
 * Two disclosures of one department, a year apart, lined up figure by figure: every (table, key,
 * measure) of either, with its change in 元 and in percent. Rows are matched by key (the
 * classification code, line key or project code); a code printed in one year only is `added` or
 * `removed`; the same code under another name is `renamed`, reported as such, never silently
 * taken for the same thing (classification editions reuse and rename codes). Pure: documents in.
 */
export type ChangeStatus = 'changed' | 'unchanged' | 'added' | 'removed' | 'renamed';
export interface Change {
    table: TableType;
    /** Which table of this type, 1-based, when a document prints several (财政拨款 and 一般公共预算 versions). */
    occurrence: number;
    key: string;
    /** The newer name, or the older one for a removed row. */
    name: string;
    /** The older name when it differs (`renamed`). */
    old_name?: string;
    measure: string;
    status: ChangeStatus;
    /** Amounts in 元 (each converted from its own table's unit, in decimal). */
    old_yuan?: number;
    new_yuan?: number;
    /** new − old in 元; for an added figure the new amount, for a removed one minus the old. */
    change_yuan: number;
    /** change / |old| × 100 (a fall is negative whatever the sign of the base), two decimals; absent where the older amount is absent or 0. */
    change_pct?: number;
    /** The figure the newer document prints for last year (a `prior_<measure>` column), in 元. */
    prior_yuan?: number;
    /** The newer document's last-year figure differs from what the older document printed. */
    prior_disagrees?: boolean;
    /** Where the older amount comes from: the older document, or (missing there) the newer one's last-year column. */
    base?: 'older_document' | 'printed_prior';
}
export interface DocumentRef {
    file: string;
    department?: string;
    year?: number;
    kind?: DocumentKind;
}
export interface Comparison {
    old: DocumentRef;
    new: DocumentRef;
    /** Largest absolute change in 元 first. */
    changes: Change[];
    /**
     * Tables with figures in one year only: no table of the type in the other year, or one printed
     * (or read) without rows. Their figures are all `added` or `removed`; check the other document
     * before quoting them.
     */
    unmatched_tables: {
        side: 'old' | 'new';
        table: TableType;
        title: string;
    }[];
    /** Things a reader should know before quoting a change (years out of order, units differ). */
    notes: string[];
    counts: Record<ChangeStatus, number>;
}
/**
 * The newer document's printed last-year figure of measure `m` is measure `prior_<m>`. Table
 * reading names no column so today (no 上年预算数 alias in data/measures.json): until that data
 * edit, every row is compared with the older document alone.
 */
export declare const PRIOR_PREFIX = "prior_";
export declare function compareDocuments(old: BudgetDocument, now: BudgetDocument): Comparison;
export interface Pairing {
    pairs: [BudgetDocument, BudgetDocument][];
    unpaired: {
        side: 'old' | 'new';
        file: string;
    }[];
}
/**
 * Documents of two years paired: one with one directly; otherwise by department, and where that
 * finds none or several, by the file name without its digits (the longest shared start, unique).
 * Anything else is left unpaired and said so, never paired by guess.
 */
export declare function pairDocuments(olds: BudgetDocument[], news: BudgetDocument[]): Pairing;
