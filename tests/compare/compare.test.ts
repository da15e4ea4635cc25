import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDocuments, comparisonsToCsv, comparisonsToHtml, comparisonToText, loadDocuments, pairDocuments, type Change } from '../../src/compare/index.js';
import type { BudgetDocument } from '../../src/model.js';
import { fakeDocument, row, seedFiles, table } from '../export/seeds.js';

const doc = (file: string, year: number, tables: Parameters<typeof fakeDocument>[0], over: Partial<BudgetDocument['document']> = {}): BudgetDocument => ({
  ...fakeDocument(tables, { year, ...over }),
  source: { file, sha256: file.padEnd(64, '0'), kind: 'text', pages: 1 },
});

const find = (changes: Change[], key: string, measure = 'total'): Change | undefined => changes.find((c) => c.key === key && c.measure === measure);

describe('compare two years of a department', () => {
  const old = doc('2024.txt', 2024, [
    table({ type: 'general_expenditure', rows: [row('total', '合计', { total: 100.5, basic: 60 }), row('2080501', '行政单位离退休', { total: 40 }), row('2013101', '行政运行', { total: 60.5 }), row('2101101', '行政单位医疗', { total: 0 })] }),
    table({ type: 'three_public', rows: [row('total', '合计', { total: 3.5 })] }),
  ]);
  const now = doc('2025.txt', 2025, [
    table({ type: 'general_expenditure', unit: '元', rows: [row('total', '合计', { total: 1_200_000, basic: 600_000 }), row('2080501', '行政单位离退休', { total: 400_000 }), row('2013102', '一般行政管理事务', { total: 800_000 }), row('2101101', '公务员医疗补助', { total: 100 })] }),
    table({ type: 'three_public', rows: [row('total', '合计', { total: 3.5 })] }),
  ], { unit: '元' });
  const c = compareDocuments(old, now);

  it('should give each change in 元, converting each table from its own unit, and in percent', () => {
    // 100.5 万元 → 1,200,000 元: +195,000 元, +19.40%.
    expect(find(c.changes, 'total')).toMatchObject({ status: 'changed', old_yuan: 1_005_000, new_yuan: 1_200_000, change_yuan: 195_000, change_pct: 19.4, base: 'older_document' });
    expect(find(c.changes, 'total', 'basic')).toMatchObject({ status: 'unchanged', change_yuan: 0, change_pct: 0 });
    expect(find(c.changes, '2080501')).toMatchObject({ status: 'unchanged', old_yuan: 400_000, new_yuan: 400_000 });
    expect(c.notes).toEqual(['units differ (万元 against 元/万元): every change is computed in 元']);
  });

  it('should report a code of one year only as added or removed, and a code under a new name as renamed', () => {
    expect(find(c.changes, '2013102')).toMatchObject({ status: 'added', new_yuan: 800_000, change_yuan: 800_000 });
    expect(find(c.changes, '2013102')).not.toHaveProperty('change_pct');
    expect(find(c.changes, '2013101')).toMatchObject({ status: 'removed', old_yuan: 605_000, change_yuan: -605_000 });
    expect(find(c.changes, '2101101')).toMatchObject({ status: 'renamed', name: '公务员医疗补助', old_name: '行政单位医疗', old_yuan: 0, new_yuan: 100 });
    // No percentage of a change from 0.
    expect(find(c.changes, '2101101')).not.toHaveProperty('change_pct');
    expect(c.counts).toEqual({ changed: 1, unchanged: 3, added: 1, removed: 1, renamed: 1 });
  });

  it('should put the largest changes first', () => {
    expect(c.changes.map((x) => Math.abs(x.change_yuan))).toEqual([800_000, 605_000, 195_000, 100, 0, 0, 0]);
    expect(c.changes.slice(0, 3).map((x) => x.key)).toEqual(['2013102', '2013101', 'total']);
  });

  it("should use the newer document's printed 上年 figure, and report where it disagrees with the older document", () => {
    const older = doc('a.txt', 2024, [table({ type: 'general_expenditure', rows: [row('201', '一般公共服务支出', { total: 10 }), row('208', '社会保障和就业支出', { total: 5 })] })]);
    const newer = doc('b.txt', 2025, [
      table({ type: 'general_expenditure', rows: [row('201', '一般公共服务支出', { total: 12, prior_total: 10.004 }), row('208', '社会保障和就业支出', { total: 6, prior_total: 5.5 }), row('221', '住房保障支出', { total: 3, prior_total: 2 })] }),
    ]);
    const x = compareDocuments(older, newer).changes;
    expect(find(x, '201')).toMatchObject({ old_yuan: 100_000, prior_yuan: 100_040, prior_disagrees: false, change_yuan: 20_000 });
    expect(find(x, '208')).toMatchObject({ old_yuan: 50_000, prior_yuan: 55_000, prior_disagrees: true, change_yuan: 10_000 });
    // Not in the older document: the newer one's own last-year figure is the base.
    expect(find(x, '221')).toMatchObject({ status: 'changed', prior_yuan: 20_000, change_yuan: 10_000, change_pct: 50, base: 'printed_prior' });
    expect(x.some((c) => c.measure.startsWith('prior_'))).toBe(false);
  });

  it('should keep a key printed twice in one table as key#2, matched with the second of the other year', () => {
    const t = (a: number, b: number) => [table({ type: 'project_expenditure', rows: [row('信息化建设', '信息化建设', { total: a }), row('信息化建设', '信息化建设', { total: b })] })];
    const x = compareDocuments(doc('a.txt', 2024, t(1, 2)), doc('b.txt', 2025, t(1, 5))).changes;
    expect(x.map((c) => [c.key, c.change_yuan])).toEqual([['信息化建设#2', 30_000], ['信息化建设', 0]]);
  });

  it('should name a table with figures in one year only (absent, or read without rows, in the other)', () => {
    const older = doc('a.txt', 2024, [table({ type: 'income', title: '收入预算总表', rows: [row('total', '合计', { total: 9 })] }), table({ type: 'procurement', rows: [] })]);
    const newer = doc('b.txt', 2025, [table({ type: 'income', title: '收入预算总表', rows: [] }), table({ type: 'procurement', rows: [] }), table({ type: 'assets', title: '资产表', rows: [row('total', '合计', { total: 1 })] })]);
    const x = compareDocuments(older, newer);
    expect(x.unmatched_tables).toEqual([{ side: 'old', table: 'income', title: '收入预算总表' }, { side: 'new', table: 'assets', title: '资产表' }]);
    expect(comparisonToText(x)).toContain('note: income (收入预算总表) has figures only in the older document');
  });

  it('should say so when the older document is not of an earlier year', () => {
    expect(compareDocuments(now, old).notes[0]).toBe('the older document (2025.txt, 2025) is not of an earlier year than the newer (2024.txt, 2024)');
  });

  it('should write every figure to CSV, a terminal table of the largest, and an inert page', async () => {
    const csv = (await comparisonsToCsv([c])).trim().split('\n');
    expect(csv).toHaveLength(1 + c.changes.length);
    expect(csv[1]).toBe('2024.txt,2025.txt,某局,2024,2025,general_expenditure,1,2013102,一般行政管理事务,,total,added,,800000,800000,,,,');
    expect(csv).toContain('2024.txt,2025.txt,某局,2024,2025,general_expenditure,1,2101101,公务员医疗补助,行政单位医疗,total,renamed,0,100,100,,,,older_document');
    const text = comparisonToText(c, 2);
    expect(text).toContain('7 figures: 1 changed, 3 unchanged, 1 added, 1 removed, 1 renamed');
    expect(text).toMatch(/2013102 +一般行政管理事务 +total +800,000 +\+800,000 +added/);
    expect(text).toContain('… 2 smaller changes');
    const hostile = doc('x.txt', 2025, [table({ type: 'general_expenditure', rows: [row('2080501', '<script>alert(1)</script>', { total: 1 })] })]);
    const html = comparisonsToHtml([compareDocuments(old, hostile)]);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'; style-src 'sha256-/);
  });
});

