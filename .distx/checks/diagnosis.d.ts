import { type CheckDef, type Finding, type Instance, type LastPlaceData } from './shared.js';
/**
 * Whether a document is held to its last printed place. Figures rounded from finer amounts leave
 * sums a unit or so off their printed totals here and there, independently; a document whose many
 * sums all agree exactly was added up in its printed unit, and in it a few gaps that all read one
 * figure (with a break that reads it too, or with each other) are that figure misprinted, not
 * rounding. Returns the rounding gaps to report, or none.
 */
export declare function gapsToReport(compared: readonly Instance[], data: LastPlaceData): {
    gaps: Instance[];
    exactSums: number;
};
/** A rounding gap reported as a break: the comparison's own finding, with why it counts here. */
export declare function reportedGap(i: Instance, exactSums: number): Instance;
/**
 * The likely misprints among failing comparisons. Two or more failures that read exactly one
 * printed figure in common name it (a misprinted part breaks both its row and its column; each
 * failure alone names only the total it compares). A failure that meets no other is read the way
 * an auditor reads a gap: the one figure of the comparison that, with two adjacent digits swapped
 * back (a gap of 9 × their difference), else with one digit changed, makes it hold is named.
 * Nothing is named where several figures could be the one.
 */
/** What a diagnosis read (groups of failures, pairs of tables) and what it found. */
export interface Diagnosis {
    considered: number;
    findings: Finding[];
}
/** A failed comparison whose two sides are 10,000 times apart. */
export declare function isScaled(i: Instance): boolean;
/**
 * Failing comparisons whose two sides are 10,000 times apart: one of the tables prints 元 under a
 * 万元 label or the reverse (or our reading took its label wrong), not a misprint of each figure.
 * One finding per table that every such failure reads, else per pair.
 */
export declare function mislabeledUnits(def: CheckDef, failed: readonly Instance[]): Diagnosis;
export declare function locateMisprints(def: CheckDef, failed: readonly Instance[]): Diagnosis;
type Slip = 'swap' | 'digit';
/** How a printed figure differs from a value in its digits: two adjacent ones swapped, one changed, or otherwise. */
export declare function slipBetween(printed: number, value: number): Slip | undefined;
export {};
