import { describe, expect, it } from 'vitest';
import { formatAt } from '../../src/export/where.js';
import { marksOf } from '../../src/export/review.js';
import { extract } from '../../src/index.js';

const seeds = new URL('../fixtures/office/seeds/', import.meta.url).pathname;

describe('office provenance on the review page and in the exports', () => {
  it('should cite a spreadsheet value by sheet and cell, a web page or Word value by table and cell', () => {
    expect(formatAt({ file: 'a.xlsx', page: 3, sheet: '表3', row: 12, cell: 'D12' })).toBe('a.xlsx 表3!D12');
    expect(formatAt({ file: 'a.xlsx', page: 3, sheet: '表3', row: 12 })).toBe('a.xlsx 表3!row 12');
    expect(formatAt({ file: 'a.html', table: 2, row: 5, cell: 'C5' })).toBe('a.html table 2 C5');
  });

  it('should not put a file-wide warning (scripts ignored) on every cell of a web page', async () => {
    const doc = await extract(`${seeds}001_2bc1f60d8e8166ed.html`);
    const warning = { kind: 'text_dropped' as const, severity: 'info' as const, message: '1 script(s) in the page were ignored (never run)', at: { file: doc.source.file } };
    expect(marksOf(doc, [warning]).cells.size).toBe(0);
    const cell = doc.tables[0]!.rows[0]!.sources;
    const [measure, at] = Object.entries(cell)[0]!;
    expect(at).toMatchObject({ table: expect.any(Number), cell: expect.stringMatching(/^[A-Z]+\d+$/) });
    expect([...marksOf(doc, [{ ...warning, at }]).cells.keys()]).toEqual([`0|0|${measure}`]);
  });
});
