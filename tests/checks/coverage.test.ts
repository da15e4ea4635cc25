import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../src/checks/index.js';
import { extractBytes } from '../../src/pipeline.js';
import type { At, DocumentMeta, Row, RowKind, Table, TableType, Unit } from '../../src/model.js';

/** Every printed figure under a check: identities that reach figures no check compared before. */

const FILE = 't.txt';
const at = (line: number): At => ({ file: FILE, line });
const META: DocumentMeta = { unit: '万元', kind: '部门预算', year: 2025 };

let nextLine = 1;
function row(key: string, kind: RowKind, values: Record<string, number>, name = key): Row {
  const line = nextLine++;
  const sources = Object.fromEntries(Object.keys(values).map((m) => [m, at(line)]));
  return { key, kind, name, values, sources, at: at(line) };
}

function table(type: TableType, measures: string[], rows: Row[], unit: Unit = '万元'): Table {
  const columns = measures.map((measure) => ({ measure, path: [measure], children: [] }));
  return { type, title: `${type} 表`, unit, pages: [], empty: rows.length === 0, columns, rows, issues: [], at: at(1) };
}

const errors = (t: Table[]) => validateDocument(t, META, []).issues.filter((i) => i.severity === 'error');

describe('row_identity beside a column whose header is unreadable', () => {
  // 002's 支出经济分类汇总表: 总计 | 一般公共预算 小计 | 其中:财政拨款 | … | an empty trailing column (col_13).
  const summary = (total: number) =>
    table('economic_summary', ['total', 'general_budget', 'appropriation', 'carryover', 'col_13'], [
      row('total', 'total', { total: 52.83, general_budget: 52.83, appropriation: 52.83 }, '合计'),
      row('30102|50101', 'econ', { total, general_budget: 47.31, appropriation: 47.31 }, '津贴补贴'),
      row('30302|50905', 'econ', { total: 5.52, general_budget: 5.52, appropriation: 5.52 }, '退休费'),
    ]);

  it('should check a row that prints nothing in the unreadable column', () => {
    const found = errors([summary(47.13)]).filter((i) => i.check === 'row_identity');
    expect(found.map((i) => [i.key, i.measure, i.found, i.expected])).toEqual([['30102|50101', 'total', 47.13, 47.31]]);
    expect(errors([summary(47.31)])).toEqual([]);
  });

  it('should not check against the named columns a row that prints in the unreadable one', () => {
    const t = summary(50);
    t.rows[1]!.values.col_13 = 2.69;
    expect(errors([t]).filter((i) => i.check === 'row_identity' && i.key === '30102|50101')).toEqual([]);
  });
});

describe('validation.coverage', () => {
  // 表3-like: total = basic + project on every row, items → section → total; 307 prints a figure no identity reads.
  const expenditure = () =>
    table('expenditure', ['total', 'basic', 'project'], [
      row('total', 'total', { total: 61.74, basic: 55.74, project: 6 }, '合计'),
      row('20805', 'section', { total: 55.74, basic: 55.74 }, '行政事业单位养老支出'),
      row('2080501', 'item', { total: 10.68, basic: 10.68 }, '行政单位离退休'),
      row('2080505', 'item', { total: 45.06, basic: 45.06 }, '机关事业单位基本养老保险缴费支出'),
      row('20899', 'section', { total: 6, project: 6 }, '其他社会保障和就业支出'),
    ]);

  it('should count every printed figure as covered when identities read them all', () => {
    const { coverage } = validateDocument([expenditure()], META, []).validation;
    expect(coverage).toEqual({ printed: 11, covered: 11, uncovered: [] });
  });

  it('should list a figure no evaluated check reads, with its table, key, column and place', () => {
    const procurement = table('procurement', ['total'], [row('1', 'project', { total: 12.5 }, '办公设备')]);
    const { coverage } = validateDocument([expenditure(), procurement], META, []).validation;
    expect(coverage.printed).toBe(12);
    expect(coverage.covered).toBe(11);
    expect(coverage.uncovered).toEqual([{ table: 'procurement', title: 'procurement 表', key: '1', measure: 'total', value: 12.5, at: procurement.rows[0]!.at }]);
  });

  it('should not count the figures of a table whose reading is doubtful as covered', () => {
    const bad = table('expenditure', ['total', 'basic', 'project'], [
      row('total', 'total', { total: 100, basic: 10, project: 10 }, '合计'),
      row('201', 'class', { total: 50, basic: 10, project: 10 }),
      row('205', 'class', { total: 40, basic: 30, project: 1 }),
      row('208', 'class', { total: 30, basic: 2, project: 1 }),
    ]);
    const { coverage } = validateDocument([bad], META, []).validation;
    expect(coverage.covered).toBe(0);
  });
});

