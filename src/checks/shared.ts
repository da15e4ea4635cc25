import Big from 'big.js';
import { loadJson } from '../data.js';
import type { At, DocumentMeta, Issue, IssueKind, Line, Row, Severity, Table, TableType, Unit } from '../model.js';
import { decimalsOf, diffExact, roundingTolerance, sumExact } from '../normalize/amounts.js';
import { linesOf } from '../normalize/table.js';

/**
 * What every check module shares: the reference data of data/checks.json, the outcome types a
 * check returns, exact arithmetic with rounding tolerances, and row and issue helpers. Checks
 * report, never edit: the only mutation is appending issues to `table.issues` (src/checks/index.ts).
 */

// ---------------------------------------------------------------------------------------------
// Reference data, checked once at load so a typo fails loudly instead of silently skipping a check.

export type Scope = 'table' | 'document';

export interface CheckDef {
  id: string;
  /** The rule-family module that runs it (src/checks/<family>.ts). */
  family: string;
  description: string;
  severity: Severity;
  scope: Scope;
  /** The table types it reads, for the reader (documentation; the function decides). */
  tables?: TableType[];
}

/** A check function: over one table, or over the whole document. */
export type CheckFn =
  | { scope: 'table'; run: (table: Table, ctx: Context, def: CheckDef) => Outcome }
  | { scope: 'document'; run: (ctx: Context, def: CheckDef) => Outcome };

export interface Target {
  table: TableType;
  key: string;
  measure: string;
}

export interface StatementDef {
  id: string;
  phrase: string;
  targets: Target[];
  /** The 财政拨款 tables a `fiscal` statement describes; without them the statement ignores scope. */
  fiscalTargets?: Target[];
  /** Figures the prose may mean by the same words; a statement equal to one of them holds. */
  alsoTargets?: Target[];
}

export interface NarrativeData {
  minLength: number;
  prosePunctuation: string;
  unitWord: string;
  sentenceEnd: string;
  clauseBreak: string;
  skipClause: string;
  filler: string;
  amount: string;
  statements: StatementDef[];
  sentenceBreak: string;
  arithmetic: { share: string; whole: string; change: string; amount: string; increase: string; decrease: string; budgetFinal: BudgetFinalData };
  items: { path: string; coded: string };
  divides: string;
  classMarker: string;
  /** Scope id → the words that name those funds before a figure. */
  scopes: Record<string, string>;
}

/** When a document is held to its last printed place (diagnosis.ts). */
export interface LastPlaceData {
  /** Sums of two or more printed terms that must agree to the last place before a gap counts as a misprint. */
  minExactSums: number;
  /** More gaps than this say the document rounds its figures. */
  maxGaps: number;
  /** Exact sums beside which one gap, met by no other failure, is a misprint (a gap rate well below a rounded document's). */
  minExactSumsForLoneGap: number;
}

/** 决算 statements of outcome against budget (narrative.ts). */
export interface BudgetFinalData {
  budget: string;
  final: string;
  completion: string;
  comparison: string;
  greater: string;
  less: string;
  equal: string;
  /** The relative gap 基本持平 allows. */
  level: number;
}

export interface SummaryData {
  measure: string;
  incomeSources: string[];
  subtotals: Record<string, string[]>;
  partOfLineAbove: string;
  incomeAdditions: string[];
  expenditureAdditions: string[];
  fiscalLines: string[];
  otherFunding: string[];
}

export interface ChecksFile {
  checks: CheckDef[];
  summary: SummaryData;
  threePublicEconomicCodes: { codes: string[] };
  /** A functional table's 基本支出 columns → the economic class each stands for. */
  economicColumns: { columns: Record<string, string> };
  narrative: NarrativeData;
  lastPlace: LastPlaceData;
}

export interface Requirement {
  anyOf: TableType[];
}

export interface RequiredFile {
  kinds: Record<string, string>;
  sets: Record<string, Requirement[]>;
  /** Fuller sets of a region's template, recognized by a table title. */
  templates: { id: string; set: string; titles: string; tables: Requirement[] }[];
}


