import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../src/pipeline.js';
import { extractFixture, fixture, tableOf, valuesOf } from '../helpers.js';

describe('row reconstruction by layout', () => {
  it('joins 208 05 01 split over cells into 2080501 and skips the column-number row', async () => {
    const t = tableOf(await extractFixture('tab-income-000.txt'), 'income');
    expect(valuesOf(t, '2080501')).toMatchObject({ total: 2.72 });
    expect(t.rows.find((r) => r.key === '2080501')?.kind).toBe('item');
    expect(t.rows.some((r) => r.name === '新乡市凤泉区医疗保障局' || r.key === '309001')).toBe(false);
  });

  it('takes a numeric row printed under the header words for the total when the items add up to it', async () => {
    const t = tableOf(await extractFixture('tab-income-000.txt'), 'income');
    expect(valuesOf(t, 'total')).toMatchObject({ total: 1794.14 });
  });

  it('reads a delimited multi-level header by position: 小计 under 一般公共预算, then 其中：财政拨款', async () => {
    const t = tableOf(await extractFixture('tab-income-000.txt'), 'income');
    expect(t.columns.map((c) => c.measure).slice(0, 3)).toEqual(['total', 'general_budget', 'appropriation']);
    expect(valuesOf(t, '2101550')).toEqual({ total: 74.37, general_budget: 74.37, appropriation: 74.37 });
  });

  it('keeps a header line that heads a column 单位名称 in the header, not taken for the 单位名称: line over a table', async () => {
    // OCR read the heading 单位(科目名称) as two cells, 单位名称 | 科目: the whole header line was
    // dropped as a meta line, and with it 基本支出 and 项目支出, whose 小计 columns then went unnamed.
    const t = tableOf(await extractFixture('header-unit-name-cell-000.txt'), 'general_expenditure');
    expect(valuesOf(t, 'total')).toMatchObject({ total: 1794.14, basic: 124.42, project: 1669.72, other_operating: 1.62, specific_purpose: 1668.1 });
    // The bitonal scan of the same page read the heading 单位名称) with its bracket.
    const text = fixture('header-unit-name-cell-000.txt').toString('utf8');
    const bracketed = tableOf(await extractBytes(Buffer.from(text.replace('\t单位名称\t', '\t单位名称)\t')), 'b.txt'), 'general_expenditure');
    expect(valuesOf(bracketed, 'total')).toMatchObject({ basic: 124.42, project: 1669.72 });
  });

  it('moves project amounts printed one cell left back under 项目支出 by the row identities', async () => {
    const t = tableOf(await extractFixture('tab-shifted-cells-000.txt'), 'general_expenditure');
    expect(valuesOf(t, '2101103')).toEqual({ total: 350, project: 350, specific_purpose: 350 });
    expect(valuesOf(t, '2101501')).toEqual({ total: 29.68, basic: 28.06, wages_benefits: 23.73, goods_services: 4.33, project: 1.62, other_operating: 1.62 });
  });

  it('joins names wrapped over lines and places numbers whose blank cells the dump dropped', async () => {
    const t = tableOf(await extractFixture('spaced-wrapped-004.txt'), 'expenditure');
    const row = t.rows.find((r) => r.key === '2080505')!;
    expect(row.name).toBe('机关事业单位基本养老保险缴费支出');
    expect(row.values).toMatchObject({ total: 12.78, basic: 12.78, basic_personnel: 12.78, wages_benefits: 12.78 });
    expect(valuesOf(t, '2101202')).toMatchObject({ total: 1860, project: 1860, specific_purpose: 1860 });
    expect(valuesOf(t, '2101202')?.basic ?? 0).toBe(0);
    expect(valuesOf(t, '2101501')).toEqual({ total: 31.23, basic: 31.23, basic_personnel: 27.36, wages_benefits: 27.36, basic_public: 3.87, goods_services: 3.87 });
  });

  it('names 人员经费/公用经费 under 基本支出 of a functional table basic_personnel/basic_public, with the printed header path', async () => {
    const t = tableOf(await extractFixture('spaced-wrapped-004.txt'), 'expenditure');
    const col = (m: string) => t.columns.find((c) => c.measure === m);
    expect(col('basic_personnel')).toEqual({ measure: 'basic_personnel', path: ['基本支出', '人员经费'], children: ['wages_benefits', 'family_subsidies'] });
    expect(col('basic')?.children).toEqual(['basic_personnel', 'basic_public']);
    expect(col('goods_services')?.path).toEqual(['基本支出', '公用经费', '商品和服务支出']);
    expect(t.columns.some((c) => c.measure === 'personnel' || c.measure === 'public')).toBe(false);
  });

  it('reports the total row of 004 as ambiguous where 商品和服务 and 资本性 cannot be told apart', async () => {
    const t = tableOf(await extractFixture('spaced-wrapped-004.txt'), 'expenditure');
    expect(t.issues.some((i) => i.kind === 'ambiguous_placement' && i.key === 'total')).toBe(true);
    expect(valuesOf(t, 'total')).toMatchObject({ total: 2220.43, basic: 124.93, basic_personnel: 117, project: 2095.5 });
  });

  it('splits a table flattened onto one line into rows by code, keeping only each row total', async () => {
    const t = tableOf(await extractFixture('flattened-001.txt'), 'income');
    expect(valuesOf(t, '208')).toEqual({ total: 58.74 });
    expect(valuesOf(t, '20805')).toEqual({ total: 55.74 });
    expect(valuesOf(t, 'total')).toEqual({ total: 3912.31 });
    // the continuation page is delimited again
    expect(valuesOf(t, '2210201')?.total).toBe(34.38);
  });

  it('reads a flattened 三公 table without its 序号 and 栏次 numbers, and stops at the prose after it', async () => {
    const doc = await extractFixture('flattened-three-public-001.txt');
    const t = tableOf(doc, 'three_public');
    // The table ends before the document's 情况说明 heading (line 20), not in the prose after it.
    expect(t.lines).toEqual([2, 18]);
    expect(Object.fromEntries(t.rows.map((r) => [r.key, r.values.total]))).toEqual({
      total: 3,
      '"三公"经费小计': 3,
      公务用车购置及运维费: 3,
      '其中:公务用车购置费公务用车运行维护费': 3,
    });
  });

  it('reads a figure printed without its label after a larger one as the line above continued, not as the total', async () => {
    const t = tableOf(await extractFixture('department-performance-002.txt'), 'department_performance');
    expect(t.rows.map((r) => [r.key, r.kind, r.values.total])).toEqual([
      ['资金来源:', 'line', 9018.9],
      ['资金结构:', 'line', 476.3],
      ['资金结构: (2)', 'line', 8542.6],
    ]);
  });

  it('takes no 政府采购目录序号 (01004330) for an amount', async () => {
    const t = tableOf(await extractFixture('flattened-three-public-001.txt'), 'procurement');
    expect(t.rows.map((r) => r.values.total)).not.toContain(1004330);
    expect(valuesOf(t, 'total')).toEqual({ total: 16.8 });
  });

  it('joins project codes broken inside a cell (410704250000000 022173)', async () => {
    const t = tableOf(await extractFixture('project-codes-000.txt'), 'project_performance');
    const row = t.rows.find((r) => r.key === '410704250000000022173')!;
    expect(row).toMatchObject({ kind: 'project', name: '专项--综合业务费', values: { total: 1.62 } });
    expect(t.rows.some((r) => r.kind === 'unit')).toBe(false);
  });

  it('joins a project code broken over two lines', async () => {
    const t = tableOf(await extractFixture('code-over-lines-004.txt'), 'project_performance');
    expect(valuesOf(t, '410802250000000009273')).toEqual({ total: 1.8 });
  });
});

