import type { HeaderColumn, Line, TableType } from '../model.js';
import { layoutWords, loadJson } from '../data.js';

/**
 * Header lines → the measures of a table's value columns, in printed order.
 *
 * Two readings: by position, when the header is delimited (tabs, ruled PDF cells) and its leaf
 * labels line up with the value columns; otherwise by words, where the header words present
 * pick measures from a canonical order. Dumps often shift header cells, so the caller checks the
 * positional reading against the table's own arithmetic before trusting it.
 */

interface MeasureFile {
  aliases: Record<string, string[]>;
  groups: string[];
  subtotal_words: string[];
  periods: Record<string, string>;
  in_functional_tables: Record<string, string>;
  order: Record<OrderFamily, string[]>;
}

const measures = loadJson<MeasureFile>('measures.json');
const aliasList: [string, string][] = Object.entries(measures.aliases)
  .flatMap(([m, words]) => words.map((w): [string, string] => [w, m]))
  .sort((a, b) => b[0].length - a[0].length);
const GROUPS = new Set(measures.groups);
const SUBTOTAL = new Set(measures.subtotal_words);
const { $comment: _periods, ...PERIODS } = measures.periods;

/** A header's words without spaces, nor a scan's stray commas and points between two letters (`合计,人,员经费`): no heading prints one there. */
const compact = (s: string): string => s.replace(/\s+/g, '').replace(/(?<=\p{Script=Han})[,.·]+(?=\p{Script=Han})/gu, '');

/** The measure a label is word for word (an alias), not one it contains. */
function exactMeasure(label: string): string | undefined {
  return aliasList.find(([w]) => w === label)?.[1];
}

/** The measure a header label names, ignoring 小计/合计 (resolved by position). */
export function measureOfLabel(label: string): string | undefined {
  const t = compact(label).replace(/^其中[:：]?/, (m) => (label.includes('财政拨款') ? '其中:' : m));
  const exact = exactMeasure(t);
  if (exact) return exact;
  return aliasList.find(([w]) => w.length >= 3 && t.includes(w))?.[1];
}

const { $comment: _, ...FUNCTIONAL_NAMES } = measures.in_functional_tables;
const CANONICAL_NAMES = Object.fromEntries(Object.entries(FUNCTIONAL_NAMES).map(([m, f]) => [f, m]));

/**
 * A measure's name in a table of this type: in a table whose rows are functional classes,
 * 人员经费/公用经费 under 基本支出 are `basic_personnel`/`basic_public` (data/measures.json).
 */
export function measureNameIn(type: TableType, measure: string): string {
  return orderFamily(type) === 'expenditure' ? (FUNCTIONAL_NAMES[measure] ?? measure) : measure;
}

/** The usual header words of a measure (its first alias), or the measure itself. */
export function headerWordOf(measure: string): string {
  return measures.aliases[CANONICAL_NAMES[measure] ?? measure]?.[0] ?? measure;
}

type OrderFamily = 'expenditure' | 'income' | 'economic' | 'three_public';

export function orderFamily(type: TableType): OrderFamily {
  if (type === 'three_public') return 'three_public';
  if (type === 'income' || type === 'economic_summary') return 'income';
  if (type === 'basic_expenditure' || type === 'basic_expenditure_detail' || type === 'appropriation_basic_expenditure') return 'economic';
  return 'expenditure';
}

