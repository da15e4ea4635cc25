import { ExtractError } from '../errors.js';
import { MAX_OFFICE_CELLS, MAX_OFFICE_SHEETS } from '../limits.js';
import { cellRef, paragraphLines, placedToRows, rowsToLines } from './grid.js';
import { childElements, findAll, intAttr, parseHtml } from './xml.js';
/** How far into the file a <meta charset> is looked for (HTML puts it in the first 1024 bytes; pages are sloppy). */
const META_SNIFF_BYTES = 4096;
/** Largest colspan/rowspan honoured (browsers clamp at 1000 and 65534). */
const MAX_SPAN = 1000;
/** Elements whose content is never text of the page. */
const UNREAD = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'iframe', 'object', 'embed', 'select', 'svg', 'math', 'button']);
/** Elements that end a line of text. */
const BLOCK = new Set([
    'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer',
    'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'td', 'tfoot',
    'th', 'thead', 'tr', 'ul',
]);
const LABELS = {
    'utf-8': 'utf-8', utf8: 'utf-8', gb2312: 'gb18030', gbk: 'gb18030', gb18030: 'gb18030', 'x-gbk': 'gb18030', cp936: 'gb18030',
    big5: 'big5', 'big5-hkscs': 'big5', 'utf-16': 'utf-16le', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be',
};
/**
 * The page's encoding: a byte-order mark; else UTF-8 when the bytes are valid UTF-8 (pages
 * declaring gb2312 are often re-saved as UTF-8 without the meta tag changed, while GBK text is
 * almost never valid UTF-8); else the <meta> charset; else GB18030, the superset of GBK/GB2312.
 */
export function sniffHtmlEncoding(bytes) {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
        return 'utf-8';
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
        return 'utf-16le';
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
        return 'utf-16be';
    try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return 'utf-8';
    }
    catch {
        const head = Buffer.from(bytes.subarray(0, META_SNIFF_BYTES)).toString('latin1');
        const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
        const known = declared ? LABELS[declared] : undefined;
        return known && known !== 'utf-8' ? known : 'gb18030';
    }
}
export function readHtml(bytes, file) {
    const encoding = sniffHtmlEncoding(bytes);
    const text = new TextDecoder(encoding).decode(bytes);
    const doc = parseHtml(text);
    const lines = [];
    const state = { tables: 0, cells: 0 };
    const scripts = findAll(doc, 'script').length;
    let inline = '';
    const flush = () => {
        lines.push(...paragraphLines(inline, { file }));
        inline = '';
    };
    // Iterative walk: a page of 100,000 nested <div>s must not exhaust the stack.
    const stack = [...doc.children].reverse();
    while (stack.length) {
        const n = stack.pop();
        if (n === 'flush') {
            flush();
            continue;
        }
        if (n.type === 'text') {
            inline += n.data.replace(/\s+/g, ' ');
            continue;
        }
        if (n.type !== 'tag')
            continue;
        if (UNREAD.has(n.name) || isHidden(n))
            continue;
        if (n.name === 'table' && !hasTableInside(n)) {
            flush();
            lines.push(...tableLines(n, ++state.tables, file, state));
            continue;
        }
        if (BLOCK.has(n.name)) {
            flush();
            stack.push('flush');
        }
        for (let i = n.children.length - 1; i >= 0; i--)
            stack.push(n.children[i]);
    }
    flush();
    const issues = [];
    if (scripts)
        issues.push({ kind: 'text_dropped', severity: 'info', message: `${scripts} script(s) in the page were ignored (never run)`, at: { file } });
    return { lines, issues };
}
function isHidden(e) {
    if (e.attribs['hidden'] !== undefined)
        return true;
    const style = (e.attribs['style'] ?? '').toLowerCase().replace(/\s+/g, '');
    return style.includes('display:none') || style.includes('visibility:hidden');
}
function hasTableInside(table) {
    const stack = [...table.children];
    while (stack.length) {
        const n = stack.pop();
        if (n.type !== 'tag')
            continue;
        if (n.name === 'table')
            return true;
        stack.push(...n.children);
    }
    return false;
}
/** The rows of a table (through thead/tbody/tfoot), not those of tables nested in its cells. */
function rowsOf(table) {
    return childElements(table).flatMap((e) => (e.name === 'tr' ? [e] : ['thead', 'tbody', 'tfoot'].includes(e.name) ? childElements(e).filter((r) => r.name === 'tr') : []));
}
/** The HTML table algorithm: each cell takes the first column its row has free, spans reserve the rest. */
function tableLines(table, index, file, state) {
    if (index > MAX_OFFICE_SHEETS)
        throw new ExtractError('too_large', file, `more than ${MAX_OFFICE_SHEETS} tables`);
    const cells = [];
    const taken = new Map();
    const hiddenRows = new Set();
    const take = (r, c) => {
        const row = taken.get(r) ?? new Set();
        taken.set(r, row);
        row.add(c);
    };
    rowsOf(table).forEach((tr, r) => {
        if (isHidden(tr))
            hiddenRows.add(r);
        let col = 0;
        for (const td of childElements(tr)) {
            if (td.name !== 'td' && td.name !== 'th')
                continue;
            while (taken.get(r)?.has(col))
                col++;
            const colSpan = Math.min(Math.max(1, intAttr(td, 'colspan', 1)), MAX_SPAN);
            const rowSpan = Math.min(Math.max(1, intAttr(td, 'rowspan', 1)), MAX_SPAN);
            state.cells += colSpan * rowSpan;
            if (state.cells > MAX_OFFICE_CELLS)
                throw new ExtractError('too_large', file, `more than ${MAX_OFFICE_CELLS.toLocaleString('en')} table cells`);
            for (let dr = 0; dr < rowSpan; dr++)
                for (let dc = 0; dc < colSpan; dc++)
                    take(r + dr, col + dc);
            cells.push({ row: r, col, text: isHidden(td) ? '' : cellText(td), rowSpan, colSpan });
            col += colSpan;
        }
    });
    const atOf = (r, c) => (c === undefined ? { file, table: index, row: r + 1 } : { file, table: index, row: r + 1, cell: cellRef(r, c) });
    return rowsToLines(placedToRows(cells, { hiddenRows, hiddenCols: new Set() }, atOf));
}
/** A cell's text: whitespace collapsed as a browser shows it, <br> and blocks as new lines. */
function cellText(td) {
    let out = '';
    const stack = [...td.children].reverse();
    while (stack.length) {
        const n = stack.pop();
        if (n.type === 'text')
            out += n.data.replace(/\s+/g, ' ');
        if (n.type !== 'tag' || UNREAD.has(n.name) || isHidden(n))
            continue;
        if (n.name === 'br' || n.name === 'p' || n.name === 'div')
            out += '\n';
        for (let i = n.children.length - 1; i >= 0; i--)
            stack.push(n.children[i]);
    }
    return out.trim();
}
