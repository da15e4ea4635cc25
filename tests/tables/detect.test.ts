import { describe, expect, it } from 'vitest';
import { typeOfTitle } from '../../src/tables/detect.js';
import { linesToBlocks } from '../../src/tables/segment.js';
import { textToLines } from '../../src/extract/text.js';

describe('table type by title', () => {
  const cases: [string, string][] = [
    ['2025 年部门收支预算总表', 'summary'],
    ['单位预算收支总表', 'summary'],
    ['2024 年部门收入总体情况表', 'income'],
    ['2025 年部门支出预算表', 'expenditure'],
    ['单位预算财政拨款收支总表', 'fiscal_summary'],
    ['2025 年一般公共预算支出预算表', 'general_expenditure'],
    ['单位预算一般公共预算财政拨款基本支出表', 'basic_expenditure'],
    ['2025年一般公共预算基本支出明细表', 'basic_expenditure_detail'],
    ['2025年支出经济分类汇总表', 'economic_summary'],
    ['单位预算财政拨款"三公"经费支出表', 'three_public'],
    ['2025年政府性基金支出预算表', 'fund_expenditure'],
    ['2025年国有资本经营支出预算表', 'state_capital_expenditure'],
    ['项目支出预算表', 'project_expenditure'],
    ['2025年机关(机构)运行经费', 'operating_expenses'],
    ['本级部门(单位)整体绩效目标表', 'department_performance'],
    ['2025年度部门预算项目绩效目标表', 'project_performance'],
    ['单位政府采购预算', 'procurement'],
    ['单位固定资产占用情况表', 'assets'],
    ['人员编制情况表', 'unknown'],
    ['收入支出决算总表', 'summary'],
    ['收入决算表', 'income'],
    ['支出决算表', 'expenditure'],
    ['财政拨款收入支出决算总表', 'fiscal_summary'],
    ['一般公共预算财政拨款支出决算表', 'general_expenditure'],
    ['一般公共预算财政拨款基本支出决算表', 'basic_expenditure'],
    ['政府性基金预算财政拨款收入支出决算表', 'fund_expenditure'],
    ['财政拨款“三公”经费支出决算表', 'three_public'],
  ];
  it.each(cases)('should type %s as %s', (title, type) => {
    expect(typeOfTitle(title)).toBe(type);
  });

  it('should find a title split over two lines, after a 预算03表 label', () => {
    const text = ['预算03表', '', '单位预算一般公共预算财政拨款', '基本支出表', '单位：万元', '合计\t1.00\t1.00'].join('\n');
    const blocks = linesToBlocks(textToLines(text, 'x.txt'));
    expect(blocks.map((b) => [b.type, b.title])).toEqual([['basic_expenditure', '单位预算一般公共预算财政拨款基本支出表']]);
  });

  it('should not take a narrative heading that mentions a table for a title', () => {
    const text = ['四、财政拨款"三公"经费预算情况及增减变化原因', '2025年,我单位财政拨款"三公"经费预算安排 3.00 万元,其中因公出国(境)费 0.00 万元。'].join('\n');
    expect(linesToBlocks(textToLines(text, 'x.txt'))).toEqual([]);
  });
});
