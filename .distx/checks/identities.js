import { loadJson } from '../data.js';
import { identitiesFor } from '../normalize/place.js';
import { namedEconomicCodes } from './economic-names.js';
import { procurementNests } from './procurement.js';
import { CLASS_KEY, NOT_APPLICABLE, SUMMARY, compareAtLeast, compareIn, doubtfulReading, econCode, identityIssue, instance, isEcon, covering, figuresOf, isFunctional, judged, printedRows, rowByKey, totalRow, unknown, } from './shared.js';
/** Row and group identities inside one table: each takes one table and returns its instances. */
const UNNAMED = /^col_\d+$/;
/**
 * parent = Σ children (data/identities.json) on every row printing the parent and a child. A
 * column whose header is unreadable (`col_13`, often an empty trailing one) may hold a source:
 * a row printing nothing there is checked against the named columns; one printing there is
 * checked only by identities that do not depend on which columns are present.
 */
function rowIdentity(t, _ctx, def) {
    if (t.empty)
        return NOT_APPLICABLE;
    const measures = t.columns.map((c) => c.measure);
    const unnamed = measures.filter((m) => UNNAMED.test(m));
    const all = identitiesFor(measures, t.type);
    const named = unnamed.length ? identitiesFor(measures.filter((m) => !UNNAMED.test(m)), t.type) : all;
    if (!all.length && !named.length)
        return NOT_APPLICABLE;
    const instances = printedRows(t).flatMap((row) => {
        const identities = unnamed.some((m) => row.values[m] !== undefined) ? all : named;
        return identities.flatMap((idn) => rowIdentityInstance(def, t, row, idn));
    });
    return { applicable: true, instances };
}
function rowIdentityInstance(def, t, row, idn) {
    const parent = row.values[idn.parent];
    // A blank child is 0 only beside a printed one: a row printing none says nothing about the split.
    const terms = idn.children.map((c) => row.values[c]).filter((v) => v !== undefined);
    if (parent === undefined || !terms.length)
        return [];
    const c = idn.atLeast ? compareAtLeast(t, terms, parent) : compareIn(t, terms, parent);
    const how = `${idn.children.join(' + ')}${idn.atLeast ? ' at least' : ''}`;
    if (idn.reading && c.verdict === 'broken')
        return [instance('unknown', [doubtfulReading(t, row, idn.parent, how)])];
    const covers = [idn.parent, ...idn.children].flatMap((m) => figuresOf(t, [row], m));
    return [covering(judged(c, () => identityIssue(def, t, row, idn.parent, c, how), t.unit, terms.length), covers)];
}
/** The rows at the top printed level, per code family; unit and other line rows never sum to a total. */
function topLevelGroups(rows) {
    const functional = rows.filter(isFunctional);
    const byLength = (n) => functional.filter((r) => r.key.length === n);
    const fTop = [3, 5, 7].map(byLength).find((g) => g.length) ?? [];
    const economic = economicFamily(rows);
    const econ = rows.filter((r) => economic.code(r) !== undefined);
    const econClasses = econ.filter((r) => economic.code(r).length === 3);
    const groups = [
        { name: 'functional', rows: fTop },
        { name: 'economic', rows: econClasses.length ? econClasses : econ },
        { name: 'project', rows: rows.filter((r) => r.kind === 'project') },
    ];
    return groups.filter((g) => g.rows.length);
}
/** Each column of the top-level rows sums to the total row. */
function columnSum(t, _ctx, def) {
    const total = totalRow(t);
    const groups = topLevelGroups(printedRows(t));
    if (t.empty || !total || !groups.length)
        return NOT_APPLICABLE;
    const instances = groups.flatMap((g) => Object.entries(total.values).flatMap(([measure, found]) => {
        const terms = g.rows.map((r) => r.values[measure]).filter((v) => v !== undefined);
        if (!terms.length)
            return [];
        const c = compareIn(t, terms, found);
        const judgedSum = judged(c, () => identityIssue(def, t, total, measure, c, `sum of ${terms.length} ${g.name} rows`), t.unit, terms.length);
        return [covering(judgedSum, figuresOf(t, [total, ...g.rows], measure))];
    }));
    return { applicable: true, instances };
}
const FUNCTIONAL_FAMILY = { code: (r) => (isFunctional(r) ? r.key : undefined), levels: [3, 5, 7] };
/** Economic rows of a table: coded, or named by the classification without a code (economic-names.ts). */
function economicFamily(rows) {
    const named = namedEconomicCodes(rows);
    return { code: (r) => (isEcon(r) ? econCode(r) : named.get(r)), levels: [3, 5] };
}
/**
 * The printed children of the parent at `index`: rows after it, up to the next row that is not
 * inside its code (a sibling, a unit row opening another unit's block, the total). Reading in
 * order keeps a code repeated under several units attached to its own parent. Children are the
 * next level down, or the level below that when the middle level is not printed.
 */
