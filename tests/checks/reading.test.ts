import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../src/checks/index.js';
import type { At, DocumentMeta, Row, RowKind, Table } from '../../src/model.js';

const META: DocumentMeta = { unit: '万元', kind: '部门预算', year: 2025 };
const at = (line: number): At => ({ file: 'a.txt', line });
const row = (key: string, kind: RowKind, values: Record<string, number>, line: number): Row => ({
  key, kind, name: key, values, sources: Object.fromEntries(Object.keys(values).map((m) => [m, at(line)])), at: at(line),
});
const table = (rows: Row[]): Table => ({
  type: 'expenditure', title: '支出预算表', unit: '万元', pages: [], empty: false, rows, issues: [], at: at(1),
  columns: ['total', 'basic', 'project'].map((measure) => ({ measure, path: [measure], children: [] })),
});

/** A 支出表 (total = basic + project) as printed: 208 → 20805 → two items, 20899 → one item. */
const PRINTED: [string, RowKind, number, number][] = [
  ['total', 'total', 55.74, 6], ['208', 'class', 55.74, 6], ['20805', 'section', 55.74, 0],
  ['2080501', 'item', 10.68, 0], ['2080505', 'item', 45.06, 0], ['20899', 'section', 0, 6], ['2089999', 'item', 0, 6],
];
const read = (place: (basic: number, project: number) => Record<string, number>, shift = 0): Table =>
  table(PRINTED.map(([key, kind], i) => {
    const [, , basic, project] = PRINTED[(i + shift) % PRINTED.length]!;
    return row(key, kind, place(basic, project), i + 2);
  }));

describe('reading confidence', () => {
  it('should report one warning naming a table whose identities mostly fail, and no error', () => {
    // The reader took each row's figures from the line below and put 合计 last: most identities break.
    const misread = read((basic, project) => ({ total: basic, basic: project, project: basic + project }), 1);
    const { issues, validation } = validateDocument([misread], META, []);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(issues.filter((i) => i.kind === 'reading_doubtful')).toMatchObject([
      { severity: 'warning', table: 'expenditure', message: expect.stringMatching(/^expenditure 《支出预算表》: the reading of this table is doubtful: \d+ of its \d+ identities fail/) },
    ]);
    expect(issues.filter((i) => i.kind === 'identity_broken').every((i) => i.severity === 'info' && i.message.startsWith('(doubtful reading)'))).toBe(true);
    expect(validation.checks.filter((c) => c.status === 'fail' && c.check !== 'required_tables')).toEqual([]);
  });

  it('should keep a single misprint in a well-read table an error', () => {
    const misprint = read((basic, project) => ({ total: basic + project, basic, project }));
    misprint.rows[3]!.values.total = 10.78; // 2080501 prints 10.78 for 10.68 + 0
    const { issues } = validateDocument([misprint], META, []);
    expect(issues.filter((i) => i.kind === 'reading_doubtful')).toEqual([]);
    expect(issues.filter((i) => i.severity === 'error').map((i) => [i.check, i.key, i.measure])).toEqual([
      ['row_identity', '2080501', 'total'],
      ['code_hierarchy', '20805', 'total'],
      ['misprint_located', '2080501', 'total'],
    ]);
  });
});
