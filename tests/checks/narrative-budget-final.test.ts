import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../src/checks/index.js';
import { extractText } from '../../src/extract/text.js';
import { fixture } from '../helpers.js';

/**
 * 决算 statements of outcome against budget (narrative_arithmetic), on
 * tests/fixtures/final-budget-statements.txt: written in the phrasing 部门决算 说明 use across
 * provinces (年初预算为 X 万元，支出决算为 Y 万元，完成年初预算的 Z%。决算数大于预算数的主要原因是…;
 * 决算数与预算数基本持平), with figures of our own: no document of the corpora prints such a
 * statement to cut a fixture from (three published ones are below). Every statement of it is right as written.
 */
const text = fixture('final-budget-statements.txt').toString('utf8');

function arithmetic(source: string) {
  const { lines } = extractText(Buffer.from(source), 'final.txt', 'utf-8');
  const { issues, validation } = validateDocument([], { unit: '万元', kind: '部门决算', year: 2023 }, lines);
  return { result: validation.checks.find((c) => c.check === 'narrative_arithmetic')!, found: issues.filter((i) => i.check === 'narrative_arithmetic') };
}

describe('narrative_arithmetic: 决算 against 预算', () => {
  it('should hold every statement as written', () => {
    const { result, found } = arithmetic(text);
    expect(found).toEqual([]);
    // Completion rates of items 1–4, their comparison words, item 2's difference, the total's comparison against its rate.
    expect(result).toMatchObject({ status: 'pass', evaluated: 10, failed: 0 });
  });

  it.each([
    ['决算 greater than 预算 called smaller', '91.57万元，完成年初预算的95.09%，决算数小于预算数', '91.57万元，完成年初预算的95.09%，决算数大于预算数', /决算数大于预算数.*预算 96\.30 万元 and 决算 91\.57 万元/],
    ['a completion rate that is not 决算 over 预算', '完成年初预算的104.03%', '完成年初预算的140.03%', /决算 845\.12 万元 of 预算 812\.40 万元 gives 104\.03%, it states 140\.03%/],
    ['a difference that is not 决算 less 预算', '决算数小于预算数4.73万元', '决算数小于预算数4.37万元', /决算 91\.57 less 预算 96\.30 is 4\.73 万元/],
    ['equal amounts called greater', '决算数等于预算数', '决算数大于预算数', /预算 40\.20 万元 and 决算 40\.20 万元/],
    ['a gap of a third called level', '支出决算为58.31万元，完成年初预算的100.53%', '支出决算为78.31万元，完成年初预算的135.02%', /基本持平.*决算 78\.31 万元/],
    ['a total greater than budget with a rate under 100%', '完成年初预算的103.06%', '完成年初预算的98.06%', /决算数大于预算数.*完成预算的 98\.06%/],
  ])('should report %s', (_what, right, wrong, message) => {
    expect(text).toContain(right);
    const { found } = arithmetic(text.replace(right, wrong));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', kind: 'narrative_mismatch' });
    expect(found[0]!.message).toMatch(message);
  });
});

/**
 * The same statements as three publishers printed them (tests/fixtures/real-final-statements.txt,
 * excerpts of published 决算 说明 with their addresses): 双桥集镇 2020 (支出预算为 X 万元) and 嘉定区司法局
 * 2017 (年初预算为 X 万元, then each 三公 column's 决算 and rate) are right; 天水市幼儿园 2017 is
 * not: 完成年初预算100% beside 决算数大于预算数55.93万元 on a 支出总计 of 1741.75 万元 (103.32%).
 */
describe('narrative_arithmetic: 决算 statements as published', () => {
  const real = fixture('real-final-statements.txt').toString('utf8');

  it('should hold the right ones and report the wrong one', () => {
    const { result, found } = arithmetic(real);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', found: 100, expected: 103.3177, at: { line: 14 } });
    expect(found[0]!.message).toMatch(/决算 1741\.75 万元 of 预算 1685\.82 \(1741\.75 − 55\.93\) 万元 gives 103\.32%, it states 100%/);
    // 双桥: rate and word; 嘉定: rate and word; 天水: rate, word against the rate, and the rate against the difference.
    expect(result).toMatchObject({ status: 'fail', evaluated: 7, failed: 1 });
  });

  it.each([
    ['双桥: a rate that is not 决算 over 支出预算', '完成预算的83.44%', '完成预算的88.44%', /决算 25\.7 万元 of 预算 30\.8 万元 gives 83\.44%, it states 88\.44%/],
    ['嘉定: a budget the rate does not fit', '年初预算为22.00万元', '年初预算为20.00万元', /决算 8\.77 万元 of 预算 20\.00 万元 gives 43\.85%, it states 39\.86%/],
    ['双桥: smaller called greater', '决算数小于预算数的主要原因是', '决算数大于预算数的主要原因是', /决算数大于预算数.*预算 30\.8 万元 and 决算 25\.7 万元/],
  ])('should report %s', (_what, right, wrong, message) => {
    expect(real).toContain(right);
    const { found } = arithmetic(real.replace(right, wrong));
    expect(found.map((f) => f.message).find((m) => message.test(m))).toBeDefined();
  });
});
