import { describe, expect, it } from 'vitest';
import { extractFixture, tableOf } from '../helpers.js';
import { documentToFacts } from '../../src/export/facts.js';
import { allIssues } from '../../src/export/where.js';
import { extractBytes } from '../../src/pipeline.js';

/**
 * Summary lines that restate others (本年收入合计, the parts printed under a heading that carries
 * its own amount, carry-over split by fund) go to `subtotals`; the rows stay additive and the
 * checks still read every line. The fixture's figures are made up, with two deliberate breaks.
 */
describe('summary rows and subtotals', () => {
  const amounts = (rows: { key: string; values: Record<string, number> }[] = []): Record<string, number> =>
    Object.fromEntries(rows.map((r) => [r.key, r.values.amount!]));

  it('keeps 本年收入合计 / 本年支出合计 out of the rows of a summary whose income lines come first', async () => {
    const t = tableOf(await extractFixture('summary-headings.txt'), 'summary');
    expect(amounts(t.rows)).toEqual({ general_budget: 500, 'general_budget.appropriation': 480, 208: 120, 210: 380, carryover: 10, income_grand_total: 510, expenditure_grand_total: 510 });
    expect(amounts(t.subtotals)).toEqual({ income_total: 500, expenditure_total: 510 });
  });

  it('puts the parts of a 一、本年收入 heading and of carry-over in subtotals, keeping carry-over itself', async () => {
    const t = tableOf(await extractFixture('summary-headings.txt'), 'fiscal_summary');
    expect(amounts(t.rows)).toEqual({ 208: 120, 210: 390, carryover: 10, income_grand_total: 510, expenditure_grand_total: 510 });
    expect(amounts(t.subtotals)).toEqual({ income_total: 500, expenditure_total: 510, general_budget: 500, 'general_budget.appropriation': 480, 'carryover.general_budget': 10 });
  });

  it('still checks the subtotal lines: a 本年支出合计 the classes do not add up to is a failure', async () => {
    const doc = await extractFixture('summary-headings.txt');
    const broken = allIssues(doc).filter((i) => i.kind === 'identity_broken');
    expect(broken.some((i) => i.table === 'summary' && i.key === 'expenditure_total' && i.expected === 500 && i.found === 510)).toBe(true);
    expect(broken).toHaveLength(1);
  });

  it('leaves subtotals out of the facts, which are exactly the rows', async () => {
    const doc = await extractFixture('summary-headings.txt');
    const facts = documentToFacts(doc);
    expect(facts.some((f) => f.key === 'income_total')).toBe(false);
    expect(facts.filter((f) => f.table === 'fiscal_summary').map((f) => f.key)).toEqual(['208', '210', 'carryover', 'income_grand_total', 'expenditure_grand_total']);
  });
});

describe('summary lines of other templates', () => {
  const doc = (text: string) => extractBytes(Buffer.from(text), 'summary.txt');
  // A fiscal summary whose left side takes two label columns (一般公共预算 | 小计), whose header
  // cells do not line up with its rows (horizontal rules only): made up, in the layout of a render.
  const misaligned = [
    '2025年财政拨款收支预算表',
    '单位:万元',
    '收入\t\t\t支出\t\t\t',
    '项目\t金额\t项目\t合计\t一般公共预算\t政府性基金\t国有资本经营预算',
    '一般公共预算\t小计\t100.00\t一、社会保障和就业\t40.00\t40.00',
    '\t财政拨款\t90.00\t二、卫生健康\t60.00\t60.00',
    '收入总计\t\t100.00\t支出总计\t100.00\t100.00',
  ].join('\n');

  it('keys 财政拨款 printed without an ordinal under 一般公共预算, on its side by the header, as its 其中 line', async () => {
    const t = tableOf(await doc(misaligned), 'fiscal_summary');
    expect(t.rows.find((r) => r.key === 'general_budget.appropriation')?.values).toEqual({ amount: 90 });
    expect(t.rows.some((r) => r.key === 'appropriation' || r.key === 'general_budget' && r.values.amount === 90)).toBe(false);
  });

  it('keeps no split column whose numbers do not add up to the line (a header not lined up with the rows)', async () => {
    const t = tableOf(await doc(misaligned), 'fiscal_summary');
    expect(t.rows.find((r) => r.key === '208')?.values).toEqual({ amount: 40 });
  });
});

describe('summary split columns without cell positions', () => {
  it('places a space-separated line’s figures into 人员经费/公用经费/项目支出 where exactly one reading adds up, else keeps the amount alone', async () => {
    const t = tableOf(await extractFixture('spaced-summary-split-shanghai.txt'), 'summary');
    expect(t.rows.find((r) => r.key === '201')?.values).toEqual({ amount: 127886849, personnel: 60330260, public: 24531459, project: 43025130 });
    expect(t.rows.find((r) => r.key === 'expenditure_grand_total')?.values).toEqual({ amount: 171915169, personnel: 102464260, public: 25177779, project: 44273130 });
    // 4,668,000 = 4,620,000 + 48,000 fits 人员经费 + 项目支出 and 公用经费 + 项目支出 alike: no split is guessed.
    expect(t.rows.find((r) => r.key === '210')?.values).toEqual({ amount: 4668000 });
  });
});
