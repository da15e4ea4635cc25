import { loadJson } from '../data.js';
import type { TableType } from '../model.js';
import { measureNameIn } from '../tables/header.js';
import { roundingTolerance } from './amounts.js';

/**
 * Column placement: which printed number belongs in which column. Dumps and PDFs drop blank
 * cells, so a row's numbers are often fewer than its columns. Numbers keep their printed order;
 * among the order-preserving assignments, the one that satisfies the row identities and leaves
 * columns blank where the total row is blank wins. Printed positions are kept when they are
 * consistent. Rows that still fit several ways are settled by the column sums of the table, and
 * reported as ambiguous when even those cannot tell.
 */

export interface Identity {
  id: string;
  parent: string;
  children: string[];
  atLeast?: boolean;
  /** A break says more about our reading of a complex header than about the document (see identities.json). */
  reading?: boolean;
}

interface IdentityDef {
  id: string;
  parent: string;
  children: string[][];
  only?: TableType[];
  atLeast?: boolean;
  /** The children are those of the one list that the table prints (at least one). */
  present?: boolean;
  /** Applies only when the table prints this column / does not print it. */
  requires?: string;
  unless?: string;
  /** A child that is the subtotal of others is left out when any of those is printed too. */
  subtotals?: Record<string, string[]>;
  reading?: boolean;
}

interface IdentityFile {
  identities: IdentityDef[];
}

const identityData = loadJson<IdentityFile>('identities.json').identities;

/** An unnamed column (col_N) may hold anything, so a sum over "whatever is printed" cannot be trusted. */
const UNNAMED = /^col_\d+$/;

/** The identities a table with these columns can be checked against. */
export function identitiesFor(columns: readonly string[], type: TableType): Identity[] {
  const has = new Set(columns);
  const out: Identity[] = [];
  // A period's columns (`budget_total`, `budget_overseas` … beside 决算数) obey the same identities.
  const periods = ['', ...new Set(columns.map((c) => /^([a-z]+_)total$/.exec(c)?.[1]).filter((p): p is string => p !== undefined))];
  for (const period of periods) {
    const name = (m: string): string => `${period}${measureNameIn(type, m)}`;
    for (const def of identityData) {
      if (def.only && !def.only.includes(type)) continue;
      const parent = name(def.parent);
      if (!has.has(parent)) continue;
      if ((def.requires && !has.has(name(def.requires))) || (def.unless && has.has(name(def.unless)))) continue;
      const named = def.children.map((a) => a.map(name));
      const subtotals = def.subtotals && Object.fromEntries(Object.entries(def.subtotals).map(([k, v]) => [name(k), v.map(name)]));
      const alt = def.present ? presentChildren(named[0]!, subtotals, has) : named.find((a) => a.every((c) => has.has(c)));
      if (!alt?.length) continue;
      out.push({ id: def.id, parent, children: alt, atLeast: def.atLeast, ...(def.reading ? { reading: true } : {}) });
    }
  }
  return out;
}

/** A column is named by its figures when its identities hold on at least this many rows… */
const MIN_NAMING_ROWS = 3;
/** …and this share of the rows they can be tested on (the rest misread or misprinted). */
const MIN_NAMING_SHARE = 0.8;

/**
 * The one unnamed column (col_N: a heading OCR or a dump left unreadable) named by its figures: the
 * measure of a row identity the header lacks (项目支出 beside 合计 and 基本支出) under which every
 * identity it takes part in holds, row by row, on MIN_NAMING_ROWS rows and MIN_NAMING_SHARE of
 * those it can be tested on; undefined when no measure, or more than one, does. `rows` are the
 * rows' figures by column, blank cells undefined (0 in a sum, as printed blanks are).
 */
