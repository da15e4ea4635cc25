import type { At, DocumentMeta, Issue, IssueKind, Line, Row, Severity, Table, TableType, Unit } from '../model.js';
/**
 * What every check module shares: the reference data of data/checks.json, the outcome types a
 * check returns, exact arithmetic with rounding tolerances, and row and issue helpers. Checks
 * report, never edit: the only mutation is appending issues to `table.issues` (src/checks/index.ts).
 */
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
export type CheckFn = {
    scope: 'table';
    run: (table: Table, ctx: Context, def: CheckDef) => Outcome;
} | {
    scope: 'document';
    run: (ctx: Context, def: CheckDef) => Outcome;
};
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
    arithmetic: {
        share: string;
        whole: string;
        change: string;
        amount: string;
        increase: string;
        decrease: string;
        budgetFinal: BudgetFinalData;
    };
    items: {
        path: string;
        coded: string;
    };
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
    threePublicEconomicCodes: {
        codes: string[];
    };
    /** A functional table's 基本支出 columns → the economic class each stands for. */
    economicColumns: {
        columns: Record<string, string>;
    };
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
    templates: {
        id: string;
        set: string;
        titles: string;
        tables: Requirement[];
    }[];
}
export declare const requiredFile: RequiredFile;
export declare const CHECK_DATA: CheckDef[];
export declare const NARRATIVE: NarrativeData;
export declare const SUMMARY: SummaryData;
export declare const LAST_PLACE: LastPlaceData;
export declare const THREE_PUBLIC_CODES: Set<string>;
export declare const ECONOMIC_COLUMNS: Record<string, string>;
/** A narrative figure and the table figure it quotes are the same two-decimal number. */
export declare const NARRATIVE_TOLERANCE_WAN: number;
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
    gap?: {
        diff: number;
        unit: Unit;
        terms: number;
    };
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
export declare const figuresOf: (table: Table, rows: readonly Row[], measure: string) => Figure[];
/** An instance with the figures it read. */
export declare const covering: (i: Instance, ...covers: Figure[][]) => Instance;
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
export declare const NOT_APPLICABLE: Outcome;
export declare const unknown: () => Instance;
export declare const instance: (verdict: Verdict, findings?: Finding[]) => Instance;
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
export declare function compareSum(terms: readonly number[], found: number, tolerance?: number): Comparison;
/** `found` must reach the sum of `terms` (it may hold more than they do). */
export declare function compareAtLeast(t: Table, terms: readonly number[], found: number): Comparison;
export declare function toWan(value: number, unit: Unit): number;
/** Figures from two tables: same unit compares as printed, else both in 万元 with a cent of slack. */
export declare function compareAcross(terms: readonly number[], from: Table, found: number, to: Table): Comparison & {
    unit: Unit;
};
/** Units of the last place n rounded terms and their rounded total can be apart: ⌊(n + 1) / 2⌋, none for one term. */
export declare const roundingUnits: (terms: number) => number;
/** `found` against the sum of `terms` printed in table `t`, within the rounding its figures allow. */
export declare function compareIn(t: Table, terms: readonly number[], found: number): Comparison;
export declare const fmt: (n: number) => string;
export declare function describeAt(where: At): string;
export declare const CLASS_KEY: RegExp;
/** The printed rows, with a summary's subtotal lines: the checks read both. */
export declare const printedRows: (t: Table) => Row[];
export declare const isFunctional: (r: Row) => boolean;
/** Economic rows key as `30101` or `30101|50101`; the first code is the one that nests. */
export declare const econCode: (r: Row) => string;
export declare const isEcon: (r: Row) => boolean;
export declare const totalRow: (t: Table) => Row | undefined;
export declare const rowByKey: (t: Table, key: string) => Row | undefined;
export declare const at: (row: Row, measure: string) => At;
export declare const label: (t: Table) => string;
export declare const rowLabel: (r: Row) => string;
/** The first table of a type that prints anything; empty tables have no figures to compare. */
export declare const filled: (tables: Table[], type: TableType) => Table | undefined;
/**
 * A `reading` identity the row breaks: no reading of its numbers into the header's columns fits,
 * which says the columns are doubtful (dumps scramble such headers) rather than that the
 * document is wrong. A warning, and the instance counts as insufficient data.
 */
export declare function doubtfulReading(t: Table, row: Row, measure: string, how: string): Finding;
export declare function identityIssue(def: CheckDef, t: Table, row: Row, measure: string, c: Comparison, how: string, where?: At): Finding;
export declare function judged(c: Comparison & {
    unit?: Unit;
}, finding: () => Finding, unit?: Unit, terms?: number): Instance;
export declare function crossIssue(def: CheckDef, a: Table, b: Table, row: Row, measure: string, c: Comparison & {
    unit: Unit;
}, what: string): Finding;
/**
 * True when a summary-type table shows no funding besides the current year's general budget:
 * only then do its tables and the general-budget tables cover the same money.
 */
export declare function docIssue(kind: IssueKind, severity: Severity, check: string, message: string, table?: TableType): Issue;
