import Big from 'big.js';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseString } from '@fast-csv/parse';
import { beforeAll, describe, expect, it } from 'vitest';
import { countFacts, runBatch } from '../src/batch.js';
import { factsToCsv } from '../src/export/csv.js';
import { documentToFacts, YUAN_PER } from '../src/export/facts.js';
import type { BudgetDocument, Table } from '../src/model.js';
import { fakeDocument, row, seedFiles, table } from './export/seeds.js';

/**
 * A batch is one dataset: the seeds (万元) with a real Shanghai budget printed in 元 except its
 * 三公 table (万元). Every fact carries its own table's unit, and amount_yuan makes them summable.
 * Needs ../shared/corpus (beside the clone, as the golden tests); skipped without it.
 */
const shanghai = fileURLToPath(new URL('../../shared/corpus/real-pdfs/上海市财政局25年预算.pdf', import.meta.url));

async function readCsv(text: string): Promise<Record<string, string>[]> {
  return new Promise((resolve, reject) => {
    const rows: Record<string, string>[] = [];
    parseString(text, { headers: true })
      .on('data', (r: Record<string, string>) => rows.push(r))
      .on('error', reject)
      .on('end', () => resolve(rows));
  });
}

/** Functional-code rows with no ancestor code in the table: what the total row adds up. */
const rootRows = (t: Table) => {
  const codes = t.rows.filter((r) => /^\d+$/.test(r.key)).map((r) => r.key);
  return t.rows.filter((r) => /^\d+$/.test(r.key) && !codes.some((c) => c !== r.key && r.key.startsWith(c)));
};

describe.skipIf(!existsSync(shanghai))('a batch of 元 and 万元 documents', () => {
  let docs: BudgetDocument[];
  let csv: Record<string, string>[];
  beforeAll(async () => {
    const results = await runBatch([...seedFiles(), shanghai], { jobs: 2, ocr: 'never' });
    docs = results.flatMap((r) => r.documents ?? []);
    csv = await readCsv(await factsToCsv(docs));
  }, 120_000);

  it('should give every fact the unit of its own table, 三公 in 万元 among the 元 tables of the Shanghai budget', () => {
    expect(docs).toHaveLength(6);
    let n = 0;
    for (const d of docs) {
      const facts = documentToFacts(d);
      const units = d.tables.flatMap((t) => t.rows.flatMap((r) => Object.keys(r.values).map(() => t.unit)));
      expect(facts.map((f) => f.unit)).toEqual(units);
      n += facts.length;
    }
    expect(csv.filter((r) => r.measure).length).toBe(n);
    const sh = csv.filter((r) => r.document === '上海市财政局25年预算.pdf');
    // Printed 346.30 万元 on p.20; the 一般公共预算支出 total 171,915,169 元 on p.14.
    expect(sh.find((r) => r.table === 'three_public' && r.key === 'total')).toMatchObject({ unit: '万元', value: '346.3', amount_yuan: '3463000' });
    expect(sh.find((r) => r.table === 'general_expenditure' && r.key === 'total' && r.measure === 'total')).toMatchObject({ unit: '元', value: '171915169', amount_yuan: '171915169' });
    expect(new Set(sh.filter((r) => r.table !== 'three_public').map((r) => r.unit))).toEqual(new Set(['元']));
  });

  it('should carry amount_yuan exactly: the printed value times the unit, in decimal, in the CSV and the library', () => {
    for (const d of docs) {
      for (const f of documentToFacts(d)) {
        // Independent of the conversion: only an exact 元 amount divides back to the printed number
        // (the float product 0.07 * 10000 = 700.0000000000001 would not).
        expect(f.amount_yuan / YUAN_PER[f.unit]).toBe(f.value);
      }
    }
    for (const r of csv.filter((x) => x.measure)) expect(new Big(r.amount_yuan!).eq(new Big(r.value!).times(YUAN_PER[r.unit as '元' | '万元']))).toBe(true);
  });

  it("should sum amount_yuan by document to the document's own 一般公共预算支出 total in 元", () => {
    const sums = docs.map((d) => {
      const t = d.tables.find((x) => x.type === 'general_expenditure' && x.rows.some((r) => r.kind === 'total'))!;
      const roots = new Set(rootRows(t).map((r) => r.key));
      const sum = csv.filter((r) => r.document === d.source.file && r.table === 'general_expenditure' && roots.has(r.key!) && r.measure === 'total').reduce((a, r) => a.plus(r.amount_yuan!), new Big(0));
      const total = csv.find((r) => r.document === d.source.file && r.table === 'general_expenditure' && r.key === 'total' && r.measure === 'total')!;
      return [d.source.file, sum.toFixed(), total.amount_yuan];
    });
    expect(sums).toEqual([
      ['000_2f28e9293a4b3d29.txt', '17941400', '17941400'],
      // The seed prints classes summing to 3912.32 万元 under a total of 3912.31 (its checks report the rounding).
      ['001_2bc1f60d8e8166ed.txt', '39123200', '39123100'],
      ['002_46f91a7ccf92bf45.txt', '90105700', '90105700'],
      ['003_dc6b06a2998e57c3.txt', '8670200', '8670200'],
      ['004_4b87c2d0559da34d.txt', '22204300', '22204300'],
      ['上海市财政局25年预算.pdf', '171915169', '171915169'],
    ]);
  });

  it('should count the facts per department and per year in the batch summary', () => {
    const counts = countFacts(docs);
    expect(counts.facts).toBe(csv.filter((r) => r.measure).length);
    expect(counts.counted).toBe(counts.facts);
    expect(Object.values(counts.by_department).reduce((a, b) => a + b, 0)).toBe(counts.facts);
    expect(counts.by_year['2024']).toBe(docs.filter((d) => d.document.year === 2024).reduce((a, d) => a + documentToFacts(d).length, 0));
    expect(counts.duplicates).toEqual([]);
  });
});

