import type { Row } from '../model.js';
import type { RawTable } from '../tables/build.js';
import type { RawRow, Token } from '../tables/rows.js';
import { baseRow, type Built } from './built.js';
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

/** Tables without a fixed layout: rows keyed by their label (or total), first number as total. */
export function labeledTable(raw: RawTable): Built {
  const rows: Row[] = [];
  const seen = new Set<string>();
  for (const r of raw.rows) {
    const code = printedEconomicCode(r);
    const segments = segmentsOf(code ? { ...r, tokens: r.tokens.slice(1) } : r);
    segments.forEach((seg, i) => {
      if (!seg.numbers.length) return;
      const label = stripOrdinal(seg.label);
      const total = TOTAL_LABEL.test(label) || /^(合计|总计)$/.test(label) || label === '';
      const econ = code !== undefined && i === 0 && !total;
      const key = econ ? code.text : total ? 'total' : label;
      if (!key || seen.has(key)) return;
      seen.add(key);
      const row = baseRow(key, econ ? 'econ' : total ? 'total' : 'line', label, seg.at);
      row.values.total = seg.numbers[0]!.value;
      row.sources.total = seg.numbers[0]!.at;
      row.raw = r.tokens.map((t) => t.text);
      rows.push(row);
    });
  }
  return { rows, columns: [{ measure: 'total', path: ['合计'], children: [] }], issues: [] };
}
