import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../src/checks/index.js';
import type { At, CheckResult, DocumentMeta, Line, Table } from '../../src/model.js';

const META: DocumentMeta = { unit: '元', kind: '部门预算', year: 2025, department: '上海市普陀区财政局' };
const at = (page: number): At => ({ file: 'a.pdf', page });
const titled = (title: string): Table => ({
  type: 'summary', title, unit: '元', pages: [9], empty: true, rows: [], columns: [], issues: [], at: at(9),
});
const lines = (...texts: string[]): Line[] => texts.map((text, i) => ({ text, cells: [{ text, at: at(i + 1) }], at: at(i + 1), delimited: false }));
const result = (checks: CheckResult[], id: string): CheckResult => checks.find((c) => c.check === id)!;

describe('hygiene', () => {
  it('should pass titles printing the document’s year, and ignore a year that is not the budget’s (冀财社[2023]225号)', () => {
    const { issues, validation } = validateDocument(
      [titled('2025年部门财务收支预算总表'), titled('冀财社[2023]225 号 2024 年省级财政城乡居民社会保险代办员补助资金绩效目标表')],
      META,
      lines('上海市普陀区2025年区级部门预算', '预算主管部门:上海市普陀区财政局'),
    );
    expect(result(validation.checks, 'title_year')).toMatchObject({ status: 'pass', evaluated: 1 });
    expect(result(validation.checks, 'placeholder_text').status).toBe('pass');
    expect(issues.filter((i) => i.kind === 'hygiene')).toEqual([]);
  });

  it('should report a title left from last year’s template and a placeholder left in a heading', () => {
    const { issues } = validateDocument([titled('2024年部门财务收支预算总表')], META, lines('上海市XX局2025年部门预算', '预算主管部门:上海市普陀区财政局'));
    expect(issues.filter((i) => i.kind === 'hygiene').map((i) => [i.check, i.severity, i.message])).toEqual([
      ['title_year', 'warning', 'summary 《2024年部门财务收支预算总表》 is titled with the year 2024; the document is the 2025 one'],
      ['placeholder_text', 'warning', 'the heading "上海市XX局2025年部门预算" still carries a template placeholder (XX局)'],
    ]);
  });

  it('should report a heading naming another department than the document’s, and accept a short name of the same one', () => {
    const run = (heading: string) => validateDocument([titled('2025年部门财务收支预算总表')], META, lines(heading, '预算主管部门:上海市普陀区财政局'));
    expect(run('普陀区财政局2025年部门预算').issues.filter((i) => i.kind === 'hygiene')).toEqual([]);
    expect(result(run('普陀区财政局2025年部门预算').validation.checks, 'title_department')).toMatchObject({ status: 'pass' });
    const { issues } = run('上海市普陀区民政局2025年部门预算');
    expect(issues.filter((i) => i.kind === 'hygiene').map((i) => [i.check, i.severity, i.message])).toEqual([
      ['title_department', 'warning', 'the heading "上海市普陀区民政局2025年部门预算" names 上海市普陀区民政局; the document is 上海市普陀区财政局\'s'],
    ]);
  });
});
