import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractBytes } from '../../src/pipeline.js';
import { identitiesFor, placeRow } from '../../src/normalize/place.js';

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
