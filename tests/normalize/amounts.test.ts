import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { roundingTolerance, sumExact } from '../../src/normalize/amounts.js';
import { parseAmount } from '../../src/tables/amount.js';

describe('amounts', () => {
  it('should parse thousands separators, integers, zero and negatives', () => {
    expect(parseAmount('1,050.00')).toBe(1050);
    expect(parseAmount('1794.14')).toBe(1794.14);
    expect(parseAmount('0')).toBe(0);
    expect(parseAmount('0.00')).toBe(0);
    expect(parseAmount('-3.5')).toBe(-3.5);
    expect(parseAmount('(3.50)')).toBe(-3.5);
  });

  it('should keep a blank or a label absent, never 0', () => {
    for (const s of ['', '  ', '合计', '≥95%', '1.6 2万元', '12月', '**']) expect(parseAmount(s)).toBeUndefined();
  });

  it('should never throw on any string', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const v = parseAmount(s);
      return v === undefined || Number.isFinite(v);
    }));
  });

  it('should round-trip a two-decimal amount formatted with separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (cents) => {
        const text = (cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        expect(parseAmount(text)).toBeCloseTo(cents / 100, 6);
      }),
    );
  });

  it('should sum without binary-float drift', () => {
    expect(sumExact([0.1, 0.2])).toBe(0.3);
    expect(sumExact([113.52, 5.07, 5.83])).toBe(124.42);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000_00 }), { maxLength: 50 }), (cents) => {
        expect(sumExact(cents.map((c) => c / 100))).toBe(cents.reduce((a, b) => a + b, 0) / 100);
      }),
    );
  });

  it('should allow half a cent of rounding per term', () => {
    expect(roundingTolerance(2)).toBeCloseTo(0.01, 6);
    expect(roundingTolerance(10)).toBeCloseTo(0.05, 6);
  });
});