export function childrenOf(rows, index, family) {
    const parent = family.code(rows[index]);
    const span = [];
    const spanRows = [];
    for (const row of rows.slice(index + 1)) {
        if (row.kind === 'unit' || row.kind === 'total')
            break;
        const code = family.code(row);
        if (code === undefined)
            continue;
        if (code.length <= parent.length || !code.startsWith(parent))
            break;
        span.push(code);
        spanRows.push(row);
    }
    const lower = family.levels.filter((n) => n > parent.length);
    const level = lower.find((n) => span.some((c) => c.length === n));
    return level === undefined ? [] : spanRows.filter((r) => family.code(r).length === level);
}
/** A class is the sum of its sections, a section of its items, per column printed on both. */
function codeHierarchy(t, _ctx, def) {
    const rows = printedRows(t);
    const instances = [FUNCTIONAL_FAMILY, economicFamily(rows)].flatMap((family) => rows.flatMap((row, i) => {
        const code = family.code(row);
        if (code === undefined || code.length === family.levels[family.levels.length - 1])
            return [];
        const children = childrenOf(rows, i, family);
        return children.length ? hierarchyInstances(def, t, row, children) : [];
    }));
    return instances.length ? { applicable: true, instances } : NOT_APPLICABLE;
}
function hierarchyInstances(def, t, parent, children) {
    return Object.entries(parent.values).flatMap(([measure, found]) => {
        const terms = children.map((r) => r.values[measure]).filter((v) => v !== undefined);
        if (!terms.length)
            return [];
        const c = compareIn(t, terms, found);
        const how = `sum of ${children.map((r) => r.key).join(', ')}`;
        return [covering(judged(c, () => identityIssue(def, t, parent, measure, c, how), t.unit, terms.length), figuresOf(t, [parent, ...children], measure))];
    });
}
/**
 * 政府采购预算表: the total is the sum of its categories (货物, 工程, 服务), a category of the
 * project lines under it, a project line of the purchases it lists (levels: procurement.ts).
 */
function procurementSums(t, _ctx, def) {
    if (t.type !== 'procurement' || t.empty)
        return NOT_APPLICABLE;
    const instances = procurementNests(printedRows(t)).flatMap(({ parent, children }) => hierarchyInstances(def, t, parent, children));
    return instances.length ? { applicable: true, instances } : NOT_APPLICABLE;
}
/**
 * Unit rows (`304 延津县医疗保障局`, `304001 …`) repeat what they head: per column, the total row
 * is the sum of the top-level unit rows, and a unit row the sum of the unit rows under it (its
 * code followed by more digits). A misprint in a row that restates the total is caught here.
 */