/** Reading by words: which canonical measures the header text names, in canonical order. */
export function columnsByWords(headerText: string, type: TableType): HeaderColumn[] {
  const text = compact(headerText).replace(/[“”"]/g, '');
  const order = measures.order[orderFamily(type)];
  const present = new Set<string>();
  let rest = text;
  for (const [word, m] of aliasList) {
    if (rest.includes(word)) {
      present.add(m);
      rest = rest.split(word).join('|');
    }
  }
  // Sub-columns come in sets; a header cut short by the dump still has all of them.
  for (const set of SIBLINGS) if (set.some((m) => present.has(m))) set.forEach((m) => present.add(m));
  const subtotals = countSubtotals(text);
  // The first 合计/总计 is the row total; later ones head groups, outermost first.
  const groupsWithSubtotal = new Set(
    order.filter((m) => GROUPS.has(m) && present.has(m)).sort(groupRank).slice(0, Math.max(0, subtotals - (present.has('total') ? 1 : 0))),
  );
  present.add('total');
  const cols = order.filter((m) => present.has(m) && (!GROUPS.has(m) || groupsWithSubtotal.has(m) || !hasChildrenIn(m, present)));
  return cols.map((m) => ({ measure: m, path: [m], children: [] }));
}

/** Outer groups get the subtotal columns first: basic/project before personnel/public. */
function groupRank(a: string, b: string): number {
  const rank = (m: string): number => (['basic', 'project', 'general_budget', 'current_income', 'current_appropriation'].includes(m) ? 0 : 1);
  return rank(a) - rank(b);
}

const GROUP_CHILDREN: Record<string, string[]> = {
  basic: ['personnel', 'public', 'wages_benefits', 'family_subsidies', 'goods_services', 'capital'],
  project: ['other_operating', 'specific_purpose', 'general_projects', 'special_funds'],
  personnel: ['wages_benefits', 'family_subsidies'],
  public: ['goods_services', 'capital'],
  general_budget: ['appropriation'],
  current_income: ['general_budget', 'government_fund', 'state_capital', 'special_account', 'institution_income'],
  current_appropriation: [],
  carryover: [],
  three_public: ['overseas', 'reception', 'vehicles'],
  vehicles: ['vehicle_purchase', 'vehicle_operation'],
};

const SIBLINGS: string[][] = [
  ['wages_benefits', 'family_subsidies'],
  ['goods_services', 'capital'],
  ['other_operating', 'specific_purpose'],
  ['general_projects', 'special_funds'],
];

function hasChildrenIn(group: string, present: Set<string>): boolean {
  return (GROUP_CHILDREN[group] ?? []).some((c) => present.has(c));
}

function countSubtotals(text: string): number {
  let n = 0;
  for (const w of SUBTOTAL) n += text.split(w).length - 1;
  n += text.split('总计').length - 1;
  return n;
}

/**
 * Reading by position: for every cell index from `firstValue` on, the deepest label printed at
 * that index names its measure; a 小计/合计 takes the group printed above it (nearest to its left).
 * Returns undefined when a value column has no label or two columns claim one measure.
 */
export function columnsByPosition(header: Line[], firstValue: number, width: number): (string | undefined)[] | undefined {
  // Column-numbering rows (栏次 1 2 3 …) and "**" placeholders name nothing; nor does a number
  // of such a row misread (7 as 了, from a scan).
  const rows = header
    .filter((l) => l.delimited)
    .map((l) => l.cells.map((c) => compact(c.text)))
    .map((cells) => (numbersColumns(cells.slice(firstValue)) ? cells.map(() => '') : cells.map((t) => (COLUMN_NUMBER.test(t) ? '' : t))));
  if (rows.length === 0) return undefined;
  rows.forEach((cells, r) => partRunTogether(cells, rows[r + 1], firstValue, width));
  const out: (string | undefined)[] = [];
  for (let c = firstValue; c < width; c++) {
    let measure: string | undefined;
    let depth = rows.length;
    for (let r = rows.length - 1; r >= 0 && !measure; r--) {
      const label = rows[r]![c];
      if (!label) continue;
      depth = r;
      if (SUBTOTAL.has(label) || label === '总计' || (c !== firstValue && measureOfLabel(label) === 'total')) {
        // 小计, or an amount word (金额) under a heading: the column of the heading above it.
        // 合计 right under a period (预算数 | 决算数 groups) is that period's total.
        measure = c === firstValue || periodAbove(rows, r, c, firstValue, r - 1) !== undefined ? 'total' : groupAbove(rows, r, c, firstValue);
      } else if (c === firstValue && /(合计|总计)$/.test(label)) {
        // The first value column headed …合计 (本年收入合计, 支出合计) is the row total.
        measure = 'total';
      } else {
        measure = measureOfLabel(label);
        if (!measure) return undefined;
      }
    }
    out.push(measure === undefined ? undefined : `${periodAbove(rows, depth, c, firstValue) ?? ''}${measure}`);
  }
  const named = out.filter((m): m is string => m !== undefined);
  if (new Set(named).size !== named.length || !/^(\w+_)?total$/.test(out[0] ?? '')) return undefined;
  return out;
}

/**
 * Two headings read as one cell over a span (项目支出其中:基本建设资金支出): a scan lost the rule
 * under the group's heading, so its cell ran down into its last sub-column's. Where the cell is a
 * group's label and another's word for word, the row below prints the group's 小计 under it and
 * nothing under the span's last column, the group heads the span and the other label that column
 * (a label and a period word, “三公”经费预算数, is one heading). Changes `cells` in place.
 */
function partRunTogether(cells: string[], below: string[] | undefined, firstValue: number, width: number): void {
  for (let c = firstValue; c < width - 1; c++) {
    const text = cells[c]!;
    if (cells[c + 1] !== '' || exactMeasure(text)) continue;
    let end = c + 1;
    while (end + 1 < width && cells[end + 1] === '') end++;
    if (below?.[end] || !SUBTOTAL.has(below?.[c] ?? '')) continue;
    for (let cut = 2; cut <= text.length - 2; cut++) {
      const [group, part] = [exactMeasure(text.slice(0, cut)), exactMeasure(text.slice(cut))];
      if (group !== undefined && GROUPS.has(group) && part !== undefined && part !== 'total') {
        cells[c] = text.slice(0, cut);
        cells[end] = text.slice(cut);
        break;
      }
    }
  }
}

const COLUMN_NUMBER = /^(\d+|\*+)$/;
/** Share of a row's filled value cells that print a bare number when the row numbers the columns. */
const NUMBERING_SHARE = 2 / 3;

/** A header row that numbers its columns (1 2 3 …): most of its filled cells print a bare number. */
function numbersColumns(cells: string[]): boolean {
  const filled = cells.filter((t) => t !== '');
  return filled.length >= 2 && filled.filter((t) => /^\d+$/.test(t)).length >= NUMBERING_SHARE * filled.length;
}

/**
 * The heading over a column in each header row above row `below` (down to row `highest`): the
 * nearest label at the column or spanning from its left, with the column it is printed at.
 */
function* headingsAbove(rows: string[][], below: number, c: number, firstValue: number, highest = 0): Generator<{ label: string; at: number }> {
  for (let up = below - 1; up >= Math.max(0, highest); up--) {
    for (let k = c; k >= firstValue; k--) {
      const label = rows[up]![k];
      if (!label) continue;
      yield { label, at: k };
      break;
    }
  }
}

/**
 * The prefix of the period a column's figures belong to: a 决算 table's 预算数 group beside its
 * 决算数 (`budget_total` … `total`), a budget's 上年 columns (`prior_…`). Read from the nearest label
 * above the column's own (up to row `highest`), at its place or spanning from its left.
 */
function periodAbove(rows: string[][], depth: number, c: number, firstValue: number, highest = 0): string | undefined {
  for (const { label } of headingsAbove(rows, depth, c, firstValue, highest)) {
    const prefix = PERIODS[label];
    if (prefix !== undefined) return prefix;
  }
  return undefined;
}

function groupAbove(rows: string[][], r: number, c: number, firstValue: number): string | undefined {
  for (const { label, at } of headingsAbove(rows, r, c, firstValue)) {
    const m = measureOfLabel(label);
    // A group heads its 小计; any heading printed right above the column names it (事业收入 over 金额).
    if (m && m !== 'total' && (GROUPS.has(m) || at === c)) return m;
    if (SUBTOTAL.has(label) || label === '总计') return undefined;
  }
  return undefined;
}

/** Header words of a column that holds text, never amounts. */
const TEXT_COLUMN = layoutWords('text_columns');

/** The value columns' end: a delimited header's trailing 备注 column holds no amount. */
export function valueWidth(header: Line[], width: number): number {
  let end = width;
  while (end > 0 && header.some((l) => l.delimited && TEXT_COLUMN.test(compact(l.cells[end - 1]?.text ?? '')))) end--;
  return end;
}
