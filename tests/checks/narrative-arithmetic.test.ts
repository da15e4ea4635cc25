import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../src/checks/index.js';
import type { Line } from '../../src/model.js';
import { extractBytes } from '../../src/pipeline.js';
import { fixture } from '../helpers.js';

/**
 * Prose arithmetic on 西南大学 2023 决算 pp. 16–17 (tests/fixtures/real-swu-2023-prose-arithmetic.txt):
 * changes on last year with their percentages (收入总计 430,725.03 万元，减少 23,616.80 万元，降低
 * 5.20%) and shares of a total (财政拨款收入 243,015.38 万元，占收入总额 56.42%).
 */
const text = fixture('real-swu-2023-prose-arithmetic.txt').toString('utf8');

async function arithmetic(source: string) {
  const doc = await extractBytes(Buffer.from(source), 'swu.txt');
  return {
    result: doc.validation.checks.find((c) => c.check === 'narrative_arithmetic')!,
    found: doc.issues.filter((i) => i.check === 'narrative_arithmetic'),
  };
}

describe('narrative_arithmetic', () => {
  it('should hold every change and share the document states', async () => {
    const { result, found } = await arithmetic(text);
    expect(found).toEqual([]);
    // Two changes (收入, 支出 总计), five shares whose total the sentence states; the 功能科目 shares state none.
    expect(result).toMatchObject({ status: 'pass', evaluated: 9, failed: 0 });
  });

  it.each([
    ['a change whose percentage is not the amount over last year', '降低 5.20%', '降低 5.02%', 5.02, /23,616\.80 万元 on last year's 454341\.83 万元 .* gives 5\.20%, it states 5\.02%/],
    ['a share whose percentage is not the amount over the total', '占收入总额 56.42%', '占收入总额 65.42%', 65.42, /243,015\.38 万元 of 430,725\.03 万元 gives 56\.42%, it states 65\.42%/],
    ['a share of a 其中 figure', '占支出总额 78.61%', '占支出总额 78.16%', 78.16, /359,781\.59 万元 of 457,676\.75 万元 gives 78\.61%, it states 78\.16%/],
    ['an increase stated as a fall', '增长 13.52%', '下降 13.52%', 13.52, /增加 54,492\.83 万元 and 下降 13\.52% go opposite ways/],
  ])('should report %s', async (_what, right, wrong, stated, message) => {
    expect(text).toContain(right);
    const { found } = await arithmetic(text.replace(right, wrong));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', kind: 'narrative_mismatch', found: stated });
    expect(found[0]!.message).toMatch(message);
    expect(found[0]!.at?.line).toBeGreaterThan(1);
  });

  it('should not read a page number between two pages of a sentence into its percentage (江苏省委办公厅 2018: 增长 / 3 / 17.31%)', () => {
    const line = (text: string, page: number): Line => ({ text, cells: [{ text, at: { file: 'a.pdf', page } }], at: { file: 'a.pdf', page }, delimited: false });
    const lines = [
      line('江苏省委办公厅2018年度收入、支出预算总计24458.43万元,与上年相比收、支预算总计各增加3608.98万元,增长', 5),
      line('3', 5),
      line('17.31%。主要原因是人员经费政策性调增。', 6),
    ];
    const { issues, validation } = validateDocument([], { unit: '万元', year: 2018 }, lines);
    expect(issues.filter((i) => i.check === 'narrative_arithmetic')).toEqual([]);
    expect(validation.checks.find((c) => c.check === 'narrative_arithmetic')).toMatchObject({ status: 'pass', evaluated: 1 });
  });
});
