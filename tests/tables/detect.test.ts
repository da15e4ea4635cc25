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

  it('keeps a table whose header lines a scan read with stray commas, rows after them', () => {
    // Seed 004 in a serif, scanned bitonal at 200 dpi (its 基本支出表): two header lines long and
    // with commas read as prose, and the table ended before its rows.
    const header = ['预算06表', '2025年一般公共预算基本支出预算表', '部门名称 焦作市解放区医疗保障局 单位 万元', '部门预算支出经济分类科目,政府预算支出经济分类科目,本年一般公共预算基本支出', '科目编码科目名称科目编码科目名称合计,人,员经费公用经费'];
    const rows = ['合计 124.93 117.00 7.93', '30108 机关事业单位基本养老保险缴费 50501 工资福利支出 8.94 8.94'];
    const [block] = linesToBlocks(textToLines([...header, ...rows].join('\n'), 'x.txt'));
    expect(block?.lines.map((l) => l.text).slice(-2)).toEqual(rows);
    // Notes under a table's rows still end it.
    const notes = ['注:本表反映部门本年度一般公共预算基本支出情况,按经济分类科目列示,单位为万元。', '本部门2025年度一般公共预算基本支出124.93万元,其中人员经费117.00万元,公用经费7.93万元。', '其他说明文字,说明本表各项支出的依据和口径,以及与上年的比较情况。'];
    const [noted] = linesToBlocks(textToLines([...header, ...rows, ...notes].join('\n'), 'x.txt'));
    expect(noted?.lines.map((l) => l.text).slice(-2)).toEqual([rows[1], notes[0]]);
  });

  it('should not take a narrative heading that mentions a table for a title', () => {
    const text = ['四、财政拨款"三公"经费预算情况及增减变化原因', '2025年,我单位财政拨款"三公"经费预算安排 3.00 万元,其中因公出国(境)费 0.00 万元。'].join('\n');
    expect(linesToBlocks(textToLines(text, 'x.txt'))).toEqual([]);
  });
});

describe('tables continued on the next page', () => {
  // Jiangsu's 政府采购预算表 prints its title, unit line and header again on the next page.
  const page = (n: number, text: string) => textToLines(text, 'p.txt').map((l) => ({ ...l, at: { ...l.at, page: n } }));
  const first = page(1, '表十二\n2017年政府采购预算表\n部门:某办公厅\t单位:万元\n采购品目大类\t专项名称\t总计\n合计\t\t1,271.22\n一、货物A\t\t259.32');
  const next = (title: string) => page(2, `${title}\n部门:某办公厅\t单位:万元\n采购品目大类\t专项名称\t总计\n\t省政协全委会\t714.80`);

  it('joins a table whose title is repeated on the next page into one table', () => {
    const blocks = linesToBlocks([...first, ...next('2017年政府采购预算表')]);
    expect(blocks.map((b) => b.type)).toEqual(['procurement']);
    expect(blocks[0]!.lines.some((l) => l.text.includes('714.80'))).toBe(true);
  });

  it('keeps one-project forms that repeat one title a page apart', () => {
    const form = (n: number, name: string) => page(n, `财政项目支出绩效目标填报表\n项目名称\t${name}\n项目资金总额\t\t1,000.00`);
    expect(linesToBlocks([...form(1, '甲项目'), ...form(2, '乙项目')]).length).toBe(2);
  });
});
