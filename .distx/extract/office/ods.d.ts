import type { Issue } from '../../model.js';
import { type Sheet } from './workbook.js';
import { type ZipEntry } from './zip.js';
export declare function readOds(bytes: Uint8Array, parts: Map<string, ZipEntry>, file: string): {
    sheets: Sheet[];
    issues: Issue[];
};
