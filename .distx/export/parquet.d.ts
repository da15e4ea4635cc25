import type { BudgetDocument } from '../model.js';
export declare function factsToParquet(docs: BudgetDocument[]): Uint8Array;