export function nameUnreadColumn(columns: readonly string[], rows: (number | undefined)[][], type: TableType): { column: number; measure: string; holds: number; tested: number } | undefined {
  const unread = columns.flatMap((c, i) => (UNNAMED.test(c) && rows.some((r) => r[i] !== undefined) ? [i] : []));
  if (unread.length !== 1) return undefined;
  const column = unread[0]!;
  const before = new Set(identitiesFor(columns, type).map((i) => `${i.parent}=${i.children.join('+')}`));
  const candidates = new Set(identityData.flatMap((d) => [d.parent, ...d.children.flat()].map((m) => measureNameIn(type, m))).filter((m) => !columns.includes(m)));
  const fits = [...candidates].flatMap((measure) => {
    const named = columns.map((c, i) => (i === column ? measure : c));
    const added = identitiesFor(named, type).filter((i) => !before.has(`${i.parent}=${i.children.join('+')}`) && !i.atLeast && !i.reading);
    if (added.length === 0) return [];
    const at = (m: string) => named.indexOf(m);
    let holds = 0;
    let tested = 0;
    for (const row of rows) {
      if (row[column] === undefined) continue;
      const testable = added.filter((i) => row[at(i.parent)] !== undefined);
      if (testable.length === 0) continue;
      tested++;
      const cents = (m: string) => Math.round((row[at(m)] ?? 0) * 100);
      if (testable.every((i) => cents(i.parent) === i.children.reduce((s, c) => s + cents(c), 0))) holds++;
    }
    return holds >= MIN_NAMING_ROWS && holds >= MIN_NAMING_SHARE * tested ? [{ column, measure, holds, tested }] : [];
  });
  return fits.length === 1 ? fits[0] : undefined;
}

function presentChildren(listed: string[], subtotals: IdentityDef['subtotals'], has: Set<string>): string[] | undefined {
  if ([...has].some((c) => UNNAMED.test(c))) return undefined;
  return listed.filter((c) => has.has(c) && !(subtotals?.[c] ?? []).some((part) => has.has(part)));
}

export type Assignment = (number | undefined)[]; // column → index of the number placed there

export interface PlacedNumber {
  value: number;
  /** Printed column index relative to the first value column, when known. */
  pos?: number;
}

/** Upper bound on assignments tried for one row (C(16, 8) = 12870). */
const MAX_ASSIGNMENTS = 20000;

export function valuesOf(assign: Assignment, numbers: PlacedNumber[]): (number | undefined)[] {
  return assign.map((k) => (k === undefined ? undefined : numbers[k]!.value));
}

/** Amounts scaled to integer millionths: exact sums for anything a budget prints (< 9e9). */
const SCALE = 1e6;
const scaled = (v: number): number => Math.round(v * SCALE);

/** An identity with its columns as indices, for the placement search's inner loop. */
interface IndexedIdentity {
  parent: number;
  children: number[];
  atLeast?: boolean;
}

function indexIdentities(columns: readonly string[], identities: Identity[]): IndexedIdentity[] {
  return identities.map((i) => ({ parent: columns.indexOf(i.parent), children: i.children.map((c) => columns.indexOf(c)), atLeast: i.atLeast }));
}

/** Identities a row's values break beyond rounding, and those that hold only within rounding. */
function breakCounts(values: (number | undefined)[], identities: IndexedIdentity[]): { breaks: number; inexact: number } {
  let breaks = 0;
  let inexact = 0;
  for (const idn of identities) {
    const parent = values[idn.parent];
    let sum = 0;
    let any = parent !== undefined;
    for (const c of idn.children) {
      const k = values[c];
      if (k === undefined) continue;
      sum += scaled(k);
      any = true;
    }
    if (!any) continue;
    const p = parent === undefined ? 0 : scaled(parent);
    const tolerance = scaled(roundingTolerance(idn.children.length + 1));
    const off = idn.atLeast ? Math.max(0, sum - p) : Math.abs(p - sum);
    if (off > tolerance) breaks++;
    else if (off > 0) inexact++;
  }
  return { breaks, inexact };
}

interface Scored {
  assign: Assignment;
  breaks: number;
  blanks: number;
  /** Identities that hold only within rounding: an exact fit is the better reading. */
  inexact: number;
  shift: number;
}

function score(assign: Assignment, numbers: PlacedNumber[], identities: IndexedIdentity[], totalBlank: boolean[]): Scored {
  const { breaks, inexact } = breakCounts(valuesOf(assign, numbers), identities);
  let blanks = 0;
  let shift = 0;
  assign.forEach((k, col) => {
    if (k === undefined) return;
    if (totalBlank[col] && numbers[k]!.value !== 0) blanks++;
    const pos = numbers[k]!.pos;
    shift += pos === undefined ? col : Math.abs(pos - col);
  });
  return { assign, breaks, blanks, inexact, shift };
}

/**
 * The ways to put k numbers into n columns keeping their order (k-combinations of the columns in
 * lexicographic order), each handed to `visit` as the same reused array; `visit` returns false to
 * stop. A loop, not a generator: this is the placement search's innermost loop.
 */
