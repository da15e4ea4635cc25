import type { BudgetDocument } from '../model.js';
import { type BatchOptions } from '../batch.js';
import { type Comparison, type Pairing } from './compare.js';
/** A side of `compare` that gave no document: the path, and what to do. */
export declare class CompareError extends Error {
    readonly code: 'io' | 'no_documents' | 'extract_failed';
    readonly file: string;
    constructor(code: 'io' | 'no_documents' | 'extract_failed', file: string, message: string);
}
/**
 * The documents one side of `compare` names: a JSON output of budget-extract, a disclosure
 * (extracted now), or a folder of either (JSON outputs when it holds any, as a run's `-o` folder
 * does; else every disclosure in it).
 */
export interface Loaded {
    documents: BudgetDocument[];
    /** Files of a folder that did not extract (the others are compared): file and what to do. */
    failed: {
        file: string;
        message: string;
    }[];
}
export declare function loadDocuments(path: string, options?: BatchOptions): Promise<Loaded>;
export interface CompareResult extends Pairing {
    comparisons: Comparison[];
    failed: Loaded['failed'];
}
/** `compare OLD NEW`: both sides loaded, paired by department, each pair compared. */
export declare function compareInputs(oldPath: string, newPath: string, options?: BatchOptions): Promise<CompareResult>;
