import type { Row, TableType } from '../model.js';
import type { RawTable } from '../tables/build.js';
import type { RawRow, Token } from '../tables/rows.js';
import { baseRow, compact, type Built } from './built.js';
import { lookupCode } from './codes.js';
import { stripOrdinal, TOTAL_LABEL } from './line-keys.js';
import { segmentsOf } from './summary.js';

/**
 * A row opening with an economic code the reference lists, right before its name
 * (`30201 | 办公费 | 158.00`): the code, which keys the row as coded tables key it, so that it
 * nests under its class (`302 | 商品和服务支出`) whatever the name says.
 */
function printedEconomicCode(r: RawRow): Token | undefined {
  const [first, next] = r.tokens;
  if (first?.kind !== 'digits' || next?.kind !== 'label') return undefined;
  const entry = lookupCode(first.text);
  return entry && entry.classification !== 'functional' && entry.code === first.text ? first : undefined;
}

/**
 * A 政府采购预算表 lists one purchase a line, and the same purchase (`会议服务 | 分散自行组织`) under
 * two projects is printed twice and is two lines: the second is keyed `会议服务分散自行组织 (2)`.
 * Elsewhere a repeated label restates a line (a continued table's repeated rows) and is dropped.
 */
function distinct(key: string, type: TableType, seen: ReadonlySet<string>): string {
  if (type !== 'procurement' || key === 'total' || !seen.has(key)) return key;
  let n = 2;
  while (seen.has(`${key} (${n})`)) n++;
  return `${key} (${n})`;
}

/** Tables without a fixed layout: rows keyed by their label (or total), first number as total. */
export function labeledTable(raw: RawTable): Built {
  const rows: Row[] = [];
  const seen = new Set<string>();
  for (const r of raw.rows) {
    const code = printedEconomicCode(r);
    const row = code ? { ...r, tokens: r.tokens.slice(1) } : r;
    const segments = segmentsOf(row);
    segments.forEach((seg, i) => {
      if (!seg.numbers.length) return;
      const label = stripOrdinal(seg.label);
      // A row opening with 合计 is the total, whatever else it prints (`合计 | 式`: the last character of a wrapped header cell).
      const opensTotal = i === 0 && /^(合计|总计)$/.test(compact(row.tokens.find((t) => t.kind === 'label')?.text ?? ''));
      const total = TOTAL_LABEL.test(label) || /^(合计|总计)$/.test(label) || label === '' || opensTotal;
      const econ = code !== undefined && i === 0 && !total;
      const key = distinct(econ ? code.text : total ? 'total' : label, raw.type, seen);
      if (!key || seen.has(key)) return;
      seen.add(key);
      const out = baseRow(key, econ ? 'econ' : total ? 'total' : 'line', label, seg.at);
      out.values.total = seg.numbers[0]!.value;
      out.sources.total = seg.numbers[0]!.at;
      out.raw = r.tokens.map((t) => t.text);
      rows.push(out);
    });
  }
  return { rows, columns: [{ measure: 'total', path: ['合计'], children: [] }], issues: [] };
}