export function eachOrderPreserving(k: number, n: number, visit: (cols: number[]) => boolean): void {
  if (k > n) return;
  const cols = Array.from({ length: k }, (_, i) => i);
  for (;;) {
    if (!visit(cols)) return;
    let i = k - 1;
    while (i >= 0 && cols[i] === n - k + i) i--;
    if (i < 0) return;
    cols[i]!++;
    for (let j = i + 1; j < k; j++) cols[j] = cols[j - 1]! + 1;
  }
}

export interface RowPlacement {
  /** Best assignments, all equally good by the row's own evidence; the first is the default. */
  options: Assignment[];
  printed: boolean;
  /** Index in `options` of the printed positions, when they are a reading but not the row's best fit. */
  printedAt?: number;
}

export function placeRow(numbers: PlacedNumber[], columns: readonly string[], identities: Identity[], totalBlank: boolean[]): RowPlacement {
  const n = columns.length;
  const indexed = indexIdentities(columns, identities);
  const printed = printedAssignment(numbers, n);
  if (printed) {
    const s = score(printed, numbers, indexed, totalBlank);
    // Printed positions that hold, exactly or within the rounding the figures allow, are the reading.
    if (s.breaks === 0 && s.blanks === 0) return { options: [printed], printed: true };
  }
  if (numbers.length > n) return { options: printed ? [printed] : [], printed: Boolean(printed) };
  if (identities.every((i) => i.atLeast) && numbers.length < n) {
    // Nothing ties the columns together (an income table's sources): no search can tell where a
    // dropped blank was. Offer the packed-left and the next reading; the column sums may decide,
    // else the row is reported ambiguous.
    const left: Assignment = columns.map((_, c) => (c < numbers.length ? c : undefined));
    const next: Assignment = columns.map((_, c) => (c === 0 ? 0 : c > 1 && c <= numbers.length ? c - 1 : undefined));
    return { options: numbers.length > 1 ? [left, next] : [left], printed: false };
  }
  let best: Scored[] = [];
  let tried = 0;
  // A row's total is its largest number; when it is printed first it can only be the total.
  const firstIsTotal = columns[0] === 'total' && numbers.length > 0 && numbers.every((x) => x.value <= numbers[0]!.value);
  eachOrderPreserving(numbers.length, n, (cols) => {
    if (firstIsTotal && cols[0] !== 0) return false;
    if (++tried > MAX_ASSIGNMENTS) return false;
    const assign: Assignment = new Array(n).fill(undefined);
    cols.forEach((c, k) => (assign[c] = k));
    const s = score(assign, numbers, indexed, totalBlank);
    const cmp = best.length ? compare(s, best[0]!) : -1;
    if (cmp < 0) best = [s];
    else if (cmp === 0) best.push(s);
    return true;
  });
  best.sort((a, b) => a.shift - b.shift);
  const options = distinctByNonZero(best.map((b) => b.assign), numbers);
  // The printed positions stay a reading even when they break an identity: a misprinted figure
  // must not be moved into a column that makes the row add up. The column sums decide between them.
  if (!printed) return { options, printed: false };
  const printedAt = options.findIndex((o) => o.every((k, c) => k === printed[c]));
  if (printedAt < 0) options.push(printed);
  return { options, printed: false, printedAt: printedAt < 0 ? options.length - 1 : printedAt };
}

/** The identities a row's values break beyond rounding, in the placement's own arithmetic. */
export function identitiesBroken(values: (number | undefined)[], columns: readonly string[], identities: Identity[]): Identity[] {
  const indexed = indexIdentities(columns, identities);
  return identities.filter((_, k) => breakCounts(values, [indexed[k]!]).breaks > 0);
}

function compare(a: Scored, b: Scored): number {
  return a.breaks - b.breaks || a.blanks - b.blanks || a.inexact - b.inexact;
}

function printedAssignment(numbers: PlacedNumber[], n: number): Assignment | undefined {
  if (!numbers.length || numbers.some((x) => x.pos === undefined || x.pos < 0 || x.pos >= n)) return undefined;
  const assign: Assignment = new Array(n).fill(undefined);
  for (let k = 0; k < numbers.length; k++) {
    const pos = numbers[k]!.pos!;
    if (assign[pos] !== undefined) return undefined;
    assign[pos] = k;
  }
  return assign;
}

