import { writeToString } from '@fast-csv/format';
import type { BudgetDocument, TableType } from '../model.js';
import { documentToFacts, FACT_HEADERS } from './facts.js';

/**
 * CSV through fast-csv: the long facts file for programs, and one wide file per table type
 * (a row per printed row, a column per measure) across the documents of a run.
 */

export interface CsvOptions {
  /** UTF-8 BOM so Excel on Windows reads Chinese correctly. */
  bom?: boolean;
}

const BOM = '\uFEFF';

/**
 * Text a spreadsheet would evaluate (`=HYPERLINK(…)`, `+`, `-`, `@`, tab, CR, also after
 * leading spaces, which an import may trim) gets a leading apostrophe, as Excel and LibreOffice
 * expect; only in CSV meant for spreadsheets.
 */
export function neutralizeFormula(text: string): string {
  return /^[\s\u3000]*[=+\-@]|^[\t\r\n]/.test(text) ? `'${text}` : text;
}

/** Numbers printed without float noise (1794.14, not 1794.1399999). */
function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(6)));
}

/**
 * A table with no values (printed empty) still appears once, with key, measure and value empty,
 * so the facts file lists every table the JSON lists.
 */
export async function factsToCsv(docs: BudgetDocument[], options: CsvOptions = {}): Promise<string> {
  const rows = docs.flatMap((d) => {
    const textCells = (cells: string[]): string[] => (options.bom ? cells.map(neutralizeFormula) : cells);
    const facts = documentToFacts(d).map((f) => [...textCells([f.document, f.table, f.key, f.name, f.measure]), formatNumber(f.value)]);
    const empty = d.tables.filter((t) => !t.rows.some((r) => Object.keys(r.values).length)).map((t) => [...textCells([d.source.file, t.type]), '', '', '', '']);
    return [...facts, ...empty];
  });
  const text = await writeToString(rows, { headers: [...FACT_HEADERS], includeEndRowDelimiter: true });
  return (options.bom ? BOM : '') + text;
}

export async function wideCsvByType(docs: BudgetDocument[], options: CsvOptions = {}): Promise<Map<TableType, string>> {
  const out = new Map<TableType, string>();
  const types = [...new Set(docs.flatMap((d) => d.tables.map((t) => t.type)))];
  for (const type of types) {
    const measures: string[] = [];
    for (const d of docs) for (const t of d.tables.filter((x) => x.type === type)) for (const r of t.rows) for (const m of Object.keys(r.values)) if (!measures.includes(m)) measures.push(m);
    const header = ['document', 'department', 'year', 'table_title', 'unit', 'key', 'kind', 'name', ...measures];
    const rows: string[][] = [];
    for (const d of docs) {
      for (const t of d.tables.filter((x) => x.type === type)) {
        for (const r of t.rows) {
          const text = [d.source.file, d.document.department ?? '', d.document.year === undefined ? '' : String(d.document.year), t.title, t.unit, r.key, r.kind, r.name];
          rows.push([
            ...(options.bom ? text.map(neutralizeFormula) : text),
            ...measures.map((m) => (r.values[m] === undefined ? '' : formatNumber(r.values[m]!))),
          ]);
        }
      }
    }
    out.set(type, (options.bom ? BOM : '') + (await writeToString(rows, { headers: header, includeEndRowDelimiter: true })));
  }
  return out;
}
