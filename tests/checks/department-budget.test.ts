import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../src/pipeline.js';
import { fixture } from '../helpers.js';

/** 部门整体绩效目标表: 部门预算总额 = its 资金来源 lines = its 资金结构 lines (基本支出 + 项目支出). */

const FILE = 'department-budget-splits-003.txt';

describe('department_budget_splits (新乡市社会医疗保险中心 2024)', () => {
  it('should put the total budget and its split under an identity that holds', async () => {
    const doc = await extractBytes(fixture(FILE), FILE);
    expect(doc.validation.coverage.uncovered).toEqual([]);
    expect(doc.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('should fail the total over a misprinted part', async () => {
    const doc = await extractBytes(Buffer.from(fixture(FILE).toString('utf8').replace('104.03', '104.30')), FILE);
    expect(doc.issues.filter((i) => i.severity === 'error').map((i) => [i.check, i.found, i.expected])).toEqual([
      ['department_budget_splits', 867.02, 867.29],
      // 104.30 for 104.03: two digits swapped, and no other figure of the split explains the gap.
      ['misprint_located', 104.3, undefined],
    ]);
  });
});
