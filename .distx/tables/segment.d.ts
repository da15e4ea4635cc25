import type { Line, TableType } from '../model.js';
/**
 * Lines → table blocks. A block starts at a printed title (possibly split over two lines) and
 * runs until the next title or until prose resumes. Titles listed in a table of contents, and
 * narrative headings that merely mention a table, are dropped because no table body follows them.
 */
export interface Block {
    type: TableType;
    title: string;
    titleLine: Line;
    /** Lines after the title, up to the next block. */
    lines: Line[];
}
export declare function isTableLabel(line: Line): boolean;
export declare function isProse(line: Line): boolean;
export declare function linesToBlocks(lines: Line[]): Block[];