function unitRows(t, _ctx, def) {
    const units = printedRows(t).filter((r) => r.kind === 'unit' && /^\d+$/.test(r.key));
    const total = totalRow(t);
    if (t.empty || !units.length)
        return NOT_APPLICABLE;
    const top = Math.min(...units.map((u) => u.key.length));
    const groups = [
        ...(total ? [{ parent: total, children: units.filter((u) => u.key.length === top) }] : []),
        ...units.map((u) => {
            const below = units.filter((c) => c.key.length > u.key.length && c.key.startsWith(u.key));
            const next = Math.min(...below.map((c) => c.key.length));
            return { parent: u, children: below.filter((c) => c.key.length === next) };
        }),
    ].filter((g) => g.children.length);
    const instances = groups.flatMap(({ parent, children }) => Object.entries(parent.values).flatMap(([measure, found]) => {
        const terms = children.map((r) => r.values[measure]).filter((v) => v !== undefined);
        if (!terms.length)
            return [];
        const c = compareIn(t, terms, found);
        const how = `sum of unit rows ${children.map((r) => r.key).join(', ')}`;
        return [covering(judged(c, () => identityIssue(def, t, parent, measure, c, how), t.unit, terms.length), figuresOf(t, [parent, ...children], measure))];
    }));
    return instances.length ? { applicable: true, instances } : NOT_APPLICABLE;
}
// Summary tables print one amount per line; their identities are between lines.
const SUMMARY_TYPES = new Set(['summary', 'fiscal_summary']);
export const amountOf = (t, key) => rowByKey(t, key)?.values[SUMMARY.measure];
/** `parentKey` = Σ `termKeys` on a summary table, when the parent and `required` are printed. */
function summaryIdentity(def, t, parentKey, termKeys, required) {
    if (!SUMMARY_TYPES.has(t.type) || t.empty)
        return NOT_APPLICABLE;
    const parent = rowByKey(t, parentKey);
    const found = parent?.values[SUMMARY.measure];
    const printed = termKeys.filter((k) => amountOf(t, k) !== undefined);
    if (!parent || found === undefined || !required.every((k) => printed.includes(k)) || !printed.length) {
        return { applicable: true, instances: [unknown()] };
    }
    const c = compareIn(t, printed.map((k) => amountOf(t, k)), found);
    const covers = figuresOf(t, [parent, ...printed.map((k) => rowByKey(t, k))], SUMMARY.measure);
    return { applicable: true, instances: [covering(judged(c, () => identityIssue(def, t, parent, SUMMARY.measure, c, printed.join(' + ')), t.unit, printed.length), covers)] };
}
function summaryGrandTotals(t, _ctx, def) {
    return summaryIdentity(def, t, 'expenditure_grand_total', ['income_grand_total'], ['income_grand_total']);
}
function summaryIncomeAddsUp(t, _ctx, def) {
    return summaryIdentity(def, t, 'income_grand_total', ['income_total', ...SUMMARY.incomeAdditions], ['income_total']);
}
function summaryExpenditureAddsUp(t, _ctx, def) {
    return summaryIdentity(def, t, 'expenditure_grand_total', ['expenditure_total', ...SUMMARY.expenditureAdditions], ['expenditure_total']);
}
const PART_OF_LINE_ABOVE = new RegExp(SUMMARY.partOfLineAbove);
/**
 * A subtotal line (单位资金) is left out when its parts are printed, or they would count twice;
 * so is a 其中 line, a part of the line above it.
 */
function incomeSourcesOf(t) {
    const printed = SUMMARY.incomeSources.filter((k) => {
        const row = rowByKey(t, k);
        return row?.values[SUMMARY.measure] !== undefined && !PART_OF_LINE_ABOVE.test(row.name);
    });
    return printed.filter((k) => !(SUMMARY.subtotals[k] ?? []).some((part) => printed.includes(part)));
}
/**
 * The line the current year's lines sum to: 本年收入合计 (本年支出合计), or, where the table prints
 * none and nothing is added to the year's figures (no 结转 line), the grand total 收入合计
 * (支出合计) that then equals it (000's 财政拨款收支预算表).
 */