describe('the summaries: lines no check read before', () => {
  // 000's 财政拨款收支预算表 prints no 本年收入合计 and no 结转: its 收入合计 is the year's income.
  const fiscal = (general: number, cls210: number) =>
    table('fiscal_summary', ['amount'], [
      row('general_budget', 'line', { amount: general }, '一般公共预算小计'),
      row('general_budget.appropriation', 'line', { amount: 1662.14 }, '财政拨款'),
      row('208', 'line', { amount: 16.84 }, '社会保障和就业'),
      row('210', 'line', { amount: cls210 }, '医疗卫生'),
      row('income_grand_total', 'total', { amount: 1794.14 }, '收入合计'),
      row('expenditure_grand_total', 'total', { amount: 1794.14 }, '支出合计'),
    ]);
  const summary = (appropriation: number) =>
    table('summary', ['amount'], [
      row('general_budget', 'line', { amount: 1794.14 }, '一般公共预算'),
      row('general_budget.appropriation', 'line', { amount: appropriation }, '其中:财政拨款'),
      row('210', 'line', { amount: 1794.14 }, '卫生健康'),
      row('income_grand_total', 'total', { amount: 1794.14 }, '收入总计'),
      row('expenditure_grand_total', 'total', { amount: 1794.14 }, '支出总计'),
    ]);

  it('should sum the source and class lines to the grand totals when no 本年 subtotal and no 结转 is printed', () => {
    expect(errors([fiscal(1794.14, 1777.3)])).toEqual([]);
    expect(errors([fiscal(1794.41, 1777.3)]).map((i) => [i.check, i.key, i.expected])).toEqual([['summary_income_lines', 'income_grand_total', 1794.41]]);
    // 1777.03 is 1777.30 with two digits swapped, and no other figure of the sum explains its gap.
    expect(errors([fiscal(1794.14, 1777.03)]).map((i) => [i.check, i.key, i.expected ?? i.found])).toEqual([
      ['summary_class_lines', 'expenditure_grand_total', 1793.87],
      ['misprint_located', '210', 1777.03],
    ]);
  });

  it('should hold the 财政拨款 lines of 收支总表 and 财政拨款收支总表 equal', () => {
    expect(errors([summary(1662.14), fiscal(1794.14, 1777.3)])).toEqual([]);
    const found = errors([summary(1662.41), fiscal(1794.14, 1777.3)]);
    expect(found.map((i) => [i.check, i.key, i.expected, i.found])).toEqual([['summary_matches_fiscal', 'general_budget.appropriation', 1662.41, 1662.14]]);
  });
});

describe('unit_rows: a unit row that restates the total is still compared', () => {
  // Seed 000's 一般公共预算支出预算表 prints 309001 新乡市凤泉区医疗保障局 under 合计 with the same figures.
  const seed = readFileSync(new URL('../../samples/000_2f28e9293a4b3d29.txt', import.meta.url), 'utf8');
  const unitLine = '\t\t\t309001\t新乡市凤泉区医疗保障局\t1,794.14\t124.42\t113.52';

  it('should keep the restating unit row beside the rows, and hold it equal to the total', async () => {
    const doc = await extractBytes(Buffer.from(seed), '000.txt');
    const t = doc.tables.find((x) => x.type === 'general_expenditure')!;
    expect(t.rows.some((r) => r.kind === 'unit')).toBe(false);
    expect(t.subtotals?.find((r) => r.key === '309001')?.values).toMatchObject({ total: 1794.14, basic: 124.42, project: 1669.72 });
    expect(doc.issues.filter((i) => i.check === 'unit_rows')).toEqual([]);
  });

  it('should report a misprint in it, naming the figure', async () => {
    expect(seed).toContain(unitLine);
    const doc = await extractBytes(Buffer.from(seed.replace(unitLine, unitLine.replace('1,794.14', '1,749.14'))), '000.txt');
    const found = doc.issues.filter((i) => i.check === 'unit_rows');
    expect(found.map((i) => [i.table, i.key, i.measure, i.expected, i.found])).toEqual([['general_expenditure', 'total', 'total', 1749.14, 1794.14]]);
  });
});

