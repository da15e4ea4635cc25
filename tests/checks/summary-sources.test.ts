import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../src/checks/index.js';
import type { At, DocumentMeta, Row, Table } from '../../src/model.js';

const META: DocumentMeta = { unit: '万元', kind: '部门预算', year: 2021 };
const at = (line: number): At => ({ file: 'a.pdf', page: 6, line });
const line = (key: string, name: string, amount: number, i: number): Row => ({ key, kind: key.endsWith('total') ? 'total' : 'line', name, values: { amount }, sources: {}, at: at(i) });
const summary = (rows: Row[]): Table => ({
  type: 'summary', title: '收支预算总表', unit: '万元', pages: [6], empty: false, issues: [], at: at(1), rows,
  columns: [{ measure: 'amount', path: ['预算数'], children: [] }],
});
const incomeLines = (t: Table) => validateDocument([t], META, []).validation.checks.find((c) => c.check === 'summary_income_lines')!;

describe('summary_income_lines: which lines are income sources', () => {
  it('should count 一、财政拨款 as the source where it is printed alone (西南大学 2021 收支预算总表)', () => {
    const t = summary([
      line('general_budget.appropriation', '财政拨款', 216552.53, 1), line('institution_income', '事业收入', 124020.47, 2),
      line('other_income', '其他收入', 49567.45, 3), line('income_total', '本年收入合计', 390140.45, 4),
    ]);
    expect(incomeLines(t)).toMatchObject({ status: 'pass', evaluated: 1 });
  });

  it('should leave out 财政拨款 printed over its parts (Jiangsu: 一、财政拨款 over 1.一般公共预算)', () => {
    const t = summary([
      line('general_budget.appropriation', '财政拨款', 24458.43, 1), line('general_budget', '一般公共预算', 24458.43, 2),
      line('income_total', '本年收入合计', 24458.43, 3),
    ]);
    expect(incomeLines(t)).toMatchObject({ status: 'pass', evaluated: 1 });
  });

  it('should leave out a 其中 line, a part of the line above (西南大学 2023 决算 表1)', () => {
    const t = summary([
      line('general_budget.appropriation', '财政拨款收入', 243015.38, 1), line('government_fund', '其中:政府性基金预算财政拨款', 109.5, 2),
      line('institution_income', '事业收入', 136385.24, 3), line('other_income', '其他收入', 51324.41, 4), line('income_total', '本年收入合计', 430725.03, 5),
    ]);
    expect(incomeLines(t)).toMatchObject({ status: 'pass', evaluated: 1 });
    t.rows[4]!.values.amount = 430835.03;
    expect(incomeLines(t)).toMatchObject({ status: 'fail', failed: 1 });
  });
});
