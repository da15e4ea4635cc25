import { describe, expect, it } from 'vitest';
import type { BudgetDocument } from '../../src/model.js';
import { extractBytes } from '../../src/pipeline.js';
import { fixture, tableOf } from '../helpers.js';

/**
 * A 项目绩效目标汇总表 splits each project's 资金总额 by source (政府预算资金, 财政专户管理资金,
 * 单位资金): the sources are read into their columns, and the total is checked against them.
 */

const FILE = 'performance-fund-sources-002.txt';

async function extractAltered(from: string, to: string): Promise<BudgetDocument> {
  const text = fixture(FILE).toString('utf8');
  expect(text).toContain(from);
  return extractBytes(Buffer.from(text.replace(from, to)), FILE);
}

describe('project fund sources (延津县医疗保障局 2024)', () => {
  it('should read each source under its header and keep the total the first amount', async () => {
    const doc = await extractBytes(fixture(FILE), FILE);
    const t = tableOf(doc, 'project_performance');
    expect(t.columns.map((c) => c.measure)).toEqual(['total', 'appropriation', 'special_account', 'unit_funds']);
    expect(t.rows.find((r) => r.key === '410726240000000026084')?.values).toEqual({ total: 12, appropriation: 12 });
    expect(doc.validation.coverage.uncovered.filter((u) => u.table === 'project_performance')).toEqual([]);
    expect(doc.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('should name the project whose total disagrees with its sources', async () => {
    const doc = await extractAltered('12.0\t12.0', '12.0\t21.0');
    expect(doc.issues.filter((i) => i.severity === 'error').map((i) => [i.check, i.key, i.measure])).toEqual([['row_identity', '410726240000000026084', 'total']]);
  });
});
