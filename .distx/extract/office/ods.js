import { ExtractError } from '../errors.js';
import { MAX_OFFICE_CELLS, MAX_OFFICE_SHEETS } from '../limits.js';
import { cellRef, placedToRows } from './grid.js';
import { numberText } from './workbook.js';
import { childElements, intAttr, parseXml, findAll } from './xml.js';
import { readEntry } from './zip.js';
/**
 * .ods (OpenDocument spreadsheet) from its content.xml. Each cell's text:p holds the text the
 * saving program displayed (number format applied), so `1,669.72` is read as shown; a cell with
 * only a value (some generators write no text) gives the value. Formulas are never evaluated.
 * Hidden (collapsed or filtered) rows and columns are skipped; repeated empty rows and columns
 * (LibreOffice writes a million of them) are counted, never expanded.
 */
const HIDDEN = new Set(['collapse', 'filter']);
/** Columns a sheet can have (ODF and Excel alike): a repeat count past it is not read. */
const MAX_COLUMNS = 16384;
export function readOds(bytes, parts, file) {
    const content = parts.get('content.xml');
    if (!content)
        throw new ExtractError('invalid_office', file, 'an OpenDocument file without content.xml');
    const doc = parseXml(readEntry(bytes, content, file).toString('utf8'));
    const tables = findAll(doc, 'table:table');
    if (tables.length > MAX_OFFICE_SHEETS)
        throw new ExtractError('too_large', file, `${tables.length} sheets, more than ${MAX_OFFICE_SHEETS}`);
    const budget = { cells: 0 };
    const sheets = tables.map((t, k) => readTable(t, k + 1, file, budget));
    const issues = [];
    if (parts.has('Basic/manifest.xml') || [...parts.keys()].some((n) => n.startsWith('Basic/') || n.startsWith('Scripts/'))) {
        issues.push({ kind: 'text_dropped', severity: 'warning', message: 'the file holds macros; they were neither run nor read', at: { file } });
    }
    return { sheets, issues };
}
function readTable(table, page, file, budget) {
    const name = table.attribs['table:name'] ?? `Sheet${page}`;
    const hiddenCols = new Set();
    let col = 0;
    for (const c of findAll(table, 'table:table-column')) {
        const repeat = intAttr(c, 'table:number-columns-repeated', 1);
        if (HIDDEN.has(c.attribs['table:visibility'] ?? ''))
            for (let i = 0; i < repeat && col + i < MAX_COLUMNS; i++)
                hiddenCols.add(col + i);
        col += repeat;
    }
    const hiddenRows = new Set();
    const cells = [];
    let row = 0;
    for (const r of findAll(table, 'table:table-row')) {
        const repeat = intAttr(r, 'table:number-rows-repeated', 1);
        const rowCells = readRow(r);
        if (rowCells.length) {
            // A repeated row with content is real content repeated: every copy counts against the budget.
            budget.cells += rowCells.length * repeat;
            if (budget.cells > MAX_OFFICE_CELLS)
                throw new ExtractError('too_large', file, `more than ${MAX_OFFICE_CELLS.toLocaleString('en')} filled cells`);
            for (let i = 0; i < repeat; i++) {
                if (HIDDEN.has(r.attribs['table:visibility'] ?? ''))
                    hiddenRows.add(row + i);
                for (const c of rowCells)
                    cells.push({ ...c, row: row + i });
            }
        }
        row += repeat;
    }
    const atOf = (r, c) => (c === undefined ? { file, page, sheet: name, row: r + 1 } : { file, page, sheet: name, row: r + 1, cell: cellRef(r, c) });
    return { name, rows: placedToRows(cells, { hiddenRows, hiddenCols }, atOf) };
}
/** The non-empty cells of a row, with their columns and spans (row filled in by the caller). */
function readRow(row) {
    const out = [];
    let col = 0;
    for (const c of childElements(row)) {
        if (c.name !== 'table:table-cell' && c.name !== 'table:covered-table-cell')
            continue;
        const repeat = intAttr(c, 'table:number-columns-repeated', 1);
        const text = c.name === 'table:table-cell' ? cellText(c) : '';
        if (text !== '') {
            const span = { rowSpan: intAttr(c, 'table:number-rows-spanned', 1), colSpan: intAttr(c, 'table:number-columns-spanned', 1) };
            for (let i = 0; i < repeat && col + i < MAX_COLUMNS; i++)
                out.push({ row: 0, col: col + i, text, ...span });
        }
        col += repeat;
    }
    return out;
}
/** Value types whose displayed text is read as an amount (percentages and dates stay as shown). */
const AMOUNT_TYPES = new Set(['float', 'currency']);
/** The text a cell displays (its paragraphs, one per line), numbers read as the .xlsx reader reads them. */
function cellText(cell) {
    const paragraphs = childElements(cell).filter((p) => p.name === 'text:p' || p.name === 'text:h');
    const shown = paragraphs.map(inlineText).join('\n');
    const value = Number(cell.attribs['office:value']);
    if (AMOUNT_TYPES.has(cell.attribs['office:value-type'] ?? '') && Number.isFinite(value))
        return numberText(value, shown, undefined);
    return shown.trim() !== '' ? shown : (cell.attribs['office:value'] ?? '');
}
function inlineText(n) {
    let out = '';
    for (const c of n.children) {
        if (c.type === 'text')
            out += c.data;
        else if (c.type !== 'tag')
            continue;
        else if (c.name === 'text:s')
            out += ' '.repeat(Math.min(intAttr(c, 'text:c', 1), 100));
        else if (c.name === 'text:tab')
            out += ' ';
        else if (c.name === 'text:line-break')
            out += '\n';
        else if (c.name !== 'office:annotation')
            out += inlineText(c);
    }
    return out;
}
