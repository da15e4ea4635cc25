import type { BudgetDocument } from './model.js';
import type { ExtractOptions } from './pipeline.js';
import { type Phase } from './export/facts.js';
/** A glob (`*`, `**`, `?`, `{a,b}`) as a regular expression over '/'-separated paths. */
export declare function globToRegExp(glob: string): RegExp;
export declare function expandInputs(paths: string[]): Promise<string[]>;
export interface FileResult {
    file: string;
    path: string;
    status: 'ok' | 'failed';
    kind?: string;
    pages?: number;
    tables?: Record<string, number>;
    identities_broken?: number;
    seconds: number;
    /** Documents the file held: 1, or the units of a county bundle. */
    units?: number;
    error?: {
        code: string;
        message: string;
    };
    /** One document, or one per unit of a county bundle. */
    documents?: BudgetDocument[];
}
/** The summary record of a file that extracted: kind, pages, tables by type, identities broken. */
export declare function resultOfDocuments(path: string, documents: BudgetDocument[]): FileResult;
export interface BatchOptions extends ExtractOptions {
    jobs?: number;
    /** Seconds one file may take before it is recorded as timed out. */
    timeoutSeconds?: number;
    onResult?: (r: FileResult) => void | Promise<void>;
}
/** Default per-file time limit: a 500-page PDF takes well under this on a laptop. */
export declare const DEFAULT_TIMEOUT_SECONDS = 300;
/**
 * JS heap a worker may use before it is stopped and its file recorded as `too_large`: token and
 * object explosions end there, not in swap. It does not count ArrayBuffers (pdf.js's decoded
 * streams), which is why PDFs are checked for decompression bombs before parsing (pdf-streams.ts).
 */
export declare const WORKER_HEAP_MB = 1536;
export declare function runBatch(paths: string[], options: BatchOptions): Promise<FileResult[]>;
/** A document of a run by name: its file, and its unit for a county bundle (`a.pdf#2`). */
export declare const documentId: (d: BudgetDocument) => string;
/**
 * Documents of a run that hold the same figures as an earlier one: the same content extracted
 * twice (`same_content`), or a second disclosure of the same department, year and phase with the
 * same headline total (`same_department_year`: a 部门 and a 单位 disclosure of a one-unit
 * department repeat each other). The total must agree too, because a department name can be
 * misread alike for two offices (both `省级`): their figures differ, and they are not merged.
 * Only `kept` is counted in the run's totals; every document's facts stay in its own outputs.
 */
export interface Duplicate {
    reason: 'same_content' | 'same_department_year';
    department?: string;
    /** The headline total the documents share, in 元 (`same_department_year`). */
    total_yuan?: number;
    year?: number;
    phase?: Phase;
    kept: string;
    not_counted: string[];
}
/** What a panel of the run holds: facts by department (or unit) and by year, duplicates counted once. */
export interface FactCounts {
    /** Facts in facts.csv (every document). */
    facts: number;
    /** Facts of the documents counted: each department and year once. */
    counted: number;
    by_department: Record<string, number>;
    by_year: Record<string, number>;
    duplicates: Duplicate[];
}
/** Pure: the documents of a run in, the fact counts and duplicates of its summary out. */
export declare function countFacts(docs: BudgetDocument[]): FactCounts;
