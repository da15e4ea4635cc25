import type { At, BudgetDocument, Issue } from '../model.js';

/**
 * Small helpers the human-facing exports (workbook, review page) share, so a location or an
 * issue reads the same in both.
 */

/** `file:line` for text input, `file p.3 [x0,y0,x1,y1]` for PDF; '' when nothing is known. */
export function formatAt(at: At | undefined): string {
  if (!at) return '';
  if (at.line !== undefined) return `${at.file}:${at.line}`;
  const page = at.page !== undefined ? ` p.${at.page}` : '';
  const box = at.bbox ? ` [${at.bbox.map((v) => Math.round(v * 10) / 10).join(',')}]` : '';
  return `${at.file}${page}${box}`;
}

/**
 * Every issue of a document: the document-level ones (cross-table checks, completeness, prose)
 * and each table's own (placement, codes), which may leave `table` unset since their table
 * knows it. The two lists never repeat each other.
 */
export function allIssues(doc: BudgetDocument): Issue[] {
  return [...doc.issues, ...doc.tables.flatMap((t) => t.issues.map((i) => ({ ...i, table: i.table ?? t.type })))];
}

