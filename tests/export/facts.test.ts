import Big from 'big.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountYuan, documentToFacts, FACT_HEADERS, toYuan } from '../../src/export/facts.js';
import { factsToCsv } from '../../src/export/csv.js';
import { fakeDocument, row, table } from './seeds.js';

describe('facts in 元', () => {
  it('should convert 万元 to 元 in decimal: 1669.72 → 16697200, 0.07 → 700 (the float product is 700.0000000000001)', () => {
    expect(toYuan(1669.72, '万元')).toBe('16697200');
    expect(0.07 * 10000).not.toBe(700);
    expect(toYuan(0.07, '万元')).toBe('700');
    expect(amountYuan(0.07, '万元')).toBe(700);
    expect(toYuan(-3.5, '万元')).toBe('-35000');
    expect(toYuan(171915169, '元')).toBe('171915169');
    expect(toYuan(12.34, '元')).toBe('12.34');
    expect(toYuan(0.000001, '万元')).toBe('0.01');
  });

  it('should convert every 万元 amount of up to two decimals to the integer number of 元 it prints (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (cents) => {
        const value = cents / 100; // what the reader makes of a printed 万元 amount like 1669.72
        expect(toYuan(value, '万元')).toBe(String(cents * 100));
        expect(amountYuan(value, '万元')).toBe(cents * 100);
      }),
    );
  });

  it('should keep every decimal of a 万元 amount of up to six decimals, and 元 unchanged (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }), (digits, scale) => {
        const printed = new Big(digits.toString()).div(new Big(10).pow(scale)).toFixed(); // the exact decimal printed
        const value = Number(printed);
        expect(new Big(toYuan(value, '万元')).eq(new Big(printed).times(10000))).toBe(true);
        // The number read back prints as the same decimal: no drift once stored in a double.
        expect(new Big(String(amountYuan(value, '万元'))).eq(new Big(printed).times(10000))).toBe(true);
        expect(toYuan(value, '元')).toBe(new Big(printed).toFixed());
      }),
    );
  });

  it('should give each fact the unit of its own table and the document it came from', () => {
    const doc = fakeDocument(
      [table({ type: 'general_expenditure', unit: '元', rows: [row('total', '合计', { total: 171915169 })] }), table({ type: 'three_public', unit: '万元', rows: [row('total', '合计', { total: 346.3 })] })],
      { unit: '元', department: '上海市财政局', year: 2025, kind: '单位预算' },
    );
    expect(documentToFacts(doc).map((f) => [f.table, f.unit, f.value, f.amount_yuan, f.department, f.year, f.kind, f.phase])).toEqual([
      ['general_expenditure', '元', 171915169, 171915169, '上海市财政局', 2025, '单位预算', 'proposed'],
      ['three_public', '万元', 346.3, 3463000, '上海市财政局', 2025, '单位预算', 'proposed'],
    ]);
    expect(documentToFacts(fakeDocument([table({ type: 'expenditure', rows: [row('1', 'x', { total: 1 })] })], { kind: '部门决算', department: undefined, year: undefined }))[0]).toEqual(
      expect.objectContaining({ phase: 'executed', kind: '部门决算' }),
    );
  });

  it("should keep the contract's six columns first in facts.csv, then the panel columns", async () => {
    const doc = fakeDocument([table({ type: 'three_public', rows: [row('total', '合计', { total: 1669.72 })] }), table({ type: 'assets', rows: [] })], { kind: '部门决算' });
    const [header, fact, empty] = (await factsToCsv([doc])).trim().split('\n');
    expect(header).toBe('document,table,key,name,measure,value,department,year,kind,phase,unit,amount_yuan');
    expect(FACT_HEADERS.slice(0, 6)).toEqual(['document', 'table', 'key', 'name', 'measure', 'value']);
    expect(fact).toBe('x.txt,three_public,total,合计,total,1669.72,某局,2025,部门决算,executed,万元,16697200');
    expect(empty).toBe('x.txt,assets,,,,,某局,2025,部门决算,executed,万元,');
  });
});
