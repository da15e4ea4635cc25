import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';
import { extractText, sniffEncoding, type TextEncoding } from '../../src/extract/text.js';
import { CHECK_IDS, findNarrativeStatements, validateDocument } from '../../src/checks/index.js';
import type { At, CheckResult, DocumentMeta, Issue, Line, Row, RowKind, Table, TableType, Unit } from '../../src/model.js';

const FILE = 't.txt';
const at = (line: number): At => ({ file: FILE, line });
const META: DocumentMeta = { unit: '万元', kind: '部门预算', year: 2025 };

let nextLine = 1;
function row(key: string, kind: RowKind, values: Record<string, number>, name = key): Row {
  const line = nextLine++;
  const sources = Object.fromEntries(Object.keys(values).map((m) => [m, at(line)]));
  return { key, kind, name, values, sources, at: at(line) };
}

function table(type: TableType, measures: string[], rows: Row[], unit: Unit = '万元'): Table {
  const columns = measures.map((measure) => ({ measure, path: [measure], children: [] }));
  return { type, title: `${type} 表`, unit, pages: [], empty: rows.length === 0, columns, rows, issues: [], at: at(1) };
}

function prose(...texts: string[]): Line[] {
  return texts.map((text, i) => ({ text, cells: [{ text, at: at(900 + i) }], at: at(900 + i), delimited: false }));
}

const resultOf = (checks: CheckResult[], id: string): CheckResult => {
  const r = checks.find((c) => c.check === id);
  if (!r) throw new Error(`no result for ${id}`);
  return r;
};
const broken = (issues: Issue[], check: string): Issue[] => issues.filter((i) => i.check === check);

/** A consistent 部门支出总表: items → sections → class → total, total = basic + project. */
function expenditure(overrides: Record<string, Record<string, number>> = {}): Table {
  const v = (key: string, values: Record<string, number>): Record<string, number> => ({ ...values, ...overrides[key] });
  return table('expenditure', ['total', 'basic', 'project'], [
    row('total', 'total', v('total', { total: 61.74, basic: 55.74, project: 6 }), '合计'),
    row('208', 'class', v('208', { total: 61.74, basic: 55.74, project: 6 }), '社会保障和就业支出'),
    row('20805', 'section', v('20805', { total: 55.74, basic: 55.74 }), '行政事业单位养老支出'),
    row('2080501', 'item', v('2080501', { total: 10.68, basic: 10.68 }), '行政单位离退休'),
    row('2080505', 'item', v('2080505', { total: 45.06, basic: 45.06 }), '机关事业单位基本养老保险缴费支出'),
    row('20899', 'section', v('20899', { total: 6, project: 6 }), '其他社会保障和就业支出'),
    row('2089999', 'item', v('2089999', { total: 6, project: 6 }), '其他社会保障和就业支出'),
  ]);
}

