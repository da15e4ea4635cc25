import { columnsByWords, headerWordOf, measureOfLabel } from '../tables/header.js';
import { classOfName } from './codes.js';
import { sumExact } from './amounts.js';
import { eachOrderPreserving } from './place.js';
import { baseRow, compact } from './built.js';
import { isSubtotalLine, lineKeyOf, NESTED, ORDINAL, stripOrdinal } from './line-keys.js';
const LEADING_ZERO = /^0\d+$/;
/**
 * A row's tokens → label/number segments; a label that starts with an ordinal or names a line by
 * itself starts a new segment. `rightFrom`: the cell where a two-sided summary's expenditure side
 * begins, when its header says (`收入 | | 支出`).
 */
export function segmentsOf(row, rightFrom) {
    const segs = [];
    let seenLabel = false;
    for (const t of row.tokens) {
        if (t.kind === 'label') {
            const last = segs[segs.length - 1];
            // "一般公共预算 | 小计 | 1794.14": a 小计/合计 cell completes the label before it.
            const completes = last !== undefined && !last.numbers.length && /^(小计|合计)$/.test(compact(t.text)) && lineKeyOf(last.label) !== undefined;
            const startsNew = !completes && (!last || last.numbers.length > 0 || ORDINAL.test(compact(t.text)) || /^其中/.test(t.text) || standsAlone(t.text) || standsAlone(last.label));
            // Without the header's word, a label printed right of the first cell with nothing before it is the right-hand side.
            const side = rightFrom !== undefined && t.idx !== undefined ? Number(t.idx >= rightFrom) : segs.length || (t.idx ?? 0) > 0 ? 1 : 0;
            if (startsNew)
                segs.push({ label: t.text, numbers: [], at: t.at, side });
            else
                last.label += t.text;
            seenLabel = true;
        }
        else {
            // Numbers before any label: a row whose label is a column header (三公 tables print
            // "1.10 1.10" under "“三公”经费合计"), or a serial, which no key matches.
            if (!seenLabel && !segs.length)
                segs.push({ label: '', numbers: [], at: t.at, side: 0 });
            const v = Number(t.text.replace(/,/g, ''));
            // A whole number with a leading zero (`01004330`, a 政府采购目录序号) is a code: no amount prints one (`06.00` is an amount misprinted).
            if (Number.isFinite(v) && !LEADING_ZERO.test(t.text))
                segs[segs.length - 1].numbers.push({ value: v, at: t.at, decimal: t.text.includes('.'), idx: t.idx });
        }
    }
    return segs.map((s) => ({ ...s, label: compact(s.label) }));
}
const standsAloneMemo = new Map();
/** A label that names a line by itself (a fuzzy class lookup: memoized, labels repeat). */
function standsAlone(label) {
    const t = stripOrdinal(label);
    let hit = standsAloneMemo.get(t);
    if (hit === undefined) {
        hit = t.length >= 2 && (lineKeyOf(t) !== undefined || classOfName(t) !== undefined);
        standsAloneMemo.set(t, hit);
    }
    return hit;
}
/** 一、 opens a heading; （一） 1、 1. open its parts. */
function ordinalLevel(label) {
    if (/^[一二三四五六七八九十]+[、.．]/.test(label))
        return 1;
    if (/^[(（][一二三四五六七八九十]+[)）]|^\d+[、.．](?!\d)/.test(label))
        return 2;
    return 0;
}
/** Summary measures a line may print beside its amount, read from the header word above the number (Shanghai's 人员经费 | 公用经费 | 项目支出). */
const SUMMARY_SPLIT = new Set(['basic', 'project', 'personnel', 'public', 'general_budget', 'government_fund', 'state_capital']);
/** The cell where the expenditure side of a two-sided summary begins: its header's 支出 word. */
function expenditureSideOf(header) {
    for (const l of header) {
        if (!l.delimited)
            continue;
        const cells = l.cells.map((c) => compact(c.text));
        const income = cells.findIndex((t) => /^(本年|财政拨款)?收入$/.test(t));
        const spending = cells.findIndex((t) => /^(本年|财政拨款)?支出$/.test(t));
        if (income >= 0 && spending > income)
            return spending;
    }
    return undefined;
}
/**
 * Whether a split adds up to the line's amount (parts of 基本支出 and 项目支出, or the funds): what
 * picks the reading of a split printed without cell positions. With positions, the header's words
 * place the numbers (the amount under 合计 says the header is lined up) and summary_split_columns
 * checks the sum: a misprinted part stays in the output to be reported, not dropped.
 */
