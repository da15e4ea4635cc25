import Big from 'big.js';
import { loadJson } from '../data.js';
import { decimalsOf, diffExact, roundingTolerance, sumExact } from '../normalize/amounts.js';
import { linesOf } from '../normalize/table.js';
const checksFile = loadJson('checks.json');
export const requiredFile = loadJson('required-tables.json');
export const CHECK_DATA = checksFile.checks;
export const NARRATIVE = checksFile.narrative;
export const SUMMARY = checksFile.summary;
export const LAST_PLACE = checksFile.lastPlace;
export const THREE_PUBLIC_CODES = new Set(checksFile.threePublicEconomicCodes.codes);
export const ECONOMIC_COLUMNS = checksFile.economicColumns.columns;
// ---------------------------------------------------------------------------------------------
// Tolerances.
/** Converted 元 figures are compared with 万元 ones to the 万元 table's last printed place. */
const CONVERTED_TOLERANCE_WAN = 0.01;
/** A narrative figure and the table figure it quotes are the same two-decimal number. */
export const NARRATIVE_TOLERANCE_WAN = roundingTolerance(1);
const YUAN_PER_WAN = 10_000;
/** The figures of `rows` in column `measure` that are printed. */
export const figuresOf = (table, rows, measure) => rows.filter((row) => row.values[measure] !== undefined).map((row) => ({ table, row, measure }));
/** An instance with the figures it read. */
export const covering = (i, ...covers) => ({ ...i, covers: covers.flat() });
export const NOT_APPLICABLE = { applicable: false, instances: [] };
export const unknown = () => ({ verdict: 'unknown', findings: [] });
export const instance = (verdict, findings = []) => ({ verdict, findings });
/** `found` against the sum of `terms`: each printed term may carry half a cent of rounding. */
export function compareSum(terms, found, tolerance = roundingTolerance(terms.length)) {
    const expected = sumExact(terms);
    const diff = Math.abs(diffExact(found, expected));
    const verdict = diff === 0 ? 'held' : diff <= tolerance ? 'rounding' : 'broken';
    return { expected, found, verdict, tolerance };
}
/** `found` must reach the sum of `terms` (it may hold more than they do). */
export function compareAtLeast(t, terms, found) {
    const c = { ...compareIn(t, terms, found), bound: true };
    return found >= c.expected ? { ...c, verdict: 'held' } : c;
}
export function toWan(value, unit) {
    return unit === '元' ? new Big(value).div(YUAN_PER_WAN).toNumber() : value;
}
/** Figures from two tables: same unit compares as printed, else both in 万元 with a cent of slack. */
export function compareAcross(terms, from, found, to) {
    if (from.unit === to.unit) {
        const tolerance = Math.max(toleranceIn(from, terms.length), toleranceIn(to, terms.length));
        return { ...compareSum(terms, found, tolerance), unit: to.unit };
    }
    const tolerance = Math.max(roundingTolerance(terms.length), CONVERTED_TOLERANCE_WAN);
    const converted = terms.map((t) => toWan(t, from.unit));
    return { ...compareSum(converted, toWan(found, to.unit), tolerance), unit: '万元', lossy: true };
}
/**
 * Rounding: a 万元 figure is an amount in 元 rounded to the table's last printed place, so each
 * printed figure is off its amount by at most half a unit of that place, and a sum of n printed
 * terms misses its printed total by at most (n + 1) / 2 units; real 决算 tables do (西南大学 2023
 * 表3, one cent). A single term is the same amount as its total, rounded the same way: it prints
 * the same figure, so a gap of one unit there is a misprint. A 元 figure is the amount itself
 * (budgets are set in whole 元): there the sum must be exact, which is how 上海市财政局's 302
 * printed 24,840,779 against items of 24,840,778 is a break.
 */
