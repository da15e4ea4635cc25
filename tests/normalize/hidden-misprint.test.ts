import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../src/pipeline.js';

/**
 * Placement never hides a misprint: when a row's printed positions break an identity and the
 * reading chosen moves a figure out of it (into a 其中 column), the row is flagged, naming the
 * figure and the identity (the shape of 西南大学 2023 2050202, whose 0.50 once went into 教育收费).
 */
const income = (misprinted: boolean): Buffer =>
  Buffer.from(
    [
      '2025年部门收入预算表',
      '单位：万元',
      ['科目编码', '科目名称', '合计', '财政拨款', '事业收入', '其中：教育收费', '其他收入'].join('\t'),
      ['', '合计', '20.00', '16.00', '4.00', '1.00', ''].join('\t'),
      ['2050201', '学前教育', '10.00', '8.00', '2.00', '0.50', ''].join('\t'),
      ['2050202', '小学教育', '10.00', '8.00', '2.00', ...(misprinted ? ['', '0.50'] : ['0.50', ''])].join('\t'),
    ].join('\n'),
  );

const hidden = async (misprinted: boolean) => {
  const doc = await extractBytes(income(misprinted), 'h.txt');
  return doc.tables[0]!.issues.filter((i) => i.kind === 'ambiguous_placement');
};

describe('a reading that would hide a misprint', () => {
  it('should warn, naming the figure, where it was printed and the identity it breaks there', async () => {
    const found = await hidden(true);
    expect(found).toMatchObject([{ severity: 'warning', key: '2050202', measure: 'tuition', found: 0.5 }]);
    expect(found[0]!.message).toContain('total = appropriation + institution_income + other_income');
    expect(found[0]!.message).toContain('0.5 (printed under other_income, read as tuition)');
  });

  it('should not warn when the row is read where it is printed', async () => {
    expect(await hidden(false)).toEqual([]);
  });
});

describe('a row whose printed reading the economic-column preference drops', () => {
  it('is placed without a crash (the misprint check no longer looks up a reading that is gone)', async () => {
    // What OCR read from seed 003's 基本支出表 scanned bitonal at 200 dpi (make-scans.mjs --hard):
    // 工会经费's 公用经费 came as `.9.17`. The placement preferring 302xx under 公用经费 dropped the
    // printed reading, whose index then pointed past the kept ones: extraction threw a TypeError.
    const text = [
      '年一般公共预算基本支出表',
      ['科目编码', '科目名称', '科目编码', '科目名称', '合计', '人员经费', '公用经费'].join('\t'),
      ['30299', '其他商品和服务支出', '50299', '其他商品和服务支出', '-1.62', '', '1.62'].join('\t'),
      ['30228', '工会经费', '50201', '办公经费', '9.17', '', '.9.17'].join('\t'),
    ].join('\n');
    const doc = await extractBytes(Buffer.from(text), 'ocr-dump.txt');
    expect(doc.tables.find((t) => t.type === 'basic_expenditure')!.rows.map((r) => r.key)).toEqual(['30299|50299', '30228|50201']);
  });
});
