import { readFileSync } from 'node:fs';
import { extractBytes } from '../src/pipeline.js';
import type { BudgetDocument, Table, TableType } from '../src/model.js';

export const fixture = (name: string): Buffer => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

export async function extractFixture(name: string): Promise<BudgetDocument> {
  return extractBytes(fixture(name), name);
}

export function tableOf(doc: BudgetDocument, type: TableType): Table {
  const t = doc.tables.find((x) => x.type === type);
  if (!t) throw new Error(`no ${type} table in ${doc.source.file}: found ${doc.tables.map((x) => x.type).join(', ')}`);
  return t;
}

export function valuesOf(table: Table, key: string): Record<string, number> | undefined {
  return table.rows.find((r) => r.key === key)?.values;
}
