import { describe, expect, it } from 'vitest';
import type { BudgetDocument } from '../../src/model.js';
import { extractBytes } from '../../src/pipeline.js';
import { fixture } from '../helpers.js';

/** Shanghai's summaries split each spending line beside its amount: the split adds up across and down. */

const FILE = 'real-shanghai-summary-splits.txt';

async function extractAltered(from: string, to: string): Promise<BudgetDocument> {
  const text = fixture(FILE).toString('utf8');
  expect(text).toContain(from);
  return extractBytes(Buffer.from(text.replace(from, to)), FILE);
}

const errors = (doc: BudgetDocument) => doc.issues.filter((i) => i.severity === 'error').map((i) => [i.check, i.table, i.key, i.measure]);

describe('summary_split_columns (上海市财政局 2025)', () => {
  it('should put every figure of both summaries under an identity, all holding', async () => {
    const doc = await extractBytes(fixture(FILE), FILE);
    expect(doc.validation.coverage.uncovered).toEqual([]);
    expect(errors(doc)).toEqual([]);
  });

  it('should fail the line and the column total over a misprinted 人员经费', async () => {
    expect(errors(await extractAltered('4,620,000', '4,602,000'))).toEqual([
      ['summary_split_columns', 'summary', '210', 'amount'],
      ['summary_split_columns', 'summary', 'expenditure_grand_total', 'personnel'],
      ['misprint_located', 'summary', '210', 'personnel'],
    ]);
  });

  it('should fail a 财政拨款收支总表 line whose 一般公共预算 column disagrees with its amount', async () => {
    expect(errors(await extractAltered('17,560,320\t17,560,320', '17,560,320\t17,560,302'))).toEqual([
      ['summary_split_columns', 'fiscal_summary', '208', 'amount'],
      ['summary_split_columns', 'fiscal_summary', 'expenditure_grand_total', 'general_budget'],
      ['misprint_located', 'fiscal_summary', '208', 'general_budget'],
    ]);
  });
});
