import type { At, HeaderColumn, Issue, Line, Row, RowKind, Table } from '../model.js';
import { loadJson } from '../data.js';
import { FAMILY, type RawTable } from '../tables/build.js';
import { columnsByPosition, columnsByWords, headerWordOf, measureNameIn, measureOfLabel } from '../tables/header.js';
import { classify, withYearsInLabels, type RawRow } from '../tables/rows.js';
import { classOfName, kindOf, repairCode } from './codes.js';
import { repairOcrNames } from './names.js';
import { identitiesFor, placeRow, settleByColumnSums, type Assignment, type PlacedNumber } from './place.js';
import { sumExact } from './amounts.js';

/** Raw table → keyed rows with their values in named columns. */

interface LineKeyFile {
  lines: { key: string; pattern: string }[];
  subtotal_lines: { keys: string[] };
  nested_under_carryover: string[];
}
const lineKeyData = loadJson<LineKeyFile>('line-keys.json');
const LINE_KEYS = lineKeyData.lines.map((l) => ({ key: l.key, re: new RegExp(l.pattern) }));
const NESTED = new Set(lineKeyData.nested_under_carryover);
const SUBTOTAL_KEYS = lineKeyData.subtotal_lines.keys;
const isSubtotalLine = (key: string): boolean =>
  SUBTOTAL_KEYS.some((k) => (k.endsWith('.*') ? key.startsWith(k.slice(0, -1)) : key === k));

const compact = (s: string): string => s.replace(/\s+/g, '');
const ORDINAL = /^(?:[(（]?[一二三四五六七八九十]+[)）、.]|[一二三四五六七八九十]+、|\d+、|\d+\.(?!\d))/;
/** 合计, 总计, and the 收入总计 / 支出合计 of a table listing one side. */
const TOTAL_LABEL = /^(收入|支出)?(合计|总计)[:：]?$/;
const GRAND_TOTAL_LABEL = /^(合\s*计|总\s*计)/;

export function stripOrdinal(label: string): string {
  return compact(label).replace(ORDINAL, '');
}

export function lineKeyOf(label: string): string | undefined {
  const t = stripOrdinal(label).replace(/[:：]$/, '');
  return LINE_KEYS.find((k) => k.re.test(t))?.key;
}

/** A table's rows followed by its subtotal lines (summary tables): every printed line it has. */
export function linesOf(t: Table): Row[] {
  return t.subtotals?.length ? [...t.rows, ...t.subtotals] : t.rows;
}

function baseRow(key: string, kind: RowKind, name: string, at: At): Row {
  return { key, kind, name, values: {}, sources: {}, at };
}

export function rawTableToTable(raw: RawTable, options: { rollup?: boolean } = {}): Table {
  const family = FAMILY[raw.type];
  const built =
    family === 'lines' ? linesTable(raw) : family === 'coded' ? codedTable(raw) : family === 'projects' ? projectsTable(raw) : labeledTable(raw);
  const hasValues = (r: Row): boolean => Object.keys(r.values).length > 0;
  const printed = built.rows.filter(hasValues);
  const subtotals = (built.subtotals ?? []).filter(hasValues);
  const rows = options.rollup ? withRollup(printed) : printed;
  return {
    type: raw.type,
    title: raw.title,
    unit: raw.unit,
    pages: raw.pages,
    lines: raw.lines,
    empty: rows.length === 0,
    columns: built.columns,
    rows,
    ...(subtotals.length ? { subtotals } : {}),
    issues: built.issues,
    at: raw.at,
  };
}

/**
 * `--rollup`: the class and section rows a table that prints only items leaves out, summed from
 * its items and marked derived. Printed parent rows are never replaced.
 */
export function withRollup(rows: Row[]): Row[] {
  const printedKeys = new Set(rows.map((r) => r.key));
  const items = rows.filter((r) => r.kind === 'item');
  const derived = new Map<string, Row>();
  for (const item of items) {
    for (const parent of [item.key.slice(0, 5), item.key.slice(0, 3)]) {
      if (printedKeys.has(parent)) continue;
      const row = derived.get(parent) ?? { ...baseRow(parent, parent.length === 3 ? 'class' : 'section', '', item.at), derived: true };
      for (const [m, v] of Object.entries(item.values)) row.values[m] = sumExact([row.values[m] ?? 0, v]);
      derived.set(parent, row);
    }
  }
  if (!derived.size) return rows;
  // Parents go right before their first child, in code order.
  const out: Row[] = [];
  for (const r of rows) {
    for (const parent of [r.key.slice(0, 3), r.key.slice(0, 5)]) {
      const d = derived.get(parent);
      if (r.kind === 'item' && d && !out.includes(d)) out.push(d);
    }
    out.push(r);
  }
  return out;
}

