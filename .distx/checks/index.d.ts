import type { Coverage, DocumentMeta, Issue, Line, Table, ValidationSummary } from '../model.js';
import { type Instance } from './shared.js';
export { findNarrativeStatements } from './narrative.js';
/** Ids of the checks every document is put through, in order. */
export declare const CHECK_IDS: readonly string[];
/**
 * Runs every check of data/checks.json over a document. Issues of in-table checks are also
 * appended to their table's `issues`; no printed value is changed.
 */
export declare function validateDocument(tables: Table[], meta: DocumentMeta, lines: Line[]): {
    issues: Issue[];
    validation: ValidationSummary;
};
/**
 * The printed figures of the tables, and those an evaluated comparison read. A table whose
 * reading is doubtful covers nothing: its comparisons do not count.
 */
export declare function coverageOf(tables: Table[], evaluated: Instance[]): Coverage;
