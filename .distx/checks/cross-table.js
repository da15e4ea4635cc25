import { CLASS_KEY, ECONOMIC_COLUMNS, NOT_APPLICABLE, SUMMARY, THREE_PUBLIC_CODES, compareAcross, compareIn, crossIssue, econCode, filled, covering, figuresOf, isEcon, isFunctional, judged, printedRows, rowByKey, totalRow, unknown, } from './shared.js';
import { diffExact, sumExact } from '../normalize/amounts.js';
import { amountOf } from './identities.js';
/** Cross-table identities: figures one table prints against those of another. */
/**
 * True when a summary-type table shows no funding besides the current year's general budget:
 * only then do its tables and the general-budget tables cover the same money.
 */
function allGeneralBudget(t) {
    if (SUMMARY.otherFunding.some((k) => (amountOf(t, k) ?? 0) !== 0))
        return false;
    const general = amountOf(t, 'general_budget');
    const grand = amountOf(t, 'income_grand_total');
    return general === undefined || grand === undefined || compareIn(t, [general], grand).verdict !== 'broken';
}
/** `total` of every functional code, summed over repeats (one block per unit). */
function totalsByCode(t) {
    const out = new Map();
    for (const row of printedRows(t).filter(isFunctional)) {
        const v = row.values.total;
        if (v === undefined)
            continue;
        const entry = out.get(row.key) ?? { terms: [], row, rows: [] };
        entry.terms.push(v);
        entry.rows.push(row);
        out.set(row.key, entry);
    }
    return out;
}
function expenditureMatchesGeneral(ctx, def) {
    const exp = filled(ctx.tables, 'expenditure');
    const gen = filled(ctx.tables, 'general_expenditure');
    if (!exp || !gen)
        return NOT_APPLICABLE;
    const funding = filled(ctx.tables, 'summary');
    if (!funding)
        return { applicable: true, instances: [unknown()] };
    // Carryover or other funds put spending in expenditure that general_expenditure never shows.
    if (!allGeneralBudget(funding))
        return NOT_APPLICABLE;
    const a = totalsByCode(exp);
    const b = totalsByCode(gen);
    const levels = (m) => new Set([...m.keys()].map((k) => k.length));
    const aLevels = levels(a);
    const bLevels = levels(b);
    const instances = [];
    for (const code of new Set([...a.keys(), ...b.keys()])) {
        const x = a.get(code);
        const y = b.get(code);
        // A code one table lacks is 0 there only if that table prints codes of the same level.
        if (!x && !aLevels.has(code.length))
            continue;
        if (!y && !bLevels.has(code.length))
            continue;
        const row = y?.row ?? x.row;
        const found = y ? sumExact(y.terms) : 0;
        const c = compareAcross(x?.terms ?? [0], exp, found, gen);
        const covers = [figuresOf(exp, x?.rows ?? [], 'total'), figuresOf(gen, y?.rows ?? [], 'total')];
        instances.push(covering(judged(c, () => crossIssue(def, exp, gen, row, 'total', c, `functional code ${code}`)), ...covers));
    }
    // The total rows agree column by column, finer columns included (a header printed in another
    // order shows up here).
    const ra = totalRow(exp);
    const tb = totalRow(gen);
    for (const [m, va] of Object.entries(ra?.values ?? {})) {
        const vb = tb?.values[m];
        if (vb === undefined || m.startsWith('col_'))
            continue;
        const c = compareAcross([va], exp, vb, gen);
        instances.push(covering(judged(c, () => crossIssue(def, exp, gen, tb, m, c, 'total row')), figuresOf(exp, [ra], m), figuresOf(gen, [tb], m)));
    }
    return { applicable: true, instances };
}
/** Class totals of a coded table: class rows, else its sections, else its items. */
function classTotals(t) {
    const rows = printedRows(t).filter(isFunctional);
    const out = new Map();
    for (const cls of new Set(rows.map((r) => r.key.slice(0, 3)))) {
        const inClass = rows.filter((r) => r.key.startsWith(cls));
        const level = [3, 5, 7].find((n) => inClass.some((r) => r.key.length === n));
        const printed = inClass.filter((r) => r.key.length === level && r.values.total !== undefined);
        if (printed.length)
            out.set(cls, printed);
    }
    return out;
}
const SUMMARY_PAIRS = [
    { summary: 'summary', table: 'expenditure', gated: false },
    { summary: 'fiscal_summary', table: 'general_expenditure', gated: true },
    // Where all income is general budget, the 收支总表's classes are the general budget's too
    // (Jiangsu's 支出预算总表 splits by purpose and prints no classes).
    { summary: 'summary', table: 'general_expenditure', gated: true },
];
function summaryClassesMatchTables(ctx, def) {
    const outcomes = SUMMARY_PAIRS.map((pair) => summaryPairOutcome(ctx, def, pair));
    return { applicable: outcomes.some((o) => o.applicable), instances: outcomes.flatMap((o) => o.instances) };
}
function summaryPairOutcome(ctx, def, pair) {
    const s = filled(ctx.tables, pair.summary);
    const t = filled(ctx.tables, pair.table);
    if (!s || !t || (pair.gated && !allGeneralBudget(s)))
        return NOT_APPLICABLE;
    const lines = printedRows(s).filter((r) => CLASS_KEY.test(r.key) && r.values[SUMMARY.measure] !== undefined);
    const totals = classTotals(t);
    if (!lines.length || !totals.size)
        return { applicable: true, instances: [unknown()] };
    const instances = [];
    for (const cls of new Set([...lines.map((r) => r.key), ...totals.keys()])) {
        const line = lines.find((r) => r.key === cls);
        const found = line?.values[SUMMARY.measure] ?? 0;
        const termRows = totals.get(cls) ?? [];
        const terms = termRows.length ? termRows.map((r) => r.values.total) : [0];
        // Both blank or 0: nothing printed to compare.
        if (found === 0 && sumExact(terms) === 0)
            continue;
        const c = compareAcross(terms, t, found, s);
        // A class the summary leaves blank is reported at the table row that prints it.
        const row = line ?? printedRows(t).find((r) => r.key.startsWith(cls));
        const what = line ? `class ${cls}` : `class ${cls} (no ${s.type} line)`;
        const covers = [figuresOf(t, termRows, 'total'), line ? figuresOf(s, [line], SUMMARY.measure) : []];
        instances.push(covering(judged(c, () => crossIssue(def, t, s, row, line ? SUMMARY.measure : 'total', c, what)), ...covers));
    }
    return { applicable: true, instances };
}
/** The 财政拨款 lines of 收支总表 against the same lines of 财政拨款收支总表, where both print them. */
function summaryMatchesFiscal(ctx, def) {
    const s = filled(ctx.tables, 'summary');
    const f = filled(ctx.tables, 'fiscal_summary');
    if (!s || !f)
        return NOT_APPLICABLE;
    const instances = SUMMARY.fiscalLines.flatMap((key) => {
        const a = rowByKey(s, key);
        const b = rowByKey(f, key);
        const x = a?.values[SUMMARY.measure];
        const y = b?.values[SUMMARY.measure];
        if (x === undefined || y === undefined)
            return [];
        const c = compareAcross([x], s, y, f);
        const covers = [figuresOf(s, [a], SUMMARY.measure), figuresOf(f, [b], SUMMARY.measure)];
        return [covering(judged(c, () => crossIssue(def, s, f, b, SUMMARY.measure, c, `line ${key} (${a.name} / ${b.name})`)), ...covers)];
    });
    return { applicable: true, instances: instances.length ? instances : [unknown()] };
}
/** Funds besides the general budget that 财政拨款 includes: with none printed, 财政拨款 is the general budget. */
const OTHER_FISCAL = ['government_fund', 'state_capital'];
/**
 * 财政拨款基本支出表 against 一般公共预算基本支出表, code by code, where the summaries print no
 * 政府性基金 or 国有资本经营 money (Jiangsu prints both tables; then they are one table twice).
 */