describe('validateDocument: in-table identities', () => {
  it('should report no failure for a consistent table', () => {
    const t = expenditure();
    const { issues, validation } = validateDocument([t], META, []);
    for (const id of ['row_identity', 'column_sum', 'code_hierarchy']) expect(resultOf(validation.checks, id).status).toBe('pass');
    expect(issues.filter((i) => i.kind === 'identity_broken')).toEqual([]);
    expect(t.issues).toEqual([]);
  });

  it('should name the row, column, expected and found when one value is altered', () => {
    const t = expenditure({ '2080501': { total: 10.68, basic: 10.58 } });
    const { issues, validation } = validateDocument([t], META, []);
    expect(resultOf(validation.checks, 'row_identity')).toMatchObject({ status: 'fail', failed: 1 });
    const [issue] = broken(issues, 'row_identity');
    expect(issue).toMatchObject({ kind: 'identity_broken', severity: 'error', table: 'expenditure', key: '2080501', measure: 'total', expected: 10.58, found: 10.68 });
    expect(issue?.at).toEqual(t.rows[3]!.sources.total);
    expect(issue?.message).toMatch(/2080501.*total.*expected 10\.58.*found 10\.68/);
    // The section no longer sums either: its basic column breaks, reported at the section.
    expect(broken(issues, 'code_hierarchy')).toMatchObject([{ key: '20805', measure: 'basic', expected: 55.64, found: 55.74 }]);
    expect(t.issues).toEqual(expect.arrayContaining(broken(issues, 'row_identity')));
  });

  it('should pass with a rounding note when a sum drifts by up to (n + 1) / 2 units of the last place, and fail beyond it', () => {
    const drift = expenditure({ '2080501': { total: 10.67, basic: 10.67 } }); // 10.67 + 45.06 = 55.73 vs 55.74: one cent over 2 terms
    const within = validateDocument([drift], META, []);
    expect(resultOf(within.validation.checks, 'code_hierarchy')).toMatchObject({ status: 'pass', rounding: true, failed: 0 });
    expect(resultOf(within.validation.checks, 'code_hierarchy').note).toMatch(/held within rounding.*at most 0\.01 万元 over 2 terms/);
    expect(broken(within.issues, 'code_hierarchy')).toEqual([]);

    // Three figures each off by at most half a cent cannot be two cents apart: 10.66 is a misprint.
    const far = expenditure({ '2080501': { total: 10.66, basic: 10.66 } });
    const beyond = validateDocument([far], META, []);
    expect(resultOf(beyond.validation.checks, 'code_hierarchy').status).toBe('fail');
    expect(broken(beyond.issues, 'code_hierarchy')[0]).toMatchObject({ key: '20805', expected: 55.72, found: 55.74 });
  });

  it('should hold a total to the one term it sums exactly: the same amount rounds to the same figure', () => {
    const t = expenditure({ '20899': { total: 6.01, project: 6 } });
    const { issues } = validateDocument([t], META, []);
    expect(broken(issues, 'row_identity')).toMatchObject([{ key: '20899', measure: 'total', expected: 6, found: 6.01 }]);
  });

  it('should hold 元 figures to the exact sum: 上海市财政局 302 printed 24,840,779 against items of 24,840,778', () => {
    const basic = table('basic_expenditure', ['total'], [
      row('total', 'total', { total: 24840779 }, '合计'),
      row('302', 'econ', { total: 24840779 }, '商品和服务支出'),
      row('30201', 'econ', { total: 24000000 }, '办公费'),
      row('30299', 'econ', { total: 840778 }, '其他商品和服务支出'),
    ], '元');
    const { issues } = validateDocument([basic], META, []);
    expect(broken(issues, 'code_hierarchy')).toMatchObject([{ severity: 'error', key: '302', expected: 24840778, found: 24840779 }]);
  });

  it('should sum without binary-float drift', () => {
    const t = table('basic_expenditure', ['total', 'personnel', 'public'], [
      row('total', 'total', { total: 0.3, personnel: 0.1, public: 0.2 }),
      row('30101|50101', 'econ', { total: 0.1, personnel: 0.1 }),
      row('30201|50201', 'econ', { total: 0.2, public: 0.2 }),
    ]);
    const { validation } = validateDocument([t], META, []);
    expect(resultOf(validation.checks, 'column_sum')).toMatchObject({ status: 'pass', evaluated: 3 });
    expect(resultOf(validation.checks, 'column_sum').rounding).toBeUndefined();
  });

  it('should check an income row against the sources it prints, leaving out 其中 and subtotal columns', () => {
    const income = (values: Record<string, number>): Table =>
      table('income', ['total', 'general_budget', 'appropriation', 'unit_funds', 'institution_income', 'carryover'], [row('2080501', 'item', values)]);
    // total = general_budget + institution_income + carryover; appropriation is 其中, unit_funds the subtotal of institution_income.
    const fits = validateDocument([income({ total: 10, general_budget: 8, appropriation: 7, unit_funds: 1, institution_income: 1, carryover: 1 })], META, []);
    expect(broken(fits.issues, 'row_identity')).toEqual([]);
    const off = validateDocument([income({ total: 11, general_budget: 8, appropriation: 7, unit_funds: 1, institution_income: 1, carryover: 1 })], META, []);
    expect(broken(off.issues, 'row_identity')).toMatchObject([{ key: '2080501', measure: 'total', expected: 10, found: 11 }]);
    // With 本年收入 printed, the total is 本年收入 + 上年结转.
    const current = table('income', ['total', 'current_income', 'general_budget', 'carryover'], [row('208', 'class', { total: 9, current_income: 8, general_budget: 8, carryover: 2 })]);
    expect(broken(validateDocument([current], META, []).issues, 'row_identity')).toMatchObject([{ key: '208', measure: 'total', expected: 10, found: 9 }]);
  });

  it('should match a project across the project table and a performance table, at the precision each prints', () => {
    const listed = table('project_expenditure', ['total'], [row('total', 'total', { total: 470.64 }), row('医保信息系统建设维护费用', 'project', { total: 65.04 }), row('城乡医疗救助', 'project', { total: 405.64 })]);
    const perf = (a: number, b: number): Table =>
      table('project_performance', ['total'], [row('410726240000000026087', 'project', { total: a }, '医保信息系统建设维护费用'), row('410726240000000026057', 'project', { total: b }, '城乡医疗救助')]);
    const held = validateDocument([listed, perf(65.04, 405.6)], META, []);
    expect(resultOf(held.validation.checks, 'project_amounts_match')).toMatchObject({ status: 'pass', evaluated: 2, rounding: true });
    const off = validateDocument([listed, perf(66.04, 405.6)], META, []);
    expect(broken(off.issues, 'project_amounts_match')).toMatchObject([{ key: '410726240000000026087', expected: 65.04, found: 66.04 }]);
  });

  it('should report a column that misses the total row', () => {
    const t = expenditure({ total: { total: 61.74, basic: 55.84, project: 6 } });
    const { issues } = validateDocument([t], META, []);
    expect(broken(issues, 'column_sum')).toMatchObject([{ key: 'total', measure: 'basic', expected: 55.74, found: 55.84 }]);
  });

  it('should report summary grand totals that differ and carryover that does not add up', () => {
    const s = table('summary', ['amount'], [
      row('general_budget', 'line', { amount: 100 }),
      row('income_total', 'total', { amount: 100 }),
      row('carryover', 'line', { amount: 3 }),
      row('income_grand_total', 'total', { amount: 104 }),
      row('expenditure_grand_total', 'total', { amount: 103 }),
    ]);
    const { issues, validation } = validateDocument([s], META, []);
    expect(resultOf(validation.checks, 'summary_grand_totals_balance').status).toBe('fail');
    expect(broken(issues, 'summary_income_adds_up')).toMatchObject([{ key: 'income_grand_total', expected: 103, found: 104 }]);
    expect(resultOf(validation.checks, 'summary_expenditure_adds_up').status).toBe('insufficient_data');
  });
});

