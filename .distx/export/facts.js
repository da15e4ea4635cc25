import Big from 'big.js';
/** The contract's columns first, so readers of the six-column file keep working. */
export const FACT_HEADERS = ['document', 'table', 'key', 'name', 'measure', 'value', 'department', 'year', 'kind', 'phase', 'unit', 'amount_yuan'];
/** 预算 documents are budgets (before the year), 决算 documents final accounts (after it). */
export function phaseOf(kind) {
    if (!kind)
        return undefined;
    return kind.endsWith('决算') ? 'executed' : 'proposed';
}
/** 元 per unit. */
export const YUAN_PER = { 元: 1, 万元: 10000 };
/**
 * An amount in 元 as an exact decimal string: `value` read as the decimal it prints as (the
 * shortest round-trip form, which is what the document printed) and shifted in decimal.
 * 1669.72 万元 → '16697200'; 0.07 万元 → '700', where the float product 0.07 * 10000 is 700.0000000000001.
 */
export function toYuan(value, unit) {
    return new Big(value).times(YUAN_PER[unit]).toFixed();
}
/**
 * The number for `toYuan`'s decimal. Exact whenever the decimal is (every 万元 figure of up to six
 * decimals gives at most two decimals of 元, which a double prints back unchanged).
 */
export const amountYuan = (value, unit) => Number(toYuan(value, unit));
export function documentToFacts(doc) {
    const { department, year, kind } = doc.document;
    const phase = phaseOf(kind);
    return doc.tables.flatMap((t) => t.rows.flatMap((r) => Object.entries(r.values).map(([measure, value]) => ({
        document: doc.source.file,
        table: t.type,
        key: r.key,
        name: r.name,
        measure,
        value,
        ...(department !== undefined ? { department } : {}),
        ...(year !== undefined ? { year } : {}),
        ...(kind !== undefined ? { kind } : {}),
        ...(phase !== undefined ? { phase } : {}),
        unit: t.unit,
        amount_yuan: amountYuan(value, t.unit),
    }))));
}
