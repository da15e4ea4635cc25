import { createInflate, constants } from 'node:zlib';
import { MAX_PDF_DECODED_BYTES, MAX_STREAM_DECODED_BYTES } from './limits.js';
export const DEFAULT_STREAM_BUDGET = { maxStreamBytes: MAX_STREAM_DECODED_BYTES, maxTotalBytes: MAX_PDF_DECODED_BYTES };
/** Bytes before a `stream` keyword searched for its dictionary (back to the `obj` keyword). */
const DICT_WINDOW = 4096;
/** Flate chains deeper than this are not followed (pdf.js follows any depth; none is legitimate). */
const MAX_CHAIN = 8;
export async function scanStreams(bytes, budget = DEFAULT_STREAM_BUDGET) {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let decoded = 0;
    let streams = 0;
    for (const s of findStreams(buf)) {
        streams++;
        const size = await decodedSize(buf, s, budget.maxStreamBytes);
        decoded += Math.min(size, budget.maxStreamBytes + 1);
        if (size > budget.maxStreamBytes)
            return { ok: false, over: 'stream', offset: s.dataStart, decoded: size };
        if (decoded > budget.maxTotalBytes)
            return { ok: false, over: 'total', offset: s.dataStart, decoded };
    }
    return { ok: true, streams, decoded };
}
const STREAM = Buffer.from('stream');
const ENDSTREAM = Buffer.from('endstream');
const isSpace = (b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00;
/** Every `>> stream EOL` in the file: a `stream` keyword right after a dictionary. */
function* findStreams(buf) {
    for (let i = buf.indexOf(STREAM); i >= 0; i = buf.indexOf(STREAM, i + STREAM.length)) {
        let before = i - 1;
        while (before >= 0 && isSpace(buf[before]))
            before--;
        if (buf[before] !== 0x3e || buf[before - 1] !== 0x3e)
            continue; // not after `>>` (e.g. `endstream`)
        let start = i + STREAM.length;
        while (buf[start] === 0x20)
            start++;
        if (buf[start] === 0x0d)
            start++;
        if (buf[start] === 0x0a)
            start++;
        const windowStart = Math.max(0, before - DICT_WINDOW);
        const window = buf.toString('latin1', windowStart, before + 1);
        const obj = window.lastIndexOf('obj');
        yield { dataStart: start, dict: obj >= 0 ? window.slice(obj + 3) : window };
    }
}
const FILTER_NAMES = {
    FlateDecode: 'flate',
    Fl: 'flate',
    LZWDecode: 'lzw',
    LZW: 'lzw',
    RunLengthDecode: 'runlength',
    RL: 'runlength',
    ASCIIHexDecode: 'hex',
    AHx: 'hex',
    ASCII85Decode: 'a85',
    A85: 'a85',
};
/** `/Fl#61teDecode` is `/FlateDecode` to pdf.js: names are compared after #xx escapes. */
const unescapeName = (name) => name.replace(/#([0-9a-fA-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
/**
 * The filter chain of a stream dictionary, or undefined when it cannot be read from the text
 * (an indirect reference, an odd spelling): then the data is tried as nested Flate.
 */
export function filtersOf(dict) {
    const m = /\/Filter\s*(\[[^\]]*\]|\/[^\s/[\]<>()]+|\d+\s+\d+\s+R)/.exec(dict);
    if (!m)
        return /\/Filter\b/.test(dict) ? undefined : [];
    const names = [...m[1].matchAll(/\/([^\s/[\]<>()]+)/g)].map((n) => unescapeName(n[1]));
    if (!names.length)
        return undefined;
    return names.map((n) => FILTER_NAMES[n] ?? 'other');
}
/** Data of a non-Flate first stage: its direct /Length if `endstream` follows, else up to `endstream`. */
function spanOf(buf, s) {
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(s.dict);
    if (length) {
        const end = s.dataStart + Number(length[1]);
        const after = buf.toString('latin1', end, Math.min(buf.length, end + 12));
        if (/^\s*endstream/.test(after))
            return buf.subarray(s.dataStart, end);
    }
    const end = buf.indexOf(ENDSTREAM, s.dataStart);
    return buf.subarray(s.dataStart, end < 0 ? buf.length : end);
}
// ---- decoding, bounded -----------------------------------------------------------------------
/** Bytes the stream decodes to through the filters we can run, stopping just past `cap`. */
async function decodedSize(buf, s, cap) {
    const filters = filtersOf(s.dict);
    if (filters === undefined)
        return nestedFlateSize(buf.subarray(s.dataStart), cap);
    if (!filters.length)
        return 0;
    let data = filters[0] === 'flate' ? buf.subarray(s.dataStart) : spanOf(buf, s);
    let size = data.length;
    // Image codecs ('other') end the chain: pdf.js checks their pixel count first (maxImageSize).
    const chain = filters.slice(0, MAX_CHAIN);
    const runnable = chain.includes('other') ? chain.slice(0, chain.indexOf('other')) : chain;
    for (const [i, f] of runnable.entries()) {
        if (f === 'other')
            break;
        // The last stage is only counted, not kept.
        const keep = i < runnable.length - 1;
        const out = f === 'flate' ? await inflateBounded(data, cap, keep) : DECODERS[f](data, cap);
        size = out.size;
        if (!out.bytes)
            break; // over the cap, or nothing decodable
        data = out.bytes;
    }
    return size;
}
/** Without a readable /Filter: inflated as long as the data looks like zlib, the last size counted. */
async function nestedFlateSize(data, cap) {
    let size = 0;
    for (let depth = 0; depth < MAX_CHAIN && isZlibHeader(data); depth++) {
        const out = await inflateBounded(data, cap, true);
        size = out.size;
        if (!out.bytes)
            break;
        data = out.bytes;
    }
    return size;
}
function isZlibHeader(head) {
    const [cmf, flg] = [head[0], head[1]];
    return cmf !== undefined && flg !== undefined && (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
}
/**
 * Inflates in 64 KB chunks, counting, and stops one chunk past `cap`. A corrupt tail keeps what
 * came before it, as pdf.js does, so garbage after a bomb does not hide its size.
 */
function inflateBounded(input, cap, keep) {
    return new Promise((resolve) => {
        if (!isZlibHeader(input)) {
            resolve({ size: 0 });
            return;
        }
        const z = createInflate({ finishFlush: constants.Z_SYNC_FLUSH, chunkSize: 64 * 1024 });
        const chunks = [];
        let size = 0;
        let done = false;
        const finish = () => {
            if (done)
                return;
            done = true;
            z.destroy();
            resolve(size > cap || !keep ? { size } : { size, bytes: Buffer.concat(chunks, size) });
        };
        z.on('data', (c) => {
            size += c.length;
            if (size > cap)
                finish();
            else if (keep)
                chunks.push(c);
        });
        z.on('end', finish);
        z.on('error', finish);
        z.end(input);
    });
}
/** A byte sink that stops accepting past `cap` bytes. */
class Sink {
    cap;
    buf = new Uint8Array(4096);
    size = 0;
    constructor(cap) {
        this.cap = cap;
    }
    get over() {
        return this.size > this.cap;
    }
    push(b) {
        if (this.size >= this.buf.length)
            this.grow();
        this.buf[this.size++] = b;
    }
    grow() {
        const next = new Uint8Array(Math.min(this.buf.length * 2, this.cap + 1));
        next.set(this.buf);
        this.buf = next;
    }
    result() {
        return this.over ? { size: this.size } : { size: this.size, bytes: this.buf.subarray(0, this.size) };
    }
}
/** Codes of 12 bits at most. */
const LZW_TABLE = 4096;
const DECODERS = { lzw: lzwDecode, runlength: runLengthDecode, hex: hexDecode, a85: ascii85Decode };
/** LZWDecode as pdf.js reads it: 9-12 bit codes, 256 clears the table, 257 ends, EarlyChange 1. */
export function lzwDecode(input, cap) {
    const out = new Sink(cap);
    // Entry c is the string of prefix[c] followed by suffix[c]; prefix[c] < c, so chains end.
    const prefix = new Int32Array(LZW_TABLE).fill(-1);
    const suffix = new Uint8Array(LZW_TABLE);
    const stack = new Uint8Array(LZW_TABLE);
    for (let i = 0; i < 256; i++)
        suffix[i] = i;
    /** Writes the string of `code`, returns its first byte. */
    const emit = (code) => {
        let depth = 0;
        for (let c = code; c >= 0 && depth < stack.length; c = prefix[c])
            stack[depth++] = suffix[c];
        for (let k = depth - 1; k >= 0; k--)
            out.push(stack[k]);
        return stack[depth - 1];
    };
    let [next, width, prev, bits, bitCount, pos] = [258, 9, -1, 0, 0, 0];
    while (!out.over) {
        while (bitCount < width && pos < input.length) {
            bits = ((bits << 8) | input[pos++]) & 0xffffff;
            bitCount += 8;
        }
        if (bitCount < width)
            break;
        const code = (bits >>> (bitCount - width)) & ((1 << width) - 1);
        bitCount -= width;
        if (code === 256) {
            [next, width, prev] = [258, 9, -1];
            continue;
        }
        if (code === 257 || (prev < 0 && code > 255))
            break;
        let first;
        if (code < next)
            first = emit(code);
        else {
            // Not yet in the table: the previous string plus its own first byte (pdf.js reads any such code so).
            first = emit(prev);
            out.push(first);
        }
        if (prev >= 0 && next < LZW_TABLE) {
            prefix[next] = prev;
            suffix[next] = first;
            next++;
        }
        prev = code < next ? code : next - 1;
        if (width < 12 && next + 1 >= 1 << width)
            width++;
    }
    return out.result();
}
/** RunLengthDecode: a length byte, then that many literal bytes or one byte repeated; 128 ends. */
export function runLengthDecode(input, cap) {
    const out = new Sink(cap);
    for (let i = 0; i < input.length && !out.over;) {
        const n = input[i++];
        if (n === 128)
            break;
        if (n < 128)
            for (let k = 0; k <= n && i < input.length && !out.over; k++)
                out.push(input[i++]);
        else {
            const b = input[i++];
            if (b === undefined)
                break;
            for (let k = 0; k < 257 - n && !out.over; k++)
                out.push(b);
        }
    }
    return out.result();
}
/** ASCIIHexDecode: hex digit pairs, whitespace ignored, `>` ends. */
export function hexDecode(input, cap) {
    const out = new Sink(cap);
    let high = -1;
    for (const c of input) {
        if (c === 0x3e || out.over)
            break;
        const v = c >= 0x30 && c <= 0x39 ? c - 0x30 : (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 0x57 : -1;
        if (v < 0)
            continue;
        if (high < 0)
            high = v;
        else {
            out.push((high << 4) | v);
            high = -1;
        }
    }
    if (high >= 0 && !out.over)
        out.push(high << 4);
    return out.result();
}
/** ASCII85Decode: groups of five `!`-`u` digits to four bytes, `z` for four zeros, `~>` ends. */
export function ascii85Decode(input, cap) {
    const out = new Sink(cap);
    const group = [];
    const flush = (n) => {
        while (group.length < 5)
            group.push(84);
        let v = 0;
        for (const d of group)
            v = v * 85 + d;
        for (let k = 0; k < n; k++)
            out.push((v >>> (24 - 8 * k)) & 0xff);
        group.length = 0;
    };
    for (const c of input) {
        if (c === 0x7e || out.over)
            break;
        if (c === 0x7a && group.length === 0) {
            for (let k = 0; k < 4; k++)
                out.push(0);
        }
        else if (c >= 0x21 && c <= 0x75) {
            group.push(c - 0x21);
            if (group.length === 5)
                flush(4);
        }
    }
    if (group.length > 1 && !out.over)
        flush(group.length - 1);
    return out.result();
}
