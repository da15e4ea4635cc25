import Big from 'big.js';
import { toYuan, YUAN_PER } from '../export/facts.js';
/**
 * The newer document's printed last-year figure of measure `m` is measure `prior_<m>`. Table
 * reading names no column so today (no 上年预算数 alias in data/measures.json): until that data
 * edit, every row is compared with the older document alone.
 */
export const PRIOR_PREFIX = 'prior_';
/** Percentages are shown to two decimals. */
const PCT_DECIMALS = 2;
/** A code key (`2080501`, `30101|50101`, a project code): its name is checked across years. */
const CODE_KEY = /^\d+(\|\d+)?$/;
/** Names compared without spacing, width and bracket differences (the same row reprinted). */
const sameName = (a, b) => {
    const norm = (s) => s.normalize('NFKC').replace(/[\s()（）]/g, '');
    return norm(a) === norm(b);
};
const ref = (d) => ({ file: d.source.file, ...(d.document.department ? { department: d.document.department } : {}), ...(d.document.year !== undefined ? { year: d.document.year } : {}), ...(d.document.kind ? { kind: d.document.kind } : {}) });
/** Tables of each type in printed order, so the k-th 基本支出表 of one year meets the k-th of the other. */
function byType(doc) {
    const out = new Map();
    for (const t of doc.tables)
        out.set(t.type, [...(out.get(t.type) ?? []), t]);
    return out;
}
/**
 * Half a unit of the coarser print's last digit: the most two roundings of one amount can differ
 * by (two decimals of 万元: 50 元).
 */
function roundingYuan(a, b) {
    return new Big(Math.max(YUAN_PER[a], YUAN_PER[b])).times('0.005');
}
function percent(change, old) {
    if (!old || old.eq(0))
        return undefined;
    return Number(change.div(old.abs()).times(100).toFixed(PCT_DECIMALS));
}
const measuresOf = (r) => Object.keys(r?.values ?? {}).filter((m) => !m.startsWith(PRIOR_PREFIX));
function rowChanges(table, occurrence, old, now) {
    const key = (now.row ?? old.row).key;
    const renamed = !!old.row && !!now.row && CODE_KEY.test(key) && !sameName(old.row.name, now.row.name);
    const measures = [...new Set([...measuresOf(now.row), ...measuresOf(old.row)])];
    return measures.map((measure) => {
        const o = old.row?.values[measure];
        const n = now.row?.values[measure];
        const p = now.row?.values[`${PRIOR_PREFIX}${measure}`];
        const oldYuan = o === undefined ? undefined : new Big(toYuan(o, old.unit));
        const newYuan = n === undefined ? undefined : new Big(toYuan(n, now.unit));
        const priorYuan = p === undefined ? undefined : new Big(toYuan(p, now.unit));
        const base = oldYuan ?? priorYuan;
        const change = (newYuan ?? new Big(0)).minus(base ?? 0);
        const status = renamed ? 'renamed' : base === undefined ? 'added' : newYuan === undefined ? 'removed' : change.eq(0) ? 'unchanged' : 'changed';
        const pct = newYuan === undefined ? undefined : percent(change, base);
        return {
            table,
            occurrence,
            key,
            name: (now.row ?? old.row).name,
            ...(renamed ? { old_name: old.row.name } : {}),
            measure,
            status,
            ...(oldYuan !== undefined ? { old_yuan: Number(oldYuan) } : {}),
            ...(newYuan !== undefined ? { new_yuan: Number(newYuan) } : {}),
            change_yuan: Number(change),
            ...(pct !== undefined ? { change_pct: pct } : {}),
            ...(priorYuan !== undefined ? { prior_yuan: Number(priorYuan) } : {}),
            ...(priorYuan !== undefined && oldYuan !== undefined ? { prior_disagrees: priorYuan.minus(oldYuan).abs().gt(roundingYuan(old.unit, now.unit)) } : {}),
            ...(base !== undefined ? { base: oldYuan !== undefined ? 'older_document' : 'printed_prior' } : {}),
        };
    });
}
/**
 * Rows by key; a key printed twice in one table (two projects of one name) is kept as `key#2`,
 * matched with the second of the other year, so that no row is silently dropped.
 */
