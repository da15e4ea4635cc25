import type { Row } from '../model.js';
import type { RawTable } from '../tables/build.js';
import { baseRow, type Built } from './built.js';
import { stripOrdinal, TOTAL_LABEL } from './line-keys.js';
import { segmentsOf } from './summary.js';


/** Tables without a fixed layout: rows keyed by their label (or total), first number as total. */
export function labeledTable(raw: RawTable): Built {
  const rows: Row[] = [];
  const seen = new Set<string>();
  for (const r of raw.rows) {
    for (const seg of segmentsOf(r)) {
      if (!seg.numbers.length) continue;
      const label = stripOrdinal(seg.label);
      const total = TOTAL_LABEL.test(label) || /^(合计|总计)$/.test(label) || label === '';
      const key = total ? 'total' : label;
      if (!key || seen.has(key)) continue;
      seen.add(key);
      const row = baseRow(key, total ? 'total' : 'line', label, seg.at);
      row.values.total = seg.numbers[0]!.value;
      row.sources.total = seg.numbers[0]!.at;
      row.raw = r.tokens.map((t) => t.text);
      rows.push(row);
    }
  }
  return { rows, columns: [{ measure: 'total', path: ['合计'], children: [] }], issues: [] };
}

