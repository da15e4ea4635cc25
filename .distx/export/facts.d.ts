import type { BudgetDocument, DocumentKind, Unit } from '../model.js';
/**
 * One fact per value: exactly the `values` of the document's rows, in table and row order, with
 * what a panel across documents needs beside it: who, which year, budget or final accounts, the
 * unit of the fact's own table, and the amount in 元 so that facts of 元 and 万元 tables can be
 * summed together.
 */
export interface Fact {
    document: string;
    table: string;
    key: string;
    name: string;
    measure: string;
    /** As printed, in `unit`. */
    value: number;
    department?: string;
    year?: number;
    kind?: DocumentKind;
    phase?: Phase;
    /** The unit of the fact's table (a 三公 table may print 万元 in a document of 元 tables). */
    unit: Unit;
    /** `value` in 元, converted in decimal (see `toYuan`): the measure to sum and compare across documents. */
    amount_yuan: number;
}
/** The contract's columns first, so readers of the six-column file keep working. */
export declare const FACT_HEADERS: readonly ["document", "table", "key", "name", "measure", "value", "department", "year", "kind", "phase", "unit", "amount_yuan"];
export type Phase = 'proposed' | 'executed';
/** 预算 documents are budgets (before the year), 决算 documents final accounts (after it). */
export declare function phaseOf(kind: DocumentKind | undefined): Phase | undefined;
/** 元 per unit. */
export declare const YUAN_PER: Record<Unit, number>;
/**
 * An amount in 元 as an exact decimal string: `value` read as the decimal it prints as (the
 * shortest round-trip form, which is what the document printed) and shifted in decimal.
 * 1669.72 万元 → '16697200'; 0.07 万元 → '700', where the float product 0.07 * 10000 is 700.0000000000001.
 */
export declare function toYuan(value: number, unit: Unit): string;
/**
 * The number for `toYuan`'s decimal. Exact whenever the decimal is (every 万元 figure of up to six
 * decimals gives at most two decimals of 元, which a double prints back unchanged).
 */
export declare const amountYuan: (value: number, unit: Unit) => number;
export declare function documentToFacts(doc: BudgetDocument): Fact[];
