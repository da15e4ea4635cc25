import type { Comparison } from './compare.js';
/** A comparison as a CSV (for programs and spreadsheets), a terminal table and a review page. Pure. */
export declare const COMPARE_HEADERS: readonly ["old_document", "new_document", "department", "old_year", "new_year", "table", "occurrence", "key", "name", "old_name", "measure", "status", "old_yuan", "new_yuan", "change_yuan", "change_pct", "prior_yuan", "prior_disagrees", "base"];
export declare function comparisonsToCsv(comparisons: Comparison[]): Promise<string>;
/** 元 with thousands separators, decimals only where printed (`12,978,300`, `-0.5`). */
export declare const yuan: (v: number | undefined) => string;
/** Rows the terminal table shows by default: the largest changes; the CSV has them all. */
export declare const DEFAULT_TEXT_ROWS = 30;
/** What changed, largest first, as aligned columns; `rows` limits how many (the CSV has all). */
export declare function comparisonToText(c: Comparison, rows?: number): string;
/**
 * One self-contained page for the comparisons: the two years side by side, largest changes first,
 * renamed codes highlighted. Inert: all text escaped, no script, a policy admitting only its style.
 */
export declare function comparisonsToHtml(comparisons: Comparison[]): string;