describe('appropriation_basic_matches_basic', () => {
  // Jiangsu prints 财政拨款基本支出预算表 and 一般公共预算基本支出预算表: with no 政府性基金, one table twice.
  const basic = (type: TableType, wages: number) =>
    table(type, ['total'], [
      row('total', 'total', { total: 10403.11 }, '合计'),
      row('30101', 'econ', { total: wages }, '基本工资'),
      row('30201', 'econ', { total: 10403.11 - 1475.07 }, '办公费'),
    ]);
  const summary = (fund: number) =>
    table('summary', ['amount'], [row('general_budget', 'line', { amount: 24458.43 }, '一般公共预算'), row('government_fund', 'line', { amount: fund }, '政府性基金')]);

  it('should hold the same economic line equal in both tables when no other fiscal funds are printed', () => {
    expect(errors([summary(0), basic('appropriation_basic_expenditure', 1475.07), basic('basic_expenditure', 1475.07)]).filter((i) => i.check === 'appropriation_basic_matches_basic')).toEqual([]);
    const found = errors([summary(0), basic('appropriation_basic_expenditure', 1475.07), basic('basic_expenditure', 1457.07)]).filter((i) => i.check === 'appropriation_basic_matches_basic');
    expect(found.map((i) => [i.key, i.expected, i.found])).toEqual([['30101', 1475.07, 1457.07]]);
  });

  it('should not compare them when 政府性基金 money is printed', () => {
    const { validation } = validateDocument([summary(12), basic('appropriation_basic_expenditure', 1475.07), basic('basic_expenditure', 1457.07)], META, []);
    expect(validation.checks.find((c) => c.check === 'appropriation_basic_matches_basic')?.status).toBe('not_applicable');
  });
});

describe('economic_columns_match_basic', () => {
  // 000 (新乡市凤泉区医疗保障局 2025): 表5's total row splits 基本支出 124.42 into 工资福利支出 113.52,
  // 对个人和家庭的补助 5.07, 商品和服务支出 5.83; 表6 prints the items of 301, 302 and 303.
  const general = (family: number) =>
    table('general_expenditure', ['total', 'basic', 'wages_benefits', 'family_subsidies', 'goods_services'], [
      row('total', 'total', { total: 124.42, basic: 124.42, wages_benefits: 113.52, family_subsidies: family, goods_services: 5.83 }, '合计'),
    ]);
  const basic = () =>
    table('basic_expenditure', ['total', 'personnel', 'public'], [
      row('total', 'total', { total: 124.42, personnel: 118.59, public: 5.83 }, '合计'),
      row('30101|50101', 'econ', { total: 113.52, personnel: 113.52 }, '基本工资'),
      row('30201|50201', 'econ', { total: 5.83, public: 5.83 }, '办公费'),
      row('30301|50905', 'econ', { total: 0.96, personnel: 0.96 }, '离休费'),
      row('30302|50905', 'econ', { total: 4.11, personnel: 4.11 }, '退休费'),
    ]);
  const check = (tables: Table[]) => validateDocument(tables, META, []);

  it('should hold each class column against the sum of that class in the basic table', () => {
    const { validation } = check([general(5.07), basic()]);
    expect(validation.checks.find((c) => c.check === 'economic_columns_match_basic')).toMatchObject({ status: 'pass', evaluated: 3, failed: 0 });
  });

  it('should fail a class column the basic table does not add up to', () => {
    const found = check([general(5.70), basic()]).issues.filter((i) => i.check === 'economic_columns_match_basic');
    expect(found.map((i) => [i.measure, i.found, i.expected])).toEqual([['family_subsidies', 5.7, 5.07]]);
  });
});
