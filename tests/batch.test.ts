import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { globToRegExp } from '../src/batch.js';
import { extractBytes } from '../src/pipeline.js';
import { ExtractError } from '../src/extract/errors.js';

describe('input globs', () => {
  it('should match *, **, ? and {a,b} like a shell', () => {
    expect(globToRegExp('samples/*.txt').test('samples/a.txt')).toBe(true);
    expect(globToRegExp('samples/*.txt').test('samples/x/a.txt')).toBe(false);
    expect(globToRegExp('data/**/*.pdf').test('data/a.pdf')).toBe(true);
    expect(globToRegExp('data/**/*.pdf').test('data/2025/县/a.pdf')).toBe(true);
    expect(globToRegExp('s/00{1,3}_?.txt').test('s/003_x.txt')).toBe(true);
    expect(globToRegExp('s/00{1,3}_?.txt').test('s/002_x.txt')).toBe(false);
  });
});

/** Random and mutated dumps: the parser ends, quickly, in a document or a typed error. */
describe('text parser under random input', () => {
  const seedLines = ['2025 年部门支出预算表', '单位：万元', '科目编码\t\t\t科目名称\t合计\t基本支出\t项目支出', '\t\t\t合计\t3.30\t1.10\t2.20', '208\t05\t01\t行政单位离退休\t1.10\t1.10\t', '210\t11\t02\t事业单位医疗\t2.20\t\t2.20'];
  const atoms = fc.oneof(
    fc.constantFrom(...seedLines, '收入总计 12.00', '(二十)住房保障支出', '表 3', '注：此表为空表', '208 05 05', '1,050.00', '0', '\t\t\t', ''),
    fc.string({ maxLength: 40 }),
    fc.stringMatching(/^[0-9 .,\t]{0,30}$/),
  );

  it('should never crash or hang on random and mutated dumps', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(atoms, { maxLength: 60 }), async (lines) => {
        const started = performance.now();
        try {
          const doc = await extractBytes(Buffer.from(lines.join('\n')), 'fuzz.txt');
          for (const t of doc.tables) for (const r of t.rows) for (const v of Object.values(r.values)) expect(Number.isFinite(v)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(ExtractError);
        }
        expect(performance.now() - started).toBeLessThan(5000);
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});

describe('office inputs in folders', () => {
  it('should pick up spreadsheets, Word files and web pages when given a folder', async () => {
    const { expandInputs } = await import('../src/batch.js');
    const found = await expandInputs([new URL('./fixtures/office/cases', import.meta.url).pathname]);
    expect(found.map((f) => f.split('/').pop())).toEqual(['case.docx', 'case.html', 'case.ods', 'case.xls', 'case.xlsx']);
  });
});
