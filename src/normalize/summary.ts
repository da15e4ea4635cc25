import type { At, HeaderColumn, Issue, Line, Row, RowKind } from '../model.js';
import type { RawTable } from '../tables/build.js';
import { headerWordOf, measureOfLabel } from '../tables/header.js';
import type { RawRow } from '../tables/rows.js';
import { classOfName } from './codes.js';
import { sumExact } from './amounts.js';
import { baseRow, compact, type Built } from './built.js';
import { isSubtotalLine, lineKeyOf, NESTED, ORDINAL, stripOrdinal } from './line-keys.js';

/** Summary tables (收支总表, 财政拨款收支总表): printed lines → keyed lines and subtotals. */

interface Segment {
  label: string;
  /** `decimal`: printed with a decimal point (an amount, not a 行次 number). */
  numbers: { value: number; at: At; decimal: boolean; idx?: number }[];
  at: At;
  /** Which side of a two-sided summary the label is printed on: 0 for the first label of its line. */
  side: number;
}

/** A row's tokens → label/number segments; a label that starts with an ordinal or names a line by itself starts a new segment. */
export function segmentsOf(row: RawRow): Segment[] {
  const segs: Segment[] = [];
  let seenLabel = false;
  for (const t of row.tokens) {
    if (t.kind === 'label') {
      const last = segs[segs.length - 1];
      // "一般公共预算 | 小计 | 1794.14": a 小计/合计 cell completes the label before it.
      const completes = last !== undefined && !last.numbers.length && /^(小计|合计)$/.test(compact(t.text)) && lineKeyOf(last.label) !== undefined;
      const startsNew = !completes && (!last || last.numbers.length > 0 || ORDINAL.test(compact(t.text)) || /^其中/.test(t.text) || standsAlone(t.text) || standsAlone(last.label));
      // A label printed right of the first cell, with nothing before it, is the right-hand side.
      if (startsNew) segs.push({ label: t.text, numbers: [], at: t.at, side: segs.length ? 1 : (t.idx ?? 0) > 0 ? 1 : 0 });
      else last.label += t.text;
      seenLabel = true;
    } else {
      // Numbers before any label: a row whose label is a column header (三公 tables print
      // "1.10 1.10" under "“三公”经费合计"), or a serial, which no key matches.
      if (!seenLabel && !segs.length) segs.push({ label: '', numbers: [], at: t.at, side: 0 });
      const v = Number(t.text.replace(/,/g, ''));
      if (Number.isFinite(v)) segs[segs.length - 1]!.numbers.push({ value: v, at: t.at, decimal: t.text.includes('.'), idx: t.idx });
    }
  }
  return segs.map((s) => ({ ...s, label: compact(s.label) }));
}

const standsAloneMemo = new Map<string, boolean>();

/** A label that names a line by itself (a fuzzy class lookup: memoized, labels repeat). */
function standsAlone(label: string): boolean {
  const t = stripOrdinal(label);
  let hit = standsAloneMemo.get(t);
  if (hit === undefined) {
    hit = t.length >= 2 && (lineKeyOf(t) !== undefined || classOfName(t) !== undefined);
    standsAloneMemo.set(t, hit);
  }
  return hit;
}

/** 一、 opens a heading; （一） 1、 1. open its parts. */
function ordinalLevel(label: string): 0 | 1 | 2 {
  if (/^[一二三四五六七八九十]+[、.．]/.test(label)) return 1;
  if (/^[(（][一二三四五六七八九十]+[)）]|^\d+[、.．](?!\d)/.test(label)) return 2;
  return 0;
}

/** Summary measures a line may print beside its amount, read from the header word above the number (Shanghai's 人员经费 | 公用经费 | 项目支出). */
const SUMMARY_SPLIT = new Set(['basic', 'project', 'personnel', 'public', 'general_budget', 'government_fund', 'state_capital']);

/** The deepest header label printed at each cell index of a delimited header. */
function headerLabels(header: Line[]): Map<number, string> {
  const labels = new Map<number, string>();
  for (const l of header) if (l.delimited) l.cells.forEach((c, i) => { if (compact(c.text)) labels.set(i, compact(c.text)); });
  return labels;
}

interface SummaryLine {
  row: Row;
  level: 0 | 1 | 2;
  side: number;
}

/**
 * Summary lines. A heading line that carries its own amount (`一、本年收入 9010.57`,
 * `二、上年结转 8.36`, `一、财政拨款收入 171,915,169`) is followed by its parts (`（一）一般公共预算拨款`,
 * `1、一般公共预算资金`); the parts restate the heading, so the heading goes to `subtotals` when it
 * is a subtotal itself, and the parts beside it when it is a row (carry-over, whose parts are keyed
 * `carryover.<fund>`).
 */
