import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../src/checks/index.js';
import type { At, CheckResult, DocumentMeta, Row, Table, TableType } from '../../src/model.js';

const META: DocumentMeta = { unit: '万元', kind: '部门预算', year: 2024 };
const at = (line: number): At => ({ file: 'a.pdf', line });
const row = (key: string, kind: Row['kind'], values: Record<string, number>, name = key): Row => ({ key, kind, name, values, sources: {}, at: at(1) });
const table = (type: TableType, title: string, rows: Row[]): Table => ({
  type, title, unit: '万元', pages: [], empty: false, rows, issues: [], at: at(1),
  columns: [...new Set(rows.flatMap((r) => Object.keys(r.values)))].map((measure) => ({ measure, path: [measure], children: [] })),
});
const result = (checks: CheckResult[], id: string): CheckResult => checks.find((c) => c.check === id)!;
const expenditure = table('expenditure', '西南大学支出预算表', [row('total', 'total', { total: 486554.95, basic: 376880.37, project: 109674.58 })]);

describe('project_matches_expenditure with performance tables only', () => {
  it('should take one-project forms (西南大学 2024, 26 forms) as a selection: at most 项目支出', () => {
    const forms = [1960.35, 5000, 31037.27].map((v, i) => table('project_performance', `236 专项${i}项目绩效目标表`, [row(`p${i}`, 'project', { total: v }, `专项${i}`)]));
    const { issues, validation } = validateDocument([expenditure, ...forms], META, []);
    expect(result(validation.checks, 'project_matches_expenditure')).toMatchObject({ status: 'pass', evaluated: 1 });
    expect(issues.filter((i) => i.check === 'project_matches_expenditure')).toEqual([]);
    const over = [120000].map((v) => table('project_performance', '236 专项项目绩效目标表', [row('p', 'project', { total: v }, '专项')]));
    expect(result(validateDocument([expenditure, ...over], META, []).validation.checks, 'project_matches_expenditure').status).toBe('fail');
  });

  it('should hold a table listing the projects to 项目支出 exactly (seed 000: 8 projects 1537.72 against 1669.72)', () => {
    const list = table('project_performance', '2025年度部门预算项目绩效目标表', [row('a', 'project', { total: 1000 }, 'A'), row('b', 'project', { total: 537.72 }, 'B')]);
    const exp = table('expenditure', '部门支出预算表', [row('total', 'total', { total: 1669.72, project: 1669.72 })]);
    expect(result(validateDocument([exp, list], META, []).validation.checks, 'project_matches_expenditure')).toMatchObject({ status: 'fail', failed: 1 });
  });
});

describe('summary_expenditure_adds_up', () => {
  it('should count 结余分配 with 年末结转和结余 (西南大学 2023 决算 表1)', () => {
    const s = table('summary', '收支决算总表', [
      row('expenditure_total', 'total', { amount: 457676.75 }), row('carry_forward', 'line', { amount: 106848.91 }),
      row('surplus_distribution', 'line', { amount: 4970.88 }), row('expenditure_grand_total', 'total', { amount: 569496.54 }),
    ]);
    expect(result(validateDocument([s], META, []).validation.checks, 'summary_expenditure_adds_up')).toMatchObject({ status: 'pass', evaluated: 1 });
  });
});
