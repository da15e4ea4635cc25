import { foldText } from '../normalize-text.js';
import { capLine } from '../text.js';
/** `0 → A`, `27 → AB`: spreadsheet column letters. */
export function columnName(col) {
    let name = '';
    for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
        name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    return name;
}
/** `D12` for zero-based row 11, column 3. */
export const cellRef = (row, col) => `${columnName(col)}${row + 1}`;
const CJK = /[\u3000-\u9fff\uff00-\uffef]/;
/**
 * A cell's text as one line: folded like every extractor's text, lines wrapped inside the cell
 * joined (without a space between Chinese characters: `基本\n支出` is 基本支出), trimmed.
 */
export function cellText(raw) {
    const folded = foldText(raw).replace(/[ \t]*[\r\n]+[ \t]*/g, (_, offset, whole) => {
        const before = whole.charAt(offset - 1);
        const after = whole.charAt(offset + _.length);
        return CJK.test(before) || CJK.test(after) ? '' : ' ';
    });
    return capLine(folded.replace(/\t/g, ' ').trim());
}
/**
 * Rows → lines. A row of cells is a delimited line with one cell per visible column up to the
 * widest row (blank cells kept: they carry column positions, as in tab-separated dumps and ruled
 * PDF tables; a column empty on this sheet may be filled on the sheet the table continues from,
 * so none is dropped). A row holding text only in the sheet's first used column (a title, a unit
 * line, a paragraph typed into A1) is a plain line split into words, as text dumps give such lines.
 */
export function rowsToLines(rows) {
    const texts = rows.map((r) => r.cells.map((c) => (c ? cellText(c.text) : '')));
    const width = Math.max(0, ...texts.map((t) => lastFilled(t) + 1));
    // A sheet drawn from column C (A and B left as a margin) has its titles in C.
    const first = Math.min(...texts.map((t) => t.findIndex((x) => x !== '')).filter((c) => c >= 0));
    const lines = [];
    rows.forEach((row, i) => {
        const t = texts[i];
        const filled = t.flatMap((x, c) => (x === '' ? [] : [c]));
        if (filled.length === 0)
            return;
        if (filled.length === 1 && filled[0] === first) {
            const at = row.cells[first].at;
            const words = t[first].split(/\s+/).filter(Boolean);
            lines.push({ text: t[first], cells: words.map((w) => ({ text: w, at })), at: row.at, delimited: false });
            return;
        }
        const cells = [];
        for (let c = 0; c < width; c++)
            cells.push({ text: t[c] ?? '', at: row.cells[c]?.at ?? row.at });
        lines.push({ text: cells.map((c) => c.text).join('\t').trim(), cells, at: row.at, delimited: true });
    });
    return lines;
}
function lastFilled(texts) {
    for (let c = texts.length - 1; c >= 0; c--)
        if (texts[c] !== '')
            return c;
    return -1;
}
/** A paragraph (web page or Word text outside tables) → plain lines, one per printed line. */
export function paragraphLines(text, at) {
    return text
        .split(/\r\n|\r|\n/)
        .map((l) => capLine(foldText(l).replace(/\s+/g, ' ').trim()))
        .filter((l) => l !== '')
        .map((l) => ({ text: l, cells: l.split(' ').map((w) => ({ text: w, at })), at, delimited: false }));
}
/**
 * Placed cells → visible rows. Hidden rows and columns are dropped; a merged cell's text goes to
 * the first visible row and column it covers and the rest of it stays blank, which is what a
 * ruled PDF table gives for a merged header cell (基本支出 above 人员经费 / 公用经费: its text in
 * the first column of the group, the next column blank).
 */
export function placedToRows(cells, hidden, atOf) {
    const byRow = new Map();
    let maxCol = -1;
    for (const cell of cells) {
        if (cell.text.trim() === '')
            continue;
        const row = firstVisible(cell.row, cell.rowSpan ?? 1, hidden.hiddenRows);
        const col = firstVisible(cell.col, cell.colSpan ?? 1, hidden.hiddenCols);
        if (row === undefined || col === undefined)
            continue;
        const map = byRow.get(row) ?? new Map();
        byRow.set(row, map);
        map.set(col, { ...cell, row, col });
        maxCol = Math.max(maxCol, col);
    }
    const visibleIndex = [];
    for (let c = 0, v = 0; c <= maxCol; c++)
        visibleIndex[c] = hidden.hiddenCols.has(c) ? -1 : v++;
    return [...byRow.keys()]
        .sort((a, b) => a - b)
        .map((row) => {
        const out = [];
        for (const [col, cell] of byRow.get(row))
            out[visibleIndex[col]] = { text: cell.text, at: atOf(row, col) };
        return { cells: Array.from(out), at: atOf(row) };
    });
}
function firstVisible(start, span, hidden) {
    for (let i = start; i < start + span; i++)
        if (!hidden.has(i))
            return i;
    return undefined;
}