const checksFile = loadJson<ChecksFile>('checks.json');
export const requiredFile = loadJson<RequiredFile>('required-tables.json');
export const CHECK_DATA = checksFile.checks;
export const NARRATIVE = checksFile.narrative;
export const SUMMARY = checksFile.summary;
export const LAST_PLACE = checksFile.lastPlace;
export const THREE_PUBLIC_CODES = new Set(checksFile.threePublicEconomicCodes.codes);
export const ECONOMIC_COLUMNS = checksFile.economicColumns.columns;

// ---------------------------------------------------------------------------------------------
// Tolerances.

/** Converted 元 figures are compared with 万元 ones to the 万元 table's last printed place. */
const CONVERTED_TOLERANCE_WAN = 0.01;
/** A narrative figure and the table figure it quotes are the same two-decimal number. */
export const NARRATIVE_TOLERANCE_WAN = roundingTolerance(1);
const YUAN_PER_WAN = 10_000;

// ---------------------------------------------------------------------------------------------
// What a check returns: one instance per comparison it made, each with the issues it raised.

export type Verdict = 'held' | 'rounding' | 'broken' | 'unknown';

/** An issue, and the table whose `issues` list it also belongs in (in-table checks only). */
export interface Finding {
  issue: Issue;
  table?: Table;
}

export interface Instance {
  verdict: Verdict;
  findings: Finding[];
  /** The table an in-table check judged (set by the dispatcher). */
  table?: Table;
  /** How far apart the figures were, for a `rounding` verdict (in `unit`). */
  gap?: { diff: number; unit: Unit; terms: number };
  /** The printed figures the comparison read: a misprint in any of them changes its verdict. */
  covers?: Figure[];
  /** How many printed terms were summed (1 for a figure against another). */
  terms?: number;
  /** For a `rounding` verdict: the finding the comparison raises where the document is held to its last printed place. */
  strict?: () => Finding;
  /** The comparison is a bound (at least), not an equality. */
  bound?: boolean;
  /** The rounding the comparison allowed, in its unit. */
  tolerance?: number;
}

/** One printed figure: a row's value in one column. */
export interface Figure {
  table: Table;
  row: Row;
  measure: string;
}

/** The figures of `rows` in column `measure` that are printed. */
export const figuresOf = (table: Table, rows: readonly Row[], measure: string): Figure[] =>
  rows.filter((row) => row.values[measure] !== undefined).map((row) => ({ table, row, measure }));

/** An instance with the figures it read. */
export const covering = (i: Instance, ...covers: Figure[][]): Instance => ({ ...i, covers: covers.flat() });

export interface Outcome {
  /** False when the tables the check needs are absent or empty. */
  applicable: boolean;
  instances: Instance[];
}

export interface Context {
  tables: Table[];
  meta: DocumentMeta;
  lines: Line[];
}

export const NOT_APPLICABLE: Outcome = { applicable: false, instances: [] };
export const unknown = (): Instance => ({ verdict: 'unknown', findings: [] });
export const instance = (verdict: Verdict, findings: Finding[] = []): Instance => ({ verdict, findings });

// ---------------------------------------------------------------------------------------------
// Arithmetic: exact decimal sums, tolerances from how many rounded terms went in.

export interface Comparison {
  expected: number;
  found: number;
  verdict: Exclude<Verdict, 'unknown'>;
  tolerance: number;
  /** The figures were printed at different precisions (元 against 万元, a coarser print): a gap within the coarser one is no misprint. */
  lossy?: boolean;
  /** `found` need only reach `expected` (it may hold more): the gap says no figure's true value. */
  bound?: boolean;
}

/** `found` against the sum of `terms`: each printed term may carry half a cent of rounding. */
export function compareSum(terms: readonly number[], found: number, tolerance = roundingTolerance(terms.length)): Comparison {
  const expected = sumExact(terms);
  const diff = Math.abs(diffExact(found, expected));
  const verdict = diff === 0 ? 'held' : diff <= tolerance ? 'rounding' : 'broken';
  return { expected, found, verdict, tolerance };
}

/** `found` must reach the sum of `terms` (it may hold more than they do). */
export function compareAtLeast(t: Table, terms: readonly number[], found: number): Comparison {
  const c = { ...compareIn(t, terms, found), bound: true };
  return found >= c.expected ? { ...c, verdict: 'held' } : c;
}