describe('table segmentation', () => {
  it('drops table-of-contents entries and keeps printed-empty tables as empty', async () => {
    const doc = await extractFixture('toc-and-empty-000.txt');
    expect(doc.tables.map((t) => t.type)).toEqual(['economic_summary', 'three_public', 'fund_expenditure']);
    expect(doc.tables.every((t) => t.empty)).toBe(true);
    expect(doc.tables.map((t) => t.title)).toContain('2025 年一般公共预算“三公”经费预算表');
  });

  it('drops the header a table repeats on its next page instead of reading it as rows', async () => {
    const t = tableOf(await extractFixture('repeated-header-002.txt'), 'project_expenditure');
    const projects = t.rows.filter((r) => r.kind === 'project');
    expect(projects).toHaveLength(13);
    expect(projects.at(-1)).toMatchObject({ name: '委托人寿保险公司代理城乡居民基本医疗业务费', values: { total: 64.78 } });
    expect(t.rows.find((r) => r.key === 'total')?.values.total).toBe(8542.58);
  });
});

describe('codes checked against the classification reference', () => {
  const table = (rows: string[]): Buffer =>
    Buffer.from(['2025 年部门支出预算表', '单位：万元', '科目编码\t\t\t科目名称\t合计', '类\t款\t项', '\t\t\t合计\t2.56', ...rows].join('\n'));

  it('repairs a code one digit off a listed code whose name the row prints, and records it', async () => {
    const { extractBytes } = await import('../../src/pipeline.js');
    const doc = await extractBytes(table(['210\t11\t07\t行政单位医疗\t1.28', '210\t11\t02\t事业单位医疗\t1.28']), 'r.txt');
    const t = doc.tables[0]!;
    expect(t.rows.map((r) => r.key)).toEqual(['total', '2101101', '2101102']);
    expect(t.issues).toContainEqual(expect.objectContaining({ kind: 'code_repaired', printed: '2101107', key: '2101101' }));
  });

  it('keeps an unknown but well-formed code as printed, with a warning', async () => {
    const { extractBytes } = await import('../../src/pipeline.js');
    const doc = await extractBytes(table(['210\t11\t77\t某地方自设科目\t1.28', '210\t11\t02\t事业单位医疗\t1.28']), 'u.txt');
    const t = doc.tables[0]!;
    expect(t.rows.map((r) => r.key)).toContain('2101177');
    expect(t.issues).toContainEqual(expect.objectContaining({ kind: 'code_unknown', key: '2101177' }));
  });
});

