import { type CheckFn } from './shared.js';
/** This family's checks, by id (data/checks.json). */
export declare const RULES: Record<string, CheckFn>;
