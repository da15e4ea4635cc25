import ExcelJS from 'exceljs';
import { neutralizeFormula } from './csv.js';
import { amountYuan, phaseOf } from './facts.js';
import { allIssues, formatAt, measuresOfType, typesOf, WIDE_LEADING_COLUMNS, yuanColumn } from './where.js';
/**
 * The Excel workbook of a run, for people who open the data in a spreadsheet: one sheet per table
 * type (the wide CSV's rows and columns), and a `checks` sheet with every issue. Pure: bytes out.
 *
 * What a spreadsheet would otherwise damage is pinned down: codes and keys are text cells with
 * the text format `@` (a 21-digit project code would become 4.1E+20, `0101` would lose its zero),
 * amounts are numbers, and every text cell goes through `neutralizeFormula`, so nothing a
 * disclosure prints turns into a formula if the sheet is re-saved as CSV or edited.
 */
/** Columns before the measures, as in csv/<type>.csv. */
export const LEADING_COLUMNS = WIDE_LEADING_COLUMNS;
export const CHECK_COLUMNS = ['document', 'table', 'kind', 'severity', 'check', 'key', 'measure', 'expected', 'found', 'message', 'location'];
export const CHECKS_SHEET = 'checks';
const TEXT = '@';
/** Up to four decimals shown: 万元 figures print two, but a converted 元 figure may have more. */
const AMOUNT = '#,##0.00##';
/** A measure's header: `total (万元)` when every table of the sheet shares one unit, else `total`. */
export function measureHeader(measure, unit) {
    return unit ? `${measure} (${unit})` : measure;
}
/** The measure a header names (inverse of `measureHeader`). */
export function measureOfHeader(header) {
    return header.replace(/ \([^)]*\)$/, '');
}
const text = (s) => neutralizeFormula(s ?? '');
function tablesOfType(docs, type) {
    return docs.flatMap((doc) => doc.tables.filter((t) => t.type === type).map((table) => ({ doc, table })));
}
export function typeSheet(docs, type) {
    const tables = tablesOfType(docs, type);
    const measures = measuresOfType(docs, type);
    const units = new Set(tables.map(({ table }) => table.unit));
    const sharedUnit = units.size === 1 ? [...units][0] : undefined;
    const rows = tables.flatMap(({ doc, table }) => table.rows.map((r) => [
        text(doc.source.file),
        text(doc.document.department),
        doc.document.year ?? null,
        text(table.title),
        text(table.unit),
        text(r.key),
        text(r.kind),
        text(r.name),
        text(doc.document.kind),
        text(phaseOf(doc.document.kind)),
        ...measures.map((m) => r.values[m] ?? null),
        ...measures.map((m) => (r.values[m] === undefined ? null : amountYuan(r.values[m], table.unit))),
    ]));
    const lead = LEADING_COLUMNS.length;
    return {
        name: type,
        header: [...LEADING_COLUMNS, ...measures.map((m) => measureHeader(m, sharedUnit)), ...measures.map(yuanColumn)],
        textColumns: [0, 1, 3, 4, 5, 6, 7, 8, 9],
        amountColumns: [...measures, ...measures].map((_, k) => lead + k),
        rows,
    };
}
export function checksSheet(docs) {
    const rows = docs.flatMap((doc) => allIssues(doc).map((i) => [
        text(doc.source.file),
        text(i.table),
        text(i.kind),
        text(i.severity),
        text(i.check),
        text(i.key),
        text(i.measure),
        i.expected ?? null,
        i.found ?? null,
        text(i.message),
        text(formatAt(i.at)),
    ]));
    return { name: CHECKS_SHEET, header: [...CHECK_COLUMNS], textColumns: [0, 1, 2, 3, 4, 5, 6, 9, 10], amountColumns: [7, 8], rows };
}
/** Characters a column must fit: CJK characters take two. */
function displayWidth(s) {
    let w = 0;
    for (const ch of s)
        w += ch.codePointAt(0) >= 0x2e80 ? 2 : 1;
    return w;
}
function addSheet(wb, sheet) {
    // The header stays in view while scrolling through hundreds of rows.
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
    ws.addRow(sheet.header).font = { bold: true };
    for (const values of sheet.rows) {
        const row = ws.addRow(values);
        // Per cell, not per column: a column style is not applied to cells exceljs creates from arrays.
        for (const c of sheet.textColumns)
            row.getCell(c + 1).numFmt = TEXT;
        for (const c of sheet.amountColumns)
            row.getCell(c + 1).numFmt = AMOUNT;
    }
    sheet.header.forEach((h, c) => {
        const longest = Math.max(displayWidth(h), ...sheet.rows.slice(0, 200).map((r) => displayWidth(String(r[c] ?? ''))));
        ws.getColumn(c + 1).width = Math.min(60, Math.max(8, longest + 2));
    });
    if (sheet.rows.length)
        ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.header.length } };
}
/** Every sheet of the workbook, in order: the table types of the run, then `checks`. */
export function workbookSheets(docs) {
    return [...typesOf(docs).map((t) => typeSheet(docs, t)), checksSheet(docs)];
}
export async function documentsToWorkbook(docs) {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'budget-extract';
    // A fixed date: the same documents give the same workbook content run after run.
    wb.created = new Date(0);
    wb.modified = new Date(0);
    for (const sheet of workbookSheets(docs))
        addSheet(wb, sheet);
    return Buffer.from(await wb.xlsx.writeBuffer());
}
