import type { Issue, Line } from '../../model.js';
import { type ZipEntry } from './zip.js';
export declare function readDocx(bytes: Uint8Array, parts: Map<string, ZipEntry>, file: string): {
    lines: Line[];
    issues: Issue[];
};
