import { describe, expect, it } from 'vitest';
import { borderlessTables, cutBetween, unionIntervals, type WordLine } from '../../src/extract/borderless.js';

// Word lines as the PDF extractor hands them: 8pt text, a name column at x 40–80 whose lines
// wrap 10pt apart, amounts right-aligned at x 100–120 and 140–160, rows 13pt apart.
const EM = 8;
const line = (baseline: number, ...chunks: [string, number, number][]): WordLine => ({
  chunks: chunks.map(([text, x0, x1]) => ({ text, x0, x1, top: baseline - 0.8 * EM, bottom: baseline + 0.2 * EM })),
  baseline,
  em: EM,
});
const texts = (lines: WordLine[]) => borderlessTables(lines).flatMap((t) => t.rows.map((r) => r.cells.map((c) => c.text)));

describe('borderlessTables', () => {
  it('joins a name wrapped over lines above and below its amounts (cells centred) to its row', () => {
    expect(
      texts([
        line(100, ['科目名称', 40, 72], ['合计', 100, 116], ['基本支出', 140, 160]),
        line(113, ['行政运行', 40, 72], ['29.68', 100, 120], ['28.06', 140, 160]),
        line(126, ['财政对城乡', 40, 80]),
        line(131, ['1050.00', 92, 120], ['1050.00', 132, 160]),
        line(136, ['居民医疗', 40, 72]),
        line(149, ['事业运行', 40, 72], ['74.37', 100, 120], ['74.37', 140, 160]),
      ]),
    ).toEqual([
      ['科目名称', '合计', '基本支出'],
      ['行政运行', '29.68', '28.06'],
      ['财政对城乡居民医疗', '1050.00', '1050.00'],
      ['事业运行', '74.37', '74.37'],
    ]);
  });

  it('joins a year wrapped onto a line of its own to the name above it (cells top-aligned)', () => {
    expect(
      texts([
        line(100, ['项目名称', 40, 72], ['合计', 104, 120], ['项目支出', 144, 160]),
        line(113, ['离残人员医药费', 40, 90], ['429.00', 100, 120], ['429.00', 140, 160]),
        line(126, ['城乡居民县级配套资金', 40, 80], ['6592.80', 92, 120], ['6592.80', 132, 160]),
        line(136, ['2024', 40, 56]),
        line(149, ['城乡医疗救助', 40, 88], ['405.64', 100, 120], ['405.64', 140, 160]),
      ]),
    ).toEqual([
      ['项目名称', '合计', '项目支出'],
      ['离残人员医药费', '429.00', '429.00'],
      ['城乡居民县级配套资金2024', '6592.80', '6592.80'],
      ['城乡医疗救助', '405.64', '405.64'],
    ]);
  });

  it('reads a table whose names do not wrap one row a line, parting a code from the name printed 0.75 em after it', () => {
    expect(
      texts([
        line(100, ['科目编码', 40, 72], ['科目名称', 86, 118], ['合计', 144, 160]),
        line(113, ['221', 60, 72], ['住房保障支出', 78, 126], ['34.38', 140, 160]),
        line(126, ['22102', 52, 72], ['住房改革支出', 78, 126], ['34.38', 140, 160]),
        line(139, ['2210201', 44, 72], ['住房公积金', 78, 118], ['34.38', 140, 160]),
      ]),
    ).toEqual([
      ['科目编码', '科目名称', '合计'],
      ['221', '住房保障支出', '34.38'],
      ['22102', '住房改革支出', '34.38'],
      ['2210201', '住房公积金', '34.38'],
    ]);
  });

  it('leaves prose alone, however its lines line up', () => {
    expect(
      borderlessTables([
        line(100, ['(二)支出预算总计', 40, 100], ['21,955.35', 110, 146], ['万元。包括:', 156, 200]),
        line(113, ['1.公共安全支出', 40, 96], ['16,458.75', 110, 146], ['万元,主要用于', 156, 210]),
        line(126, ['比增加', 40, 64], ['2,915.22', 114, 146], ['万元,增长', 156, 196]),
      ]),
    ).toEqual([]);
  });

  it('leaves a table alone when a wrapped line ties two rows of amounts together (one column wraps down, another up)', () => {
    expect(
      borderlessTables([
        line(100, ['行政运行', 40, 72], ['29.68', 100, 120], ['28.06', 140, 160]),
        line(110, ['经费', 40, 56], ['说明', 180, 196]),
        line(120, ['事业运行', 40, 72], ['74.37', 100, 120], ['74.37', 140, 160], ['备注', 180, 196]),
        line(133, ['城乡医疗救助', 40, 88], ['135.00', 96, 120], ['135.00', 136, 160]),
      ]),
    ).toEqual([]);
  });

  it('parts two columns right before a label that starts in the gap between their right-aligned amounts', () => {
    // 人员经费's amounts end at 120, 公用经费's start at 150; its wrapped label's last line 费 starts at 126.
    const chunk = (text: string, x0: number, x1: number) => ({ text, x0, x1, top: 0, bottom: 8 });
    const cut = cutBetween(120, 150, [chunk('人员经费', 96, 124), chunk('公用经', 126, 150), chunk('费', 126, 134)]);
    expect(cut).toBe(125);
    expect(cutBetween(120, 150, [])).toBe(135);
  });
});

describe('unionIntervals', () => {
  it('merges overlapping and touching intervals, in order', () => {
    expect(unionIntervals([[10, 20], [30, 40], [15, 25], [25, 28]])).toEqual([[10, 28], [30, 40]]);
  });

  it('keeps apart two that overlap by a sliver less than the slack, never one within the other', () => {
    // A name whose recognized box runs 2 pt into the amounts' column (seed 001, scanned) is a column of its own.
    expect(unionIntervals([[108, 188], [186, 215]], 4.5)).toEqual([[108, 188], [186, 215]]);
    // A column number (1) inside the column of amounts over it is that column.
    expect(unionIntervals([[237, 267], [263, 267]], 4.5)).toEqual([[237, 267]]);
    expect(unionIntervals([[108, 188], [180, 215]], 4.5)).toEqual([[108, 215]]);
  });
});
