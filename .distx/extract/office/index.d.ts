import type { Extracted } from '../../model.js';
/**
 * Spreadsheets, Word files and web pages → lines, the same shape the text and PDF extractors
 * give: each sheet (or table) in order, one line per visible row, one cell per visible column.
 * Which reader runs is decided by the bytes, never by the file name.
 */
export type OfficeKind = 'xlsx' | 'xls' | 'ods' | 'docx' | 'html';
export declare function extractOffice(bytes: Uint8Array, file: string): Extracted;
