import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { gapsToReport, slipBetween } from '../../src/checks/diagnosis.js';
import type { Instance } from '../../src/checks/shared.js';
import { extractBytes } from '../../src/pipeline.js';
import { fixture } from '../helpers.js';

/**
 * Diagnosis on 江苏省委办公厅 2018 pp. 3–9 and 14–15 (tests/fixtures/real-jiangsu-2018-tables.txt): the two
 * summaries, 财政拨款支出预算表 (p.7) and 一般公共预算支出预算表 (p.9), which print the same
 * functional lines (all 财政拨款 is general budget), every sum of them exact to the cent.
 * 2210201 住房公积金 prints 715.28 on both; 201 一般公共服务支出 prints 20,153.75 in the 收支预算总表.
 */
const text = fixture('real-jiangsu-2018-tables.txt').toString('utf8');

/** The fixture with the n-th line starting `start` altered from `from` to `to`. */
function altered(start: string, from: string, to: string, nth = 0): string {
  let k = 0;
  return text
    .split('\n')
    .map((l) => (l.startsWith(start) && l.includes(from) && k++ === nth ? l.replace(from, to) : l))
    .join('\n');
}

async function errorsOf(source: string) {
  const doc = await extractBytes(Buffer.from(source), 'jiangsu-2018.txt');
  return doc.issues.filter((i) => i.severity === 'error').map((i) => ({ check: i.check, key: i.key, measure: i.measure, found: i.found, line: i.at?.line }));
}

