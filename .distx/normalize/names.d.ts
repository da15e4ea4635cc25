import type { At, Issue, TableType } from '../model.js';
/**
 * The reference name an OCR reading stands for, or undefined when the reading already is it or is
 * too far from it to say. Pure.
 * @example nameFromReference('行政单位高退休', '行政单位离退休') === '行政单位离退休'
 * @example nameFromReference('行政单位', '行政单位医疗') === '行政单位医疗'  // wrapped line lost
 * @example nameFromReference('住房改革支出', '行政单位医疗') === undefined
 */
export declare function nameFromReference(read: string, reference: string): string | undefined;
/** A keyed row as table.ts holds it while keying: its key (a code, or `dept|gov` economic codes) and name. */
export interface NamedRow {
    key: string;
    name: string;
}
/**
 * OCR rows whose code is listed take the reference name their reading stands for (the first
 * code's, for an economic `30101|50101` key). Returns a `low_confidence` issue for each, with
 * what was read as `printed`.
 */
export declare function repairOcrNames(rows: {
    k: NamedRow;
    at: At;
}[], table: TableType, year?: number): Issue[];
