import { describe, expect, it } from 'vitest';
import { extractFixture, tableOf, valuesOf } from '../helpers.js';

/**
 * Seed tables dumped space-separated (tabs lost, blank cells dropped): the numbers of a row are
 * placed by the table's own sums, from the total row down through each class and section.
 */
describe('space-separated dumps of tab tables', () => {
  it('reads rows of amounts with thousands separators as rows, not prose that ends the table', async () => {
    const t = tableOf(await extractFixture('spaced-thousands-002.txt'), 'expenditure');
    expect(t.rows.filter((r) => r.kind === 'item')).toHaveLength(12);
    expect(valuesOf(t, 'total')).toMatchObject({ total: 9018.93, basic: 476.35, project: 8542.58 });
    expect(valuesOf(t, '2210201')).toMatchObject({ total: 39.23, basic: 39.23 });
  });

  it('drops the 序号 column before looking for a table flattened onto one line', async () => {
    const t = tableOf(await extractFixture('spaced-serial-001.txt'), 'expenditure');
    expect(t.rows).toHaveLength(21);
    expect(t.rows.find((r) => r.key === '208')).toMatchObject({ name: '社会保障和就业支出', values: { total: 58.74, basic: 55.74, project: 3 } });
  });

  it('places a section or item printing two equal numbers under the column its parent has room in', async () => {
    const t = tableOf(await extractFixture('spaced-serial-001.txt'), 'expenditure');
    // 210 prints total, basic and project; its sections 21011 (basic) and 21012 (project) each print x x.
    expect(valuesOf(t, '21011')).toEqual({ total: 23.02, basic: 23.02 });
    expect(valuesOf(t, '21012')).toEqual({ total: 3216, project: 3216 });
    expect(valuesOf(t, '2101202')).toEqual({ total: 3216, project: 3216 });
    expect(valuesOf(t, '2089999')).toEqual({ total: 3, project: 3 });
    expect(t.issues.filter((i) => i.kind === 'ambiguous_placement')).toEqual([]);
  });

  it('searches a table of items alone exactly, well past the exhaustive limit, and says what stays open', async () => {
    // Eight items of up to six readings each (1.7 million combinations): pruning settles them.
    const t = tableOf(await extractFixture('spaced-items-003.txt'), 'expenditure');
    expect(valuesOf(t, '2089999')).toEqual({ total: 0.77, basic: 0.77, wages_benefits: 0.77 });
    expect(valuesOf(t, '2101599')).toEqual({ total: 50.55, project: 50.55, other_operating: 50.55 });
    expect(valuesOf(t, '2080501')).toEqual({ total: 74.63, basic: 74.63, family_subsidies: 73.01, goods_services: 1.62 });
    // With the blanks dropped, nothing tells 其他运转类 from 特定目标类 for the project column.
    expect(t.issues.map((i) => [i.kind, i.key])).toEqual([['ambiguous_placement', 'total']]);
  });

  it('takes a spaced header row ending in 国有资本经营预算 for a header, not the title of another table', async () => {
    const doc = await extractFixture('spaced-fiscal-002.txt');
    expect(doc.tables.map((t) => t.type)).toEqual(['fiscal_summary']);
    const amounts = Object.fromEntries(doc.tables[0]!.rows.map((r) => [r.key, r.values.amount]));
    expect(amounts).toEqual({ carryover: 8.36, 208: 416.59, 210: 8563.11, 221: 39.23, income_grand_total: 9018.93, expenditure_grand_total: 9018.93 });
  });

  it('reads the rows after a first page flattened onto one line row by row, numbered by the 序号 its repeated header names', async () => {
    const t = tableOf(await extractFixture('spaced-flattened-001.txt'), 'income');
    expect(valuesOf(t, '2101202')?.total).toBe(3216);
    expect(valuesOf(t, '21013')?.total).toBe(150);
    expect(valuesOf(t, '2101501')?.total).toBe(398.31);
    expect(valuesOf(t, '2101504')?.total).toBe(8.87);
    expect(valuesOf(t, '2210201')?.total).toBe(34.38);
  });

  it('keeps a year split off by a space in the project name, before 年 or at the end', async () => {
    const t = tableOf(await extractFixture('spaced-projects-002.txt'), 'project_expenditure');
    const names = t.rows.map((r) => r.name);
    expect(names).toContain('城乡居民基本医疗保险县级配套资金2024');
    expect(names).toContain('2024年中央财政医疗救助补助资金(城乡医疗救助补助)T');
    expect(names).toContain('2023年结转医疗服务与保障能力提升上级补助资金');
    const form = tableOf(await extractFixture('spaced-form-001.txt'), 'project_performance');
    expect(form.rows.map((r) => [r.key, r.values.total])).toEqual([['2025年劳务派遣人员经费', 27]]);
  });

  it('cuts the 项目单位 column, the label every row repeats, from the project names', async () => {
    const t = tableOf(await extractFixture('spaced-projects-003.txt'), 'project_expenditure');
    expect(t.rows.map((r) => [r.key, r.values.total])).toEqual([
      ['total', 104.03],
      ['医保中心聘用人员经费', 3.48],
      ['医保中心医保工作经费', 50],
      ['城乡居民医保管理费', 50.55],
    ]);
  });
});