function appropriationBasicMatchesBasic(ctx, def) {
    return printedTwice(ctx, def, ['appropriation_basic_expenditure', 'basic_expenditure'], isEcon, 'economic code');
}
/** 财政拨款支出表 against 一般公共预算支出表, code by code and column by column, on the same condition. */
function appropriationMatchesGeneral(ctx, def) {
    return printedTwice(ctx, def, ['appropriation_expenditure', 'general_expenditure'], isFunctional, 'functional code');
}
/** Two tables that are one table twice where 财政拨款 is all general budget: every row both print, in every named column both print. */
function printedTwice(ctx, def, [aType, bType], coded, what) {
    const a = filled(ctx.tables, aType);
    const b = filled(ctx.tables, bType);
    if (!a || !b)
        return NOT_APPLICABLE;
    const summaries = ['summary', 'fiscal_summary'].map((type) => filled(ctx.tables, type)).filter((t) => t !== undefined);
    if (!summaries.length)
        return { applicable: true, instances: [unknown()] };
    if (summaries.some((t) => OTHER_FISCAL.some((k) => (amountOf(t, k) ?? 0) !== 0)))
        return NOT_APPLICABLE;
    const byKey = (t) => new Map(printedRows(t).filter((r) => coded(r) || r.kind === 'total').map((r) => [r.key, r]));
    const rb = byKey(b);
    const instances = [...byKey(a)].flatMap(([key, x]) => {
        const y = rb.get(key);
        if (!y)
            return [];
        return Object.entries(x.values).flatMap(([m, vx]) => {
            const vy = y.values[m];
            if (vy === undefined || m.startsWith('col_'))
                return [];
            const c = compareAcross([vx], a, vy, b);
            return [covering(judged(c, () => crossIssue(def, a, b, y, m, c, `${what} ${key}`)), figuresOf(a, [x], m), figuresOf(b, [y], m))];
        });
    });
    return { applicable: true, instances: instances.length ? instances : [unknown()] };
}
/**
 * 一般公共预算支出表's 基本支出 by economic class (its total row's 工资福利支出 … columns) against
 * the classes of 一般公共预算基本支出表: the same money split the other way.
 */