describe('validateDocument: across tables', () => {
  const general = (basic: number): Table =>
    table('general_expenditure', ['total', 'basic', 'project'], [row('total', 'total', { total: basic + 10, basic, project: 10 })]);
  const basicTable = (total: number, unit: Unit): Table =>
    table('basic_expenditure', ['total', 'personnel', 'public'], [row('total', 'total', { total, personnel: total })], unit);

  it('should compare a 元 table with a 万元 table without a 10,000× false alarm', () => {
    const { issues, validation } = validateDocument([basicTable(1244200, '元'), general(124.42)], META, []);
    expect(resultOf(validation.checks, 'basic_matches_general').status).toBe('pass');
    expect(broken(issues, 'basic_matches_general')).toEqual([]);
  });

  it('should still report a real difference between a 元 and a 万元 table', () => {
    const { issues } = validateDocument([basicTable(1245200, '元'), general(124.42)], META, []);
    expect(broken(issues, 'basic_matches_general')).toMatchObject([{ expected: 124.52, found: 124.42 }]);
    expect(broken(issues, 'basic_matches_general')[0]?.message).toMatch(/basic_expenditure.*general_expenditure/);
  });

  it('should compare codes of expenditure and general_expenditure only when all income is general budget', () => {
    const exp = expenditure();
    const gen = table('general_expenditure', ['total', 'basic', 'project'], [
      row('total', 'total', { total: 55.74, basic: 55.74 }),
      row('2080501', 'item', { total: 10.68, basic: 10.68 }),
      row('2080505', 'item', { total: 45.06, basic: 45.06 }),
    ]);
    const summary = (carryover: number): Table =>
      table('summary', ['amount'], [
        row('general_budget', 'line', { amount: 55.74 }),
        row('carryover', 'line', { amount: carryover }),
        row('income_grand_total', 'total', { amount: 55.74 + carryover }),
      ]);
    const funded = validateDocument([summary(6), exp, gen], META, []);
    expect(resultOf(funded.validation.checks, 'expenditure_matches_general').status).toBe('not_applicable');

    const general = validateDocument([summary(0), expenditure(), gen], META, []);
    expect(resultOf(general.validation.checks, 'expenditure_matches_general').status).toBe('fail');
    expect(broken(general.issues, 'expenditure_matches_general').map((i) => i.key)).toEqual(['2089999', 'total']);
  });
});

