import { describe, expect, it } from 'vitest';
import { findNarrativeStatements, validateDocument } from '../../src/checks/index.js';
import type { At, CheckResult, DocumentMeta, Line, Row, Table, TableType, Unit } from '../../src/model.js';

const META: DocumentMeta = { unit: '万元', kind: '部门决算', year: 2023 };
const at = (line: number): At => ({ file: 'a.pdf', line });
const prose = (...texts: string[]): Line[] => texts.map((text, i) => ({ text, cells: [{ text, at: at(900 + i) }], at: at(900 + i), delimited: false }));
const totals = (type: TableType, values: Record<string, number>, unit: Unit = '万元'): Table => ({
  type, title: `${type} 表`, unit, pages: [], empty: false, issues: [], at: at(1),
  columns: Object.keys(values).map((measure) => ({ measure, path: [measure], children: [] })),
  rows: [{ key: 'total', kind: 'total', name: '合计', values, sources: {}, at: at(2) } satisfies Row],
});
const result = (checks: CheckResult[]): CheckResult => checks.find((c) => c.check === 'narrative_totals')!;

describe('narrative_totals: what a figure of the prose is a figure of', () => {
  // 西南大学 2023 决算, p.17: 表3 (支出决算表) covers all funds, 表4 (财政拨款支出决算表) the 财政拨款 ones.
  const swu = prose('学校2023年度财政拨款支出总计为237,100.00万元，其中基本支出199,015.13万元，占总支出的83.94%；项目支出38,084.87万元，占总支出的16.06%。');
  const table3 = totals('expenditure', { total: 457676.75, basic: 359781.59, project: 97895.15 });
  const table4 = totals('general_expenditure', { total: 237100, basic: 199015.13, project: 38084.87 });

  it('should give the parts a 其中 divides the scope of the figure they divide (财政拨款)', () => {
    expect(findNarrativeStatements(swu).map((s) => [s.statement, s.amount, s.scope])).toEqual([
      ['expenditure_grand_total', 237100, 'fiscal'], ['basic', 199015.13, 'fiscal'], ['project', 38084.87, 'fiscal'],
    ]);
  });

  it('should compare 财政拨款 figures with the 财政拨款 table, not the all-funds one', () => {
    const { issues, validation } = validateDocument([table3, table4], META, swu);
    expect(result(validation.checks)).toMatchObject({ status: 'pass', evaluated: 3 });
    expect(issues.filter((i) => i.check === 'narrative_totals')).toEqual([]);
    // A 财政拨款 figure that differs from the 财政拨款 table is still reported.
    const off = validateDocument([table3, totals('general_expenditure', { total: 237100, basic: 199015.13, project: 38084.97 })], META, swu);
    expect(off.issues.filter((i) => i.check === 'narrative_totals')).toMatchObject([{ severity: 'error', table: 'general_expenditure', measure: 'project', expected: 38084.97, found: 38084.87 }]);
  });

  it('should not compare a figure of other funds (政府性基金拨款支出预算0万元) with the totals', () => {
    // 上海市普陀区财政局 2025, p.7.
    const lines = prose('2025年部门预算中，一般公共预算拨款支出预算3,121.42万元，比2024年预算增加107.62万元；政府性基金拨款支出预算0万元，国有资本经营预算拨款支出预算0万元。');
    const { issues, validation } = validateDocument([totals('general_expenditure', { total: 31214205.8 }, '元'), totals('expenditure', { total: 31214205.8 }, '元')], META, lines);
    expect(issues.filter((i) => i.check === 'narrative_totals')).toEqual([]);
    expect(result(validation.checks)).toMatchObject({ status: 'pass', evaluated: 1 });
  });

  it('should skip a sentence about one class or section (检察(款))', () => {
    // 2018年省检察院部门预算公开, p.26.
    const lines = prose('检察(款): 2018年预算支出合计16,444.36万元。其中:1.行政运行(项)支出10,883.36万元，与上年相比增加2,915.22万元。');
    expect(findNarrativeStatements(lines)).toEqual([]);
  });

  it('should compare a figure at the precision the prose prints it (17,192万元 for 171,915,169 元)', () => {
    // 上海市财政局 2025, p.6.
    const lines = prose('2025年度，上海市财政局一般公共预算拨款支出预算17,192万元，主要用于以下方面。');
    const held = validateDocument([totals('general_expenditure', { total: 171915169 }, '元')], META, lines);
    expect(result(held.validation.checks)).toMatchObject({ status: 'pass', evaluated: 1 });
    const far = validateDocument([totals('general_expenditure', { total: 171925169 }, '元')], META, lines);
    expect(result(far.validation.checks).status).toBe('fail');
  });
});

describe('narrative_totals: loose names for the totals', () => {
  it('should hold 收入总计 stated for 本年收入合计 where the table labels its grand total 合计 (西南大学 2023 决算)', () => {
    const summary: Table = {
      ...totals('summary', {}),
      columns: [{ measure: 'amount', path: ['金额'], children: [] }],
      rows: [
        { key: 'income_total', kind: 'total', name: '本年收入合计', values: { amount: 430725.03 }, sources: {}, at: at(3) },
        { key: 'income_grand_total', kind: 'total', name: '合计', values: { amount: 569496.54 }, sources: {}, at: at(4) },
      ],
    };
    const held = validateDocument([summary], META, prose('学校2023年度收入总计430,725.03万元，与2022年度相比增加1.2%。', '学校2023年度收入总计430,725.03万元，财政拨款收入243,015.38万元。'));
    expect(result(held.validation.checks)).toMatchObject({ status: 'pass', evaluated: 2 });
  });

  it('should name the nearest of the lines the prose may mean when it matches none (a slip in one of them, not a third figure)', () => {
    const summary: Table = {
      ...totals('summary', {}),
      columns: [{ measure: 'amount', path: ['金额'], children: [] }],
      rows: [
        { key: 'income_total', kind: 'total', name: '本年收入合计', values: { amount: 430725.03 }, sources: { amount: at(3) }, at: at(3) },
        { key: 'income_grand_total', kind: 'total', name: '合计', values: { amount: 569496.54 }, sources: { amount: at(4) }, at: at(4) },
      ],
    };
    const off = validateDocument([summary], META, prose('学校2023年度收入总计430,735.03万元，财政拨款收入243,015.38万元。'));
    const [issue, ...more] = off.issues.filter((i) => i.check === 'narrative_totals');
    expect(more).toEqual([]);
    expect(issue).toMatchObject({ key: 'income_total', expected: 430725.03, found: 430735.03 });
    // Both lines were compared: the finding lists both printed figures with their places.
    expect(issue!.figures?.map((f) => [f.key, f.value, f.at.line])).toEqual([
      ['income_grand_total', 569496.54, 4],
      ['income_total', 430725.03, 3],
    ]);
  });
});
