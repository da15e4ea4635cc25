import { foldText } from './normalize-text.js';
import { MAX_LINE_CHARS } from './limits.js';
/** Share of NUL or control bytes above which a file is binary, not text. */
const BINARY_CONTROL_SHARE = 0.02;
const SNIFF_BYTES = 64 * 1024;
export function sniffEncoding(bytes) {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
        return 'utf-8';
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
        return 'utf-16le';
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
        return 'utf-16be';
    const head = bytes.subarray(0, SNIFF_BYTES);
    // UTF-16 without BOM: every other byte NUL in mostly-ASCII text.
    let evenNul = 0;
    let oddNul = 0;
    let control = 0;
    for (let i = 0; i < head.length; i++) {
        const b = head[i];
        if (b === 0)
            (i % 2 === 0 ? evenNul++ : oddNul++);
        else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b))
            control++;
    }
    const half = head.length / 2;
    if (oddNul > half * 0.3 && evenNul < half * 0.05)
        return 'utf-16le';
    if (evenNul > half * 0.3 && oddNul < half * 0.05)
        return 'utf-16be';
    if ((evenNul + oddNul + control) / Math.max(1, head.length) > BINARY_CONTROL_SHARE)
        return 'binary';
    try {
        new TextDecoder('utf-8', { fatal: true }).decode(trimIncompleteUtf8(head, bytes.length > SNIFF_BYTES));
        return 'utf-8';
    }
    catch {
        return 'gb18030';
    }
}
/** Drop a UTF-8 sequence cut by the sniff window so it does not look like bad UTF-8. */
function trimIncompleteUtf8(head, truncated) {
    if (!truncated)
        return head;
    let end = head.length;
    for (let back = 1; back <= 3 && end - back >= 0; back++) {
        const b = head[end - back];
        if ((b & 0xc0) === 0xc0)
            return head.subarray(0, end - back);
        if ((b & 0x80) === 0)
            break;
    }
    return head;
}
export function decodeText(bytes, encoding) {
    const text = new TextDecoder(encoding).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
export function textToLines(text, file) {
    return linesOf(text, file).lines;
}
/** Lines and the issues of cutting over-long ones; one pass, linear in the text. */
function linesOf(text, file) {
    const issues = [];
    const lines = text.split(/\r\n|\r|\n/).map((rawLine, i) => {
        const at = { file, line: i + 1 };
        const kept = capLine(rawLine);
        if (kept.length < rawLine.length) {
            issues.push({
                kind: 'text_dropped',
                severity: 'warning',
                message: `line ${i + 1} has ${rawLine.length} characters; only the first ${kept.length} are read (no table row is that long)`,
                at,
            });
        }
        return lineOf(kept, at);
    });
    return { lines, issues };
}
/**
 * A line cut to MAX_LINE_CHARS (never inside a surrogate pair). A line of numbers costs ~70 bytes
 * of memory per input byte through the pipeline (a 50 MB line: 51 s, 3.6 GB); cut, milliseconds.
 */
export function capLine(line) {
    if (line.length <= MAX_LINE_CHARS)
        return line;
    const end = /[\ud800-\udbff]/.test(line.charAt(MAX_LINE_CHARS - 1)) ? MAX_LINE_CHARS - 1 : MAX_LINE_CHARS;
    return line.slice(0, end);
}
function lineOf(rawLine, at) {
    const folded = foldText(rawLine);
    if (folded.includes('\t')) {
        const cells = folded.split('\t').map((t) => ({ text: t.trim(), at }));
        const delimited = cells.filter((c) => c.text !== '').length >= 1 && cells.length >= 2;
        return { text: folded.trim(), cells, at, delimited };
    }
    const tokens = folded.trim().split(/\s+/).filter(Boolean);
    return { text: folded.trim(), cells: tokens.map((t) => ({ text: t, at })), at, delimited: false };
}
export function extractText(bytes, file, encoding) {
    const { lines, issues } = linesOf(decodeText(bytes, encoding), file);
    return { kind: 'text', pages: 1, lines, issues };
}
