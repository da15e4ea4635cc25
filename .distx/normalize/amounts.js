import Big from 'big.js';
/** Amounts below this are summed as integer millionths (exact, and fast on the hot path). */
const SCALED_LIMIT = 1e9;
const SCALE = 1e6;
/** Sum without binary-float drift: `0.1 + 0.2` is `0.3`. */
export function sumExact(values) {
    let scaled = 0;
    for (const v of values) {
        if (!(Math.abs(v) < SCALED_LIMIT))
            return sumBig(values);
        scaled += Math.round(v * SCALE);
    }
    return scaled / SCALE;
}
function sumBig(values) {
    let acc = new Big(0);
    for (const v of values)
        acc = acc.plus(v);
    return acc.toNumber();
}
export function diffExact(a, b) {
    return new Big(a).minus(b).toNumber();
}
/** Decimal places printed in an amount, to bound the rounding a sum of them may carry. */
export function decimalsOf(value) {
    const s = String(value);
    const dot = s.indexOf('.');
    return dot < 0 ? 0 : s.length - dot - 1;
}
/**
 * Tolerance for comparing a printed total with the sum of `terms` printed amounts: each term may
 * be rounded by half a unit of its last printed place (two-decimal amounts: 0.005 each).
 */
export function roundingTolerance(terms, decimals = 2) {
    const halfUnit = 0.5 * 10 ** -decimals;
    return Math.max(1, terms) * halfUnit + 1e-9;
}