describe('pair documents of two years', () => {
  const d = (file: string, year: number, department?: string): BudgetDocument => doc(file, year, [], { department });

  it('should pair by department, else by the file name without its digits, and leave the rest unpaired', () => {
    const olds = [d('a2018.pdf', 2018, '江苏省委办公厅'), d('江苏省政协办公厅2018度部门预算公开表.pdf', 2018), d('江苏省人大办公厅2018.pdf', 2018, '省级'), d('x.pdf', 2018, '某局')];
    const news = [d('b2019.pdf', 2019, '江苏省委 办公厅'), d('江苏省政协办公厅2019年预算公开表.pdf', 2019), d('江苏省人大办公厅2019.pdf', 2019, '省级'), d('江苏省法院2019.pdf', 2019, '省级'), d('y.pdf', 2019, '他局')];
    const p = pairDocuments(olds, news);
    expect(p.pairs.map(([o, n]) => [o.source.file, n.source.file])).toEqual([
      ['a2018.pdf', 'b2019.pdf'],
      ['江苏省政协办公厅2018度部门预算公开表.pdf', '江苏省政协办公厅2019年预算公开表.pdf'],
      // Two 2019 documents read as 省级: the file name settles it.
      ['江苏省人大办公厅2018.pdf', '江苏省人大办公厅2019.pdf'],
    ]);
    expect(p.unpaired).toEqual([{ side: 'old', file: 'x.pdf' }, { side: 'new', file: '江苏省法院2019.pdf' }, { side: 'new', file: 'y.pdf' }]);
  });

  it('should pair one document with one whatever their departments say', () => {
    expect(pairDocuments([d('a.pdf', 2018, '省级')], [d('b.pdf', 2019)]).pairs).toHaveLength(1);
  });
});

describe('load the two sides of compare', () => {
  it('should extract a folder of disclosures, name the files that failed, and refuse a path that holds nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'be-cmp-load-'));
    copyFileSync(seedFiles()[0]!, join(dir, 'a.txt'));
    writeFileSync(join(dir, 'b.txt'), '这不是预算公开。\n');
    const loaded = await loadDocuments(dir, { ocr: 'never' });
    expect(loaded.documents.map((d) => d.source.file)).toEqual(['a.txt']);
    expect(loaded.failed).toEqual([{ file: 'b.txt', message: expect.stringContaining('b.txt') }]);
    await expect(loadDocuments(join(dir, 'none'))).rejects.toMatchObject({ name: 'CompareError', code: 'io' });
    writeFileSync(join(dir, 'summary.json'), '{"files": []}');
    await expect(loadDocuments(join(dir, 'summary.json'))).rejects.toMatchObject({ code: 'no_documents' });
  });
});