export function toWan(value: number, unit: Unit): number {
  return unit === '元' ? new Big(value).div(YUAN_PER_WAN).toNumber() : value;
}

/** Figures from two tables: same unit compares as printed, else both in 万元 with a cent of slack. */
export function compareAcross(terms: readonly number[], from: Table, found: number, to: Table): Comparison & { unit: Unit } {
  if (from.unit === to.unit) {
    const tolerance = Math.max(toleranceIn(from, terms.length), toleranceIn(to, terms.length));
    return { ...compareSum(terms, found, tolerance), unit: to.unit };
  }
  const tolerance = Math.max(roundingTolerance(terms.length), CONVERTED_TOLERANCE_WAN);
  const converted = terms.map((t) => toWan(t, from.unit));
  return { ...compareSum(converted, toWan(found, to.unit), tolerance), unit: '万元', lossy: true };
}

/**
 * Rounding: a 万元 figure is an amount in 元 rounded to the table's last printed place, so each
 * printed figure is off its amount by at most half a unit of that place, and a sum of n printed
 * terms misses its printed total by at most (n + 1) / 2 units; real 决算 tables do (西南大学 2023
 * 表3, one cent). A single term is the same amount as its total, rounded the same way: it prints
 * the same figure, so a gap of one unit there is a misprint. A 元 figure is the amount itself
 * (budgets are set in whole 元): there the sum must be exact, which is how 上海市财政局's 302
 * printed 24,840,779 against items of 24,840,778 is a break.
 */
function toleranceIn(t: Table, terms: number): number {
  if (t.unit === '元') return roundingTolerance(terms);
  return roundingUnits(terms) * lastPlaceOf(t) + 1e-9;
}

/** Units of the last place n rounded terms and their rounded total can be apart: ⌊(n + 1) / 2⌋, none for one term. */
export const roundingUnits = (terms: number): number => (terms <= 1 ? 0 : Math.floor((terms + 1) / 2));
/** Past this many decimals a figure is not a rounded amount in 万元 but a conversion artefact. */
const MAX_DECIMALS = 6;
const lastPlaces = new WeakMap<Table, number>();

/** 万元 tables print two decimals; a parsed `12.00` reads 12, so fewer seen is no evidence of fewer printed. */
const WAN_DECIMALS = 2;

/** The unit of a table's last printed place: 0.01 for two decimals, finer when its figures print more. */
function lastPlaceOf(t: Table): number {
  const cached = lastPlaces.get(t);
  if (cached !== undefined) return cached;
  const decimals = Math.min(MAX_DECIMALS, printedRows(t).reduce((d, r) => Object.values(r.values).reduce((e, v) => Math.max(e, decimalsOf(v)), d), WAN_DECIMALS));
  const place = 10 ** -decimals;
  lastPlaces.set(t, place);
  return place;
}

/** `found` against the sum of `terms` printed in table `t`, within the rounding its figures allow. */
export function compareIn(t: Table, terms: readonly number[], found: number): Comparison {
  return compareSum(terms, found, toleranceIn(t, terms.length));
}

export const fmt = (n: number): string => new Big(n).toString();

export function describeAt(where: At): string {
  if (where.line !== undefined) return `${where.file}:${where.line}`;
  if (where.page !== undefined) return `${where.file} p.${where.page}`;
  return where.file;
}

// ---------------------------------------------------------------------------------------------
// Rows.

const FUNCTIONAL_KEY = /^\d{3}(?:\d{2}){0,2}$/;
export const CLASS_KEY = /^\d{3}$/;
const FUNCTIONAL_KINDS = new Set(['class', 'section', 'item']);

