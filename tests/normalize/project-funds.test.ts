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

describe('a one-project form’s split of 年度资金总额 (西南大学 2024)', () => {
  const FORMS = 'real-project-form-funds.txt';

  it('should read the sources printed under the total, across a page break, and check the total against them', async () => {
    const doc = await extractBytes(fixture(FORMS), FORMS);
    const values = Object.fromEntries(doc.tables.flatMap((t) => t.rows).map((r) => [r.key, r.values]));
    expect(values).toEqual({
      '236中央高校教育教学改革专项': { total: 1960.35, appropriation: 1930, carryover: 30.35 },
      '236中央高校管理改革等绩效拨款': { total: 809.21, appropriation: 809.21 },
      '236高校哲学社会科学繁荣计划专项经费': { total: 1586.9, appropriation: 605, carryover: 981.9 },
    });
    expect(doc.validation.coverage.uncovered).toEqual([]);
    expect(doc.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('should name the form whose total disagrees with its sources', async () => {
    const text = fixture(FORMS).toString('utf8').replace('30.35', '30.53');
    const doc = await extractBytes(Buffer.from(text), FORMS);
    expect(doc.issues.filter((i) => i.severity === 'error').map((i) => [i.check, i.key])).toEqual([['row_identity', '236中央高校教育教学改革专项']]);
  });

  it('should read the split under the total it is read from, never the second split printed beside it', async () => {
    // 年度资金申请总额's own split (其中:当年财政拨款 11,419,043.00) is another column: not read.
    const FILE2 = 'real-project-form-two-splits.txt';
    const doc = await extractBytes(fixture(FILE2), FILE2);
    expect(tableOf(doc, 'project_performance').rows.map((r) => r.values)).toEqual([{ total: 10903043, appropriation: 10903043, unit_funds: 0 }]);
    expect(doc.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('a form’s split printed beside its 预算数 (兴隆县医疗保障局 2025)', () => {
  const FILE = 'project-form-split-beside-001.txt';

  it('should read 其中:财政资金 beside the total and check the total against it', async () => {
    const doc = await extractBytes(fixture(FILE), FILE);
    expect(tableOf(doc, 'project_performance').rows.map((r) => [r.key, r.values])).toEqual([['2025年劳务派遣人员经费', { total: 27, appropriation: 27 }]]);
    expect(doc.validation.coverage.uncovered).toEqual([]);
    const altered = await extractBytes(Buffer.from(fixture(FILE).toString('utf8').replace('预算数\t27.00', '预算数\t20.70')), FILE);
    expect(altered.issues.filter((i) => i.severity === 'error').map((i) => [i.check, i.key])).toEqual([['row_identity', '2025年劳务派遣人员经费']]);
  });
});