describe('--rollup', () => {
  it('adds class and section rows summed from printed items, marked derived, only when asked', async () => {
    const { extractBytes } = await import('../../src/pipeline.js');
    const bytes = Buffer.from(['2025 年部门支出预算表', '单位：万元', '科目编码\t\t\t科目名称\t合计', '\t\t\t合计\t3.30', '208\t05\t01\t行政单位离退休\t1.10', '208\t05\t02\t事业单位离退休\t2.20'].join('\n'));
    const plain = (await extractBytes(bytes, 'p.txt')).tables[0]!;
    expect(plain.rows.map((r) => r.key)).toEqual(['total', '2080501', '2080502']);
    const rolled = (await extractBytes(bytes, 'p.txt', { rollup: true })).tables[0]!;
    expect(rolled.rows.map((r) => [r.key, r.values.total, r.derived ?? false])).toEqual([
      ['total', 3.3, false],
      ['208', 3.3, true],
      ['20805', 3.3, true],
      ['2080501', 1.1, false],
      ['2080502', 2.2, false],
    ]);
  });
});

describe('决算 layouts', () => {
  it('skips the 行次 line numbers printed between a label and its amount', async () => {
    const t = tableOf(await extractFixture('final-accounts-line-numbers.txt'), 'summary');
    expect(valuesOf(t, 'general_budget')).toEqual({ amount: 120.5 });
    expect(valuesOf(t, '208')).toEqual({ amount: 20.5 });
    expect(valuesOf(t, 'expenditure_grand_total')).toEqual({ amount: 120.5 });
  });
});

describe('a row no column reading fits', () => {
  it('flags the income rows whose dump scrambled a 本年收入 header as doubtful, not as a break of the document', async () => {
    const doc = await extractFixture('scrambled-income-004.txt');
    const t = tableOf(doc, 'income');
    const doubtful = t.issues.filter((i) => i.kind === 'ambiguous_placement' && i.measure === 'current_income');
    expect(doubtful.map((i) => i.key).sort()).toEqual(['710', '710001', 'total']);
    expect(doubtful.every((i) => i.severity === 'warning')).toBe(true);
    expect([...doc.issues, ...t.issues].filter((i) => i.table === 'income' && i.severity === 'error')).toEqual([]);
    expect(valuesOf(t, 'total')?.total).toBe(2220.43);
  });
});