function economicColumnsMatchBasic(ctx, def) {
    const g = filled(ctx.tables, 'general_expenditure');
    const b = filled(ctx.tables, 'basic_expenditure');
    const row = g ? totalRow(g) : undefined;
    const columns = Object.entries(ECONOMIC_COLUMNS).filter(([m]) => row?.values[m] !== undefined);
    if (!g || !b || !row || !columns.length)
        return NOT_APPLICABLE;
    const econ = printedRows(b).filter(isEcon);
    const instances = columns.flatMap(([m, cls]) => {
        const classRow = econ.filter((r) => econCode(r) === cls);
        const parts = classRow.length ? classRow : econ.filter((r) => econCode(r).length === 5 && econCode(r).startsWith(cls));
        const terms = parts.map((r) => r.values.total).filter((v) => v !== undefined);
        if (!terms.length)
            return [];
        const c = compareAcross(terms, b, row.values[m], g);
        const covers = [figuresOf(b, parts, 'total'), figuresOf(g, [row], m)];
        return [covering(judged(c, () => crossIssue(def, b, g, row, m, c, `economic class ${cls}`), c.unit, terms.length), ...covers)];
    });
    return { applicable: true, instances: instances.length ? instances : [unknown()] };
}
/** One figure of one table's total row against one of another's. */
function totalsAgree(ctx, def, from, to) {
    const a = filled(ctx.tables, from[0]);
    const b = filled(ctx.tables, to[0]);
    if (!a || !b)
        return NOT_APPLICABLE;
    const x = totalRow(a)?.values[from[1]];
    const row = totalRow(b);
    const y = row?.values[to[1]];
    if (x === undefined || !row || y === undefined)
        return { applicable: true, instances: [unknown()] };
    const c = compareAcross([x], a, y, b);
    const covers = [figuresOf(a, [totalRow(a)], from[1]), figuresOf(b, [row], to[1])];
    return { applicable: true, instances: [covering(judged(c, () => crossIssue(def, a, b, row, to[1], c, `${from[0]} ${from[1]} vs ${to[0]} ${to[1]}`)), ...covers)] };
}
function basicMatchesGeneral(ctx, def) {
    return totalsAgree(ctx, def, ['basic_expenditure', 'total'], ['general_expenditure', 'basic']);
}
function projectMatchesExpenditure(ctx, def) {
    const byTable = totalsAgree(ctx, def, ['project_expenditure', 'total'], ['expenditure', 'project']);
    return byTable.applicable ? byTable : performanceMatchesExpenditure(ctx, def);
}
/** Without a project table, the projects of the performance-target tables add up to 项目支出. */
function performanceMatchesExpenditure(ctx, def) {
    const perf = ctx.tables.filter((t) => t.type === 'project_performance' && !t.empty);
    const exp = filled(ctx.tables, 'expenditure');
    const row = exp ? totalRow(exp) : undefined;
    const projects = perf.flatMap((t) => printedRows(t).filter((r) => r.kind === 'project' && r.values.total !== undefined).map((r) => ({ t, r })));
    if (!exp || !projects.length)
        return NOT_APPLICABLE;
    const found = row?.values.project;
    if (!row || found === undefined)
        return { applicable: true, instances: [unknown()] };
    const c = compareAcross(projects.map((p) => p.r.values.total), projects[0].t, found, exp);
    // One form per project is published for selected projects (西南大学's central special funds,
    // 普陀's 财政项目支出绩效目标填报表): together they reach 项目支出 at most. A table listing the
    // projects is the department's project list and must add up to it.
    const forms = perf.every((t) => printedRows(t).filter((r) => r.kind === 'project').length === 1);
    const verdict = forms && c.found >= c.expected ? 'held' : c.verdict;
    const what = `sum of ${projects.length} projects in the performance-target tables vs expenditure project${forms ? ' (at most)' : ''}`;
    const covers = [...projects.map((p) => figuresOf(p.t, [p.r], 'total')), figuresOf(exp, [row], 'project')];
    return { applicable: true, instances: [covering(judged({ ...c, verdict, bound: forms }, () => crossIssue(def, projects[0].t, exp, row, 'project', c, what)), ...covers)] };
}
/**
 * The same project in 项目支出表 and a 绩效目标表 (same code, else the same name) has the same
 * amount. Performance tables often print fewer decimals (405.6 for 405.64): a figure is
 * compared at the precision it was printed with.
 */
