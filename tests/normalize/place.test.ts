import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractBytes } from '../../src/pipeline.js';
import { identitiesFor, nameUnreadColumn, placeRow, settleByColumnSums } from '../../src/normalize/place.js';
import { roundingTolerance } from '../../src/normalize/amounts.js';

const LEAVES = ['wages_benefits', 'family_subsidies', 'goods_services', 'capital', 'other_operating', 'specific_purpose'] as const;
const HEADER = '科目编码 科目名称 合计 基本支出 项目支出 小计 工资福利支出 对个人和家庭的补助 商品和服务支出 资本性支出 小计 其他运转类 特定目标类';
const ORDER = ['total', 'basic', 'wages_benefits', 'family_subsidies', 'goods_services', 'capital', 'project', 'other_operating', 'specific_purpose'];
const ITEM_CODES = ['2080501', '2080502', '2080505', '2101101', '2101102', '2101501', '2101550', '2210201'];

type Values = Record<string, number>;
const cents = (x: number): number => Math.round(x * 100);

/** A consistent row: leaves drawn (some blank), subtotals computed from them. */
const rowArb = fc
  .record(Object.fromEntries(LEAVES.map((l) => [l, fc.option(fc.integer({ min: 1, max: 500_000 }), { nil: undefined, freq: 2 })])) as Record<(typeof LEAVES)[number], fc.Arbitrary<number | undefined>>)
  .filter((r) => Object.values(r).some((v) => v !== undefined))
  .map((r) => {
    const v: Values = {};
    for (const l of LEAVES) if (r[l] !== undefined) v[l] = r[l]! / 100;
    const sum = (ks: readonly string[]): number | undefined => (ks.some((k) => v[k] !== undefined) ? ks.reduce((a, k) => a + cents(v[k] ?? 0), 0) / 100 : undefined);
    const basic = sum(LEAVES.slice(0, 4));
    const project = sum(LEAVES.slice(4));
    if (basic !== undefined) v.basic = basic;
    if (project !== undefined) v.project = project;
    v.total = (cents(basic ?? 0) + cents(project ?? 0)) / 100;
    return v;
  });

/** Renders rows space-separated with blank cells dropped, the way dumps print them. */
function render(rows: Values[]): string {
  const total: Values = {};
  for (const m of ORDER) {
    const present = rows.filter((r) => r[m] !== undefined);
    if (present.length) total[m] = present.reduce((a, r) => a + cents(r[m]!), 0) / 100;
  }
  const line = (label: string, v: Values): string => [label, ...ORDER.filter((m) => v[m] !== undefined).map((m) => v[m]!.toFixed(2))].join(' ');
  return ['2025年部门支出预算表', '单位：万元', HEADER, line('合计', total), ...rows.map((r, i) => line(`${ITEM_CODES[i]!.slice(0, 3)} ${ITEM_CODES[i]!.slice(3, 5)} ${ITEM_CODES[i]!.slice(5)} 科目${i}`, r))].join('\n');
}

describe('column placement', () => {
  it('should reconstruct random consistent rows with blank cells dropped exactly, or flag them ambiguous', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: ITEM_CODES.length }), async (rows) => {
        const doc = await extractBytes(Buffer.from(render(rows)), 'p.txt');
        const t = doc.tables.find((x) => x.type === 'expenditure')!;
        rows.forEach((expected, i) => {
          const got = t.rows.find((r) => r.key === ITEM_CODES[i]);
          const flagged = t.issues.some((x) => x.kind === 'ambiguous_placement' && (x.key === ITEM_CODES[i] || x.key === 'total'));
          if (!flagged) expect(got?.values).toEqual(expected);
        });
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('should keep printed positions that satisfy the identities', () => {
    const cols = ['total', 'basic', 'project'];
    const p = placeRow([{ value: 5, pos: 0 }, { value: 5, pos: 2 }], cols, identitiesFor(cols, 'expenditure'), [false, false, false]);
    expect(p).toEqual({ options: [[0, undefined, 1]], printed: true });
  });

  it('should move a number printed under the wrong column to where the identities hold', () => {
    const cols = ['total', 'basic', 'project'];
    // 350 printed under basic, but the row prints no basic total: total = basic + project fails
    const p = placeRow([{ value: 350, pos: 0 }, { value: 350, pos: 1 }], cols, identitiesFor(cols, 'expenditure'), [false, true, false]);
    expect(p.options[0]).toEqual([0, undefined, 1]);
  });

  it('should offer both placements when the row alone cannot tell', () => {
    const cols = ['total', 'basic', 'project'];
    const p = placeRow([{ value: 5 }, { value: 5 }], cols, identitiesFor(cols, 'expenditure'), [false, false, false]);
    expect(p.options).toHaveLength(2);
  });
});