function currentTotalKey(t, current, grand, additions) {
    if (amountOf(t, current) !== undefined)
        return current;
    const added = printedRows(t).some((r) => additions.some((k) => r.key === k || r.key.startsWith(`${k}.`)) && (r.values[SUMMARY.measure] ?? 0) !== 0);
    return added ? current : grand;
}
function summaryIncomeLines(t, _ctx, def) {
    if (!SUMMARY_TYPES.has(t.type))
        return NOT_APPLICABLE;
    const sources = incomeSourcesOf(t);
    return summaryIdentity(def, t, currentTotalKey(t, 'income_total', 'income_grand_total', SUMMARY.incomeAdditions), sources, sources.slice(0, 1));
}
function summaryClassLines(t, _ctx, def) {
    if (!SUMMARY_TYPES.has(t.type))
        return NOT_APPLICABLE;
    const classes = printedRows(t).filter((r) => CLASS_KEY.test(r.key) && r.values[SUMMARY.measure] !== undefined).map((r) => r.key);
    const parent = currentTotalKey(t, 'expenditure_total', 'expenditure_grand_total', SUMMARY.expenditureAdditions);
    return summaryIdentity(def, t, parent, classes, classes.slice(0, 1));
}
const LINES = loadJson('line-identities.json');
/** The purpose lines (基本支出, 项目支出, 单位预留机动经费) add up to the year's expenditure, where printed. */
function summaryPurposeLines(t, _ctx, def) {
    if (!SUMMARY_TYPES.has(t.type) || !LINES.purposes.some((k) => amountOf(t, k) !== undefined))
        return NOT_APPLICABLE;
    const parent = currentTotalKey(t, 'expenditure_total', 'expenditure_grand_total', SUMMARY.expenditureAdditions);
    return summaryIdentity(def, t, parent, LINES.purposes, []);
}
/** A heading line (一、财政拨款) is the sum of the numbered lines under it (1.一般公共预算, 2.政府性基金预算). */
function summaryHeadingParts(t, _ctx, def) {
    if (!SUMMARY_TYPES.has(t.type))
        return NOT_APPLICABLE;
    const printed = Object.entries(LINES.headings).filter(([heading, parts]) => amountOf(t, heading) !== undefined && parts.some((k) => amountOf(t, k) !== undefined));
    const instances = printed.flatMap(([heading, parts]) => summaryIdentity(def, t, heading, parts, []).instances);
    return instances.length ? { applicable: true, instances } : NOT_APPLICABLE;
}
/**
 * Summary lines printing their amount split beside it (Shanghai's 人员经费 | 公用经费 | 项目支出; a
 * 财政拨款收支总表's 一般公共预算 column): per line, the amount is the sum of a split's printed
 * columns; per column, the expenditure total is the sum of the class lines.
 */
function summarySplitColumns(t, _ctx, def) {
    if (!SUMMARY_TYPES.has(t.type))
        return NOT_APPLICABLE;
    const columns = new Set(t.columns.map((c) => c.measure));
    const splits = LINES.splits
        .map((s) => (s.present ? s.children[0].filter((m) => columns.has(m)) : s.children.find((set) => set.every((m) => columns.has(m)))))
        .filter((set) => set !== undefined && set.length > 0);
    if (!splits.length)
        return NOT_APPLICABLE;
    const rows = printedRows(t);
    const byLine = rows.flatMap((row) => splits.flatMap((set) => {
        const found = row.values[SUMMARY.measure];
        const printed = set.filter((m) => row.values[m] !== undefined);
        if (found === undefined || !printed.length)
            return [];
        const c = compareIn(t, printed.map((m) => row.values[m]), found);
        const judgedLine = judged(c, () => identityIssue(def, t, row, SUMMARY.measure, c, printed.join(' + ')), t.unit, printed.length);
        return [covering(judgedLine, ...[SUMMARY.measure, ...printed].map((m) => figuresOf(t, [row], m)))];
    }));
    const total = rowByKey(t, currentTotalKey(t, 'expenditure_total', 'expenditure_grand_total', SUMMARY.expenditureAdditions));
    const classes = rows.filter((r) => CLASS_KEY.test(r.key));
    const byColumn = [...new Set(splits.flat())].flatMap((m) => {
        const found = total?.values[m];
        const terms = classes.map((r) => r.values[m]).filter((v) => v !== undefined);
        if (!total || found === undefined || !terms.length)
            return [];
        const c = compareIn(t, terms, found);
        return [covering(judged(c, () => identityIssue(def, t, total, m, c, `sum of ${terms.length} class lines`), t.unit, terms.length), figuresOf(t, [total, ...classes], m))];
    });
    const instances = [...byLine, ...byColumn];
    return instances.length ? { applicable: true, instances } : NOT_APPLICABLE;
}
/** A numbered part of a split: `（1）基本支出`, `(2)项目支出`. */
const NUMBERED_PART = /^[(（]\d+[)）]/;
/**
 * 部门整体绩效目标表: the 部门预算总额 line against each split printed under it, the numbered lines
 * after a heading (1、资金来源: （1）政府预算资金 …; 2、资金结构: （1）基本支出, （2）项目支出) up to the
 * next heading or the first line that is no numbered part (an indicator). A line printing the
 * heading alone is the split's own subtotal, not a part.
 */