function projectAmountsMatch(ctx, def) {
    const listed = filled(ctx.tables, 'project_expenditure');
    const perf = ctx.tables.filter((t) => t.type === 'project_performance' && !t.empty);
    if (!listed || !perf.length)
        return NOT_APPLICABLE;
    const projects = printedRows(listed).filter((r) => r.kind === 'project' && r.values.total !== undefined);
    const instances = perf.flatMap((t) => printedRows(t)
        .filter((r) => r.kind === 'project' && r.values.total !== undefined)
        .flatMap((r) => {
        // Names are already folded (NFKC, spaces removed) when rows are built.
        const same = projects.filter((p) => p.key === r.key || p.name === r.name);
        if (same.length !== 1)
            return [];
        const c = compareAcross([same[0].values.total], listed, r.values.total, t);
        const printedPrecision = listed.unit === t.unit ? halfLastDigit(r.values.total) : 0;
        const coarser = c.verdict === 'broken' && Math.abs(diffExact(c.found, c.expected)) <= printedPrecision;
        const covers = [figuresOf(listed, same, 'total'), figuresOf(t, [r], 'total')];
        return [covering(judged({ ...c, ...(coarser ? { verdict: 'rounding', lossy: true } : {}) }, () => crossIssue(def, listed, t, r, 'total', c, `project ${r.name}`)), ...covers)];
    }));
    return { applicable: true, instances: instances.length ? instances : [unknown()] };
}
/** Half a unit of the last decimal a figure shows (0.05 for 405.6, 0.5 for 6); at most a cent's half for two decimals. */
function halfLastDigit(v) {
    const decimals = Math.min(2, (String(v).split('.')[1] ?? '').length);
    return decimals >= 2 ? 0.005 : 0.5 * 10 ** -decimals;
}
function threePublicCoversBasic(ctx, def) {
    const three = filled(ctx.tables, 'three_public');
    const basic = filled(ctx.tables, 'basic_expenditure');
    if (!three || !basic)
        return NOT_APPLICABLE;
    const row = totalRow(three);
    const found = row?.values.total;
    const lines = printedRows(basic).filter((r) => isEcon(r) && THREE_PUBLIC_CODES.has(econCode(r)));
    const terms = lines.map((r) => r.values.total).filter((v) => v !== undefined);
    if (!row || found === undefined || !terms.length)
        return { applicable: true, instances: [unknown()] };
    const c = compareAcross(terms, basic, found, three);
    // At least, not equal: 三公 money spent from project funds adds to the table but not to these lines.
    const verdict = c.found >= c.expected ? 'held' : c.verdict;
    const what = `三公 economic lines ${lines.map((r) => r.key).join(', ')} (at least)`;
    const covers = [figuresOf(basic, lines, 'total'), figuresOf(three, [row], 'total')];
    return { applicable: true, instances: [covering(judged({ ...c, verdict, bound: true }, () => crossIssue(def, basic, three, row, 'total', c, what)), ...covers)] };
}
/** This family's checks, by id (data/checks.json). */
export const RULES = {
    expenditure_matches_general: { scope: 'document', run: expenditureMatchesGeneral },
    summary_classes_match_tables: { scope: 'document', run: summaryClassesMatchTables },
    summary_matches_fiscal: { scope: 'document', run: summaryMatchesFiscal },
    basic_matches_general: { scope: 'document', run: basicMatchesGeneral },
    appropriation_matches_general: { scope: 'document', run: appropriationMatchesGeneral },
    economic_columns_match_basic: { scope: 'document', run: economicColumnsMatchBasic },
    appropriation_basic_matches_basic: { scope: 'document', run: appropriationBasicMatchesBasic },
    three_public_covers_basic: { scope: 'document', run: threePublicCoversBasic },
    project_matches_expenditure: { scope: 'document', run: projectMatchesExpenditure },
    project_amounts_match: { scope: 'document', run: projectAmountsMatch },
};
