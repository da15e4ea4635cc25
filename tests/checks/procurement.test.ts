import { describe, expect, it } from 'vitest';
import type { BudgetDocument } from '../../src/model.js';
import { extractBytes } from '../../src/pipeline.js';
import { fixture, tableOf } from '../helpers.js';

/**
 * 政府采购预算表: the total is the sum of the 货物/工程/服务 categories, a category the sum of its
 * project lines, a project line the sum of the purchases under it; the levels come from the
 * words the rows print (a catalog category, a procurement method), never from the sums.
 */

async function extractAltered(name: string, from: string, to: string): Promise<BudgetDocument> {
  const text = fixture(name).toString('utf8');
  expect(text).toContain(from);
  return extractBytes(Buffer.from(text.replace(from, to)), name);
}

const uncovered = (doc: BudgetDocument) => doc.validation.coverage.uncovered.filter((u) => u.table === 'procurement').map((u) => u.key);
const errors = (doc: BudgetDocument) => doc.issues.filter((i) => i.severity === 'error').map((i) => [i.check, i.key]);

describe('procurement_sums on Jiangsu’s 政府采购预算表', () => {
  const FILE = 'real-procurement.txt';

  it('should keep a purchase printed under two projects as two lines and cover every figure', async () => {
    const doc = await extractBytes(fixture(FILE), FILE);
    const keys = tableOf(doc, 'procurement').rows.map((r) => r.key);
    expect(keys.filter((k) => k.startsWith('会议服务'))).toEqual(['会议服务分散自行组织', '会议服务分散自行组织 (2)', '会议服务分散自行组织 (3)']);
    expect(uncovered(doc)).toEqual([]);
    expect(errors(doc)).toEqual([]);
  });

  it('should fail the line above a misprinted purchase, and the total over a misprinted category', async () => {
    expect(errors(await extractAltered(FILE, '156.00', '165.00'))).toEqual([['procurement_sums', '综合管理费物业管理费']]);
    expect(errors(await extractAltered(FILE, '59.00', '95.00'))).toEqual([['procurement_sums', 'total'], ['procurement_sums', '货物A'], ['misprint_located', '货物A']]);
  });

  it('should read the total of a 合计 row a wrapped header cell prints into', async () => {
    const doc = await extractBytes(fixture('real-procurement-wrapped-header.txt'), 'real-procurement-wrapped-header.txt');
    expect(tableOf(doc, 'procurement').rows[0]).toMatchObject({ key: 'total', values: { total: 1422.5 } });
    expect(uncovered(doc)).toEqual([]);
    expect(errors(doc)).toEqual([]);
  });
});