describe('validateDocument: narrative', () => {
  const tables = (): Table[] => [expenditure()];

  it('should report a prose figure that differs from its table', () => {
    const lines = prose('2025年支出合计61.74万元,其中:基本支出55.70万元,占90%;项目支出6万元。');
    const { issues, validation } = validateDocument(tables(), META, lines);
    expect(resultOf(validation.checks, 'narrative_totals')).toMatchObject({ status: 'fail', evaluated: 3, failed: 1 });
    const [issue] = broken(issues, 'narrative_totals');
    expect(issue).toMatchObject({ kind: 'narrative_mismatch', severity: 'error', table: 'expenditure', key: 'total', measure: 'basic', expected: 55.74, found: 55.7 });
    expect(issue?.at).toEqual(lines[0]!.at);
    expect(issue?.message).toContain('基本支出55.70万元');
    expect(issue?.message).toContain('55.74');
  });

  it('should pass a matching narrative and skip last-year and change clauses', () => {
    const lines = prose('2025年支出合计61.74万元,其中:基本支出55.74万元;项目支出6.00万元。与2024年相比,基本支出减少20.00万元,项目支出增加3万元。');
    const { issues, validation } = validateDocument(tables(), META, lines);
    expect(resultOf(validation.checks, 'narrative_totals')).toMatchObject({ status: 'pass', evaluated: 3 });
    expect(broken(issues, 'narrative_totals')).toEqual([]);
  });

  it('should join a sentence wrapped over lines and quote its first line', () => {
    const lines = prose('2025年一般公共预算基本支出55.74万元,其中:人员经费50万元,公用', '', '经费5.74万元,主要包括办公费。');
    const statements = findNarrativeStatements(lines);
    expect(statements.map((s) => [s.statement, s.amount, s.at.line])).toEqual([
      ['general_basic', 55.74, 900],
      ['personnel', 50, 900],
      ['public', 5.74, 900],
    ]);
  });

  it('should call a statement whose table is not printed insufficient data, not a failure', () => {
    const lines = prose('我局2025年“三公”经费预算为1.10万元,主要用于公务接待。');
    const { validation } = validateDocument(tables(), META, lines);
    expect(resultOf(validation.checks, 'narrative_totals').status).toBe('insufficient_data');
  });
});

describe('validateDocument: completeness and summary', () => {
  it('should report one result per check id, in data order, and count run, held and broken', () => {
    const { validation } = validateDocument([expenditure({ '2080501': { total: 10.68, basic: 10.58 } })], META, []);
    expect(validation.checks.map((c) => c.check)).toEqual(CHECK_IDS);
    expect(validation.run).toBe(validation.checks.filter((c) => c.status !== 'not_applicable').length);
    expect(validation.held).toBe(validation.checks.filter((c) => c.status === 'pass').length);
    expect(validation.broken).toBe(validation.checks.filter((c) => c.status === 'fail').length);
    expect(validation.broken).toBeGreaterThan(0);
  });

  it('should never change a printed value', () => {
    const t = expenditure({ '2080501': { total: 10.68, basic: 10.58 } });
    const before = structuredClone(t.rows);
    validateDocument([t], META, prose('2025年支出合计1.00万元,其中:基本支出2.00万元。'));
    expect(t.rows).toEqual(before);
  });
});

describe('validateDocument on a seed document', () => {
  const SEED = new URL('../../samples/000_2f28e9293a4b3d29.txt', import.meta.url);
  /** Breaks the document itself prints (none in this seed): [statement id, amount]. */
  const DOCUMENTED_BREAKS: [string, number][] = [];

  it('should find the narrative totals of 000 and match each to its table', async () => {
    const doc = await extract(SEED.pathname);
    const bytes = readFileSync(SEED);
    const lines = extractText(bytes, doc.source.file, sniffEncoding(bytes) as TextEncoding).lines;
    const statements = findNarrativeStatements(lines);
    console.log(statements.map((s) => `${s.at.line} ${s.statement} ${s.amount} «${s.text}»`).join('\n'));
    expect(statements.length).toBeGreaterThanOrEqual(10);
    const mismatches = doc.issues.filter((i) => i.kind === 'narrative_mismatch');
    const documented = (i: Issue): boolean => DOCUMENTED_BREAKS.some(([, amount]) => amount === i.found);
    expect(mismatches.filter((i) => !documented(i))).toEqual([]);
    const result = resultOf(doc.validation.checks, 'narrative_totals');
    // Only 三公 and its five parts (the table is printed empty) and 机关运行经费 (no such table) lack a figure.
    expect(result).toMatchObject({ status: 'pass', evaluated: statements.length - 7, failed: 0 });
  });
});