interface Built {
  rows: Row[];
  /** Summary lines that restate others (see `Table.subtotals`). */
  subtotals?: Row[];
  columns: HeaderColumn[];
  issues: Issue[];
}

// ---------------------------------------------------------------- summary lines

interface Segment {
  label: string;
  /** `decimal`: printed with a decimal point (an amount, not a 行次 number). */
  numbers: { value: number; at: At; decimal: boolean; idx?: number }[];
  at: At;
  /** Which side of a two-sided summary the label is printed on: 0 for the first label of its line. */
  side: number;
}

/** A row's tokens → label/number segments; a label that starts with an ordinal or names a line by itself starts a new segment. */
function segmentsOf(row: RawRow): Segment[] {
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
function linesTable(raw: RawTable): Built {
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

// ---------------------------------------------------------------- coded tables

const ECONOMIC_TYPES = new Set(['basic_expenditure', 'basic_expenditure_detail', 'economic_summary', 'appropriation_basic_expenditure']);

function isFunctional(code: string): boolean {
  return /^2\d{2}(\d{2}){0,2}$/.test(code) && Number(code.slice(0, 3)) >= 201 && Number(code.slice(0, 3)) <= 239;
}

/** Economic classes (部门 301–399, 政府 501–599) that exist; a unit code such as 304 is not one. */
const ECONOMIC_CLASS = /^(30[1237]|309|31[0-3]|399|50\d|51[0-4]|599)(\d{2})?$/;

function isEconomic(code: string): boolean {
  return ECONOMIC_CLASS.test(code);
}

interface Keyed {
  key: string;
  kind: RowKind;
  name: string;
}

/** What a coded row is: a classification line, a unit line, the total, or an unkeyed line. */
function keyCodedRow(r: RawRow, economic: boolean): Keyed | undefined {
  const labels = r.labels.map(compact).filter((l) => !/^\*+$/.test(l));
  const codes = r.codes;
  if (!codes.length && isTotalRow(r)) return { key: 'total', kind: 'total', name: labels[0] ?? '合计' };
  if (economic) {
    const econ = codes.filter(isEconomic);
    if (econ.length) return { key: econ.join('|'), kind: 'econ', name: labels[0] ?? '' };
  } else {
    const fn = codes.find(isFunctional);
    if (fn) return { key: fn, kind: kindOf(fn) ?? 'item', name: labels.join('') };
  }
  const unit = codes.find((c) => /^\d{3}$|^\d{6}$/.test(c));
  if (unit) return { key: unit, kind: 'unit', name: labels.join('') };
  return undefined;
}

/**
 * A table listing income by source down its rows (收入总计, 一般公共预算资金 小计, 事业收入 …)
 * rather than by code: each source line keyed as the summaries key it.
 */
function keyBySource(r: RawRow): Keyed | undefined {
  const name = r.labels.map(compact).join('');
  const key = name ? lineKeyOf(name.replace(/(小计|合计)$/, '')) : undefined;
  return key ? { key, kind: 'line', name } : undefined;
}

/** A total row opens with 合计/总计 and prints its numbers after that label. */
function isTotalRow(r: RawRow): boolean {
  const first = r.tokens.findIndex((t) => t.kind === 'label');
  if (first < 0) return false;
  const label = compact(r.tokens[first]!.text);
  if (!(TOTAL_LABEL.test(label) || (GRAND_TOTAL_LABEL.test(label) && label.length <= 4))) return false;
  return r.tokens.slice(first + 1).some((t) => t.kind !== 'label');
}

/**
 * A functional code checked against the reference: repaired when one confusable character off
 * a listed code whose name the row prints (the repair recorded), kept as printed with a warning
 * when unknown, and a printed name differing from the reference noted (local names exist: the
 * printed name is kept).
 */
function checkCode(k: Keyed, at: At, table: Table['type']): Issue[] {
  const fix = repairCode(k.key, k.name);
  if (fix.repaired && fix.code !== k.key) {
    const printed = k.key;
    k.key = fix.code;
    k.kind = kindOf(fix.code) ?? k.kind;
    return [{ kind: 'code_repaired', severity: 'warning', message: `code ${printed} printed for ${k.name} read as ${fix.code}`, at, table, key: fix.code, printed }];
  }
  if (!fix.known) return [{ kind: 'code_unknown', severity: 'warning', message: `code ${k.key} (${k.name}) is not in the classification reference; kept as printed`, at, table, key: k.key }];
  if (!fix.nameMatches && k.name) return [{ kind: 'name_mismatch', severity: 'info', message: `code ${k.key} is printed as ${k.name}, which differs from the reference name`, at, table, key: k.key }];
  return [];
}

function isColumnNumbering(r: RawRow): boolean {
  const ints = r.numbers.map((n) => n.value);
  return ints.length >= 3 && ints.every((v, i) => i === 0 || v === ints[i - 1]! + 1) && r.tokens.every((t) => !/\./.test(t.text));
}

function mode(values: number[]): number | undefined {
  const count = new Map<number, number>();
  for (const v of values) count.set(v, (count.get(v) ?? 0) + 1);
  return [...count.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
}

function codedTable(raw: RawTable): Built {
  const economic = ECONOMIC_TYPES.has(raw.type);
  const body = raw.rows.filter((r) => r.numbers.length > 0 && !isColumnNumbering(r));
  let keyed = body.map((r) => ({ r, k: keyCodedRow(r, economic) }));
  // An unkeyed numeric row printed before the first keyed row is the table total (some dumps print
  // the total under header words) when its first number is a total's: the sum of the top-level
  // rows, or, if a figure was misprinted, still at least each of them and most of their sum, so
  // that the column check can report the difference rather than lose the total.
  const classified = keyed.filter((x) => x.k && x.k.kind !== 'unit' && x.k.kind !== 'total');
  const hasTotal = keyed.some((x) => x.k?.kind === 'total');
  if (!hasTotal) {
    const lead = keyed.find((x) => !x.k);
    const top = topLevel(classified.map((x) => x.k!.key));
    const tops = classified.filter((x) => top.has(x.k!.key)).map((x) => x.r.numbers[0]!.value);
    const sum = sumExact(tops);
    const first = lead?.r.numbers[0];
    const totalLike = first !== undefined && !Number.isInteger(first.value) && tops.length > 1 && first.value >= Math.max(...tops) && first.value >= LEAD_TOTAL_SHARE * sum;
    if (lead && keyed.indexOf(lead) < keyed.findIndex((x) => x.k) && (Math.abs(sum - first!.value) < 0.011 || totalLike)) {
      lead.k = { key: 'total', kind: 'total', name: '合计' };
    }
  }
  // Unit lines repeat the total when the table is broken down by classification; keep them only
  // where they are the breakdown.
  if (classified.length) keyed = keyed.filter((x) => x.k?.kind !== 'unit');
  else keyed = keyed.map((x) => ({ r: x.r, k: x.k ?? keyBySource(x.r) }));
  // A table printing a single row of amounts under its header (Jiangsu's 支出预算总表, the central
  // template's 收入预算表) prints its total.
  if (keyed.length === 1 && !keyed[0]!.k && !keyed[0]!.r.codes.length) keyed[0]!.k = { key: 'total', kind: 'total', name: '合计' };
  const placed = economic ? [] : repairByPlace(keyed, raw.type);
  const rowsIn = keyed.filter((x): x is { r: RawRow; k: Keyed } => x.k !== undefined);
  const padded = rowsIn.flatMap((x) => paddedCodeIssue(x.r, x.k, raw.type));
  const checked = economic ? [] : rowsIn.filter((x) => ['class', 'section', 'item'].includes(x.k.kind)).flatMap((x) => checkCode(x.k, x.r.at, raw.type));
  // OCR names (cells with a recognition confidence) are checked against the reference (names.ts).
  const ocr = raw.body.some((l) => l.cells.some((c) => c.confidence !== undefined));
  const renamed = ocr ? repairOcrNames(rowsIn.filter((x) => x.k.kind !== 'total' && x.k.kind !== 'unit').map((x) => ({ k: x.k, at: x.r.at })), raw.type) : [];
  const renamedKeys = new Set(renamed.map((i) => i.key));
  const built = placeTable(raw, rowsIn, economic);
  return { ...built, issues: [...placed, ...padded, ...checked.filter((i) => !(i.kind === 'name_mismatch' && renamedKeys.has(i.key))), ...renamed, ...built.issues] };
}

/** The digit pieces a row opens with, as printed. */
function leadingPieces(r: RawRow): string[] {
  const first = r.tokens.findIndex((t) => t.kind !== 'digits');
  return r.tokens.slice(0, first < 0 ? r.tokens.length : first).map((t) => t.text);
}

/** A code whose 款 or 项 was printed without its leading zero (`301 2` → 30102): read, and said. */
function paddedCodeIssue(r: RawRow, k: Keyed, table: Table['type']): Issue[] {
  const pieces = leadingPieces(r);
  if (!pieces.some((p, i) => i > 0 && p.length === 1)) return [];
  const printed = pieces.join(' ');
  return [{ kind: 'code_repaired', severity: 'warning', message: `code ${printed} printed for ${k.name} read as ${k.key} (a 款/项 printed without its leading zero)`, at: r.at, table, key: k.key, printed }];
}

/**
 * A functional code whose 类 was misprinted (`7 | 11 | 02` under 210 / 21011): its 款 and 项
 * printed right, the row is the item of the section above it, when the reference's name for that
 * code is the printed name (or the reference lacks the code). Repaired, and said; otherwise left
 * out of the rows as before.
 */
function repairByPlace(keyed: { r: RawRow; k: Keyed | undefined }[], table: Table['type']): Issue[] {
  const issues: Issue[] = [];
  let section: string | undefined;
  for (const x of keyed) {
    if (x.k) {
      if (x.k.kind === 'section' || x.k.kind === 'item') section = x.k.key.slice(0, 5);
      if (x.k.kind === 'class' || x.k.kind === 'total') section = undefined;
      continue;
    }
    const pieces = leadingPieces(x.r);
    const [, kuan, xiang] = pieces;
    if (!section || pieces.length !== 3 || kuan !== section.slice(3) || !/^\d{2}$/.test(xiang ?? '') || pieces[0] === section.slice(0, 3)) continue;
    const code = `${section}${xiang}`;
    const name = x.r.labels.map(compact).join('');
    const fix = repairCode(code, name);
    if (fix.known && !fix.nameMatches) continue;
    x.k = { key: code, kind: 'item', name };
    issues.push({ kind: 'code_repaired', severity: 'warning', message: `code ${pieces.join(' ')} printed for ${name} read as ${code} from its place under ${section}${fix.known ? ' and its name' : ' (not in the classification reference)'}`, at: x.r.at, table, key: code, printed: pieces.join(' ') });
  }
  return issues;
}

/** An unlabelled lead row is a total when its first number is at least this share of the top-level rows' sum (and each of them). */
const LEAD_TOTAL_SHARE = 0.5;

/** Codes at the outermost printed level: classes if any are printed, else sections, else items. */
function topLevel(keys: string[]): Set<string> {
  const lengths = keys.map((k) => k.split('|')[0]!.length);
  const min = Math.min(...lengths);
  return new Set(keys.filter((k) => k.split('|')[0]!.length === min));
}

function placeTable(raw: RawTable, rowsIn: { r: RawRow; k: Keyed }[], economic: boolean): Built {
  const issues: Issue[] = [];
  // A table whose first page was flattened still repeats its header on the next page.
  const headerLines = columnsByWords(raw.header.map((l) => l.text).join(' '), raw.type).length > 1 ? raw.header : raw.body.filter((l) => !l.cells.some((c) => /\d\.\d/.test(c.text)));
  const headerText = headerLines.map((l) => l.text).join(' ');
  const positioned = rowsIn.filter((x) => x.r.positioned && x.r.numbers[0]?.idx !== undefined);
  const firstValue = mode(positioned.map((x) => x.r.numbers[0]!.idx!));
  const width = Math.max(0, ...raw.body.filter((l) => l.delimited).map((l) => l.cells.length));
  let columns: string[] = columnsByWords(headerText, raw.type).map((c) => c.measure);
  const byPos = firstValue === undefined ? undefined : columnsByPosition(headerLines, firstValue, width);
  if (byPos && byPos.every((m) => m !== undefined)) columns = byPos as string[];
  else if (byPos) {
    // Columns the header leaves unnamed are kept as col_N so positions still line up.
    columns = byPos.map((m, i) => m ?? `col_${i + 1}`);
  }
  // More numbers than named columns: keep them, in printed order, under col_N.
  const widest = Math.max(0, ...rowsIn.map((x) => x.r.numbers.length), width - (firstValue ?? width));
  for (let k = columns.length; k < widest; k++) columns.push(`col_${k + 1}`);
  columns = columns.map((m) => measureNameIn(raw.type, m));
  const identities = identitiesFor(columns, raw.type);
  const pos = (n: { idx?: number }): number | undefined => (n.idx === undefined || firstValue === undefined ? undefined : n.idx - firstValue);
  const numbersOf = (r: RawRow): PlacedNumber[] => r.numbers.map((n) => ({ value: n.value, pos: r.positioned ? pos(n) : undefined }));

  const totalIdx = rowsIn.findIndex((x) => x.k.kind === 'total');
  const blankNone: boolean[] = columns.map(() => false);
  const totalPlacement = totalIdx >= 0 ? placeRow(numbersOf(rowsIn[totalIdx]!.r), columns, identities, blankNone) : undefined;
  const top = topLevel(rowsIn.filter((x) => x.k.kind !== 'total' && x.k.kind !== 'unit').map((x) => x.k.key));

  const cache = new Map<string, ReturnType<typeof placeRow>>();
  const placeRowCached = (r: RawRow, totalBlank: boolean[]): ReturnType<typeof placeRow> => {
    const key = `${rowsIn.findIndex((x) => x.r === r)}|${totalBlank.map(Number).join('')}`;
    let hit = cache.get(key);
    if (!hit) cache.set(key, (hit = placeRow(numbersOf(r), columns, identities, totalBlank)));
    return hit;
  };
  /** Places every row given one reading of the total row; the reading whose column sums fit best wins. */
  const attempt = (totalAssign: Assignment | undefined) => {
    const totalValues = totalAssign ? valuesFor(totalAssign, rowsIn[totalIdx]!.r) : columns.map(() => undefined);
    const totalBlank = totalAssign ? totalValues.map((v) => v === undefined || v === 0) : blankNone;
    const placements = rowsIn.map((x, i) => {
      if (i === totalIdx) return { options: [totalAssign!], printed: totalPlacement!.printed };
      const p = placeRowCached(x.r, totalBlank);
      return economic ? { ...p, options: preferEconomicColumn(p.options, x.k.key, columns) } : p;
    });
    const settle = settleByColumnSums(
      placements.map((p, i) => ({ options: p.options.map((a) => valuesFor(a, rowsIn[i]!.r)), counted: i !== totalIdx && top.has(rowsIn[i]!.k.key) })),
      totalValues,
    );
    return { placements, settle };
  };
  const readings = (totalPlacement?.options.length ? totalPlacement.options.slice(0, MAX_TOTAL_READINGS) : [undefined]).map(attempt);
  const bestMiss = Math.min(...readings.map((r) => r.settle.miss));
  const fitting = readings.filter((r) => Math.abs(r.settle.miss - bestMiss) <= 1e-9);
  const { placements, settle } = fitting[0]!;
  if (totalIdx >= 0) settle.ambiguous[totalIdx] = fitting.length > 1;
  settleUnderParents(rowsIn, placements, settle);
  const optionCount = (i: number): number => (i === totalIdx ? fitting.length : placements[i]!.options.length);

  const rows = rowsIn.map((x, i) => {
    const row = baseRow(x.k.key, x.k.kind, x.k.name, x.r.at);
    const p = placements[i]!;
    const assign: Assignment | undefined = p.options[settle.choice[i]!];
    if (!assign) {
      issues.push({ kind: 'row_unparsed', severity: 'warning', message: `row ${x.k.key}: ${x.r.numbers.length} numbers do not fit ${columns.length} columns`, at: x.r.at, table: raw.type, key: x.k.key });
      return row;
    }
    assign.forEach((k, col) => {
      if (k === undefined) return;
      const n = x.r.numbers[k]!;
      row.values[columns[col]!] = n.value;
      row.sources[columns[col]!] = n.at;
    });
    if (settle.ambiguous[i]) {
      issues.push({
        kind: 'ambiguous_placement',
        severity: 'warning',
        message: `row ${x.k.key}: its numbers fit ${optionCount(i)} column placements equally well; the first was kept`,
        at: x.r.at,
        table: raw.type,
        key: x.k.key,
      });
    }
    return row;
  });
  return { rows, columns: columns.map((m) => ({ measure: m, path: headerPath(m, identities), children: childrenOf(m, identities) })), issues };
}

/** Header words from the outermost group down: 基本支出 › 人员经费 › 工资福利支出. The row total is no group. */
function headerPath(measure: string, identities: { parent: string; children: string[] }[]): string[] {
  const path = [headerWordOf(measure)];
  for (let m = measure, up = parentOf(m, identities); up && up !== 'total'; m = up, up = parentOf(m, identities)) path.unshift(headerWordOf(up));
  return path;
}

function parentOf(measure: string, identities: { parent: string; children: string[] }[]): string | undefined {
  return identities.find((i) => i.children.includes(measure))?.parent;
}

interface EconomicMeasureFile {
  department: Record<string, string>;
  government: Record<string, string>;
}
const economicMeasures = loadJson<EconomicMeasureFile>('economic-measures.json');
const OPPOSITE: Record<string, string> = { personnel: 'public', public: 'personnel' };

/** Between placements the arithmetic leaves open, the one that puts the amount where its economic class belongs. */
function preferEconomicColumn(options: Assignment[], key: string, columns: string[]): Assignment[] {
  const [dept, gov] = key.split('|');
  const expected = economicMeasures.department[dept?.slice(0, 3) ?? ''] ?? economicMeasures.government[gov ?? ''] ?? economicMeasures.government[gov?.slice(0, 3) ?? ''];
  const other = expected ? columns.indexOf(OPPOSITE[expected]!) : -1;
  if (other < 0 || options.length < 2) return options;
  const fitting = options.filter((a) => a[other] === undefined);
  return fitting.length ? fitting : options;
}

/** Readings of an ambiguous total row tried against the items' column sums. */
const MAX_TOTAL_READINGS = 6;

const NESTING_KINDS = new Set<RowKind>(['class', 'section', 'item', 'econ']);

/**
 * Below the top level, the parent row is the total: a class's sections add up to it column by
 * column, a section's items to the section (a column the parent leaves blank holds nothing).
 * Top down, each parent's children are settled against its placed values, so a section printing
 * `3216.00 3216.00` goes under 项目支出 when that is where its class has room.
 */
function settleUnderParents(
  rowsIn: { r: RawRow; k: Keyed }[],
  placements: { options: Assignment[] }[],
  settle: { choice: number[]; ambiguous: boolean[] },
): void {
  const code = (i: number): string => rowsIn[i]!.k.key.split('|')[0]!;
  const coded = rowsIn.map((x, i) => (NESTING_KINDS.has(x.k.kind) ? i : -1)).filter((i) => i >= 0);
  // Codes printed twice (a table broken down by unit) would be summed twice: leave those alone.
  if (new Set(coded.map(code)).size < coded.length) return;
  for (const p of [...coded].sort((a, b) => code(a).length - code(b).length)) {
    const below = coded.filter((i) => code(i).length > code(p).length && code(i).startsWith(code(p)));
    if (!below.length) continue;
    const level = Math.min(...below.map((i) => code(i).length));
    const kids = below.filter((i) => code(i).length === level);
    const parentAssign = placements[p]!.options[settle.choice[p]!];
    if (!parentAssign || !kids.some((i) => placements[i]!.options.length > 1)) continue;
    const parentValues = valuesFor(parentAssign, rowsIn[p]!.r).map((v) => v ?? 0);
    const sub = settleByColumnSums(
      kids.map((i) => ({ options: placements[i]!.options.map((a) => valuesFor(a, rowsIn[i]!.r)), counted: true })),
      parentValues,
    );
    kids.forEach((i, k) => {
      settle.choice[i] = sub.choice[k]!;
      settle.ambiguous[i] = sub.ambiguous[k]!;
    });
  }
}

function valuesFor(assign: Assignment, r: RawRow): (number | undefined)[] {
  return assign.map((k) => (k === undefined ? undefined : r.numbers[k]!.value));
}

function childrenOf(measure: string, identities: { parent: string; children: string[] }[]): string[] {
  return identities.find((i) => i.parent === measure)?.children ?? [];
}

// ---------------------------------------------------------------- projects

const PROJECT_CODE = /^\d{10,}$/;
const PROJECT_TYPE_WORDS = /^(特定目标类|其他运转类|运转类|人员类|专项|一般性项目)$/;

function projectsTable(raw: RawTable): Built {
  if (raw.body.some((l) => l.cells.some((c) => compact(c.text) === '项目名称')) || raw.header.some(isFormLine)) return projectForms(raw);
  const nameCol = nameColumnIndex(raw);
  const body = raw.rows.filter((r) => r.numbers.length > 0);
  // Unit lines (`710 焦作市解放区医疗保障局`) name the unit printed beside each project; their
  // names are cut from project names a dump ran together with the unit column.
  const unitRows = body.filter((r) => !r.codes.some((c) => PROJECT_CODE.test(c)) && r.codes.some((c) => /^\d{3}$|^\d{6}$/.test(c)));
  const unitNames = [...new Set([...unitRows.map((r) => r.labels.map(compact).join('')), ...unitColumnOf(body)].filter((n) => n.length >= 4))];
  const rows: Row[] = [];
  const units: Row[] = [];
  const seen = new Set<string>();
  for (const r of body) {
    const labels = r.labels.map(compact);
    const code = r.codes.find((c) => PROJECT_CODE.test(c));
    let row: Row | undefined;
    if (!code && (labels.some((l) => TOTAL_LABEL.test(l)) || (!labels.length && !r.codes.length && !rows.length))) {
      row = baseRow('total', 'total', '合计', r.at);
    } else if (unitRows.includes(r)) {
      units.push(putTotal(baseRow(r.codes.find((c) => /^\d{3}$|^\d{6}$/.test(c))!, 'unit', labels.join(''), r.at), r));
      continue;
    } else {
      const name = withoutUnitNames(projectName(r, nameCol) ?? '', unitNames);
      const key = code ?? name;
      if (key) row = baseRow(key, 'project', name, r.at);
    }
    if (!row || seen.has(row.key)) continue;
    seen.add(row.key);
    rows.push(putTotal(row, r));
  }
  return { rows: rows.some((r) => r.kind === 'project') ? rows : [...units, ...rows], columns: [{ measure: 'total', path: ['合计'], children: [] }], issues: [] };
}

/** Rows a label must repeat in, and the share of rows, to be a 项目单位 column and not a name. */
const UNIT_COLUMN_MIN_ROWS = 3;
const UNIT_COLUMN_SHARE = 0.5;

/**
 * A space-separated dump runs the 项目单位 column into the project name. The label that most
 * rows print word for word, besides the project type, is that column.
 */
function unitColumnOf(body: RawRow[]): string[] {
  const counts = new Map<string, number>();
  for (const r of body) for (const l of new Set(r.labels.map(compact))) if (!PROJECT_TYPE_WORDS.test(l) && !TOTAL_LABEL.test(l)) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts].filter(([, n]) => n >= UNIT_COLUMN_MIN_ROWS && n >= UNIT_COLUMN_SHARE * body.length).map(([l]) => l);
}

function withoutUnitNames(name: string, unitNames: string[]): string {
  let out = name;
  for (const u of unitNames) if (out.length > u.length) out = out.split(u).join('');
  return out;
}

function putTotal(row: Row, r: RawRow): Row {
  const first = r.numbers[0];
  if (first) {
    row.values.total = first.value;
    row.sources.total = first.at;
  }
  return row;
}

function nameColumnIndex(raw: RawTable): number | undefined {
  for (const l of raw.header) {
    const i = l.cells.findIndex((c) => /^项目名称|项目单位\(项目名称\)|^项目$/.test(compact(c.text)));
    if (i >= 0 && l.delimited) return i;
  }
  return undefined;
}

/** The project's name: the cell under 项目名称 when positions are known, else the longest label that is not a type word. */
function projectName(r: RawRow, nameCol: number | undefined): string | undefined {
  const labelTokens = r.tokens.filter((t) => t.kind === 'label');
  if (nameCol !== undefined && r.positioned) {
    const cell = labelTokens.find((t) => t.idx === nameCol);
    if (cell) return compact(cell.text);
  }
  const labels = labelTokens.map((t) => compact(t.text)).filter((l) => !PROJECT_TYPE_WORDS.test(l));
  if (!labels.length) return undefined;
  if (!r.positioned) return labels.join('');
  return labels.reduce((a, b) => (b.length > a.length ? b : a));
}

/** Words of a column header beside 项目名称 in a tabular project table; in a form, its value (the name) follows instead. */
const COLUMN_WORD = /单位|部门|类型|类别|编码|代码|名称|科目|金额|合计|预算|资金/;

/** Labels printed after the name on a form's 项目名称 line (Shanghai: 项目名称 | … | 项目性质 | … | 项目类别 | …). */
const FORM_LABEL = /^(项目性质|项目类别|项目类型|主管部门|实施单位|项目编码|项目期限|项目负责人)/;

/** A form's 项目名称 line: the label followed by the project's name (or by 项目编码 and the code). */
function isFormLine(l: Line): boolean {
  const cells = l.cells.map((c) => compact(c.text));
  const i = cells.indexOf('项目名称');
  if (i < 0 || l.cells.length > 8) return false;
  if (/项目编码/.test(l.text)) return true;
  const next = cells.slice(i + 1).find((t) => t);
  return next !== undefined && !COLUMN_WORD.test(next.replace(/\d+/g, '').slice(0, 6)) && measureOfLabel(next) === undefined;
}

/** One form per project: 项目编码 / 项目名称 / 预算数 (or 项目金额) printed as label-value pairs. */
function projectForms(raw: RawTable): Built {
  const rows: Row[] = [];
  let current: Row | undefined;
  const lines = [...raw.header, ...raw.body];
  const titleName = compact(raw.title).replace(ORDINAL, '').replace(/(项目)?(绩效目标|绩效)(表)?$/, '');
  for (const line of lines) {
    const cells = withYearsInLabels(line.cells.map((c) => ({ text: compact(c.text), at: c.at })).filter((c) => c.text), (c) => classify(c.text) === 'label');
    cells.forEach((c, i) => {
      const next = cells[i + 1];
      if (c.text === '项目名称' && next) {
        const code = cells.find((x, j) => j < i && PROJECT_CODE.test(x.text))?.text;
        // A long name runs over the following cells of the line.
        const rest = cells.slice(i + 1);
        const end = rest.findIndex((x) => FORM_LABEL.test(x.text));
        const printed = (end < 0 ? rest : rest.slice(0, end)).filter((x) => !/^\d[\d,.]*$/.test(x.text)).map((x) => x.text).join('');
        // The title of a one-project table names the project whole, where a cell wrap may have
        // doubled or cut a character.
        const name = !rows.length && titleName.length >= 4 && editDistance(titleName, printed) <= 2 ? titleName : printed;
        current = baseRow(code ?? name, 'project', name, line.at);
        rows.push(current);
      } else if (current && /^(预算数|项目金额|(年度|项目)?资金总额|金额)[:：]?$/.test(c.text) && next && current.values.total === undefined) {
        const v = Number(next.text.replace(/,/g, ''));
        if (Number.isFinite(v) && /^-?[\d,]+(\.\d+)?$/.test(next.text)) {
          current.values.total = v;
          current.sources.total = next.at;
        }
      }
    });
  }
  return { rows, columns: [{ measure: 'total', path: ['预算数'], children: [] }], issues: [] };
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

// ---------------------------------------------------------------- other tables

/** Tables without a fixed layout: rows keyed by their label (or total), first number as total. */
function labeledTable(raw: RawTable): Built {
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