/** The printed rows, with a summary's subtotal lines: the checks read both. */
export const printedRows = (t: Table): Row[] => linesOf(t).filter((r) => !r.derived);
export const isFunctional = (r: Row): boolean => FUNCTIONAL_KINDS.has(r.kind) && FUNCTIONAL_KEY.test(r.key);
/** Economic rows key as `30101` or `30101|50101`; the first code is the one that nests. */
export const econCode = (r: Row): string => r.key.split('|')[0] ?? r.key;
export const isEcon = (r: Row): boolean => r.kind === 'econ' && /^\d{3}(?:\d{2})?$/.test(econCode(r));
export const totalRow = (t: Table): Row | undefined => printedRows(t).find((r) => r.kind === 'total' && r.key === 'total');
export const rowByKey = (t: Table, key: string): Row | undefined => printedRows(t).find((r) => r.key === key);
export const at = (row: Row, measure: string): At => row.sources[measure] ?? row.at;
export const label = (t: Table): string => `${t.type} 《${t.title}》`;
export const rowLabel = (r: Row): string => (r.name && r.name !== r.key ? `${r.key} ${r.name}` : r.key);

/** The first table of a type that prints anything; empty tables have no figures to compare. */
export const filled = (tables: Table[], type: TableType): Table | undefined => tables.find((t) => t.type === type && !t.empty);

/**
 * A `reading` identity the row breaks: no reading of its numbers into the header's columns fits,
 * which says the columns are doubtful (dumps scramble such headers) rather than that the
 * document is wrong. A warning, and the instance counts as insufficient data.
 */
export function doubtfulReading(t: Table, row: Row, measure: string, how: string): Finding {
  const issue: Issue = {
    kind: 'ambiguous_placement',
    severity: 'warning',
    table: t.type,
    key: row.key,
    measure,
    at: row.at,
    message: `${label(t)} row ${rowLabel(row)}: no reading of its numbers into the header's columns fits ${measure} = ${how}; the columns after ${measure} are doubtful (the dump may have scrambled them, or a figure is misprinted)`,
  };
  return { issue, table: t };
}

export function identityIssue(
  def: CheckDef,
  t: Table,
  row: Row,
  measure: string,
  c: Comparison,
  how: string,
  where: At = at(row, measure),
): Finding {
  const diff = fmt(Math.abs(diffExact(c.found, c.expected)));
  // A gap within rounding is reported only where the document is held to its last place (index.ts says why).
  const beyond = c.verdict === 'rounding' ? '' : `, more than the ${fmt(Number(c.tolerance.toFixed(3)))} rounding allows`;
  const message = `${label(t)} row ${rowLabel(row)}, column ${measure}: expected ${fmt(c.expected)} (${how}), found ${fmt(c.found)}; off by ${diff} ${t.unit}${beyond}`;
  const issue: Issue = {
    kind: 'identity_broken',
    severity: def.severity,
    check: def.id,
    table: t.type,
    key: row.key,
    measure,
    expected: c.expected,
    found: c.found,
    at: where,
    message,
  };
  return { issue, table: t };
}

export function judged(c: Comparison & { unit?: Unit }, finding: () => Finding, unit: Unit = c.unit ?? '万元', terms = 1): Instance {
  if (c.verdict === 'broken') return { ...instance('broken', [finding()]), terms, tolerance: c.tolerance, ...(c.bound ? { bound: true } : {}) };
  if (c.verdict === 'held') return { ...instance('held'), terms };
  const gap = { diff: Math.abs(diffExact(c.found, c.expected)), unit, terms };
  return { ...instance('rounding'), terms, gap, tolerance: c.tolerance, ...(c.lossy ? {} : { strict: finding }) };
}


export function crossIssue(def: CheckDef, a: Table, b: Table, row: Row, measure: string, c: Comparison & { unit: Unit }, what: string): Finding {
  const issue: Issue = {
    kind: 'identity_broken',
    severity: def.severity,
    check: def.id,
    table: b.type,
    key: row.key,
    measure,
    expected: c.expected,
    found: c.found,
    at: at(row, measure),
    message:
      `${what}: ${label(a)} gives ${fmt(c.expected)} ${c.unit}, ${label(b)} prints ${fmt(c.found)} ${c.unit} ` +
      `(row ${rowLabel(row)}, column ${measure}, at ${describeAt(at(row, measure))})`,
  };
  return { issue };
}

/**
 * True when a summary-type table shows no funding besides the current year's general budget:
 * only then do its tables and the general-budget tables cover the same money.
 */

export function docIssue(kind: IssueKind, severity: Severity, check: string, message: string, table?: TableType): Issue {
  return { kind, severity, check, message, ...(table ? { table } : {}) };
}
