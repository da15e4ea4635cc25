import Big from 'big.js';
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
export const FACT_HEADERS = ['document', 'table', 'key', 'name', 'measure', 'value', 'department', 'year', 'kind', 'phase', 'unit', 'amount_yuan'] as const;

export type Phase = 'proposed' | 'executed';

/** 预算 documents are budgets (before the year), 决算 documents final accounts (after it). */
export function phaseOf(kind: DocumentKind | undefined): Phase | undefined {
  if (!kind) return undefined;
  return kind.endsWith('决算') ? 'executed' : 'proposed';
}

/** 元 per unit. */
export const YUAN_PER: Record<Unit, number> = { 元: 1, 万元: 10000 };

/**
 * An amount in 元 as an exact decimal string: `value` read as the decimal it prints as (the
 * shortest round-trip form, which is what the document printed) and shifted in decimal.
 * 1669.72 万元 → '16697200'; 0.07 万元 → '700', where the float product 0.07 * 10000 is 700.0000000000001.
 */
export function toYuan(value: number, unit: Unit): string {
  return new Big(value).times(YUAN_PER[unit]).toFixed();
}

/**
 * The number for `toYuan`'s decimal. Exact whenever the decimal is (every 万元 figure of up to six
 * decimals gives at most two decimals of 元, which a double prints back unchanged).
 */
export const amountYuan = (value: number, unit: Unit): number => Number(toYuan(value, unit));

export function documentToFacts(doc: BudgetDocument): Fact[] {
  const { department, year, kind } = doc.document;
  const phase = phaseOf(kind);
  return doc.tables.flatMap((t) =>
    t.rows.flatMap((r) =>
      Object.entries(r.values).map(([measure, value]) => ({
        document: doc.source.file,
        table: t.type,
        key: r.key,
        name: r.name,
        measure,
        value,
        ...(department !== undefined ? { department } : {}),
        ...(year !== undefined ? { year } : {}),
        ...(kind !== undefined ? { kind } : {}),
        ...(phase !== undefined ? { phase } : {}),
        unit: t.unit,
        amount_yuan: amountYuan(value, t.unit),
      })),
    ),
  );
}
