import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import { ExtractError } from '../errors.js';
import { MAX_OFFICE_CELLS, MAX_OFFICE_SHEETS } from '../limits.js';
import { cellRef, placedToRows } from './grid.js';
/**
 * .xlsx / .xls (BIFF8, and WPS .et, which is BIFF8 inside) through SheetJS. SheetJS has no
 * formula engine: a formula cell gives the value the saving program cached, nothing is
 * evaluated, and links to other workbooks are never followed. Macros are not read (bookVBA off).
 * The caller has checked a ZIP container's part sizes before this runs (./zip.ts).
 */
// Older .xls store text in the file's code page (GBK, 936) rather than UTF-16.
XLSX.set_cptable(cptable);
/** Number shown in scientific notation or as ##### (too narrow a column): the value is written out. */
const UNREADABLE_DISPLAY = /E[+-]?\d|^#+$/i;
/** What the amount parser reads as printed: `1,669.72`, `-3.5`, `(3.50)` (src/normalize/amounts.ts). */
const PRINTED_AMOUNT = /^(?:[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\))$/;
/** A zero an accounting format prints as a dash. */
const DASH = /^[-−–—]+$/;
/** Significant digits kept when writing a binary double out (drops 0.1 + 0.2 style noise). */
const DOUBLE_DIGITS = 15;
/**
 * What a number cell displays, as the amount parser reads printed numbers: the formatted text
 * when it is a plain amount (`1,669.72`, `(3.50)`), a percentage (`12.5%`: kept, so it is never
 * taken for an amount), a date or a dash; otherwise (a unit or currency sign in the format:
 * `12.00万元`, `¥1,669.72`) the value at the decimals shown; the value written out when the
 * format cannot be shown (scientific notation, #####).
 */
export function numberText(value, shown, format) {
    const plain = String(Number(value.toPrecision(DOUBLE_DIGITS)));
    const t = shown?.trim() ?? '';
    if (t === '' || UNREADABLE_DISPLAY.test(t))
        return plain;
    const f = format ?? '';
    if (PRINTED_AMOUNT.test(t) || DASH.test(t) || t.endsWith('%') || XLSX.SSF.is_date(f))
        return t;
    const decimals = /\d\.(\d+)/.exec(t)?.[1]?.length;
    return decimals === undefined ? plain : value.toFixed(decimals);
}
/** What a cell displays (number format applied); error values (#REF!) stay as printed text. */
export function displayedText(cell) {
    if (!cell || cell.t === 'z')
        return '';
    if (cell.t === 'n' && typeof cell.v === 'number')
        return numberText(cell.v, cell.w, typeof cell.z === 'string' ? cell.z : undefined);
    if (cell.t === 'b')
        return cell.v ? 'TRUE' : 'FALSE';
    return String(cell.w ?? cell.v ?? '');
}
/** Bytes → the workbook's visible sheets as rows, and what was left out. */
export function readWorkbook(bytes, file) {
    let wb;
    try {
        // Formulas are kept as text (never evaluated) and empty cells as stubs only to tell a formula
        // that has no saved result, which would otherwise read as a silent blank.
        wb = XLSX.read(bytes, { type: 'buffer', dense: true, cellStyles: true, cellFormula: true, sheetStubs: true, cellHTML: false, bookVBA: false, WTF: false });
    }
    catch (e) {
        throw new ExtractError('invalid_office', file, e instanceof Error ? e.message : String(e), { cause: e });
    }
    const issues = [];
    if (wb.SheetNames.length > MAX_OFFICE_SHEETS)
        throw new ExtractError('too_large', file, `${wb.SheetNames.length} sheets, more than ${MAX_OFFICE_SHEETS}`);
    const hiddenSheets = [];
    const sheets = [];
    let cellCount = 0;
    let uncomputed = 0;
    wb.SheetNames.forEach((name, k) => {
        if (wb.Workbook?.Sheets?.[k]?.Hidden) {
            hiddenSheets.push(name);
            return;
        }
        const ws = wb.Sheets[name];
        const data = (ws?.['!data'] ?? []);
        const cells = [];
        data.forEach((row, r) => {
            row?.forEach((cell, c) => {
                if (cell?.f !== undefined && (cell.t === 'z' || cell.v === undefined))
                    uncomputed++;
                const text = displayedText(cell);
                if (text !== '')
                    cells.push({ row: r, col: c, text });
            });
        });
        cellCount += cells.length;
        if (cellCount > MAX_OFFICE_CELLS)
            throw new ExtractError('too_large', file, `more than ${MAX_OFFICE_CELLS.toLocaleString('en')} filled cells`);
        spread(cells, ws?.['!merges'] ?? [], file);
        const hiddenRows = new Set((ws?.['!rows'] ?? []).flatMap((r, i) => (r?.hidden ? [i] : [])));
        const hiddenCols = new Set((ws?.['!cols'] ?? []).flatMap((c, i) => (c?.hidden ? [i] : [])));
        const page = k + 1;
        const atOf = (row, col) => col === undefined ? { file, page, sheet: name, row: row + 1 } : { file, page, sheet: name, row: row + 1, cell: cellRef(row, col) };
        sheets.push({ name, rows: placedToRows(cells, { hiddenRows, hiddenCols }, atOf) });
    });
    if (uncomputed) {
        issues.push({
            kind: 'text_dropped',
            severity: 'warning',
            message: `${uncomputed} formula cell(s) have no saved result (the program that wrote the file did not calculate them) and read as blank: open the file in Excel, WPS or LibreOffice and save it to compute them`,
            at: { file },
        });
    }
    if (hiddenSheets.length) {
        issues.push({ kind: 'text_dropped', severity: 'warning', message: `hidden sheets not read: ${hiddenSheets.join(', ')}`, at: { file } });
    }
    return { sheets, issues };
}
/** Each merge range as spans on its top-left cell; text some writers repeat inside the range dropped. */
function spread(cells, merges, file) {
    if (!merges.length)
        return;
    const at = new Map(cells.map((c) => [`${c.row}:${c.col}`, c]));
    let work = 0;
    for (const m of merges) {
        const top = at.get(`${m.s.r}:${m.s.c}`);
        if (top) {
            top.rowSpan = m.e.r - m.s.r + 1;
            top.colSpan = m.e.c - m.s.c + 1;
        }
        const area = (m.e.r - m.s.r + 1) * (m.e.c - m.s.c + 1);
        // Visit the range or the cells, whichever is smaller: a merge may claim a whole sheet.
        work += Math.min(area, cells.length);
        if (work > MAX_OFFICE_CELLS)
            throw new ExtractError('too_large', file, 'merged ranges covering more cells than the cell budget');
        const blank = (c) => {
            if (c && c !== top)
                c.text = '';
        };
        if (area <= cells.length) {
            for (let r = m.s.r; r <= m.e.r; r++)
                for (let c = m.s.c; c <= m.e.c; c++)
                    blank(at.get(`${r}:${c}`));
        }
        else {
            for (const c of cells)
                if (c.row >= m.s.r && c.row <= m.e.r && c.col >= m.s.c && c.col <= m.e.c)
                    blank(c);
        }
    }
}
