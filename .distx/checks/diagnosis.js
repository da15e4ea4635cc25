import Big from 'big.js';
import { decimalsOf } from '../normalize/amounts.js';
import { at, describeAt, fmt, label, rowLabel } from './shared.js';
/**
 * Diagnosis: what the comparisons, taken together, say about one printed figure. A check sees one
 * comparison; an auditor reading several failures sees where they meet. Both steps are pure
 * functions of the instances the other checks returned.
 */
const rowIds = new WeakMap();
let nextRowId = 0;
/** One printed figure's identity (its row object and column), to meet it again in another comparison's covers. */
function figureId(f) {
    if (!rowIds.has(f.row))
        rowIds.set(f.row, nextRowId++);
    return `${rowIds.get(f.row)}|${f.measure}`;
}
/** The figures every instance read, or none when one of them read nothing. */
function common(instances) {
    const [first, ...rest] = instances;
    if (!first?.covers)
        return [];
    const others = rest.map((i) => new Set((i.covers ?? []).map(figureId)));
    return first.covers.filter((f) => others.every((s) => s.has(figureId(f))));
}
/**
 * Whether a document is held to its last printed place. Figures rounded from finer amounts leave
 * sums a unit or so off their printed totals here and there, independently; a document whose many
 * sums all agree exactly was added up in its printed unit, and in it a few gaps that all read one
 * figure (with a break that reads it too, or with each other) are that figure misprinted, not
 * rounding. Returns the rounding gaps to report, or none.
 */
export function gapsToReport(compared, data) {
    const gaps = compared.filter((i) => i.verdict === 'rounding' && i.strict);
    const exactSums = compared.filter((i) => i.verdict === 'held' && (i.terms ?? 1) >= 2).length;
    const none = { gaps: [], exactSums };
    if (!gaps.length || gaps.length > data.maxGaps || exactSums < data.minExactSums)
        return none;
    const shared = new Set(common(gaps).map(figureId));
    if (!shared.size)
        return none;
    const corroborated = gaps.length >= 2 || exactSums >= data.minExactSumsForLoneGap || compared.some((i) => i.verdict === 'broken' && i.covers?.some((f) => shared.has(figureId(f))));
    return corroborated ? { gaps, exactSums } : none;
}
/** A rounding gap reported as a break: the comparison's own finding, with why it counts here. */
export function reportedGap(i, exactSums) {
    const findings = [i.strict()].map((f) => ({
        ...f,
        issue: { ...f.issue, message: `${f.issue.message}; within rounding, but this document's other ${exactSums} sums agree to the last printed place and its failures meet in one figure, so it is a misprint` },
    }));
    return { ...i, verdict: 'broken', findings, strict: undefined };
}
/** Failing comparisons that read a figure in common, joined: each group is one story. */
function groupsOf(failed) {
    const groups = [];
    for (const i of failed) {
        const ids = new Set((i.covers ?? []).map(figureId));
        const touching = groups.filter((g) => [...ids].some((id) => g.ids.has(id)));
        const merged = { ids: new Set([...ids, ...touching.flatMap((g) => [...g.ids])]), members: [...touching.flatMap((g) => g.members), i] };
        for (const g of touching)
            groups.splice(groups.indexOf(g), 1);
        groups.push(merged);
    }
    return groups.map((g) => g.members);
}
/** 元 in a 万元: what a figure printed under the wrong unit label is off by. */
const YUAN_PER_WAN = 10_000;
/** How near a ratio must come to it: a 万元 figure keeps six significant digits at least. */
const RATIO_SLACK = 1e-3;
/** A failed comparison whose two sides are 10,000 times apart. */
export function isScaled(i) {
    const issue = i.findings[0]?.issue;
    if (!issue?.found || !issue.expected || !i.covers?.length)
        return false;
    const r = Math.abs(issue.found / issue.expected);
    return Math.abs(r / YUAN_PER_WAN - 1) <= RATIO_SLACK || Math.abs(r * YUAN_PER_WAN - 1) <= RATIO_SLACK;
}
/**
 * Failing comparisons whose two sides are 10,000 times apart: one of the tables prints 元 under a
 * 万元 label or the reverse (or our reading took its label wrong), not a misprint of each figure.
 * One finding per table that every such failure reads, else per pair.
 */
