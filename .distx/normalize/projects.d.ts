import type { RawTable } from '../tables/build.js';
import { type Built } from './built.js';
export declare function projectsTable(raw: RawTable): Built;
