import Big from 'big.js';
import { loadJson } from '../data.js';
import type {
  At,
  CheckResult,
  CheckStatus,
  DocumentMeta,
  Issue,
  IssueKind,
  Line,
  Row,
  Severity,
  Table,
  TableType,
  Unit,
  ValidationSummary,
} from '../model.js';
import { diffExact, roundingTolerance, sumExact } from './amounts.js';
import { identitiesFor, type Identity } from './place.js';
import { linesOf } from './table.js';

/**
 * Checks a document's printed figures against the identities budget tables obey and against the
 * prose that describes them. Reports, never edits: the only mutation is appending issues to
 * `table.issues` (tables are shared by reference with the pipeline). Which checks run is data
 * (data/checks.json); each id is dispatched to one pure function below.
 */

// ---------------------------------------------------------------------------------------------
// Reference data, checked once at load so a typo fails loudly instead of silently skipping a check.

type Scope = 'table' | 'document';

interface CheckDef {
  id: string;
  description: string;
  severity: Severity;
  scope: Scope;
}

interface Target {
  table: TableType;
  key: string;
  measure: string;
}

interface StatementDef {
  id: string;
  phrase: string;
  targets: Target[];
}

interface NarrativeData {
  minLength: number;
  prosePunctuation: string;
  unitWord: string;
  sentenceEnd: string;
  clauseBreak: string;
  skipClause: string;
  filler: string;
  amount: string;
  statements: StatementDef[];
}

interface SummaryData {
  measure: string;
  incomeSources: string[];
  subtotals: Record<string, string[]>;
  incomeAdditions: string[];
  expenditureAdditions: string[];
  otherFunding: string[];
}

interface ChecksFile {
  checks: CheckDef[];
  summary: SummaryData;
  threePublicEconomicCodes: { codes: string[] };
  narrative: NarrativeData;
}

interface RequiredFile {
  kinds: Record<string, string>;
  sets: Record<string, { anyOf: TableType[] }[]>;
}

const checksFile = loadJson<ChecksFile>('checks.json');
const requiredFile = loadJson<RequiredFile>('required-tables.json');
const SUMMARY = checksFile.summary;
const THREE_PUBLIC_CODES = new Set(checksFile.threePublicEconomicCodes.codes);

// ---------------------------------------------------------------------------------------------
// Tolerances.

/** Converted 元 figures are compared with 万元 ones to the 万元 table's last printed place. */
const CONVERTED_TOLERANCE_WAN = 0.01;
/** A narrative figure and the table figure it quotes are the same two-decimal number. */
const NARRATIVE_TOLERANCE_WAN = roundingTolerance(1);
const YUAN_PER_WAN = 10_000;

// ---------------------------------------------------------------------------------------------
// What a check returns: one instance per comparison it made, each with the issues it raised.

type Verdict = 'held' | 'rounding' | 'broken' | 'unknown';

/** An issue, and the table whose `issues` list it also belongs in (in-table checks only). */
interface Finding {
  issue: Issue;
  table?: Table;
}

interface Instance {
  verdict: Verdict;
  findings: Finding[];
}

interface Outcome {
  /** False when the tables the check needs are absent or empty. */
  applicable: boolean;
  instances: Instance[];
}

interface Context {
  tables: Table[];
  meta: DocumentMeta;
  lines: Line[];
}

const NOT_APPLICABLE: Outcome = { applicable: false, instances: [] };
const unknown = (): Instance => ({ verdict: 'unknown', findings: [] });
const instance = (verdict: Verdict, findings: Finding[] = []): Instance => ({ verdict, findings });

// ---------------------------------------------------------------------------------------------
// Arithmetic: exact decimal sums, tolerances from how many rounded terms went in.

interface Comparison {
  expected: number;
  found: number;
  verdict: Exclude<Verdict, 'unknown'>;
  tolerance: number;
}

/** `found` against the sum of `terms`: each printed term may carry half a cent of rounding. */
function compareSum(terms: readonly number[], found: number, tolerance = roundingTolerance(terms.length)): Comparison {
  const expected = sumExact(terms);
  const diff = Math.abs(diffExact(found, expected));
  const verdict = diff === 0 ? 'held' : diff <= tolerance ? 'rounding' : 'broken';
  return { expected, found, verdict, tolerance };
}

/** `found` must reach the sum of `terms` (it may hold more than they do). */
function compareAtLeast(terms: readonly number[], found: number): Comparison {
  const c = compareSum(terms, found);
  return found >= c.expected ? { ...c, verdict: 'held' } : c;
}

function toWan(value: number, unit: Unit): number {
  return unit === '元' ? new Big(value).div(YUAN_PER_WAN).toNumber() : value;
}

/** Figures from two tables: same unit compares as printed, else both in 万元 with a cent of slack. */
function compareAcross(terms: readonly number[], termsUnit: Unit, found: number, foundUnit: Unit): Comparison & { unit: Unit } {
  if (termsUnit === foundUnit) return { ...compareSum(terms, found), unit: foundUnit };
  const tolerance = Math.max(roundingTolerance(terms.length), CONVERTED_TOLERANCE_WAN);
  const converted = terms.map((t) => toWan(t, termsUnit));
  return { ...compareSum(converted, toWan(found, foundUnit), tolerance), unit: '万元' };
}

