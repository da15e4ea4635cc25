import type { BudgetDocument } from '../model.js';
/** The contract's JSON document. Provenance stays in `sources`; `-o -` prints one per line. */
export declare function documentToJson(doc: BudgetDocument, pretty?: boolean): string;