describe('the document as printed', () => {
  it('should raise no error, and compare the two tables line by line', async () => {
    const doc = await extractBytes(Buffer.from(text), 'jiangsu-2018.txt');
    expect(doc.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(doc.validation.checks.find((c) => c.check === 'appropriation_matches_general')).toMatchObject({ status: 'pass', evaluated: 14, failed: 0 });
  });
});

describe('appropriation_matches_general and misprint_located', () => {
  it('should name 2210201 of 财政拨款支出预算表 when two digits of it are swapped (its section alone named only 22102)', async () => {
    const errors = await errorsOf(altered('2210201', '715.28', '715.82'));
    expect(errors.map((e) => [e.check, e.key])).toEqual(
      expect.arrayContaining([
        ['code_hierarchy', '22102'],
        ['appropriation_matches_general', '2210201'],
        ['misprint_located', '2210201'],
      ]),
    );
    expect(errors.find((e) => e.check === 'misprint_located')).toMatchObject({ found: 715.82, line: 75 });
  });

  it('should name the same line of 一般公共预算支出预算表 when the misprint is there', async () => {
    const errors = await errorsOf(altered('2210201', '715.28', '718.28', 1));
    expect(errors.filter((e) => e.check === 'misprint_located')).toEqual([expect.objectContaining({ key: '2210201', found: 718.28, line: 126 })]);
  });

  it('should name a summary class line that disagrees with the general budget table and with its own 支出 total', async () => {
    const errors = await errorsOf(altered('一、财政拨款', '20,153.75', '20,153.57'));
    expect(errors.map((e) => e.check)).toEqual(expect.arrayContaining(['summary_class_lines', 'summary_classes_match_tables', 'misprint_located']));
    expect(errors.find((e) => e.check === 'misprint_located')).toMatchObject({ key: '201', found: 20153.57, line: 6 });
  });
});

describe('a lone failure read by its digits', () => {
  // 支出预算总表 prints one row: 合计 24,458.43 = 基本支出 10,403.11 + 项目支出 12,081.46 + 单位预留机动经费 1,973.86.
  it('should name the one figure whose two swapped digits explain the gap (12,084.16 for 12,081.46: a gap of 9 × 0.3)', async () => {
    const errors = await errorsOf(altered('24,458.43\t10,403.11', '12,081.46', '12,084.16'));
    expect(errors.map((e) => [e.check, e.key, e.measure, e.found])).toEqual([
      ['row_identity', 'total', 'total', 24458.43],
      ['misprint_located', 'total', 'project', 12084.16],
    ]);
  });

  it('should name none where two figures could be the one (10,430.11 for 10,403.11: 24,458.43 for 24,485.43 is a swap too)', async () => {
    const errors = await errorsOf(altered('24,458.43\t10,403.11', '10,403.11', '10,430.11'));
    expect(errors.map((e) => e.check)).toEqual(['row_identity']);
  });
});

describe('slipBetween', () => {
  const amount = fc.integer({ min: 1, max: 99_999_999 }).map((cents) => cents / 100);
  const digitsOf = (v: number) => v.toFixed(2).replace('.', '');
  const fromDigits = (d: string) => Number(`${d.slice(0, -2)}.${d.slice(-2)}`);

  test.prop([amount, fc.nat()])('should call two adjacent digits swapped a swap', (v, at) => {
    const d = digitsOf(v);
    const pairs = [...d].map((_, k) => k).filter((k) => k + 1 < d.length && d[k] !== d[k + 1]);
    fc.pre(pairs.length > 0);
    const k = pairs[at % pairs.length]!;
    const swapped = d.slice(0, k) + d[k + 1] + d[k] + d.slice(k + 2);
    expect(slipBetween(v, fromDigits(swapped))).toBe('swap');
  });

  test.prop([amount, fc.nat(), fc.integer({ min: 1, max: 9 })])('should call one digit changed a digit slip', (v, at, by) => {
    const d = digitsOf(v);
    const k = at % d.length;
    const changed = d.slice(0, k) + String((Number(d[k]) + by) % 10) + d.slice(k + 1);
    expect(slipBetween(v, fromDigits(changed))).toBe('digit');
  });

  it('should call anything else no slip', () => {
    expect(slipBetween(715.28, 715.28)).toBeUndefined();
    expect(slipBetween(715.28, 751.82)).toBeUndefined();
    expect(slipBetween(12.5, 21.5)).toBe('swap');
    expect(slipBetween(50, 5)).toBe('swap'); // 50.00 printed as 05.00
    expect(slipBetween(100, 99)).toBeUndefined();
  });
});

describe('a gap of one cent in a document that adds up to the cent', () => {
  it('should report 715.29 for 715.28 as a misprint: every other sum agrees exactly, and the gap meets the break of the other table in it', async () => {
    const errors = await errorsOf(altered('2210201', '715.28', '715.29'));
    expect(errors.map((e) => [e.check, e.key])).toEqual(
      expect.arrayContaining([
        ['code_hierarchy', '22102'],
        ['appropriation_matches_general', '2210201'],
        ['misprint_located', '2210201'],
      ]),
    );
    expect(errors.find((e) => e.check === 'misprint_located')).toMatchObject({ found: 715.29, line: 75 });
  });
});

describe('a lone gap of one cent, in a purchase only its project line sums', () => {
  it('should report 小型机 2.01 for 2.00: no other failure can meet it, and the other sums agree to the cent; the finding lists it with its line', async () => {
    const source = altered('\t\t\t小型机', '2.00', '2.01');
    const doc = await extractBytes(Buffer.from(source), 'jiangsu-2018.txt');
    const errors = doc.issues.filter((i) => i.severity === 'error');
    expect(errors.map((e) => [e.check, e.key])).toEqual([['procurement_sums', expect.stringContaining('机要及电子政务业务费')]]);
    expect(errors[0]!.message).toMatch(/agree to the last printed place/);
    const line = source.split('\n').findIndex((l) => l.includes('小型机')) + 1;
    expect(errors[0]!.figures?.find((f) => f.value === 2.01)).toMatchObject({ table: 'procurement', measure: 'total', at: { line } });
  });
});

describe('two digits swapped into a leading zero', () => {
  it('should read 03.00 for 30.00 as the misprinted amount 3, and list it in the failing sum', async () => {
    const source = altered('\t机要及电子政务业务费', '30.00', '03.00');
    const doc = await extractBytes(Buffer.from(source), 'jiangsu-2018.txt');
    const errors = doc.issues.filter((i) => i.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((e) => e.figures?.some((f) => f.table === 'procurement' && f.value === 3))).toBe(true);
  });
});

describe('unit_mislabeled', () => {
  it('should name the one table whose unit label is off by 10,000, and locate no misprint in it', async () => {
    // The 一般公共预算支出预算表's unit line (its 7th 单位:万元) turned into 单位:元.
    let k = 0;
    const source = text.split('\n').map((l) => (l.includes('单位:万元') && k++ === 6 ? l.replace('单位:万元', '单位:元') : l)).join('\n');
    const doc = await extractBytes(Buffer.from(source), 'jiangsu-2018.txt');
    const units = doc.issues.filter((i) => i.check === 'unit_mislabeled');
    expect(units).toMatchObject([{ severity: 'warning', kind: 'unit_mislabeled', table: 'general_expenditure' }]);
    expect(units[0]!.message).toMatch(/^general_expenditure 《一般公共预算支出预算表》 \(labelled 元\): \d+ failing comparisons with other figures are 10,000 times apart/);
    expect(doc.issues.filter((i) => i.check === 'misprint_located')).toEqual([]);
  });

  it('should find nothing in the document as printed', async () => {
    const doc = await extractBytes(Buffer.from(text), 'jiangsu-2018.txt');
    expect(doc.validation.checks.find((c) => c.check === 'unit_mislabeled')).toMatchObject({ status: 'not_applicable' });
  });
});

describe('gapsToReport', () => {
  const data = { minExactSums: 3, maxGaps: 3, minExactSumsForLoneGap: 5 };
  const figure = (n: number) => ({ table: {} as never, row: { key: String(n) } as never, measure: 'total' });
  const shared = figure(0);
  const held = (): Instance => ({ verdict: 'held', findings: [], terms: 2 });
  const gap = (...covers: ReturnType<typeof figure>[]): Instance => ({ verdict: 'rounding', findings: [], terms: 2, covers, strict: () => ({ issue: { kind: 'identity_broken', severity: 'error', message: '' } }) });
  const exact = [held(), held(), held()];

  it('should report gaps that all read one figure in a document whose other sums are exact', () => {
    const gaps = [gap(shared, figure(1)), gap(shared, figure(2))];
    expect(gapsToReport([...exact, ...gaps], data).gaps).toEqual(gaps);
  });

  it('should leave rounding alone where gaps read no figure in common (figures rounded from finer amounts)', () => {
    expect(gapsToReport([...exact, gap(figure(1), figure(2)), gap(figure(3), figure(4))], data).gaps).toEqual([]);
  });

  it('should report a lone gap only when a break reads its figure too', () => {
    const lone = gap(shared, figure(1));
    expect(gapsToReport([...exact, lone], data).gaps).toEqual([]);
    expect(gapsToReport([...exact, lone, { verdict: 'broken', findings: [], covers: [figure(5)] }], data).gaps).toEqual([]);
    expect(gapsToReport([...exact, lone, { verdict: 'broken', findings: [], covers: [shared] }], data).gaps).toEqual([lone]);
  });

  it('should report a lone gap beside enough exact sums (a leaf item read by one sum only)', () => {
    const lone = gap(shared, figure(1));
    expect(gapsToReport([...exact, held(), lone], data).gaps).toEqual([]);
    expect(gapsToReport([...exact, held(), held(), lone], data).gaps).toEqual([lone]);
  });

  it('should leave too many gaps, and a document with too few exact sums, alone', () => {
    expect(gapsToReport([...exact, ...[1, 2, 3, 4].map((n) => gap(shared, figure(n)))], data).gaps).toEqual([]);
    expect(gapsToReport([held(), gap(shared, figure(1)), gap(shared, figure(2))], data).gaps).toEqual([]);
  });
});
