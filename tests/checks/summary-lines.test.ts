import { describe, expect, it } from 'vitest';
import type { BudgetDocument } from '../../src/model.js';
import { extractBytes } from '../../src/pipeline.js';
import { fixture } from '../helpers.js';

/**
 * Jiangsu's summaries list spending by purpose beside the functional classes and print 一、财政拨款
 * over its numbered parts; its 收入预算总表 lists the sources down the rows. Each of those figures
 * is under an identity that fails when it is misprinted.
 */

const FILE = 'real-jiangsu-summary-lines.txt';

async function extractAltered(from: string, to: string, nth = 1): Promise<BudgetDocument> {
  const text = fixture(FILE).toString('utf8');
  const parts = text.split(from);
  expect(parts.length).toBeGreaterThan(nth);
  return extractBytes(Buffer.from(parts.slice(0, nth).join(from) + to + parts.slice(nth).join(from)), FILE);
}

const errors = (doc: BudgetDocument) => doc.issues.filter((i) => i.severity === 'error').map((i) => [i.check, i.table, i.key]);

describe('summary lines and income source rows (江苏省人民检察院 2018)', () => {
  it('should put every printed figure under an identity, all holding', async () => {
    const doc = await extractBytes(fixture(FILE), FILE);
    expect(doc.validation.coverage.uncovered).toEqual([]);
    expect(errors(doc)).toEqual([]);
  });

  it('should fail summary_purpose_lines over a misprinted purpose line', async () => {
    expect(errors(await extractAltered('2,388.04', '2,383.04'))).toEqual([['summary_purpose_lines', 'summary', 'expenditure_total']]);
    expect(errors(await extractAltered('13,979.92', '13,997.92'))).toEqual([
      ['summary_purpose_lines', 'fiscal_summary', 'expenditure_grand_total'],
      ['misprint_located', 'fiscal_summary', 'basic'],
    ]);
  });

  it('should fail summary_heading_parts over a misprinted 一、财政拨款', async () => {
    expect(errors(await extractAltered('一、财政拨款\t21,940.96', '一、财政拨款\t21,490.96'))).toEqual([['summary_heading_parts', 'summary', 'appropriation']]);
  });

  it('should fail income_source_rows over a misprinted source line', async () => {
    expect(errors(await extractAltered('其他收入\t14.39', '其他收入\t14.93'))).toEqual([['income_source_rows', 'income', 'unit_funds']]);
    expect(errors(await extractAltered('收入总计\t\t21,955.35', '收入总计\t\t21,595.35'))).toEqual([
      ['income_source_rows', 'income', 'total'],
      ['misprint_located', 'income', 'total'],
    ]);
  });
});

describe('上年结转 over the funds it is split by (延津县医疗保障局 2024)', () => {
  const CARRY = 'carryover-parts-002.txt';

  it('should check 二、上年结转 against its （一）一般公共预算拨款 line', async () => {
    const doc = await extractBytes(fixture(CARRY), CARRY);
    expect(doc.validation.coverage.uncovered.map((u) => u.key)).not.toContain('carryover.general_budget');
    const altered = await extractBytes(Buffer.from(fixture(CARRY).toString('utf8').replace('（一）一般公共预算拨款\t8.36', '（一）一般公共预算拨款\t8.63')), CARRY);
    expect(errors(altered)).toEqual([['summary_heading_parts', 'fiscal_summary', 'carryover']]);
  });
});