export function linesTable(raw: RawTable): Built {
  const printed: SummaryLine[] = [];
  const subtotals: Row[] = [];
  const issues: Issue[] = [];
  const used = new Set<string>();
  let heading: 'carryover' | 'income_total' | undefined;
  let sourceSeen = false;
  // 决算 tables print a 行次 (line number) column between each label and its amount.
  const lineNumbers = /行次/.test(raw.header.map((l) => l.text).join(''));
  const labelsAt = headerLabels(raw.header);
  const splitColumns = new Set<string>();
  for (const r of raw.rows) {
    for (const seg of segmentsOf(r)) {
      if (lineNumbers && seg.numbers.length && Number.isInteger(seg.numbers[0]!.value) && !seg.numbers[0]!.decimal) seg.numbers.shift();
      if (!seg.numbers.length) {
        if (lineKeyOf(seg.label) === 'carryover') heading = 'carryover';
        continue;
      }
      let key = lineKeyOf(seg.label);
      let kind: RowKind = 'line';
      let partOfSubtotal = false;
      if (key === 'carryover') heading = 'carryover';
      else if (key === 'income_total' && !sourceSeen) heading = 'income_total';
      else if (key?.startsWith('income_')) heading = undefined;
      if (key && NESTED.has(key)) {
        if (heading === 'carryover') key = `carryover.${key}`;
        else if (heading === 'income_total') partOfSubtotal = true;
        else sourceSeen = true;
      }
      // A 其中 line restates a part of the line above it (其中:政府性基金预算财政拨款 under 财政拨款收入).
      const parent = /^其中/.test(seg.label) && key && !key.includes('.') ? printed.filter((x) => x.side === seg.side).pop()?.row : undefined;
      if (parent && key) {
        key = `${parent.key}.${key}`;
        partOfSubtotal = true;
      }
      // A bare 合计 closing a two-sided summary is the grand total of its side.
      if (!key && /^(合计|总计)$/.test(seg.label)) key = seg.side ? 'expenditure_grand_total' : 'income_grand_total';
      if (!key) {
        const cls = classOfName(seg.label);
        if (cls) key = cls.code;
      }
      if (!key) continue;
      if (/total/.test(key)) kind = 'total';
      const first = seg.numbers[0];
      if (used.has(key)) {
        // A second 收入合计 after 本年收入合计 is the grand total ("or the last 收入合计 line").
        if (!first) continue;
        const prev = printed.find((x) => x.row.key === key)?.row;
        if (prev && /grand_total/.test(key)) {
          prev.values = { amount: first.value };
          prev.sources = { amount: first.at };
        }
        continue;
      }
      used.add(key);
      const row = baseRow(key, kind, stripOrdinal(seg.label), seg.at);
      if (first) {
        row.values.amount = first.value;
        row.sources.amount = first.at;
      }
      for (const n of seg.numbers.slice(1)) {
        const measure = n.idx === undefined ? undefined : measureOfLabel(labelsAt.get(n.idx) ?? '');
        if (!measure || !SUMMARY_SPLIT.has(measure) || row.values[measure] !== undefined) continue;
        row.values[measure] = n.value;
        row.sources[measure] = n.at;
        splitColumns.add(measure);
      }
      if (partOfSubtotal || isSubtotalLine(key)) subtotals.push(row);
      else printed.push({ row, level: ordinalLevel(seg.label), side: seg.side });
    }
  }
  const headings = headingsOf(printed);
  const rows = printed.filter((x) => !headings.has(x)).map((x) => x.row);
  for (const h of headings) subtotals.push(h.row);
  // The central template's lone 一、财政拨款 is its general-budget line.
  const lone = rows.find((r) => r.key === 'appropriation');
  if (lone && !used.has('general_budget')) lone.key = 'general_budget';
  const columns: HeaderColumn[] = [{ measure: 'amount', path: ['金额'], children: [] }, ...[...splitColumns].map((m) => ({ measure: m, path: [headerWordOf(m)], children: [] }))];
  return { rows, subtotals, columns, issues };
}

/**
 * Income headings whose numbered parts follow them on the same side and add up to them: they
 * restate their parts. Expenditure classes are never headings here (their sections are not lines).
 */
function headingsOf(lines: SummaryLine[]): Set<SummaryLine> {
  const out = new Set<SummaryLine>();
  lines.forEach((h, i) => {
    if (h.level !== 1 || /^\d/.test(h.row.key) || h.row.values.amount === undefined) return;
    const parts: SummaryLine[] = [];
    for (const x of lines.slice(i + 1).filter((x) => x.side === h.side)) {
      if (x.level !== 2) break;
      parts.push(x);
    }
    const amounts = parts.map((p) => p.row.values.amount).filter((v): v is number => v !== undefined);
    if (amounts.length && Math.abs(sumExact(amounts) - h.row.values.amount) < 1e-6) out.add(h);
  });
  return out;
}

