import type { BudgetDocument } from '../model.js';

/** One fact per value: exactly the `values` of the document's rows, in table and row order. */
export interface Fact {
  document: string;
  table: string;
  key: string;
  name: string;
  measure: string;
  value: number;
}

export const FACT_HEADERS = ['document', 'table', 'key', 'name', 'measure', 'value'] as const;

export function documentToFacts(doc: BudgetDocument): Fact[] {
  return doc.tables.flatMap((t) =>
    t.rows.flatMap((r) =>
      Object.entries(r.values).map(([measure, value]) => ({ document: doc.source.file, table: t.type, key: r.key, name: r.name, measure, value })),
    ),
  );
}