describe('settleByColumnSums', () => {
  /** More than any summed miss these tables can have (amounts ≤ 50, ≤ 6 rows, ≤ 4 columns). */
  const COLUMN = 1e4;
  /** The objective spelled out and searched naively over every combination: the oracle. */
  function bruteForce(rows: { options: (number | undefined)[][]; counted: boolean }[], totals: (number | undefined)[]) {
    // Columns missed beyond rounding first, then the summed miss: one number, columns weighing more than any miss.
    const missOf = (choice: number[]): number =>
      totals.reduce<number>((acc, t, col) => {
        if (t === undefined) return acc;
        let sum = 0;
        let terms = 0;
        rows.forEach((r, i) => {
          const v = r.counted ? (r.options[choice[i]!]![col] ?? 0) : 0;
          sum += Math.round(v * 1e6);
          if (v !== 0) terms++;
        });
        const d = Math.abs(sum - Math.round(t * 1e6));
        return acc + (d > Math.round(roundingTolerance(terms) * 1e6) ? COLUMN + d / 1e6 : d / 1e12);
      }, 0);
    let best = Infinity;
    let bests: number[][] = [];
    const walk = (i: number, choice: number[]): void => {
      if (i === rows.length) {
        const m = missOf(choice);
        if (m < best - 1e-9) [best, bests] = [m, [choice]];
        else if (Math.abs(m - best) <= 1e-9) bests.push(choice);
        return;
      }
      const n = rows[i]!.counted ? rows[i]!.options.length : 1;
      for (let o = 0; o < n; o++) walk(i + 1, [...choice, o]);
    };
    walk(0, []);
    return { best, bests };
  }

  const amount = fc.integer({ min: 0, max: 5000 }).map((c) => c / 100);
  const tableArb = fc.integer({ min: 1, max: 4 }).chain((width) =>
    fc
      .record({
        rows: fc.array(
          fc.record({
            // Few distinct amounts, so rows' options often tie and a table often adds up exactly.
            options: fc.array(fc.array(fc.option(fc.constantFrom(0, 1.5, 2.25, 3.75, 10), { nil: undefined }), { minLength: width, maxLength: width }), { minLength: 1, maxLength: 3 }),
            counted: fc.boolean(),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        free: fc.array(fc.option(amount, { nil: undefined }), { minLength: width, maxLength: width }),
        pick: fc.array(fc.nat(2), { minLength: 6, maxLength: 6 }),
        exact: fc.boolean(),
      })
      .map(({ rows, free, pick, exact }) => {
        // Half the tables print totals that one choice of options meets exactly.
        const totals = exact
          ? free.map((_, col) => rows.reduce((a, r, i) => a + (r.counted ? (r.options[pick[i]! % r.options.length]![col] ?? 0) * 100 : 0), 0) / 100)
          : free;
        return { rows, totals };
      }),
  );

  it('keeps a row where most column totals hold, however large another row misread makes the miss', () => {
    // 基本支出 of the second row read 500.00 for 50.00 (its point lost): moving the first row's
    // 150 into 项目支出 evens the summed miss (4950 either way) but breaks one more total.
    const rows = [
      { options: [[150, undefined, 150], [150, 150, undefined]], counted: true },
      { options: [[150, 500, 100]], counted: true },
    ];
    const got = settleByColumnSums(rows, [300, 200, 100]);
    expect(got.choice[0]).toBe(1);
    expect(got.ambiguous[0]).toBe(false);
    expect(got.fit.missed).toBe(1);
  });

  it('finds the least column-sum miss and reports ambiguity exactly as a search of every combination', () => {
    fc.assert(
      fc.property(tableArb, ({ rows, totals }) => {
        const got = settleByColumnSums(rows, totals);
        const { best, bests } = bruteForce(rows, totals);
        if (totals.every((t) => t === undefined) || rows.every((r) => !r.counted || r.options.length < 2)) return;
        expect(got.fit.missed * COLUMN + got.fit.miss).toBeCloseTo(best, 6);
        expect(bests.some((b) => b.every((o, i) => !rows[i]!.counted || rows[i]!.options.length < 2 || o === got.choice[i]))).toBe(true);
        rows.forEach((r, i) => {
          if (r.counted && r.options.length > 1) expect(got.ambiguous[i]).toBe(new Set(bests.map((b) => b[i])).size > 1);
        });
      }),
      { numRuns: 400 },
    );
  });
});

describe('nameUnreadColumn: a column whose heading was not read, named by its figures', () => {
  // 上海市财政局 2025 功能分类 table scanned bitonal at 200 dpi: its 项目支出 heading read 项卓文出.
  const rows = [
    [127886849, 84861719, 43025130],
    [84861719, 84861719, undefined],
    [28544130, undefined, 28544130],
    [370000, undefined, 370000],
    [17560320, 16360320, 1200000],
  ];

  it('takes the one measure under which the row identities hold', () => {
    expect(nameUnreadColumn(['total', 'basic', 'col_3'], rows, 'general_expenditure')).toEqual({ column: 2, measure: 'project', holds: 4, tested: 4 });
  });

  it('reads the column of a table whose heading is misread as the measure its figures make it, and says so', async () => {
    const text = [
      '一般公共预算支出预算表',
      '单位：万元',
      '科目编码\t科目名称\t合计\t基本支出\t项卓文出',
      '201\t一般公共服务支出\t1,278.85\t848.62\t430.23',
      '20106\t财政事务\t1,278.85\t848.62\t430.23',
      '2010601\t行政运行\t848.62\t848.62\t',
      '2010602\t一般行政管理事务\t285.44\t\t285.44',
      '2010605\t财政国库业务\t144.79\t\t144.79',
      '合计\t\t1,278.85\t848.62\t430.23',
    ].join('\n');
    const doc = await extractBytes(Buffer.from(text), 'unread-heading.txt');
    const t = doc.tables.find((x) => x.type === 'general_expenditure')!;
    expect(t.rows.find((r) => r.key === '2010602')?.values).toEqual({ total: 285.44, project: 285.44 });
    expect(t.issues.concat(doc.issues)).toContainEqual(expect.objectContaining({ kind: 'reading_doubtful', measure: 'project', printed: 'col_3' }));
  });

  it('names nothing when the figures do not bear the identity out, or two columns are unread', () => {
    const off = rows.map((r) => [r[0], r[1], r[2] === undefined ? undefined : r[2] + 1]);
    expect(nameUnreadColumn(['total', 'basic', 'col_3'], off, 'general_expenditure')).toBeUndefined();
    expect(nameUnreadColumn(['total', 'col_2', 'col_3'], rows, 'general_expenditure')).toBeUndefined();
    expect(nameUnreadColumn(['total', 'basic', 'project'], rows, 'general_expenditure')).toBeUndefined();
  });
});

describe('a total row that lost a figure', () => {
  it("places the items by the column totals that still hold, not by the blank the lost figure left", async () => {
    // 公用经费's 10.00 of the total row lost (a scan's misread): read as printed, the total leaves
    // that column blank, and 行政运行 (60 | 60 | 50 | 10) fitted only under 项目支出.
    const text = [
      '一般公共预算支出预算表',
      '单位：万元',
      '科目编码 科目名称 合计 基本支出 项目支出',
      '小计 人员经费 公用经费 小计 其他运转类 特定目标类',
      '合计 200.00 60.00 50.00 140.00 20.00 120.00',
      '2010601 行政运行 60.00 60.00 50.00 10.00',
      '2010602 一般行政管理事务 20.00 20.00 20.00',
      '2010699 其他政府办公厅(室)及相关机构事务支出 120.00 120.00 120.00',
    ].join('\n');
    const doc = await extractBytes(Buffer.from(text), 'total-lost-a-figure.txt');
    const t = doc.tables.find((x) => x.type === 'general_expenditure')!;
    const values = (key: string) => t.rows.find((r) => r.key === key)?.values;
    expect(values('2010601')).toEqual({ total: 60, basic: 60, basic_personnel: 50, basic_public: 10 });
    expect(values('2010602')).toEqual({ total: 20, project: 20, other_operating: 20 });
    expect(values('2010699')).toEqual({ total: 120, project: 120, specific_purpose: 120 });
    // The total row's own break is the one finding: the rows are not called ambiguous.
    expect(t.issues.filter((i) => i.kind === 'ambiguous_placement')).toEqual([]);
  });
});

describe('a total row whose label was not read', () => {
  const table = (foot: string, total: string) =>
    [
      '一般公共预算支出预算表',
      '单位：万元',
      '科目编码\t科目名称\t合计\t基本支出\t项目支出',
      '201\t一般公共服务支出\t1,278.85\t848.62\t430.23',
      '2010601\t行政运行\t848.62\t848.62\t',
      '2010602\t一般行政管理事务\t430.23\t\t430.23',
      '221\t住房保障支出\t100.00\t100.00\t',
      '2210201\t住房公积金\t100.00\t100.00\t',
      `${foot}\t\t${total}\t948.62\t430.23`,
    ].join('\n');
  const totalOf = async (foot: string, total: string) => {
    const doc = await extractBytes(Buffer.from(table(foot, total)), 'foot.txt');
    return doc.tables[0]!.rows.find((r) => r.key === 'total');
  };

  it('reads the last, unkeyed row as the total when its first figure is the top-level rows’ sum to the cent', async () => {
    // 上海市财政局 2025, scanned bitonal at 300 dpi: its 合计 read 合直.
    expect((await totalOf('合直', '1,378.85'))?.values).toEqual({ total: 1378.85, basic: 948.62, project: 430.23 });
  });

  it('leaves it unread when its figure is not that sum', async () => {
    expect(await totalOf('合直', '1,378.95')).toBeUndefined();
  });
});
