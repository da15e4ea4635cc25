/**
 * Decompression budget for a PDF, checked before pdf.js sees it. pdf.js has no limit on how far
 * a stream may inflate and keeps the result in one growing buffer outside the JS heap (so the
 * worker's heap limit does not stop it): an 8 KB file whose content stream is deflated twice
 * inflates to 4 GB and took ~12 GB of memory. Here every stream is inflated once, counting bytes
 * and stopping at the budget, so such a file is refused in well under a second.
 *
 * Streams are found by their `stream` keyword, not through the xref table (which the attacker
 * writes). A Flate stage reads to the end of the file, since zlib data ends itself and a hidden
 * `endstream` inside the data must not cut the count short; other stages read their stated
 * /Length or up to `endstream`. Filters named indirectly or in unknown ways are tried as Flate.
 * Not covered: streams of encrypted PDFs (their data is ciphertext until pdf.js decrypts it) and
 * inline images inside content streams; the worker heap and the per-file timeout bound those.
 */
export interface StreamBudget {
    /** Bytes one stream may decode to. */
    maxStreamBytes: number;
    /** Bytes all streams may decode to together. */
    maxTotalBytes: number;
}
export declare const DEFAULT_STREAM_BUDGET: StreamBudget;
/** What the scan found: within budget, or the first stream (by byte offset) that breaks it. */
export type StreamScan = {
    ok: true;
    streams: number;
    decoded: number;
} | {
    ok: false;
    over: 'stream' | 'total';
    offset: number;
    decoded: number;
};
export declare function scanStreams(bytes: Uint8Array, budget?: StreamBudget): Promise<StreamScan>;
type Filter = 'flate' | 'lzw' | 'runlength' | 'hex' | 'a85' | 'other';
/**
 * The filter chain of a stream dictionary, or undefined when it cannot be read from the text
 * (an indirect reference, an odd spelling): then the data is tried as nested Flate.
 */
export declare function filtersOf(dict: string): Filter[] | undefined;
/** Decoded bytes (undefined once over the cap) and how many there were. */
interface Decoded {
    size: number;
    bytes?: Uint8Array;
}
/** LZWDecode as pdf.js reads it: 9-12 bit codes, 256 clears the table, 257 ends, EarlyChange 1. */
export declare function lzwDecode(input: Uint8Array, cap: number): Decoded;
/** RunLengthDecode: a length byte, then that many literal bytes or one byte repeated; 128 ends. */
export declare function runLengthDecode(input: Uint8Array, cap: number): Decoded;
/** ASCIIHexDecode: hex digit pairs, whitespace ignored, `>` ends. */
export declare function hexDecode(input: Uint8Array, cap: number): Decoded;
/** ASCII85Decode: groups of five `!`-`u` digits to four bytes, `z` for four zeros, `~>` ends. */
export declare function ascii85Decode(input: Uint8Array, cap: number): Decoded;
export {};
