import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../src/pipeline.js';
import type { BudgetDocument, Issue, TableType } from '../../src/model.js';

/**
 * Defect injection: a seed with one printed figure altered must fail at least one check that
 * names the altered figure, and the unaltered seed must fail none (these seeds have no real break).
 */
const SEEDS = ['001_2bc1f60d8e8166ed.txt', '003_dc6b06a2998e57c3.txt', '004_4b87c2d0559da34d.txt'];
const read = (f: string): string => readFileSync(new URL(`../../samples/${f}`, import.meta.url), 'utf8');
const run = (text: string, f: string): Promise<BudgetDocument> => extractBytes(Buffer.from(text), f);

const failures = (d: BudgetDocument): Issue[] => [...d.issues, ...d.tables.flatMap((t) => t.issues)].filter((i) => i.severity === 'error');

/** The text with the printed amount `value` on 1-based line `line` replaced by `value + delta`. */
function alter(text: string, line: number, value: number, delta: number): { text: string; printed: string } {
  const lines = text.split('\n');
  const target = lines[line - 1]!;
  const variants = [value.toFixed(2), value.toLocaleString('en-US', { minimumFractionDigits: 2 }), String(value)];
  const printed = variants.find((v) => new RegExp(`(^|[^\\d.,])${v.replace(/[.,]/g, '\\$&')}(?![\\d])`).test(target));
  if (!printed) throw new Error(`line ${line} does not print ${value}: ${target}`);
  const replaced = (value + delta).toFixed(2);
  lines[line - 1] = target.replace(new RegExp(`(^|[^\\d.,])${printed.replace(/[.,]/g, '\\$&')}(?![\\d])`), `$1${replaced}`);
  return { text: lines.join('\n'), printed: replaced };
}

function cell(d: BudgetDocument, type: TableType, pick: 'item' | 'total'): { line: number; value: number; key: string } {
  const t = d.tables.find((x) => x.type === type && !x.empty)!;
  const row = pick === 'total' ? t.rows.find((r) => r.kind === 'total')! : t.rows.find((r) => r.kind === 'item' && (r.values.total ?? 0) > 1)!;
  return { line: row.sources.total!.line!, value: row.values.total!, key: row.key };
}

describe.each(SEEDS)('defects injected into %s', (seed) => {
  const text = read(seed);

  it('should raise no failure on the unaltered document', async () => {
    expect(failures(await run(text, seed))).toEqual([]);
  });

  it.each(['expenditure', 'general_expenditure'] as const)('should catch an altered item cell of %s', async (type) => {
    const base = await run(text, seed);
    const c = cell(base, type, 'item');
    const altered = alter(text, c.line, c.value, 1);
    const found = failures(await run(altered.text, seed));
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((i) => i.found === Number(altered.printed) || i.expected === Number(altered.printed) || i.message.includes(altered.printed))).toBe(true);
  });

  it('should catch an altered total row', async () => {
    const base = await run(text, seed);
    const c = cell(base, 'general_expenditure', 'total');
    const altered = alter(text, c.line, c.value, 10);
    const found = failures(await run(altered.text, seed));
    expect(found.some((i) => i.message.includes(altered.printed) || i.found === Number(altered.printed) || i.expected === Number(altered.printed))).toBe(true);
  });

  it('should catch an altered narrative amount', async () => {
    const base = await run(text, seed);
    const grand = base.tables.find((t) => t.type === 'summary')!.rows.find((r) => r.key === 'income_grand_total')!.values.amount!;
    const lines = text.split('\n');
    const line = lines.findIndex((l) => /收入(总计|合计)|预算收入/.test(l) && l.includes(`${grand.toFixed(2)}`) && /[，,。]/.test(l)) + 1;
    expect(line).toBeGreaterThan(0);
    const altered = alter(text, line, grand, 100);
    const found = failures(await run(altered.text, seed));
    expect(found.some((i) => i.kind === 'narrative_mismatch' && i.message.includes(altered.printed))).toBe(true);
  });
});

describe('defects in a table whose total row is printed under its header words (seed 000 income)', () => {
  it('keeps that row as the total when an item no longer adds up to it, and reports the column', async () => {
    const seed = '000_2f28e9293a4b3d29.txt';
    const text = read(seed);
    const base = await run(text, seed);
    const c = cell(base, 'income', 'item');
    const altered = alter(text, c.line, c.value, 1);
    const doc = await run(altered.text, seed);
    const income = doc.tables.find((t) => t.type === 'income')!;
    expect(income.rows.find((r) => r.key === 'total')?.values.total).toBe(base.tables.find((t) => t.type === 'income')!.rows.find((r) => r.key === 'total')!.values.total);
    const fresh = failures(doc).filter((i) => i.table === 'income');
    expect(fresh.some((i) => i.check === 'column_sum' && i.key === 'total' && i.measure === 'total')).toBe(true);
  });
});

describe('defects in a performance-target table (seed 003)', () => {
  it('catches a project amount that differs from the project table', async () => {
    const seed = '003_dc6b06a2998e57c3.txt';
    const text = read(seed);
    const base = await run(text, seed);
    const perf = base.tables.find((t) => t.type === 'project_performance' && t.rows.some((r) => r.kind === 'project'))!;
    const project = perf.rows.find((r) => r.kind === 'project')!;
    const altered = alter(text, project.sources.total!.line!, project.values.total!, 1);
    const found = failures(await run(altered.text, seed));
    expect(found.some((i) => i.check === 'project_amounts_match' && i.key === project.key && i.found === Number(altered.printed))).toBe(true);
  });
});
