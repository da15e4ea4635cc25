import type { Line, NarrativeStatement } from '../model.js';
import { type CheckFn } from './shared.js';
/** The figures the prose states about this year's budget (change and last-year clauses skipped). */
export declare function findNarrativeStatements(lines: Line[]): NarrativeStatement[];
/**
 * Whether prose printing `stated` (万元) states the table figure `value` (万元): rounded to the
 * decimals it prints, or cut off there (上海市普陀区财政局 2025 writes 877,080 元 as 87.70 万元 and
 * 2,049,197 元 as 204.91 万元 throughout).
 */
export declare function statesFigure(stated: string, value: number): boolean;
/** This family's checks, by id (data/checks.json). */
export declare const RULES: Record<string, CheckFn>;