export function mislabeledUnits(def, failed) {
    const scaled = failed.filter(isScaled);
    const tablesOf = (i) => [...new Set(i.covers.map((f) => f.table))];
    const pairs = new Map();
    for (const i of scaled) {
        const tables = tablesOf(i).sort((a, b) => a.title.localeCompare(b.title));
        const key = tables.map((t) => `${t.type}|${t.title}`).join('‖');
        const entry = pairs.get(key) ?? { tables, instances: [] };
        entry.instances.push(i);
        pairs.set(key, entry);
    }
    if (!pairs.size)
        return { considered: 0, findings: [] };
    // A table in every pair is the one whose label is off; else each pair is reported as it is.
    const all = [...pairs.values()];
    const shared = all[0].tables.filter((t) => all.every((p) => p.tables.includes(t)));
    const findings = shared.length === 1 && all.length > 1 ? [unitFinding(def, shared, scaled.length)] : all.map((p) => unitFinding(def, p.tables, p.instances.length));
    return { considered: all.length, findings };
}
function unitFinding(def, tables, failures) {
    const named = tables.map((t) => `${label(t)} (labelled ${t.unit})`).join(' and ');
    const issue = {
        kind: 'unit_mislabeled',
        severity: def.severity,
        check: def.id,
        table: tables[0].type,
        at: tables[0].at,
        message: tables.length === 1
            ? `${named}: ${failures} failing comparison${failures === 1 ? '' : 's'} with other figures are 10,000 times apart: it prints 元 under a 万元 label or the reverse; check the unit line above the table`
            : `${named}: ${failures} failing comparison${failures === 1 ? '' : 's'} between them are 10,000 times apart: one prints 元 under a 万元 label or the reverse; check the unit lines above the tables`,
    };
    return { issue, table: tables.length === 1 ? tables[0] : undefined };
}
export function locateMisprints(def, failed) {
    const withFigures = failed.filter((i) => i.covers?.length);
    const groups = groupsOf(withFigures);
    const findings = groups.flatMap((g) => {
        const shared = g.length >= 2 ? common(g) : [];
        const truth = shared.length === 1 ? agreedTruth(g, shared[0]) : undefined;
        if (truth !== undefined)
            return [misprintFinding(def, shared[0], `is the one figure all ${g.length} failing comparisons around it read, and as ${fmt(truth)} it would make each of them hold`)];
        const named = g.flatMap((i) => byDigits(i)).filter((x, k, all) => all.findIndex((y) => figureId(y.figure) === figureId(x.figure)) === k);
        return named.length === 1 ? [misprintFinding(def, named[0].figure, named[0].why)] : [];
    });
    return { considered: groups.length, findings };
}
/** The value a figure would have to hold for a failed equality to hold: the sum of the others for its total, itself plus the gap for a part. */
function impliedTruth(i, f) {
    const issue = i.findings[0]?.issue;
    if (i.bound || !issue || issue.found === undefined || issue.expected === undefined)
        return undefined;
    const printed = f.row.values[f.measure];
    const isFound = printed === issue.found && JSON.stringify(at(f.row, f.measure)) === JSON.stringify(issue.at);
    return isFound ? new Big(issue.expected) : new Big(printed).plus(new Big(issue.found).minus(issue.expected));
}
/**
 * The value of `f` that makes every failed equality of the group hold, if they agree on it within
 * the rounding they allow (bounds say nothing); the first equality's, as the one reported.
 */
function agreedTruth(group, f) {
    const equalities = group.filter((i) => !i.bound);
    const values = equalities.map((i) => impliedTruth(i, f));
    if (!values.length || values.some((v) => v === undefined))
        return undefined;
    const slack = Math.max(0, ...equalities.map((i) => i.tolerance ?? 0));
    return values.every((v) => v.minus(values[0]).abs().lte(slack)) ? values[0].toNumber() : undefined;
}
/** The figure of one failed equality whose printed digits, slipped back, make it hold: none when several could. */
function byDigits(i) {
    const candidates = (i.covers ?? []).flatMap((f) => {
        const truth = impliedTruth(i, f);
        if (truth === undefined)
            return [];
        const printed = f.row.values[f.measure];
        return [{ figure: f, truth: truth.toNumber(), slip: slipBetween(printed, truth.toNumber()) }];
    });
    for (const kind of ['swap', 'digit']) {
        const fits = candidates.filter((c) => c.slip === kind);
        if (fits.length === 1) {
            const c = fits[0];
            return [{ figure: c.figure, why: `would make the comparison hold as ${fmt(c.truth)} (${kind === 'swap' ? 'two adjacent digits swapped' : 'one digit changed'}), and no other figure of it would` }];
        }
        if (fits.length > 1)
            return [];
    }
    return [];
}
/** How a printed figure differs from a value in its digits: two adjacent ones swapped, one changed, or otherwise. */
export function slipBetween(printed, value) {
    if (printed === value || Math.sign(printed) !== Math.sign(value) && value !== 0)
        return undefined;
    const places = Math.max(decimalsOf(printed), decimalsOf(value));
    const [a, b] = [printed, value].map((v) => new Big(v).abs().toFixed(places).replace('.', ''));
    const width = Math.max(a.length, b.length);
    const [x, y] = [a.padStart(width, '0'), b.padStart(width, '0')];
    const differ = [...x].flatMap((ch, k) => (ch !== y[k] ? [k] : []));
    if (differ.length === 1)
        return 'digit';
    const [p, q] = differ;
    if (differ.length === 2 && q === p + 1 && x[p] === y[q] && x[q] === y[p])
        return 'swap';
    return undefined;
}
function misprintFinding(def, f, why) {
    const where = at(f.row, f.measure);
    const value = f.row.values[f.measure];
    const issue = {
        kind: 'misprint_located',
        severity: def.severity,
        check: def.id,
        table: f.table.type,
        key: f.row.key,
        measure: f.measure,
        found: value,
        at: where,
        message: `${label(f.table)} row ${rowLabel(f.row)}, column ${f.measure}: ${fmt(value)} (at ${describeAt(where)}) ${why}; it is the likely misprint`,
    };
    return { issue, table: f.table };
}
