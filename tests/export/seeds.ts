import { readdirSync } from 'node:fs';
import { extract } from '../../src/index.js';
import type { BudgetDocument, Row, Table } from '../../src/model.js';

/** Shared by the export tests: the seed documents, extracted once per test file, and small fakes. */
export const root = new URL('../../', import.meta.url).pathname;

export const seedFiles = (): string[] =>
  readdirSync(`${root}samples`)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => `${root}samples/${f}`);

export async function seedDocuments(): Promise<BudgetDocument[]> {
  return Promise.all(seedFiles().map((f) => extract(f)));
}

export const row = (key: string, name: string, values: Record<string, number>, line = 10): Row => ({
  key,
  kind: /^\d+$/.test(key) ? 'project' : 'other',
  name,
  values,
  sources: Object.fromEntries(Object.keys(values).map((m) => [m, { file: 'x.txt', line }])),
  at: { file: 'x.txt', line },
});

export const table = (over: Partial<Table> & Pick<Table, 'type' | 'rows'>): Table => ({
  title: 't',
  unit: '万元',
  pages: [],
  lines: [5, 20],
  empty: false,
  columns: [],
  issues: [],
  at: { file: 'x.txt', line: 5 },
  ...over,
});

export const fakeDocument = (tables: Table[], over: Partial<BudgetDocument['document']> = {}): BudgetDocument => ({
  source: { file: 'x.txt', sha256: '0'.repeat(64), kind: 'text', pages: 1 },
  document: { unit: '万元', department: '某局', year: 2025, kind: '部门预算', ...over },
  tables,
  issues: [],
  validation: { checks: [], run: 0, held: 0, broken: 0, coverage: { printed: 0, covered: 0, uncovered: [] } },
});