function departmentBudgetSplits(t, _ctx, def) {
    if (t.type !== 'department_performance' || t.empty)
        return NOT_APPLICABLE;
    const rows = printedRows(t);
    const at = rows.findIndex((r) => r.name.includes(LINES.departmentBudget.total));
    if (at < 0)
        return NOT_APPLICABLE;
    const splits = new Map();
    let heading;
    for (const row of rows.slice(at + 1)) {
        const opens = LINES.departmentBudget.splits.find((h) => row.name.includes(h));
        if (opens)
            splits.set((heading = opens), []);
        const rest = opens ? row.name.slice(row.name.indexOf(opens) + opens.length).replace(/^[:：]/, '') : row.name;
        if (heading === undefined || (rest && !NUMBERED_PART.test(rest)))
            break;
        if (rest)
            splits.get(heading).push(row);
    }
    const instances = [...splits.values()].filter((parts) => parts.length).flatMap((parts) => hierarchyInstances(def, t, rows[at], parts));
    return instances.length ? { applicable: true, instances } : NOT_APPLICABLE;
}
const INCOME_LINES = [...SUMMARY.incomeSources, ...SUMMARY.incomeAdditions];
/**
 * An income table listing its sources down the rows (Jiangsu's 收入预算总表: 一般公共预算资金 小计,
 * 其他资金 小计, 其他收入 …): the total is the sum of the sources, a subtotal line (单位资金 / 其他资金)
 * counted once for the parts it sums, and the subtotal is the sum of its printed parts.
 */
function incomeSourceRows(t, _ctx, def) {
    const total = totalRow(t);
    if (t.type !== 'income' || t.empty || !total)
        return NOT_APPLICABLE;
    const printed = INCOME_LINES.flatMap((k) => {
        const row = rowByKey(t, k);
        return row && Object.keys(row.values).length && !PART_OF_LINE_ABOVE.test(row.name) ? [row] : [];
    });
    const subtotals = Object.entries(SUMMARY.subtotals).flatMap(([key, parts]) => {
        const parent = printed.find((r) => r.key === key);
        const children = printed.filter((r) => parts.includes(r.key));
        return parent && children.length ? [{ parent, children }] : [];
    });
    const counted = new Set(subtotals.flatMap((g) => g.children));
    const groups = [{ parent: total, children: printed.filter((r) => !counted.has(r)) }, ...subtotals].filter((g) => g.children.length);
    const instances = groups.flatMap(({ parent, children }) => hierarchyInstances(def, t, parent, children));
    return instances.length ? { applicable: true, instances } : NOT_APPLICABLE;
}
/** This family's checks, by id (data/checks.json). */
export const RULES = {
    row_identity: { scope: 'table', run: rowIdentity },
    column_sum: { scope: 'table', run: columnSum },
    code_hierarchy: { scope: 'table', run: codeHierarchy },
    unit_rows: { scope: 'table', run: unitRows },
    procurement_sums: { scope: 'table', run: procurementSums },
    summary_grand_totals_balance: { scope: 'table', run: summaryGrandTotals },
    summary_income_adds_up: { scope: 'table', run: summaryIncomeAddsUp },
    summary_expenditure_adds_up: { scope: 'table', run: summaryExpenditureAddsUp },
    summary_income_lines: { scope: 'table', run: summaryIncomeLines },
    summary_class_lines: { scope: 'table', run: summaryClassLines },
    summary_purpose_lines: { scope: 'table', run: summaryPurposeLines },
    summary_heading_parts: { scope: 'table', run: summaryHeadingParts },
    income_source_rows: { scope: 'table', run: incomeSourceRows },
    department_budget_splits: { scope: 'table', run: departmentBudgetSplits },
    summary_split_columns: { scope: 'table', run: summarySplitColumns },
};