function rowsByKey(t) {
    const out = new Map();
    for (const r of t?.rows ?? []) {
        let key = r.key;
        for (let n = 2; out.has(key); n++)
            key = `${r.key}#${n}`;
        out.set(key, key === r.key ? r : { ...r, key });
    }
    return out;
}
function tableChanges(table, occurrence, old, now) {
    const oldRows = rowsByKey(old);
    const newRows = rowsByKey(now);
    const keys = [...new Set([...newRows.keys(), ...oldRows.keys()])];
    return keys.flatMap((k) => rowChanges(table, occurrence, { row: oldRows.get(k), unit: old?.unit ?? now.unit }, { row: newRows.get(k), unit: now?.unit ?? old.unit }));
}
/** Largest absolute change first; ties in table, key and measure order so output is stable. */
function byMagnitude(a, b) {
    const d = Math.abs(b.change_yuan) - Math.abs(a.change_yuan);
    return d || a.table.localeCompare(b.table) || a.occurrence - b.occurrence || a.key.localeCompare(b.key) || a.measure.localeCompare(b.measure);
}
export function compareDocuments(old, now) {
    const oldTables = byType(old);
    const newTables = byType(now);
    const changes = [];
    const unmatched = [];
    for (const type of [...new Set([...newTables.keys(), ...oldTables.keys()])]) {
        const o = oldTables.get(type) ?? [];
        const n = newTables.get(type) ?? [];
        for (let k = 0; k < Math.max(o.length, n.length); k++) {
            const [oldRows, newRows] = [o[k]?.rows.length ?? 0, n[k]?.rows.length ?? 0];
            if (!oldRows !== !newRows)
                unmatched.push({ side: oldRows ? 'old' : 'new', table: type, title: (oldRows ? o[k] : n[k]).title });
            changes.push(...tableChanges(type, k + 1, o[k], n[k]));
        }
    }
    const notes = [];
    const [y0, y1] = [old.document.year, now.document.year];
    if (y0 === undefined || y1 === undefined)
        notes.push(`the year of ${y0 === undefined ? old.source.file : now.source.file} was not found: check that the older document is given first`);
    else if (y0 >= y1)
        notes.push(`the older document (${old.source.file}, ${y0}) is not of an earlier year than the newer (${now.source.file}, ${y1})`);
    const units = (d) => [...new Set(d.tables.map((t) => t.unit))].join('/');
    if (units(old) !== units(now))
        notes.push(`units differ (${units(old)} against ${units(now)}): every change is computed in 元`);
    const counts = { changed: 0, unchanged: 0, added: 0, removed: 0, renamed: 0 };
    for (const c of changes)
        counts[c.status]++;
    return { old: ref(old), new: ref(now), changes: changes.sort(byMagnitude), unmatched_tables: unmatched, notes, counts };
}
/** Department names compared as printed but for width and spacing. */
const departmentKey = (d) => d.document.department?.normalize('NFKC').replace(/\s+/g, '');
/** A file name without its extension, digits and 年/度: what stays the same from year to year. */
const fileStem = (d) => d.source.file.normalize('NFKC').replace(/\.[^.]*$/, '').replace(/[\d年度]+/g, '');
/** Characters two stems must share at their start to name one publisher (`江苏省政协办公厅…`, not just `江苏省`). */
const MIN_SHARED_STEM = 5;
function sharedPrefix(a, b) {
    let k = 0;
    while (k < a.length && a[k] === b[k])
        k++;
    return k;
}
/** The one candidate whose file name shares the longest start with `d`'s, if it is unique and long enough. */
function byFileName(d, candidates) {
    const scored = candidates.map((c) => ({ c, n: sharedPrefix(fileStem(d), fileStem(c)) })).sort((a, b) => b.n - a.n);
    const [best, next] = scored;
    return best && best.n >= MIN_SHARED_STEM && (!next || next.n < best.n) ? best.c : undefined;
}
/**
 * Documents of two years paired: one with one directly; otherwise by department, and where that
 * finds none or several, by the file name without its digits (the longest shared start, unique).
 * Anything else is left unpaired and said so, never paired by guess.
 */
export function pairDocuments(olds, news) {
    if (olds.length === 1 && news.length === 1)
        return { pairs: [[olds[0], news[0]]], unpaired: [] };
    const pairs = [];
    const left = new Set(news);
    const unpaired = [];
    for (const o of olds) {
        const dept = departmentKey(o);
        const byDept = dept === undefined ? [] : [...left].filter((n) => departmentKey(n) === dept);
        const match = byDept.length === 1 ? byDept[0] : byFileName(o, byDept.length ? byDept : [...left]);
        if (match) {
            pairs.push([o, match]);
            left.delete(match);
        }
        else
            unpaired.push({ side: 'old', file: o.source.file });
    }
    for (const n of left)
        unpaired.push({ side: 'new', file: n.source.file });
    return { pairs, unpaired };
}
