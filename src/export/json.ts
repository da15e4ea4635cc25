import type { BudgetDocument } from '../model.js';

/** The contract's JSON document. Provenance stays in `sources`; `-o -` prints one per line. */
export function documentToJson(doc: BudgetDocument, pretty = true): string {
  return JSON.stringify(doc, null, pretty ? 2 : undefined);
}
