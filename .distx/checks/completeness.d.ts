import type { At, Line, TableType } from '../model.js';
import { type CheckFn } from './shared.js';
export interface TocEntry {
    /** The entry as printed, numbering kept (wrapped pieces joined). */
    text: string;
    /** The table type its words name (data/table-types.json, as for titles). */
    type: TableType;
    at: At;
}
/** Entries of the document's 目录 that name a table of a known type; none without a 目录. */
export declare function tocEntries(lines: Line[]): TocEntry[];
/** This family's checks, by id (data/checks.json). */
export declare const RULES: Record<string, CheckFn>;
