import * as XLSX from '@e965/xlsx';
import type { Issue } from '../../model.js';
import { type GridRow } from './grid.js';
export interface Sheet {
    name: string;
    rows: GridRow[];
}
/**
 * What a number cell displays, as the amount parser reads printed numbers: the formatted text
 * when it is a plain amount (`1,669.72`, `(3.50)`), a percentage (`12.5%`: kept, so it is never
 * taken for an amount), a date or a dash; otherwise (a unit or currency sign in the format:
 * `12.00万元`, `¥1,669.72`) the value at the decimals shown; the value written out when the
 * format cannot be shown (scientific notation, #####).
 */
export declare function numberText(value: number, shown: string | undefined, format: string | undefined): string;
/** What a cell displays (number format applied); error values (#REF!) stay as printed text. */
export declare function displayedText(cell: XLSX.CellObject | undefined): string;
/** Bytes → the workbook's visible sheets as rows, and what was left out. */
export declare function readWorkbook(bytes: Uint8Array, file: string): {
    sheets: Sheet[];
    issues: Issue[];
};
