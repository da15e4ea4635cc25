import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { sumExact, roundingTolerance } from '../src/normalize/amounts.js';

/**
 * Goldens for the full finer columns (工资福利支出, 对个人和家庭的补助, 商品和服务支出 …) of the
 * seeds' 支出表 and 一般公共预算支出表, written by reading the documents; the golden files are
 * themselves checked by arithmetic here, so a typo in them cannot pass unnoticed.
 */
const dir = new URL('./fixtures/finer/', import.meta.url);
interface FinerGolden {
  source: string;
  table: 'expenditure' | 'general_expenditure';
  rows: Record<string, Record<string, number>>;
}
const goldens = readdirSync(dir).map((f) => [f, JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as FinerGolden] as const);

describe.each(goldens)('finer columns: %s', (_f, golden) => {
  it('golden items add up to its total row in every column', () => {
    const { total, ...items } = golden.rows;
    for (const [m, v] of Object.entries(total!)) {
      const terms = Object.values(items).map((r) => r[m]).filter((x): x is number => x !== undefined);
      expect(Math.abs(sumExact(terms) - v)).toBeLessThanOrEqual(roundingTolerance(terms.length));
    }
  });

  it('extraction gives exactly the golden rows', async () => {
    const doc = await extract(new URL(`../${golden.source}`, import.meta.url).pathname);
    const t = doc.tables.find((x) => x.type === golden.table)!;
    expect(Object.fromEntries(t.rows.map((r) => [r.key, r.values]))).toEqual(golden.rows);
  });
});
