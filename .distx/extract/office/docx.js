import { ExtractError } from '../errors.js';
import { MAX_OFFICE_CELLS, MAX_OFFICE_SHEETS } from '../limits.js';
import { cellRef, paragraphLines, placedToRows, rowsToLines } from './grid.js';
import { childElements, intAttr, parseXml } from './xml.js';
import { readEntry } from './zip.js';
/**
 * .docx from word/document.xml, in body order: paragraphs become plain lines, tables become
 * rows of cells (gridSpan spans columns, vMerge continues a cell down: its text stays in the
 * first row, as a merged header prints). Text marked hidden (w:vanish) and deleted revisions are
 * left out; drawings and text boxes are not read. Fields are read as their last shown result,
 * never updated; macros (.docm) are not read.
 */
/** Containers whose children are read as if they stood in the body (content controls, revisions). */
const TRANSPARENT = new Set(['w:sdt', 'w:sdtContent', 'w:customXml', 'w:ins', 'w:smartTag', 'w:hyperlink', 'w:fldSimple']);
/** Elements never read: deleted text, drawings and their text boxes, alternate renderings. */
const SKIPPED = new Set(['w:del', 'w:drawing', 'w:pict', 'mc:AlternateContent', 'w:object', 'w:instrText', 'w:delText']);
export function readDocx(bytes, parts, file) {
    const main = parts.get('word/document.xml');
    if (!main)
        throw new ExtractError('invalid_office', file, 'a Word file without word/document.xml');
    const doc = parseXml(readEntry(bytes, main, file).toString('utf8'));
    const body = doc.children.filter((n) => n.type === 'tag').flatMap((d) => childElements(d)).find((e) => e.name === 'w:body');
    const lines = [];
    const state = { tables: 0, cells: 0 };
    const visit = (nodes) => {
        for (const n of nodes) {
            if (n.type !== 'tag')
                continue;
            if (n.name === 'w:p')
                lines.push(...paragraphLines(paragraphText(n), { file }));
            else if (n.name === 'w:tbl')
                lines.push(...tableLines(n, ++state.tables, file, state));
            else if (TRANSPARENT.has(n.name))
                visit(n.children);
        }
    };
    visit(body?.children ?? []);
    const issues = [];
    if (parts.has('word/vbaProject.bin'))
        issues.push({ kind: 'text_dropped', severity: 'warning', message: 'the file holds macros; they were neither run nor read', at: { file } });
    return { lines, issues };
}
function tableLines(tbl, table, file, state) {
    if (table > MAX_OFFICE_SHEETS)
        throw new ExtractError('too_large', file, `more than ${MAX_OFFICE_SHEETS} tables`);
    const cells = [];
    /** The cell each grid column's vertical merge started in. */
    const openMerge = new Map();
    const rows = rowsOf(tbl);
    rows.forEach((tr, r) => {
        let col = 0;
        const before = childElements(tr).find((e) => e.name === 'w:trPr');
        col += before ? gridBefore(before) : 0;
        for (const tc of cellsOf(tr)) {
            const props = childElements(tc).find((e) => e.name === 'w:tcPr');
            const span = Math.max(1, props ? valOf(props, 'w:gridSpan') ?? 1 : 1);
            const vMerge = props ? childElements(props).find((e) => e.name === 'w:vMerge') : undefined;
            const continues = vMerge !== undefined && vMerge.attribs['w:val'] !== 'restart';
            const started = openMerge.get(col);
            if (continues && started) {
                started.rowSpan = r - started.row + 1;
            }
            else {
                const cell = { row: r, col, text: cellText(tc), colSpan: span };
                cells.push(cell);
                if (vMerge)
                    openMerge.set(col, cell);
                else
                    openMerge.delete(col);
            }
            col += span;
        }
    });
    state.cells += cells.length;
    if (state.cells > MAX_OFFICE_CELLS)
        throw new ExtractError('too_large', file, `more than ${MAX_OFFICE_CELLS.toLocaleString('en')} table cells`);
    const atOf = (r, c) => (c === undefined ? { file, table, row: r + 1 } : { file, table, row: r + 1, cell: cellRef(r, c) });
    return rowsToLines(placedToRows(cells, { hiddenRows: new Set(), hiddenCols: new Set() }, atOf));
}
/** The rows of a table, through content controls around them. */
function rowsOf(tbl) {
    return childElements(tbl).flatMap((e) => (e.name === 'w:tr' ? [e] : TRANSPARENT.has(e.name) ? rowsOf(e) : []));
}
function cellsOf(tr) {
    return childElements(tr).flatMap((e) => (e.name === 'w:tc' ? [e] : TRANSPARENT.has(e.name) ? cellsOf(e) : []));
}
function gridBefore(trPr) {
    return valOf(trPr, 'w:gridBefore') ?? 0;
}
function valOf(parent, name) {
    const e = childElements(parent).find((x) => x.name === name);
    return e ? intAttr(e, 'w:val', 1) : undefined;
}
/** A cell's text: its paragraphs one per line; a table nested in it read as its text. */
function cellText(tc) {
    const out = [];
    const visit = (nodes) => {
        for (const n of nodes) {
            if (n.type !== 'tag' || SKIPPED.has(n.name))
                continue;
            if (n.name === 'w:p')
                out.push(paragraphText(n));
            else
                visit(n.children);
        }
    };
    visit(tc.children);
    return out.join('\n');
}
/** A paragraph's shown text: runs in order, tabs as spaces, breaks as new lines, hidden runs left out. */
function paragraphText(p) {
    let out = '';
    const visit = (nodes) => {
        for (const n of nodes) {
            if (n.type !== 'tag' || SKIPPED.has(n.name))
                continue;
            if (n.name === 'w:r') {
                if (isHidden(n))
                    continue;
                for (const c of childElements(n)) {
                    if (c.name === 'w:t')
                        out += textOf(c);
                    else if (c.name === 'w:tab' || c.name === 'w:ptab')
                        out += ' ';
                    else if (c.name === 'w:br' || c.name === 'w:cr')
                        out += '\n';
                    else if (c.name === 'w:noBreakHyphen')
                        out += '-';
                }
            }
            else if (n.name !== 'w:pPr')
                visit(n.children);
        }
    };
    visit(p.children);
    return out;
}
function isHidden(run) {
    const props = childElements(run).find((e) => e.name === 'w:rPr');
    const vanish = props && childElements(props).find((e) => e.name === 'w:vanish');
    return vanish !== undefined && !['0', 'false', 'off'].includes(vanish.attribs['w:val'] ?? '');
}
function textOf(e) {
    return e.children.map((c) => (c.type === 'text' ? c.data : '')).join('');
}