function toleranceIn(t, terms) {
    if (t.unit === '元')
        return roundingTolerance(terms);
    return roundingUnits(terms) * lastPlaceOf(t) + 1e-9;
}
/** Units of the last place n rounded terms and their rounded total can be apart: ⌊(n + 1) / 2⌋, none for one term. */
export const roundingUnits = (terms) => (terms <= 1 ? 0 : Math.floor((terms + 1) / 2));
/** Past this many decimals a figure is not a rounded amount in 万元 but a conversion artefact. */
const MAX_DECIMALS = 6;
const lastPlaces = new WeakMap();
/** 万元 tables print two decimals; a parsed `12.00` reads 12, so fewer seen is no evidence of fewer printed. */
const WAN_DECIMALS = 2;
/** The unit of a table's last printed place: 0.01 for two decimals, finer when its figures print more. */
function lastPlaceOf(t) {
    const cached = lastPlaces.get(t);
    if (cached !== undefined)
        return cached;
    const decimals = Math.min(MAX_DECIMALS, printedRows(t).reduce((d, r) => Object.values(r.values).reduce((e, v) => Math.max(e, decimalsOf(v)), d), WAN_DECIMALS));
    const place = 10 ** -decimals;
    lastPlaces.set(t, place);
    return place;
}
/** `found` against the sum of `terms` printed in table `t`, within the rounding its figures allow. */
export function compareIn(t, terms, found) {
    return compareSum(terms, found, toleranceIn(t, terms.length));
}
export const fmt = (n) => new Big(n).toString();
export function describeAt(where) {
    if (where.line !== undefined)
        return `${where.file}:${where.line}`;
    if (where.page !== undefined)
        return `${where.file} p.${where.page}`;
    return where.file;
}
// ---------------------------------------------------------------------------------------------
// Rows.
const FUNCTIONAL_KEY = /^\d{3}(?:\d{2}){0,2}$/;
export const CLASS_KEY = /^\d{3}$/;
const FUNCTIONAL_KINDS = new Set(['class', 'section', 'item']);
/** The printed rows, with a summary's subtotal lines: the checks read both. */
export const printedRows = (t) => linesOf(t).filter((r) => !r.derived);
export const isFunctional = (r) => FUNCTIONAL_KINDS.has(r.kind) && FUNCTIONAL_KEY.test(r.key);
/** Economic rows key as `30101` or `30101|50101`; the first code is the one that nests. */
export const econCode = (r) => r.key.split('|')[0] ?? r.key;
export const isEcon = (r) => r.kind === 'econ' && /^\d{3}(?:\d{2})?$/.test(econCode(r));
export const totalRow = (t) => printedRows(t).find((r) => r.kind === 'total' && r.key === 'total');
export const rowByKey = (t, key) => printedRows(t).find((r) => r.key === key);
export const at = (row, measure) => row.sources[measure] ?? row.at;
export const label = (t) => `${t.type} 《${t.title}》`;
export const rowLabel = (r) => (r.name && r.name !== r.key ? `${r.key} ${r.name}` : r.key);
/** The first table of a type that prints anything; empty tables have no figures to compare. */
export const filled = (tables, type) => tables.find((t) => t.type === type && !t.empty);
/**
 * A `reading` identity the row breaks: no reading of its numbers into the header's columns fits,
 * which says the columns are doubtful (dumps scramble such headers) rather than that the
 * document is wrong. A warning, and the instance counts as insufficient data.
 */
export function doubtfulReading(t, row, measure, how) {
    const issue = {
        kind: 'ambiguous_placement',
        severity: 'warning',
        table: t.type,
        key: row.key,
        measure,
        at: row.at,
        message: `${label(t)} row ${rowLabel(row)}: no reading of its numbers into the header's columns fits ${measure} = ${how}; the columns after ${measure} are doubtful (the dump may have scrambled them, or a figure is misprinted)`,
    };
    return { issue, table: t };
}
export function identityIssue(def, t, row, measure, c, how, where = at(row, measure)) {
    const diff = fmt(Math.abs(diffExact(c.found, c.expected)));
    // A gap within rounding is reported only where the document is held to its last place (index.ts says why).
    const beyond = c.verdict === 'rounding' ? '' : `, more than the ${fmt(Number(c.tolerance.toFixed(3)))} rounding allows`;
    const message = `${label(t)} row ${rowLabel(row)}, column ${measure}: expected ${fmt(c.expected)} (${how}), found ${fmt(c.found)}; off by ${diff} ${t.unit}${beyond}`;
    const issue = {
        kind: 'identity_broken',
        severity: def.severity,
        check: def.id,
        table: t.type,
        key: row.key,
        measure,
        expected: c.expected,
        found: c.found,
        at: where,
        message,
    };
    return { issue, table: t };
}
export function judged(c, finding, unit = c.unit ?? '万元', terms = 1) {
    if (c.verdict === 'broken')
        return { ...instance('broken', [finding()]), terms, tolerance: c.tolerance, ...(c.bound ? { bound: true } : {}) };
    if (c.verdict === 'held')
        return { ...instance('held'), terms };
    const gap = { diff: Math.abs(diffExact(c.found, c.expected)), unit, terms };
    return { ...instance('rounding'), terms, gap, tolerance: c.tolerance, ...(c.lossy ? {} : { strict: finding }) };
}
export function crossIssue(def, a, b, row, measure, c, what) {
    const issue = {
        kind: 'identity_broken',
        severity: def.severity,
        check: def.id,
        table: b.type,
        key: row.key,
        measure,
        expected: c.expected,
        found: c.found,
        at: at(row, measure),
        message: `${what}: ${label(a)} gives ${fmt(c.expected)} ${c.unit}, ${label(b)} prints ${fmt(c.found)} ${c.unit} ` +
            `(row ${rowLabel(row)}, column ${measure}, at ${describeAt(at(row, measure))})`,
    };
    return { issue };
}
/**
 * True when a summary-type table shows no funding besides the current year's general budget:
 * only then do its tables and the general-budget tables cover the same money.
 */
export function docIssue(kind, severity, check, message, table) {
    return { kind, severity, check, message, ...(table ? { table } : {}) };
}
