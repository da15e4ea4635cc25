import type { RawTable } from '../tables/build.js';
import { type Built } from './built.js';
/** Tables without a fixed layout: rows keyed by their label (or total), first number as total. */
export declare function labeledTable(raw: RawTable): Built;
