import { describe, expect, it } from 'vitest';
import { documentMeta as metaOf, metaConflicts } from '../../src/normalize/meta.js';
import type { Line, Table } from '../../src/model.js';

const documentMeta = (l: Line[], t: Table[]) => ({ meta: metaOf(l, t), issues: metaConflicts(l, t) });

/** Lines as a PDF gives them: page, text; cover lines first. */
const lines = (spec: [number, string][]): Line[] =>
  spec.map(([page, text], i) => ({ text, cells: [{ text, at: { file: 'a.pdf', page } }], at: { file: 'a.pdf', page, line: i + 1 }, delimited: false }));

describe('documentMeta', () => {
  it('should take the department from the unit line over the tables, not the 第二部分 heading (江苏省人民检察院 2018)', () => {
    const { meta, issues } = documentMeta(
      lines([
        [1, '江苏省人民检察院'],
        [1, '2018年部门预算'],
        [2, '目 录'],
        [2, '第二部分 2018年部门预算表'],
        [13, '部门: 江苏省人民检察院 单位:万元'],
        [14, '部门: 江苏省人民检察院 单位:万元'],
        [15, '省检察院2018年收支预算总计21,940.96万元。'],
      ]),
      [],
    );
    expect(meta).toEqual({ department: '江苏省人民检察院', year: 2018, unit: '万元', kind: '部门预算' });
    // 省检察院 abbreviates the full name: not a conflict.
    expect(issues).toEqual([]);
  });

  it('should read a cover that prints the year first and wraps the name (省法院 2018)', () => {
    const { meta } = documentMeta(lines([[1, '2018 年度江苏省高级'], [1, '人民法院预算公开'], [1, '2018 年 2 月 24 日'], [2, '目 录']]), []);
    expect(meta).toMatchObject({ department: '江苏省高级人民法院', year: 2018 });
  });

  it('should take the year beside 决算 on the cover, not the publication date (西南大学 2023 决算, published 2024)', () => {
    const { meta } = documentMeta(lines([[1, '西南大学 2023 年度部门决算'], [1, '2024 年 8 月'], [2, '目录'], [3, '2024年工作安排']]), []);
    expect(meta).toMatchObject({ department: '西南大学', year: 2023, kind: '部门决算' });
  });

  it('should call a volume whose cover says 单位预算 a 单位预算 (上海市财政局)', () => {
    const { meta } = documentMeta(lines([[1, '上海市2025年市级单位预算'], [1, '预算单位:上海市财政局'], [2, '目 录'], [7, '编制单位:上海市财政局 单位:元']]), []);
    expect(meta).toMatchObject({ department: '上海市财政局', year: 2025, kind: '单位预算' });
  });

  it('should warn, naming both, when the cover names another body than the table lines', () => {
    const { meta, issues } = documentMeta(lines([[1, '江苏省政协办公厅2019年度部门预算'], [2, '目 录'], [3, '部门:江苏省人大常委会办公厅 单位:万元']]), []);
    expect(meta.department).toBe('江苏省人大常委会办公厅');
    expect(issues).toEqual([
      { kind: 'meta_conflict', severity: 'warning', message: 'department read as 江苏省人大常委会办公厅 from the unit line over the tables; the cover names 江苏省政协办公厅' },
    ]);
  });

  it('should warn when the unit lines over the tables name two bodies, keeping the most frequent', () => {
    const { meta, issues } = documentMeta(
      lines([[1, '目 录'], [3, '部门:江苏省政协办公厅 单位:万元'], [4, '部门:江苏省政协办公厅 单位:万元'], [5, '部门:江苏省人大常委会办公厅 单位:万元']]),
      [],
    );
    expect(meta.department).toBe('江苏省政协办公厅');
    expect(issues.map((i) => i.message)).toEqual(['department read as 江苏省政协办公厅, named by 2 of the 3 unit lines over the tables; 1 name 江苏省人大常委会办公厅']);
  });
});
