import type { DocumentMeta, Issue, Line, Table } from '../model.js';
export declare function documentMeta(lines: Line[], tables: Table[]): DocumentMeta;
/** Where the sources of the department disagree: `meta_conflict` warnings naming both. */
export declare function metaConflicts(lines: Line[], tables: Table[]): Issue[];
/** The department a heading or table title opens with (`上海市财政局2025年部门预算`), if any. */
export declare function headingDepartment(text: string): string | undefined;
/** Two names of one body: either abbreviates the other. */
export declare const sameDepartment: (a: string, b: string) => boolean;
