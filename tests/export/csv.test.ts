import { describe, expect, it } from 'vitest';
import { neutralizeFormula, wideCsvByType } from '../../src/export/csv.js';
import type { BudgetDocument } from '../../src/model.js';

const doc = (name: string): BudgetDocument => ({
  source: { file: 'x.txt', sha256: '', kind: 'text', pages: 1 },
  document: { unit: '万元', department: '=HYPERLINK("http://evil")' },
  tables: [
    {
      type: 'expenditure', title: 't', unit: '万元', pages: [], empty: false, columns: [], issues: [], at: { file: 'x.txt' },
      rows: [{ key: '2080501', kind: 'item', name, values: { total: -3.5 }, sources: {}, at: { file: 'x.txt' } }],
    },
  ],
  issues: [],
  validation: { checks: [], run: 0, held: 0, broken: 0, coverage: { printed: 0, covered: 0, uncovered: [] } },
});

describe('CSV for spreadsheets', () => {
  it('should neutralize text that starts like a formula, and only that', () => {
    for (const s of ['=1+1', '+1', '-cmd', '@SUM(A1)', '\tx', '\rx']) expect(neutralizeFormula(s)).toBe(`'${s}`);
    expect(neutralizeFormula('行政单位离退休')).toBe('行政单位离退休');
  });

  it('should write a BOM and neutralize text cells with --bom, keeping numbers numbers', async () => {
    const csv = (await wideCsvByType([doc('@evil')], { bom: true })).get('expenditure')!;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(`'@evil`);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv.trim().split('\n')[1]!.endsWith(',-3.5,-35000')).toBe(true);
  });

  it('should keep text exact without --bom (CSV for programs)', async () => {
    const csv = (await wideCsvByType([doc('@evil')])).get('expenditure')!;
    expect(csv.startsWith('\uFEFF')).toBe(false);
    expect(csv).toContain(',@evil,');
  });
});