/** Assignments that differ only in where a 0 goes say the same thing; keep one of each. */
function distinctByNonZero(options: Assignment[], numbers: PlacedNumber[]): Assignment[] {
  const seen = new Set<string>();
  return options.filter((a) => {
    const sig = a.map((k) => (k === undefined || numbers[k]!.value === 0 ? '' : String(numbers[k]!.value))).join('|');
    if (seen.has(sig)) return false;
    seen.add(sig);
    return true;
  });
}

/** Largest number of row-option combinations tried exhaustively against the column sums. */
const MAX_COMBINATIONS = 20000;
/** Up to this many combinations the search is tried anyway, within MAX_SEARCH_NODES. */
const MAX_SEARCHED_COMBINATIONS = 1e9;
const MAX_SEARCH_NODES = 300000;
/** How much less a miss within rounding weighs than one beyond it. */
const INEXACT_WEIGHT = 1e6;
/** Coordinate-descent passes when there are too many combinations to try them all. */
const MAX_PASSES = 20;

/**
 * How well a choice of options meets the column totals: first how many columns miss beyond
 * rounding, then the summed absolute miss. Counting first is the auditor's reading: the choice
 * under which most printed totals hold wins, so one misread figure elsewhere in a column (its
 * miss of any size) cannot pull a row's amount into another column to even the sizes out.
 */
export interface ColumnFit {
  missed: number;
  miss: number;
}

/** a fits worse than b. */
export function fitsWorse(a: ColumnFit, b: ColumnFit): boolean {
  return a.missed > b.missed || (a.missed === b.missed && a.miss > b.miss + 1e-9);
}

export function fitsAlike(a: ColumnFit, b: ColumnFit): boolean {
  return a.missed === b.missed && Math.abs(a.miss - b.miss) <= 1e-9;
}

/**
 * Picks one option per row so that the counted rows' columns add up to the total row, by
 * `ColumnFit` (a miss within rounding counts as none). Few combinations are searched
 * exhaustively, more by coordinate descent. A row stays ambiguous when another of its options
 * would do exactly as well.
 */
