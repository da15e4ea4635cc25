import { describe, expect, it } from 'vitest';
import { statesFigure } from '../../src/checks/narrative.js';
import { extractBytes } from '../../src/pipeline.js';
import { fixture } from '../helpers.js';

/**
 * narrative_items: figures the prose states for one 类/款/项, against the tables.
 * - 西南大学 2023 决算 pp. 13–18 (tests/fixtures/real-swu-2023-item-prose.txt): 表4 财政拨款支出决算表
 *   and its 说明, twelve items named by their codes (1.小学教育(2050202),2023 年度决算数为 7,970.38 万元).
 * - 上海市普陀区财政局 2025 p.7 with its 一般公共预算支出功能分类预算表 pp. 15–16
 *   (tests/fixtures/real-putuo-item-prose.txt): items named by their 类/款/项 names, in 万元 cut to
 *   two decimals from the table's 元 (87.70 for 877,080); its 7th item prints 887.36 万元 for
 *   873,617 元, a real slip of the document.
 */
const swu = fixture('real-swu-2023-item-prose.txt').toString('utf8');
const putuo = fixture('real-putuo-item-prose.txt').toString('utf8');

async function items(source: string, file: string) {
  const doc = await extractBytes(Buffer.from(source), file);
  return { result: doc.validation.checks.find((c) => c.check === 'narrative_items')!, errors: doc.issues.filter((i) => i.check === 'narrative_items') };
}

describe('narrative_items by code (西南大学 2023 决算)', () => {
  it('should hold the twelve items the 说明 states', async () => {
    const { result, errors } = await items(swu, 'swu.txt');
    expect(errors).toEqual([]);
    expect(result).toMatchObject({ status: 'pass', evaluated: 12, failed: 0 });
  });

  it('should report an item the prose misstates, naming the code and the table figure', async () => {
    const { errors } = await items(swu.replace('年度决算数为 7,970.38', '年度决算数为 7,907.38'), 'swu.txt');
    expect(errors).toMatchObject([{ severity: 'error', key: '2050202', found: 7907.38, expected: 7970.38, table: 'general_expenditure' }]);
  });

  it('should report an item the table misprints', async () => {
    const { errors } = await items(swu.replace('2050202\t\t\t小学教育\t7,970.38', '2050202\t\t\t小学教育\t7,790.38'), 'swu.txt');
    expect(errors).toMatchObject([{ key: '2050202', found: 7970.38, expected: 7790.38 }]);
  });
});

describe('narrative_items by 类/款/项 names (上海市普陀区财政局 2025)', () => {
  it('should report the document\'s own slip, 887.36 万元 for 873,617 元, and hold the other items', async () => {
    const { result, errors } = await items(putuo, 'putuo.txt');
    expect(result).toMatchObject({ status: 'fail', evaluated: 9, failed: 1 });
    expect(errors).toMatchObject([{ key: '2080506', found: 887.36, expected: 87.3617 }]);
    expect(errors[0]!.message).toContain('机关事业单位职业年金缴费支出(项)”887.36万元');
  });

  it('should hold the item once the slip is corrected', async () => {
    const { result } = await items(putuo.replace('887.36万', '87.36万'), 'putuo.txt');
    expect(result).toMatchObject({ status: 'pass', failed: 0 });
  });
});

describe('statesFigure', () => {
  it('should take a figure rounded or cut off to the decimals the prose prints, and nothing else', () => {
    expect(statesFigure('87.71', 87.708)).toBe(true);
    expect(statesFigure('87.70', 87.708)).toBe(true);
    expect(statesFigure('87.69', 87.708)).toBe(false);
    expect(statesFigure('17,192', 17191.5169)).toBe(true);
    expect(statesFigure('887.36', 87.3617)).toBe(false);
  });
});
