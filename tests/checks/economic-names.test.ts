import { describe, expect, it } from 'vitest';
import { namedEconomicCodes } from '../../src/checks/economic-names.js';
import { extractBytes } from '../../src/pipeline.js';
import { fixture, tableOf } from '../helpers.js';

/**
 * 机关运行经费 tables list economic classes and their items: the total is the sum of the classes,
 * a class the sum of its items, whether the rows print their 科目编码 or only the names.
 */

/** The fixture with one printed figure replaced. */
async function extractAltered(name: string, from: string, to: string) {
  const text = fixture(name).toString('utf8');
  expect(text).toContain(from);
  return extractBytes(Buffer.from(text.replace(from, to)), name);
}

const uncoveredIn = (doc: Awaited<ReturnType<typeof extractBytes>>, type: string) =>
  doc.validation.coverage.uncovered.filter((u) => u.table === type).map((u) => u.key);
const errors = (doc: Awaited<ReturnType<typeof extractBytes>>) => doc.issues.filter((i) => i.severity === 'error');

describe('机关运行经费 rows keyed by the economic code they print', () => {
  const FILE = 'real-operating-expenses-coded.txt';

  it('should key each row by its printed code and put every figure under an identity', async () => {
    const doc = await extractBytes(fixture(FILE), FILE);
    const t = tableOf(doc, 'operating_expenses');
    expect(t.rows.map((r) => r.key)).toEqual(['total', '302', '30201', '30202', '30205', '30206', '30207', '30208', '30209', '30211', '30213', '30215', '30218', '30229', '30231', '30299', '310', '31002']);
    expect(uncoveredIn(doc, 'operating_expenses')).toEqual([]);
    expect(errors(doc)).toEqual([]);
  });

  it('should name a misprinted item and a misprinted total', async () => {
    const item = await extractAltered(FILE, '879.00', '878.00');
    expect(errors(item).map((i) => [i.check, i.key])).toEqual([['code_hierarchy', '302']]);
    const total = await extractAltered(FILE, '9,193.40', '9,139.40');
    expect(errors(total).map((i) => [i.check, i.key])).toEqual([['column_sum', 'total'], ['misprint_located', 'total']]);
  });
});

describe('机关运行经费 rows named by the economic classification without a code', () => {
  const FILE = 'real-operating-expenses-named.txt';

  it('should nest the named items under 商品和服务支出 and it under the total', async () => {
    const doc = await extractBytes(fixture(FILE), FILE);
    expect(uncoveredIn(doc, 'operating_expenses')).toEqual([]);
    expect(errors(doc)).toEqual([]);
  });

  it('should name a misprinted item', async () => {
    const doc = await extractAltered(FILE, '354.00', '345.00');
    expect(errors(doc).map((i) => [i.check, i.key])).toEqual([['code_hierarchy', '商品和服务支出'], ['misprint_located', '电费']]);
  });
});

describe('namedEconomicCodes: which code a name stands for', () => {
  const at = { file: 't.txt', line: 1 };
  const line = (name: string, kind: 'line' | 'total' = 'line') => ({ key: kind === 'total' ? 'total' : name, kind, name, values: { total: 1 }, sources: {}, at });

  it('should read a name two classes share as the one under the class row above it', () => {
    const rows = [line('合计', 'total'), line('商品和服务支出'), line('办公费'), line('资本性支出'), line('办公设备购置')];
    expect([...namedEconomicCodes(rows).values()]).toEqual(['302', '30201', '310', '31002']);
  });

  it('should give no codes when a shared name has no class row above it, or a row is no economic name', () => {
    expect(namedEconomicCodes([line('合计', 'total'), line('办公设备购置'), line('办公费')]).size).toBe(0);
    expect(namedEconomicCodes([line('合计', 'total'), line('办公费'), line('宣传经费')]).size).toBe(0);
  });
});