export function settleByColumnSums(
  rows: { options: (number | undefined)[][]; counted: boolean }[],
  totals: (number | undefined)[],
): { choice: number[]; ambiguous: boolean[]; fit: ColumnFit } {
  const choice = rows.map(() => 0);
  const columns = totals.map((t, col) => (t === undefined ? -1 : col)).filter((c) => c >= 0);
  // Options alike on every column with a total fit alike: one of each is tried, and a row whose
  // chosen one has others alike stays ambiguous (only blank totals could tell them apart).
  const alike = rows.map((r) => r.options.map((o) => columns.map((c) => o[c] ?? 0).join('|')));
  const tried = alike.map((keys) => keys.flatMap((k, o) => (keys.indexOf(k) === o ? [o] : [])));
  const open = rows.map((r, i) => (tried[i]!.length > 1 && r.counted ? i : -1)).filter((i) => i >= 0);
  const ambiguous = rows.map((r) => r.options.length > 1);
  const counted = rows.map((r, i) => (r.counted ? i : -1)).filter((i) => i >= 0);
  // Hot loop: option values as integer millionths, so a miss is integer sums.
  const scaledOptions = rows.map((r) => r.options.map((o) => o.map((v) => (v === undefined ? 0 : scaled(v)))));
  const hasAlike = (i: number, o: number): boolean => alike[i]!.filter((k) => k === alike[i]![o]).length > 1;
  const targets = columns.map((col) => scaled(totals[col]!));
  // Per checked column: the sum of the counted rows' chosen values and how many are non-zero.
  const sums = new Array<number>(columns.length).fill(0);
  const terms = new Array<number>(columns.length).fill(0);
  const move = (i: number, o: number, sign: 1 | -1): void => {
    const values = scaledOptions[i]![o]!;
    for (let c = 0; c < columns.length; c++) {
      const v = values[columns[c]!]!;
      sums[c]! += sign * v;
      if (v !== 0) terms[c]! += sign;
    }
  };
  for (const i of counted) move(i, 0, 1);
  const fitNow = (): ColumnFit => {
    let missed = 0;
    let miss = 0;
    for (let c = 0; c < columns.length; c++) {
      const d = Math.abs(sums[c]! - targets[c]!);
      // Misses beyond rounding count in full; within rounding they only break ties, so an
      // exact fit wins over one that needs the tolerance.
      if (d > scaled(roundingTolerance(terms[c]!))) {
        missed++;
        miss += d / SCALE;
      } else miss += d / SCALE / INEXACT_WEIGHT;
    }
    return { missed, miss };
  };
  /** Row i's choice changed to option o, the running sums with it. */
  const choose = (i: number, o: number): void => {
    move(i, choice[i]!, -1);
    choice[i] = o;
    move(i, o, 1);
  };
  if (!open.length || totals.every((t) => t === undefined)) return { choice, ambiguous, fit: fitNow() };
  const combos = open.reduce((acc, i) => acc * tried[i]!.length, 1);
  if (combos <= MAX_SEARCHED_COMBINATIONS) {
    // Branch and bound: rows are decided one by one, undecided ones adding nothing yet. What the
    // undecided rows can still add to a column lies between the sums of their smallest and largest
    // options; a column whose total is out of that reach misses by at least the distance (and
    // is missed, beyond the widest rounding), and a branch whose least possible fit is already
    // worse than the best is not searched. Ties are kept (never pruned), so ambiguity is judged
    // as by the full search.
    const tolMax = scaled(roundingTolerance(counted.length));
    const reach = open.map((_, k) =>
      columns.map((col) => {
        let lo = 0;
        let hi = 0;
        for (const i of open.slice(k)) {
          const vs = scaledOptions[i]!.map((o) => o[col]!);
          lo += Math.min(...vs);
          hi += Math.max(...vs);
        }
        return [lo, hi] as const;
      }),
    );
    const leastFit = (k: number): ColumnFit => {
      let missed = 0;
      let miss = 0;
      for (let c = 0; c < columns.length; c++) {
        const [lo, hi] = reach[k]![c]!;
        const d = targets[c]! < sums[c]! + lo ? sums[c]! + lo - targets[c]! : targets[c]! > sums[c]! + hi ? targets[c]! - sums[c]! - hi : 0;
        if (d > tolMax) {
          missed++;
          miss += d / SCALE;
        } else miss += d / SCALE / INEXACT_WEIGHT;
      }
      return { missed, miss };
    };
    for (const i of open) move(i, choice[i]!, -1);
    let best: ColumnFit = { missed: Infinity, miss: Infinity };
    let bests: number[][] = [];
    // Beyond MAX_COMBINATIONS the search runs only while pruning keeps it small.
    let budget = combos <= MAX_COMBINATIONS ? Infinity : MAX_SEARCH_NODES;
    const rec = (k: number): void => {
      if (--budget < 0) return;
      if (k === open.length) {
        const f = fitNow();
        if (fitsWorse(best, f)) [best, bests] = [f, [[...choice]]];
        else if (fitsAlike(f, best)) bests.push([...choice]);
        return;
      }
      if (fitsWorse(leastFit(k), best)) return;
      const i = open[k]!;
      for (const o of tried[i]!) {
        choice[i] = o;
        move(i, o, 1);
        rec(k + 1);
        move(i, o, -1);
      }
    };
    rec(0);
    if (budget >= 0) {
      bests[0]!.forEach((c, i) => (choice[i] = c));
      for (const i of open) ambiguous[i] = new Set(bests.map((b) => b[i])).size > 1 || hasAlike(i, choice[i]!);
      return { choice, ambiguous, fit: best };
    }
    // Out of budget: the descent below starts from the best found so far.
    if (bests[0]) bests[0].forEach((c, i) => (choice[i] = c));
    for (const i of open) move(i, choice[i]!, 1);
  }
  let current = fitNow();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let improved = false;
    for (const i of open) {
      const keep = choice[i]!;
      for (const o of tried[i]!) {
        if (o === keep) continue;
        choose(i, o);
        const f = fitNow();
        if (fitsWorse(current, f)) {
          current = f;
          improved = true;
          break;
        }
        choose(i, keep);
      }
    }
    if (!improved) break;
  }
  // Too many combinations to prove the best unique: a row that still has a choice could trade
  // places with other rows unseen (a property test found three-row cycles), so it is reported
  // ambiguous rather than trusted.
  for (const i of open) ambiguous[i] = true;
  return { choice, ambiguous, fit: current };
}
