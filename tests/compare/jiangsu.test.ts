import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareInputs, comparisonToText, type Change, type Comparison } from '../../src/compare/index.js';

/**
 * Two years of one office: the 2018 and 2019 公开表 of 中共江苏省委办公厅 (../shared/corpus, beside the
 * clone; skipped without it). Expected figures are computed by hand from the printed tables
 * (万元, two decimals): 一般公共预算支出预算表 p.9 (2018) and p.7 (2019), 一般公共预算基本支出预算表
 * p.10 (2018) and p.8 (2019).
 */
const pdf = (name: string): string => fileURLToPath(new URL(`../../../shared/corpus/real-pdfs/${name}`, import.meta.url));
const y2018 = pdf('江苏省委办公厅2018年度部门预算公开表.pdf');
const y2019 = pdf('江苏省委办公厅2019年度部门预算公开表格.pdf');

describe.skipIf(!existsSync(y2018) || !existsSync(y2019))('compare 江苏省委办公厅 2018 → 2019', () => {
  let c: Comparison;
  beforeAll(async () => {
    const r = await compareInputs(y2018, y2019, { ocr: 'never' });
    expect(r.comparisons).toHaveLength(1);
    c = r.comparisons[0]!;
  }, 120_000);

  const at = (table: string, key: string): Change | undefined => c.changes.find((x) => x.table === table && x.key === key && x.measure === 'total');
  /**
   * Every 基本支出 table's change of a row: today the 财政拨款 and the 一般公共预算 基本支出表 are both
   * typed basic_expenditure; table reading may type the first apart. Either way each prints the same rows.
   */
  const basic = (key: string): Change[] => {
    const found = c.changes.filter((x) => x.table === 'basic_expenditure' && x.key === key && x.measure === 'total');
    expect(found.length).toBeGreaterThan(0);
    return found;
  };

  it('should give the changes of the 一般公共预算支出 rows in 元 and percent, as computed from the printed figures', () => {
    // 合计 24,458.43 → 27,664.22 万元: +3,205.79 万元 = +32,057,900 元, 3205.79 / 24458.43 = 13.107%.
    expect(at('general_expenditure', 'total')).toMatchObject({ status: 'changed', old_yuan: 244_584_300, new_yuan: 276_642_200, change_yuan: 32_057_900, change_pct: 13.11 });
    // 2013101 行政运行 8,072.29 → 9,370.12: +1,297.83 万元, 16.078%.
    expect(at('general_expenditure', '2013101')).toMatchObject({ name: '行政运行', old_yuan: 80_722_900, new_yuan: 93_701_200, change_yuan: 12_978_300, change_pct: 16.08 });
    // 2210202 提租补贴 2,299.88 → 2,928.22: +628.34 万元, 27.321%.
    expect(at('general_expenditure', '2210202')).toMatchObject({ change_yuan: 6_283_400, change_pct: 27.32 });
    // 2080504 未归口管理的行政单位离退休 248.77 → 275.54: +26.77 万元, 10.761%.
    expect(at('general_expenditure', '2080504')).toMatchObject({ change_yuan: 267_700, change_pct: 10.76 });
  });

  it('should report the economic class printed only in 2019 as added, and unchanged rows as unchanged', () => {
    // 30299 其他商品和服务支出 50.00 万元 appears in 2019's 基本支出表 only.
    for (const x of basic('30299')) expect(x).toMatchObject({ status: 'added', name: '其他商品和服务支出', new_yuan: 500_000, change_yuan: 500_000 });
    // 30211 差旅费 350.00 both years; 30213 维修(护)费 50.00 → 130.00 (+160%).
    for (const x of basic('30211')) expect(x).toMatchObject({ status: 'unchanged', change_yuan: 0 });
    for (const x of basic('30213')) expect(x).toMatchObject({ status: 'changed', old_yuan: 500_000, new_yuan: 1_300_000, change_pct: 160 });
    // 基本支出 合计 10,403.11 → 11,700.63: +1,297.52 万元.
    for (const x of basic('total')) expect(x).toMatchObject({ change_yuan: 12_975_200, change_pct: 12.47 });
  });

  it('should print the largest changes first in the terminal table', () => {
    const text = comparisonToText(c, 20);
    expect(text).toMatch(/general_expenditure +total +合计 +total +244,584,300 +276,642,200 +\+32,057,900 +\+13\.11% +changed/);
    const shown = c.changes.filter((x) => x.status !== 'unchanged');
    expect(Math.abs(shown[0]!.change_yuan)).toBe(32_057_900);
    for (let k = 1; k < c.changes.length; k++) expect(Math.abs(c.changes[k - 1]!.change_yuan)).toBeGreaterThanOrEqual(Math.abs(c.changes[k]!.change_yuan));
  });
});