const fmt = (n: number): string => new Big(n).toString();

function describeAt(where: At): string {
  if (where.line !== undefined) return `${where.file}:${where.line}`;
  if (where.page !== undefined) return `${where.file} p.${where.page}`;
  return where.file;
}

// ---------------------------------------------------------------------------------------------
// Rows.

const FUNCTIONAL_KEY = /^\d{3}(?:\d{2}){0,2}$/;
const CLASS_KEY = /^\d{3}$/;
const FUNCTIONAL_KINDS = new Set(['class', 'section', 'item']);

/** The printed rows, with a summary's subtotal lines: the checks read both. */
const printedRows = (t: Table): Row[] => linesOf(t).filter((r) => !r.derived);
const isFunctional = (r: Row): boolean => FUNCTIONAL_KINDS.has(r.kind) && FUNCTIONAL_KEY.test(r.key);
/** Economic rows key as `30101` or `30101|50101`; the first code is the one that nests. */
const econCode = (r: Row): string => r.key.split('|')[0] ?? r.key;
const isEcon = (r: Row): boolean => r.kind === 'econ' && /^\d{3}(?:\d{2})?$/.test(econCode(r));
const totalRow = (t: Table): Row | undefined => printedRows(t).find((r) => r.kind === 'total' && r.key === 'total');
const rowByKey = (t: Table, key: string): Row | undefined => printedRows(t).find((r) => r.key === key);
const at = (row: Row, measure: string): At => row.sources[measure] ?? row.at;
const label = (t: Table): string => `${t.type} 《${t.title}》`;
const rowLabel = (r: Row): string => (r.name && r.name !== r.key ? `${r.key} ${r.name}` : r.key);

/** The first table of a type that prints anything; empty tables have no figures to compare. */
const filled = (tables: Table[], type: TableType): Table | undefined => tables.find((t) => t.type === type && !t.empty);

/**
 * A `reading` identity the row breaks: no reading of its numbers into the header's columns fits,
 * which says the columns are doubtful (dumps scramble such headers) rather than that the
 * document is wrong. A warning, and the instance counts as insufficient data.
 */
