/** Sum without binary-float drift: `0.1 + 0.2` is `0.3`. */
export declare function sumExact(values: readonly number[]): number;
export declare function diffExact(a: number, b: number): number;
/** Decimal places printed in an amount, to bound the rounding a sum of them may carry. */
export declare function decimalsOf(value: number): number;
/**
 * Tolerance for comparing a printed total with the sum of `terms` printed amounts: each term may
 * be rounded by half a unit of its last printed place (two-decimal amounts: 0.005 each).
 */
export declare function roundingTolerance(terms: number, decimals?: number): number;