describe('the same department and year twice in a batch', () => {
  it('should flag the same file extracted twice and count its facts once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'be-dup-'));
    const [first] = seedFiles();
    copyFileSync(first!, join(dir, 'copy.txt'));
    const results = await runBatch([first!, join(dir, 'copy.txt')], { ocr: 'never' });
    const docs = results.flatMap((r) => r.documents ?? []);
    const counts = countFacts(docs);
    const n = documentToFacts(docs[0]!).length;
    expect(counts).toMatchObject({ facts: 2 * n, counted: n, duplicates: [{ reason: 'same_content', kept: '000_2f28e9293a4b3d29.txt', not_counted: ['copy.txt'] }] });
    expect(counts.by_year).toEqual({ '2025': n });
  });

  it("should flag a 单位 disclosure repeating its department's, keep the 部门 one, and pair nothing of unknown department or other total", () => {
    const t = [table({ type: 'expenditure', rows: [row('total', '合计', { total: 5 })] })];
    // Two offices whose department was read alike (`省级`): their totals differ, they are not merged.
    const other = { ...fakeDocument([table({ type: 'expenditure', rows: [row('total', '合计', { total: 7 })] })], { department: '某局', kind: '部门预算' }), source: { file: 'other.txt', sha256: 'f'.repeat(64), kind: 'text' as const, pages: 1 } };
    const unit = { ...fakeDocument(t, { department: '某 局', kind: '单位预算' }), source: { file: 'unit.txt', sha256: 'a'.repeat(64), kind: 'text' as const, pages: 1 } };
    const dept = { ...fakeDocument(t, { department: '某局', kind: '部门预算' }), source: { file: 'dept.txt', sha256: 'b'.repeat(64), kind: 'text' as const, pages: 1 } };
    const final = { ...fakeDocument(t, { department: '某局', kind: '部门决算' }), source: { file: 'final.txt', sha256: 'c'.repeat(64), kind: 'text' as const, pages: 1 } };
    const anon1 = { ...fakeDocument(t, { department: undefined }), source: { file: 'a1.txt', sha256: 'd'.repeat(64), kind: 'text' as const, pages: 1 } };
    const anon2 = { ...fakeDocument(t, { department: undefined }), source: { file: 'a2.txt', sha256: 'e'.repeat(64), kind: 'text' as const, pages: 1 } };
    const counts = countFacts([unit, dept, final, anon1, anon2, other]);
    expect(counts.duplicates).toEqual([{ reason: 'same_department_year', department: '某局', total_yuan: 50000, year: 2025, phase: 'proposed', kept: 'dept.txt', not_counted: ['unit.txt'] }]);
    expect(counts).toMatchObject({ facts: 6, counted: 5, by_department: { 某局: 3, '(unknown)': 2 } });
  });
});