function splitAddsUp(values) {
    const { amount, basic, personnel, public: pub, project, general_budget: gb, government_fund: gf, state_capital: sc } = values;
    if (amount === undefined)
        return false;
    const eq = (parts, total) => Math.abs(sumExact(parts.map((v) => v ?? 0)) - total) < 1e-6;
    const purpose = [basic, personnel, pub, project].some((v) => v !== undefined);
    const funds = [gb, gf, sc].some((v) => v !== undefined);
    if (purpose) {
        const basicOk = basic === undefined || personnel === undefined || eq([personnel, pub], basic);
        if (!basicOk || !eq([basic ?? sumExact([personnel ?? 0, pub ?? 0]), project], amount))
            return false;
    }
    return !funds || eq([gb, gf, sc], amount);
}
/** The split columns a header names that are no group of others, in their usual order (人员经费, 公用经费, 项目支出). */
function splitLeaves(headerText) {
    const present = columnsByWords(headerText, 'expenditure').map((c) => c.measure);
    const purpose = ['personnel', 'public', 'project'].filter((m) => present.includes(m));
    return purpose.length >= 2 ? purpose : [];
}
/** The one order-preserving placement of `numbers` into `leaves` that adds up to `amount`, if exactly one does. */
function uniqueSplit(amount, numbers, leaves) {
    const fits = [];
    eachOrderPreserving(numbers.length, leaves.length, (cols) => {
        const placed = cols.map((c, k) => [leaves[c], numbers[k]]);
        if (splitAddsUp({ amount, ...Object.fromEntries(placed.map(([m, n]) => [m, n.value])) }))
            fits.push(placed);
        return fits.length < 2;
    });
    return fits.length === 1 ? fits[0] : undefined;
}
/** The deepest header label printed at each cell index of a delimited header. */
function headerLabels(header) {
    const labels = new Map();
    for (const l of header)
        if (l.delimited)
            l.cells.forEach((c, i) => { if (compact(c.text))
                labels.set(i, compact(c.text)); });
    return labels;
}
/**
 * Summary lines. A heading line that carries its own amount (`一、本年收入 9010.57`,
 * `二、上年结转 8.36`, `一、财政拨款收入 171,915,169`) is followed by its parts (`（一）一般公共预算拨款`,
 * `1、一般公共预算资金`); the parts restate the heading, so the heading goes to `subtotals` when it
 * is a subtotal itself, and the parts beside it when it is a row (carry-over, whose parts are keyed
 * `carryover.<fund>`).
 */