function doubtfulReading(t: Table, row: Row, measure: string, how: string): Finding {
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

function identityIssue(
  def: CheckDef,
  t: Table,
  row: Row,
  measure: string,
  c: Comparison,
  how: string,
  where: At = at(row, measure),
): Finding {
  const diff = fmt(Math.abs(diffExact(c.found, c.expected)));
  const message =
    `${label(t)} row ${rowLabel(row)}, column ${measure}: expected ${fmt(c.expected)} (${how}), found ${fmt(c.found)}; ` +
    `off by ${diff} ${t.unit}, more than the ${fmt(Number(c.tolerance.toFixed(3)))} rounding allows`;
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

function judged(c: Comparison, finding: () => Finding): Instance {
  return c.verdict === 'broken' ? instance('broken', [finding()]) : instance(c.verdict);
}

// ---------------------------------------------------------------------------------------------
// In-table checks: each takes one table and returns its instances.

/** parent = Σ children (data/identities.json) on every row printing the parent and a child. */
function rowIdentity(t: Table, _ctx: Context, def: CheckDef): Outcome {
  if (t.empty) return NOT_APPLICABLE;
  const identities = identitiesFor(t.columns.map((c) => c.measure), t.type);
  if (!identities.length) return NOT_APPLICABLE;
  const instances = printedRows(t).flatMap((row) => identities.flatMap((idn) => rowIdentityInstance(def, t, row, idn)));
  return { applicable: true, instances };
}

function rowIdentityInstance(def: CheckDef, t: Table, row: Row, idn: Identity): Instance[] {
  const parent = row.values[idn.parent];
  // A blank child is 0 only beside a printed one: a row printing none says nothing about the split.
  const terms = idn.children.map((c) => row.values[c]).filter((v): v is number => v !== undefined);
  if (parent === undefined || !terms.length) return [];
  const c = idn.atLeast ? compareAtLeast(terms, parent) : compareSum(terms, parent);
  const how = `${idn.children.join(' + ')}${idn.atLeast ? ' at least' : ''}`;
  if (idn.reading && c.verdict === 'broken') return [instance('unknown', [doubtfulReading(t, row, idn.parent, how)])];
  return [judged(c, () => identityIssue(def, t, row, idn.parent, c, how))];
}

interface Group {
  name: string;
  rows: Row[];
}

/** The rows at the top printed level, per code family; unit and line rows never sum to a total. */
function topLevelGroups(rows: Row[]): Group[] {
  const functional = rows.filter(isFunctional);
  const byLength = (n: number): Row[] => functional.filter((r) => r.key.length === n);
  const fTop = [3, 5, 7].map(byLength).find((g) => g.length) ?? [];
  const econ = rows.filter(isEcon);
  const econClasses = econ.filter((r) => econCode(r).length === 3);
  const groups: Group[] = [
    { name: 'functional', rows: fTop },
    { name: 'economic', rows: econClasses.length ? econClasses : econ },
    { name: 'project', rows: rows.filter((r) => r.kind === 'project') },
  ];
  return groups.filter((g) => g.rows.length);
}

/** Each column of the top-level rows sums to the total row. */
function columnSum(t: Table, _ctx: Context, def: CheckDef): Outcome {
  const total = totalRow(t);
  const groups = topLevelGroups(printedRows(t));
  if (t.empty || !total || !groups.length) return NOT_APPLICABLE;
  const instances = groups.flatMap((g) =>
    Object.entries(total.values).flatMap(([measure, found]) => {
      const terms = g.rows.map((r) => r.values[measure]).filter((v): v is number => v !== undefined);
      if (!terms.length) return [];
      const c = compareSum(terms, found);
      return [judged(c, () => identityIssue(def, t, total, measure, c, `sum of ${terms.length} ${g.name} rows`))];
    }),
  );
  return { applicable: true, instances };
}

interface Family {
  code: (r: Row) => string | undefined;
  /** Key lengths of the levels, top down. */
  levels: number[];
}

const FUNCTIONAL_FAMILY: Family = { code: (r) => (isFunctional(r) ? r.key : undefined), levels: [3, 5, 7] };
const ECONOMIC_FAMILY: Family = { code: (r) => (isEcon(r) ? econCode(r) : undefined), levels: [3, 5] };

/**
 * The printed children of the parent at `index`: rows after it, up to the next row that is not
 * inside its code (a sibling, a unit row opening another unit's block, the total). Reading in
 * order keeps a code repeated under several units attached to its own parent. Children are the
 * next level down, or the level below that when the middle level is not printed.
 */
function childrenOf(rows: Row[], index: number, family: Family): Row[] {
  const parent = family.code(rows[index]!)!;
  const span: string[] = [];
  const spanRows: Row[] = [];
  for (const row of rows.slice(index + 1)) {
    if (row.kind === 'unit' || row.kind === 'total') break;
    const code = family.code(row);
    if (code === undefined) continue;
    if (code.length <= parent.length || !code.startsWith(parent)) break;
    span.push(code);
    spanRows.push(row);
  }
  const lower = family.levels.filter((n) => n > parent.length);
  const level = lower.find((n) => span.some((c) => c.length === n));
  return level === undefined ? [] : spanRows.filter((r) => family.code(r)!.length === level);
}

/** A class is the sum of its sections, a section of its items, per column printed on both. */
function codeHierarchy(t: Table, _ctx: Context, def: CheckDef): Outcome {
  const rows = printedRows(t);
  const instances = [FUNCTIONAL_FAMILY, ECONOMIC_FAMILY].flatMap((family) =>
    rows.flatMap((row, i) => {
      const code = family.code(row);
      if (code === undefined || code.length === family.levels[family.levels.length - 1]) return [];
      const children = childrenOf(rows, i, family);
      return children.length ? hierarchyInstances(def, t, row, children) : [];
    }),
  );
  return instances.length ? { applicable: true, instances } : NOT_APPLICABLE;
}

function hierarchyInstances(def: CheckDef, t: Table, parent: Row, children: Row[]): Instance[] {
  return Object.entries(parent.values).flatMap(([measure, found]) => {
    const terms = children.map((r) => r.values[measure]).filter((v): v is number => v !== undefined);
    if (!terms.length) return [];
    const c = compareSum(terms, found);
    const how = `sum of ${children.map((r) => r.key).join(', ')}`;
    return [judged(c, () => identityIssue(def, t, parent, measure, c, how))];
  });
}

// Summary tables print one amount per line; their identities are between lines.

const SUMMARY_TYPES: ReadonlySet<TableType> = new Set(['summary', 'fiscal_summary']);
const amountOf = (t: Table, key: string): number | undefined => rowByKey(t, key)?.values[SUMMARY.measure];

/** `parentKey` = Σ `termKeys` on a summary table, when the parent and `required` are printed. */
function summaryIdentity(def: CheckDef, t: Table, parentKey: string, termKeys: string[], required: string[]): Outcome {
  if (!SUMMARY_TYPES.has(t.type) || t.empty) return NOT_APPLICABLE;
  const parent = rowByKey(t, parentKey);
  const found = parent?.values[SUMMARY.measure];
  const printed = termKeys.filter((k) => amountOf(t, k) !== undefined);
  if (!parent || found === undefined || !required.every((k) => printed.includes(k)) || !printed.length) {
    return { applicable: true, instances: [unknown()] };
  }
  const c = compareSum(printed.map((k) => amountOf(t, k)!), found);
  return { applicable: true, instances: [judged(c, () => identityIssue(def, t, parent, SUMMARY.measure, c, printed.join(' + ')))] };
}

function summaryGrandTotals(t: Table, _ctx: Context, def: CheckDef): Outcome {
  return summaryIdentity(def, t, 'expenditure_grand_total', ['income_grand_total'], ['income_grand_total']);
}

function summaryIncomeAddsUp(t: Table, _ctx: Context, def: CheckDef): Outcome {
  return summaryIdentity(def, t, 'income_grand_total', ['income_total', ...SUMMARY.incomeAdditions], ['income_total']);
}

function summaryExpenditureAddsUp(t: Table, _ctx: Context, def: CheckDef): Outcome {
  return summaryIdentity(def, t, 'expenditure_grand_total', ['expenditure_total', ...SUMMARY.expenditureAdditions], ['expenditure_total']);
}

/** A subtotal line (单位资金) is left out when its parts are printed, or they would count twice. */
function incomeSourcesOf(t: Table): string[] {
  const printed = SUMMARY.incomeSources.filter((k) => amountOf(t, k) !== undefined);
  return printed.filter((k) => !(SUMMARY.subtotals[k] ?? []).some((part) => printed.includes(part)));
}

function summaryIncomeLines(t: Table, _ctx: Context, def: CheckDef): Outcome {
  if (!SUMMARY_TYPES.has(t.type)) return NOT_APPLICABLE;
  const sources = incomeSourcesOf(t);
  return summaryIdentity(def, t, 'income_total', sources, sources.slice(0, 1));
}

function summaryClassLines(t: Table, _ctx: Context, def: CheckDef): Outcome {
  if (!SUMMARY_TYPES.has(t.type)) return NOT_APPLICABLE;
  const classes = printedRows(t).filter((r) => CLASS_KEY.test(r.key) && r.values[SUMMARY.measure] !== undefined).map((r) => r.key);
  return summaryIdentity(def, t, 'expenditure_total', classes, classes.slice(0, 1));
}

// ---------------------------------------------------------------------------------------------
// Cross-table checks.

function crossIssue(def: CheckDef, a: Table, b: Table, row: Row, measure: string, c: Comparison & { unit: Unit }, what: string): Finding {
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
function allGeneralBudget(t: Table): boolean {
  if (SUMMARY.otherFunding.some((k) => (amountOf(t, k) ?? 0) !== 0)) return false;
  const general = amountOf(t, 'general_budget');
  const grand = amountOf(t, 'income_grand_total');
  return general === undefined || grand === undefined || compareSum([general], grand).verdict !== 'broken';
}

/** `total` of every functional code, summed over repeats (one block per unit). */
function totalsByCode(t: Table): Map<string, { terms: number[]; row: Row }> {
  const out = new Map<string, { terms: number[]; row: Row }>();
  for (const row of printedRows(t).filter(isFunctional)) {
    const v = row.values.total;
    if (v === undefined) continue;
    const entry = out.get(row.key) ?? { terms: [], row };
    entry.terms.push(v);
    out.set(row.key, entry);
  }
  return out;
}

function expenditureMatchesGeneral(ctx: Context, def: CheckDef): Outcome {
  const exp = filled(ctx.tables, 'expenditure');
  const gen = filled(ctx.tables, 'general_expenditure');
  if (!exp || !gen) return NOT_APPLICABLE;
  const funding = filled(ctx.tables, 'summary');
  if (!funding) return { applicable: true, instances: [unknown()] };
  // Carryover or other funds put spending in expenditure that general_expenditure never shows.
  if (!allGeneralBudget(funding)) return NOT_APPLICABLE;
  const a = totalsByCode(exp);
  const b = totalsByCode(gen);
  const levels = (m: Map<string, unknown>): Set<number> => new Set([...m.keys()].map((k) => k.length));
  const aLevels = levels(a);
  const bLevels = levels(b);
  const instances: Instance[] = [];
  for (const code of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(code);
    const y = b.get(code);
    // A code one table lacks is 0 there only if that table prints codes of the same level.
    if (!x && !aLevels.has(code.length)) continue;
    if (!y && !bLevels.has(code.length)) continue;
    const row = y?.row ?? x!.row;
    const found = y ? sumExact(y.terms) : 0;
    const c = compareAcross(x?.terms ?? [0], exp.unit, found, gen.unit);
    instances.push(judged(c, () => crossIssue(def, exp, gen, row, 'total', c, `functional code ${code}`)));
  }
  // The total rows agree column by column, finer columns included (a header printed in another
  // order shows up here).
  const ra = totalRow(exp);
  const tb = totalRow(gen);
  for (const [m, va] of Object.entries(ra?.values ?? {})) {
    const vb = tb?.values[m];
    if (vb === undefined || m.startsWith('col_')) continue;
    const c = compareAcross([va], exp.unit, vb, gen.unit);
    instances.push(judged(c, () => crossIssue(def, exp, gen, tb!, m, c, 'total row')));
  }
  return { applicable: true, instances };
}

/** Class totals of a coded table: class rows, else its sections, else its items. */
function classTotals(t: Table): Map<string, number[]> {
  const rows = printedRows(t).filter(isFunctional);
  const out = new Map<string, number[]>();
  for (const cls of new Set(rows.map((r) => r.key.slice(0, 3)))) {
    const inClass = rows.filter((r) => r.key.startsWith(cls));
    const level = [3, 5, 7].find((n) => inClass.some((r) => r.key.length === n));
    const terms = inClass.filter((r) => r.key.length === level).map((r) => r.values.total).filter((v): v is number => v !== undefined);
    if (terms.length) out.set(cls, terms);
  }
  return out;
}

interface SummaryPair {
  summary: TableType;
  table: TableType;
  /** fiscal_summary also counts carryover and fund money general_expenditure leaves out. */
  gated: boolean;
}

const SUMMARY_PAIRS: SummaryPair[] = [
  { summary: 'summary', table: 'expenditure', gated: false },
  { summary: 'fiscal_summary', table: 'general_expenditure', gated: true },
];

function summaryClassesMatchTables(ctx: Context, def: CheckDef): Outcome {
  const outcomes = SUMMARY_PAIRS.map((pair) => summaryPairOutcome(ctx, def, pair));
  return { applicable: outcomes.some((o) => o.applicable), instances: outcomes.flatMap((o) => o.instances) };
}

function summaryPairOutcome(ctx: Context, def: CheckDef, pair: SummaryPair): Outcome {
  const s = filled(ctx.tables, pair.summary);
  const t = filled(ctx.tables, pair.table);
  if (!s || !t || (pair.gated && !allGeneralBudget(s))) return NOT_APPLICABLE;
  const lines = printedRows(s).filter((r) => CLASS_KEY.test(r.key) && r.values[SUMMARY.measure] !== undefined);
  const totals = classTotals(t);
  if (!lines.length || !totals.size) return { applicable: true, instances: [unknown()] };
  const instances: Instance[] = [];
  for (const cls of new Set([...lines.map((r) => r.key), ...totals.keys()])) {
    const line = lines.find((r) => r.key === cls);
    const found = line?.values[SUMMARY.measure] ?? 0;
    const terms = totals.get(cls) ?? [0];
    // Both blank or 0: nothing printed to compare.
    if (found === 0 && sumExact(terms) === 0) continue;
    const c = compareAcross(terms, t.unit, found, s.unit);
    // A class the summary leaves blank is reported at the table row that prints it.
    const row = line ?? printedRows(t).find((r) => r.key.startsWith(cls))!;
    const what = line ? `class ${cls}` : `class ${cls} (no ${s.type} line)`;
    instances.push(judged(c, () => crossIssue(def, t, s, row, line ? SUMMARY.measure : 'total', c, what)));
  }
  return { applicable: true, instances };
}

/** One figure of one table's total row against one of another's. */
function totalsAgree(ctx: Context, def: CheckDef, from: [TableType, string], to: [TableType, string]): Outcome {
  const a = filled(ctx.tables, from[0]);
  const b = filled(ctx.tables, to[0]);
  if (!a || !b) return NOT_APPLICABLE;
  const x = totalRow(a)?.values[from[1]];
  const row = totalRow(b);
  const y = row?.values[to[1]];
  if (x === undefined || !row || y === undefined) return { applicable: true, instances: [unknown()] };
  const c = compareAcross([x], a.unit, y, b.unit);
  return { applicable: true, instances: [judged(c, () => crossIssue(def, a, b, row, to[1], c, `${from[0]} ${from[1]} vs ${to[0]} ${to[1]}`))] };
}

function basicMatchesGeneral(ctx: Context, def: CheckDef): Outcome {
  return totalsAgree(ctx, def, ['basic_expenditure', 'total'], ['general_expenditure', 'basic']);
}

function projectMatchesExpenditure(ctx: Context, def: CheckDef): Outcome {
  const byTable = totalsAgree(ctx, def, ['project_expenditure', 'total'], ['expenditure', 'project']);
  return byTable.applicable ? byTable : performanceMatchesExpenditure(ctx, def);
}

/** Without a project table, the projects of the performance-target tables add up to 项目支出. */
function performanceMatchesExpenditure(ctx: Context, def: CheckDef): Outcome {
  const perf = ctx.tables.filter((t) => t.type === 'project_performance' && !t.empty);
  const exp = filled(ctx.tables, 'expenditure');
  const row = exp ? totalRow(exp) : undefined;
  const projects = perf.flatMap((t) => printedRows(t).filter((r) => r.kind === 'project' && r.values.total !== undefined).map((r) => ({ t, r })));
  if (!exp || !projects.length) return NOT_APPLICABLE;
  const found = row?.values.project;
  if (!row || found === undefined) return { applicable: true, instances: [unknown()] };
  const c = compareAcross(projects.map((p) => p.r.values.total!), projects[0]!.t.unit, found, exp.unit);
  const what = `sum of ${projects.length} projects in the performance-target tables vs expenditure project`;
  return { applicable: true, instances: [judged(c, () => crossIssue(def, projects[0]!.t, exp, row, 'project', c, what))] };
}

/**
 * The same project in 项目支出表 and a 绩效目标表 (same code, else the same name) has the same
 * amount. Performance tables often print fewer decimals (405.6 for 405.64): a figure is
 * compared at the precision it was printed with.
 */
function projectAmountsMatch(ctx: Context, def: CheckDef): Outcome {
  const listed = filled(ctx.tables, 'project_expenditure');
  const perf = ctx.tables.filter((t) => t.type === 'project_performance' && !t.empty);
  if (!listed || !perf.length) return NOT_APPLICABLE;
  const projects = printedRows(listed).filter((r) => r.kind === 'project' && r.values.total !== undefined);
  const instances = perf.flatMap((t) =>
    printedRows(t)
      .filter((r) => r.kind === 'project' && r.values.total !== undefined)
      .flatMap((r) => {
        // Names are already folded (NFKC, spaces removed) when rows are built.
        const same = projects.filter((p) => p.key === r.key || p.name === r.name);
        if (same.length !== 1) return [];
        const c = compareAcross([same[0]!.values.total!], listed.unit, r.values.total!, t.unit);
        const printedPrecision = listed.unit === t.unit ? halfLastDigit(r.values.total!) : 0;
        const verdict = c.verdict === 'broken' && Math.abs(diffExact(c.found, c.expected)) <= printedPrecision ? 'rounding' : c.verdict;
        return [judged({ ...c, verdict }, () => crossIssue(def, listed, t, r, 'total', c, `project ${r.name}`))];
      }),
  );
  return { applicable: true, instances: instances.length ? instances : [unknown()] };
}

/** Half a unit of the last decimal a figure shows (0.05 for 405.6, 0.5 for 6); at most a cent's half for two decimals. */
function halfLastDigit(v: number): number {
  const decimals = Math.min(2, (String(v).split('.')[1] ?? '').length);
  return decimals >= 2 ? 0.005 : 0.5 * 10 ** -decimals;
}

function threePublicCoversBasic(ctx: Context, def: CheckDef): Outcome {
  const three = filled(ctx.tables, 'three_public');
  const basic = filled(ctx.tables, 'basic_expenditure');
  if (!three || !basic) return NOT_APPLICABLE;
  const row = totalRow(three);
  const found = row?.values.total;
  const lines = printedRows(basic).filter((r) => isEcon(r) && THREE_PUBLIC_CODES.has(econCode(r)));
  const terms = lines.map((r) => r.values.total).filter((v): v is number => v !== undefined);
  if (!row || found === undefined || !terms.length) return { applicable: true, instances: [unknown()] };
  const c = compareAcross(terms, basic.unit, found, three.unit);
  // At least, not equal: 三公 money spent from project funds adds to the table but not to these lines.
  const verdict = c.found >= c.expected ? 'held' : c.verdict;
  const what = `三公 economic lines ${lines.map((r) => r.key).join(', ')} (at least)`;
  return { applicable: true, instances: [judged({ ...c, verdict }, () => crossIssue(def, basic, three, row, 'total', c, what))] };
}

// ---------------------------------------------------------------------------------------------
// Completeness.

function requiredTables(ctx: Context, def: CheckDef): Outcome {
  const set = ctx.meta.kind ? requiredFile.sets[requiredFile.kinds[ctx.meta.kind] ?? ''] : undefined;
  if (!set) return NOT_APPLICABLE;
  const instances = set.map(({ anyOf }) => requirementInstance(ctx, def, anyOf));
  return { applicable: true, instances };
}

function requirementInstance(ctx: Context, def: CheckDef, anyOf: TableType[]): Instance {
  const found = ctx.tables.filter((t) => anyOf.includes(t.type));
  const names = anyOf.join(' or ');
  if (!found.length) {
    const message = `no ${names} table found: a ${ctx.meta.kind} disclosure must publish one`;
    return instance('broken', [{ issue: docIssue('table_missing', def.severity, def.id, message, anyOf[0]) }]);
  }
  if (found.some((t) => !t.empty)) return instance('held');
  // Printed with no figures (表示无数据) is still published: worth a note, not a warning.
  const t = found[0]!;
  const message = `${label(t)} is printed but empty`;
  return instance('held', [{ issue: { ...docIssue('table_empty', 'info', def.id, message, t.type), at: t.at } }]);
}

function docIssue(kind: IssueKind, severity: Severity, check: string, message: string, table?: TableType): Issue {
  return { kind, severity, check, message, ...(table ? { table } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Narrative: figures the prose states, against the tables.

interface CompiledStatement {
  def: StatementDef;
  re: RegExp;
}

const NARRATIVE = checksFile.narrative;
const PROSE_PUNCTUATION = new RegExp(NARRATIVE.prosePunctuation);
const SENTENCE_END = new RegExp(NARRATIVE.sentenceEnd);
const CLAUSE_BREAK = new RegExp(NARRATIVE.clauseBreak, 'g');
const SKIP_CLAUSE = new RegExp(NARRATIVE.skipClause);
/** A line of a table dumped with spaces: amounts but none of the punctuation prose has (row labels keep 、). */
const TABLE_LIKE = /^[^，。,;；:：]*$/;
const AMOUNT_TOKEN = /(?:^|\s)-?\d[\d,]*\.\d+(?=\s|$)/g;
const STATEMENTS: CompiledStatement[] = NARRATIVE.statements.map((def) => ({
  def,
  // `d` gives the amount's own offset, which is how rival phrases for one figure are told apart.
  re: new RegExp(`(?:${def.phrase})${NARRATIVE.filler}${NARRATIVE.amount}`, 'dg'),
}));

/** One figure a prose sentence states. */
export interface NarrativeStatement {
  /** Id of the statement pattern (data/checks.json `narrative.statements`). */
  statement: string;
  /** The matched words, e.g. `基本支出 124.42 万元`. */
  text: string;
  /** In 万元, as the prose states it. */
  amount: number;
  at: At;
}

interface Piece {
  start: number;
  at: At;
}

interface Paragraph {
  text: string;
  pieces: Piece[];
}

const isTableLike = (text: string): boolean => TABLE_LIKE.test(text) && (text.match(AMOUNT_TOKEN) ?? []).length >= 2;

/**
 * Prose lines joined into paragraphs: text dumps wrap sentences mid-word ("公用" / "经费7.93万元"),
 * with blank lines between the pieces, so a sentence is read whole until it ends with 。.
 * Delimited lines and space-dumped table rows end a paragraph and are never part of one.
 */
function paragraphsOf(lines: Line[]): Paragraph[] {
  const out: Paragraph[] = [];
  let open: Paragraph | undefined;
  for (const line of lines) {
    const text = line.text.trim();
    if (text === '') continue;
    if (line.delimited || isTableLike(text)) {
      open = undefined;
      continue;
    }
    if (!open) {
      open = { text: '', pieces: [] };
      out.push(open);
    }
    open.pieces.push({ start: open.text.length, at: line.at });
    open.text += text;
    if (SENTENCE_END.test(text)) open = undefined;
  }
  return out;
}

const isProse = (p: Paragraph): boolean =>
  p.text.length > NARRATIVE.minLength && p.text.includes(NARRATIVE.unitWord) && PROSE_PUNCTUATION.test(p.text);

function clausesOf(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    out.push({ text: text.slice(start, m.index), start });
    start = m.index + m[0].length;
  }
  out.push({ text: text.slice(start), start });
  return out;
}

function pieceAt(p: Paragraph, offset: number): At {
  return [...p.pieces].reverse().find((piece) => piece.start <= offset)?.at ?? p.pieces[0]!.at;
}

interface Match {
  statement: string;
  start: number;
  amountStart: number;
  text: string;
  amount: number;
}

/** Every statement pattern's matches in a clause; per amount, the phrase starting earliest wins. */
function matchesIn(clause: string): Match[] {
  const all = STATEMENTS.flatMap(({ def, re }) =>
    [...clause.matchAll(re)].map((m) => ({
      statement: def.id,
      start: m.index,
      amountStart: m.indices?.[1]?.[0] ?? m.index,
      text: m[0].trim(),
      amount: Number((m[1] ?? '').replace(/,/g, '')),
    })),
  );
  const best = new Map<number, Match>();
  for (const m of all) {
    const held = best.get(m.amountStart);
    if (!held || m.start < held.start) best.set(m.amountStart, m);
  }
  return [...best.values()].sort((a, b) => a.start - b.start);
}

/** The figures the prose states about this year's budget (change and last-year clauses skipped). */
export function findNarrativeStatements(lines: Line[]): NarrativeStatement[] {
  return paragraphsOf(lines)
    .filter(isProse)
    .flatMap((p) =>
      clausesOf(p.text)
        // Every statement ends in an amount: a clause without a digit states none.
        .filter((c) => /\d/.test(c.text) && !SKIP_CLAUSE.test(c.text))
        .flatMap((c) =>
          matchesIn(c.text).map((m) => ({ statement: m.statement, text: m.text, amount: m.amount, at: pieceAt(p, c.start + m.start) })),
        ),
    );
}

interface Figure {
  table: Table;
  row: Row;
  target: Target;
  value: number;
}

/** The first of a statement's targets the document prints. */
function figureFor(tables: Table[], targets: Target[]): Figure | undefined {
  for (const target of targets) {
    const table = filled(tables, target.table);
    const row = table ? rowByKey(table, target.key) : undefined;
    const value = row?.values[target.measure];
    if (table && row && value !== undefined) return { table, row, target, value };
  }
  return undefined;
}

const STATEMENT_DEFS = new Map(NARRATIVE.statements.map((s) => [s.id, s]));

function narrativeTotals(ctx: Context, def: CheckDef): Outcome {
  const statements = findNarrativeStatements(ctx.lines);
  if (!statements.length) return NOT_APPLICABLE;
  const instances = statements.map((s) => {
    const figure = figureFor(ctx.tables, STATEMENT_DEFS.get(s.statement)!.targets);
    // A figure the tables do not print cannot contradict the prose.
    if (!figure) return unknown();
    const c = compareSum([toWan(figure.value, figure.table.unit)], s.amount, NARRATIVE_TOLERANCE_WAN);
    return judged(c, () => ({ issue: narrativeIssue(def, s, figure, c) }));
  });
  return { applicable: true, instances };
}

function narrativeIssue(def: CheckDef, s: NarrativeStatement, f: Figure, c: Comparison): Issue {
  const where = at(f.row, f.target.measure);
  return {
    kind: 'narrative_mismatch',
    severity: def.severity,
    check: def.id,
    table: f.table.type,
    key: f.row.key,
    measure: f.target.measure,
    expected: c.expected,
    found: c.found,
    at: s.at,
    message:
      `the text says "${s.text}" but ${label(f.table)} row ${rowLabel(f.row)}, column ${f.target.measure} ` +
      `prints ${fmt(c.expected)} 万元 (at ${describeAt(where)})`,
  };
}

// ---------------------------------------------------------------------------------------------
// Dispatch.

type CheckFn =
  | { scope: 'table'; run: (table: Table, ctx: Context, def: CheckDef) => Outcome }
  | { scope: 'document'; run: (ctx: Context, def: CheckDef) => Outcome };

const CHECKS: Record<string, CheckFn> = {
  row_identity: { scope: 'table', run: rowIdentity },
  column_sum: { scope: 'table', run: columnSum },
  code_hierarchy: { scope: 'table', run: codeHierarchy },
  summary_grand_totals_balance: { scope: 'table', run: summaryGrandTotals },
  summary_income_adds_up: { scope: 'table', run: summaryIncomeAddsUp },
  summary_expenditure_adds_up: { scope: 'table', run: summaryExpenditureAddsUp },
  summary_income_lines: { scope: 'table', run: summaryIncomeLines },
  summary_class_lines: { scope: 'table', run: summaryClassLines },
  expenditure_matches_general: { scope: 'document', run: expenditureMatchesGeneral },
  summary_classes_match_tables: { scope: 'document', run: summaryClassesMatchTables },
  basic_matches_general: { scope: 'document', run: basicMatchesGeneral },
  three_public_covers_basic: { scope: 'document', run: threePublicCoversBasic },
  project_matches_expenditure: { scope: 'document', run: projectMatchesExpenditure },
  project_amounts_match: { scope: 'document', run: projectAmountsMatch },
  required_tables: { scope: 'document', run: requiredTables },
  narrative_totals: { scope: 'document', run: narrativeTotals },
};

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'info']);

/** Every data entry has a function of its scope and every function an entry: no silent skips. */
function checkDefinitions(defs: CheckDef[]): CheckDef[] {
  for (const d of defs) {
    const fn = CHECKS[d.id];
    if (!fn) throw new Error(`data/checks.json: no check function for id "${d.id}"`);
    if (fn.scope !== d.scope) throw new Error(`data/checks.json: check "${d.id}" has scope "${d.scope}", its function is "${fn.scope}"`);
    if (!SEVERITIES.has(d.severity)) throw new Error(`data/checks.json: check "${d.id}" has unknown severity "${d.severity}"`);
  }
  const listed = new Set(defs.map((d) => d.id));
  const unlisted = Object.keys(CHECKS).filter((id) => !listed.has(id));
  if (unlisted.length) throw new Error(`data/checks.json: checks ${unlisted.join(', ')} have functions but no entry`);
  return defs;
}

const CHECK_DEFS = checkDefinitions(checksFile.checks);

/** Ids of the checks every document is put through, in order. */
export const CHECK_IDS: readonly string[] = CHECK_DEFS.map((d) => d.id);

function runCheck(def: CheckDef, ctx: Context): Outcome {
  const fn = CHECKS[def.id]!;
  if (fn.scope === 'document') return fn.run(ctx, def);
  const outcomes = ctx.tables.map((t) => fn.run(t, ctx, def));
  return { applicable: outcomes.some((o) => o.applicable), instances: outcomes.flatMap((o) => o.instances) };
}

function resultOf(check: string, outcome: Outcome): CheckResult {
  if (!outcome.applicable) return { check, status: 'not_applicable', evaluated: 0, failed: 0 };
  const evaluated = outcome.instances.filter((i) => i.verdict !== 'unknown');
  const failed = evaluated.filter((i) => i.verdict === 'broken').length;
  const status: CheckStatus = failed ? 'fail' : evaluated.length ? 'pass' : 'insufficient_data';
  const rounding = status === 'pass' && evaluated.some((i) => i.verdict === 'rounding');
  return { check, status, evaluated: evaluated.length, failed, ...(rounding ? { rounding } : {}) };
}

/**
 * Runs every check of data/checks.json over a document. Issues of in-table checks are also
 * appended to their table's `issues`; no printed value is changed.
 */
export function validateDocument(tables: Table[], meta: DocumentMeta, lines: Line[]): { issues: Issue[]; validation: ValidationSummary } {
  const ctx: Context = { tables, meta, lines };
  const issues: Issue[] = [];
  const checks: CheckResult[] = [];
  for (const def of CHECK_DEFS) {
    const outcome = runCheck(def, ctx);
    for (const finding of outcome.instances.flatMap((i) => i.findings)) {
      issues.push(finding.issue);
      finding.table?.issues.push(finding.issue);
    }
    checks.push(resultOf(def.id, outcome));
  }
  const run = checks.filter((c) => c.status !== 'not_applicable').length;
  const held = checks.filter((c) => c.status === 'pass').length;
  const broken = checks.filter((c) => c.status === 'fail').length;
  return { issues, validation: { checks, run, held, broken } };
}
