import type { Extracted, Line } from '../model.js';
/**
 * Text dumps of PDFs → lines. Tab-separated dumps keep their cells (blank cells included, they
 * carry column positions); space-separated dumps are split into whitespace tokens and marked
 * `delimited: false`, so later stages place numbers by arithmetic rather than by position.
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
export declare function sniffEncoding(bytes: Uint8Array): TextEncoding | 'binary';
export declare function decodeText(bytes: Uint8Array, encoding: TextEncoding): string;
export declare function textToLines(text: string, file: string): Line[];
/**
 * A line cut to MAX_LINE_CHARS (never inside a surrogate pair). A line of numbers costs ~70 bytes
 * of memory per input byte through the pipeline (a 50 MB line: 51 s, 3.6 GB); cut, milliseconds.
 */
export declare function capLine(line: string): string;
export declare function extractText(bytes: Uint8Array, file: string, encoding: TextEncoding): Extracted;