export function linesTable(raw) {
    const printed = [];
    const subtotals = [];
    const issues = [];
    const used = new Set();
    let heading;
    let sourceSeen = false;
    // 决算 tables print a 行次 (line number) column between each label and its amount.
    const lineNumbers = /行次/.test(raw.header.map((l) => l.text).join(''));
    const labelsAt = headerLabels(raw.header);
    const leaves = splitLeaves(raw.header.map((l) => l.text).join(' '));
    const rightFrom = expenditureSideOf(raw.header);
    const splitColumns = new Set();
    for (const r of raw.rows) {
        for (const seg of segmentsOf(r, rightFrom)) {
            if (lineNumbers && seg.numbers.length && Number.isInteger(seg.numbers[0].value) && !seg.numbers[0].decimal)
                seg.numbers.shift();
            if (!seg.numbers.length) {
                if (lineKeyOf(seg.label) === 'carryover')
                    heading = 'carryover';
                continue;
            }
            let key = lineKeyOf(seg.label);
            let kind = 'line';
            let partOfSubtotal = false;
            if (key === 'carryover')
                heading = 'carryover';
            else if (key === 'income_total' && !sourceSeen)
                heading = 'income_total';
            else if (key?.startsWith('income_'))
                heading = undefined;
            if (key && NESTED.has(key)) {
                if (heading === 'carryover')
                    key = `carryover.${key}`;
                else if (heading === 'income_total')
                    partOfSubtotal = true;
                else
                    sourceSeen = true;
            }
            // A 其中 line restates a part of the line above it (其中:政府性基金预算财政拨款 under 财政拨款收入).
            const parent = /^其中/.test(seg.label) && key && !key.includes('.') ? printed.filter((x) => x.side === seg.side).pop()?.row : undefined;
            if (parent && key) {
                key = `${parent.key}.${key}`;
                partOfSubtotal = true;
            }
            // A bare 合计 closing a two-sided summary is the grand total of its side.
            if (!key && /^(合计|总计)$/.test(seg.label))
                key = seg.side ? 'expenditure_grand_total' : 'income_grand_total';
            if (!key) {
                const cls = classOfName(seg.label);
                if (cls)
                    key = cls.code;
            }
            if (!key)
                continue;
            if (/total/.test(key))
                kind = 'total';
            const first = seg.numbers[0];
            if (used.has(key)) {
                // A second 收入合计 after 本年收入合计 is the grand total ("or the last 收入合计 line").
                if (!first)
                    continue;
                const prev = printed.find((x) => x.row.key === key)?.row;
                if (prev && /grand_total/.test(key)) {
                    prev.values = { amount: first.value };
                    prev.sources = { amount: first.at };
                }
                continue;
            }
            used.add(key);
            const row = baseRow(key, kind, stripOrdinal(seg.label), seg.at);
            if (first) {
                row.values.amount = first.value;
                row.sources.amount = first.at;
            }
            const split = {};
            const splitAt = {};
            for (const n of seg.numbers.slice(1)) {
                const measure = n.idx === undefined ? undefined : measureOfLabel(labelsAt.get(n.idx) ?? '');
                if (!measure || !SUMMARY_SPLIT.has(measure) || split[measure] !== undefined)
                    continue;
                split[measure] = n.value;
                splitAt[measure] = n.at;
            }
            // The amount itself must stand under the total's word (合计), or the header is not lined up;
            // and every other number under a split's word, or the split read would be only part of it.
            const underTotal = first?.idx !== undefined && measureOfLabel(labelsAt.get(first.idx) ?? '') === 'total';
            const whole = Object.keys(split).length === seg.numbers.length - 1;
            if (Object.keys(split).length && underTotal && whole) {
                Object.assign(row.values, split);
                Object.assign(row.sources, splitAt);
                Object.keys(split).forEach((m) => splitColumns.add(m));
            }
            else if (first && first.idx === undefined && seg.numbers.length > 1 && leaves.length) {
                // Without cell positions (a space-separated dump): the one order-preserving reading into the
                // header's leaf columns that adds up, or none.
                const only = uniqueSplit(row.values.amount, seg.numbers.slice(1), leaves);
                if (only) {
                    for (const [m, n] of only) {
                        row.values[m] = n.value;
                        row.sources[m] = n.at;
                        splitColumns.add(m);
                    }
                }
            }
            if (partOfSubtotal || isSubtotalLine(key))
                subtotals.push(row);
            else
                printed.push({ row, level: ordinalLevel(seg.label), side: seg.side });
        }
    }
    const headings = headingsOf(printed);
    const rows = printed.filter((x) => !headings.has(x)).map((x) => x.row);
    for (const h of headings)
        subtotals.push(h.row);
    // 财政拨款 printed without an ordinal right under 一般公共预算 is its 其中 line; the central
    // template's lone 一、财政拨款 is its general-budget line.
    const lone = printed.find((x) => x.row.key === 'appropriation' && !headings.has(x));
    const above = lone && printed.filter((x) => x.side === lone.side && printed.indexOf(x) < printed.indexOf(lone)).pop();
    if (lone && lone.level === 0 && above?.row.key === 'general_budget')
        lone.row.key = 'general_budget.appropriation';
    else if (lone && !used.has('general_budget'))
        lone.row.key = 'general_budget';
    const columns = [{ measure: 'amount', path: ['金额'], children: [] }, ...[...splitColumns].map((m) => ({ measure: m, path: [headerWordOf(m)], children: [] }))];
    return { rows, subtotals, columns, issues };
}
/**
 * Income headings whose numbered parts follow them on the same side and add up to them: they
 * restate their parts. Expenditure classes are never headings here (their sections are not lines).
 */
function headingsOf(lines) {
    const out = new Set();
    lines.forEach((h, i) => {
        if (h.level !== 1 || /^\d/.test(h.row.key) || h.row.values.amount === undefined)
            return;
        const parts = [];
        for (const x of lines.slice(i + 1).filter((x) => x.side === h.side)) {
            if (x.level !== 2)
                break;
            parts.push(x);
        }
        const amounts = parts.map((p) => p.row.values.amount).filter((v) => v !== undefined);
        if (amounts.length && Math.abs(sumExact(amounts) - h.row.values.amount) < 1e-6)
            out.add(h);
    });
    return out;
}
