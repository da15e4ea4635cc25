import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../src/pipeline.js';
import { fixture } from '../helpers.js';

/**
 * 三公 and 机关运行经费 prose against the columns of the three_public table, on 上海市财政局 2025
 * pp. 20–21 (tests/fixtures/real-three-public-prose.txt): the table prints 合计 346.30, 因公出国(境)费
 * 288.70, 公务接待费 25.40, 公务用车购置及运行费 32.20 (运行费 32.20) and 机关运行经费 2,517.78; the
 * prose states each.
 */
const text = fixture('real-three-public-prose.txt').toString('utf8');

async function narrative(source: string) {
  const doc = await extractBytes(Buffer.from(source), 'three-public.txt');
  return {
    result: doc.validation.checks.find((c) => c.check === 'narrative_totals')!,
    errors: doc.issues.filter((i) => i.check === 'narrative_totals'),
  };
}

describe('narrative_totals: 三公 and 机关运行经费 columns', () => {
  it('should hold each column the prose states (the document as printed)', async () => {
    const { result, errors } = await narrative(text);
    expect(errors).toEqual([]);
    // 三公 total, 因公出国(境)费, 公务用车购置及运行费, 公务用车运行费, 公务接待费, 机关运行经费.
    expect(result).toMatchObject({ status: 'pass', evaluated: 6, failed: 0 });
  });

  it.each([
    ['因公出国(境)费288.70万元', '因公出国(境)费287.80万元', 'overseas', 288.7, 287.8],
    ['(三)公务接待费25.40万元', '(三)公务接待费24.50万元', 'reception', 25.4, 24.5],
    ['公务用车购置及运行费32.20万元', '公务用车购置及运行费23.20万元', 'vehicles', 32.2, 23.2],
    ['公务用车运行\n费32.20万元', '公务用车运行\n费32.02万元', 'vehicle_operation', 32.2, 32.02],
    ['机关运行经费预算为2,517.78万元', '机关运行经费预算为2,157.78万元', 'operating_expenses', 2517.78, 2157.78],
  ])('should report prose stating %s as %s, naming the column and both figures', async (right, wrong, measure, expected, found) => {
    expect(text).toContain(right);
    const { errors } = await narrative(text.replace(right, wrong));
    expect(errors.map((i) => [i.table, i.measure, i.expected, i.found])).toEqual([['three_public', measure, expected, found]]);
  });
});
