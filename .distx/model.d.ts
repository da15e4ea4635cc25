/**
 * The one model every stage passes on. Extractors turn input into `Line[]`, the table stages turn
 * lines into `Table[]`, normalize keys rows and checks them, exporters print a `BudgetDocument`.
 */
/** Where something was printed: a file, and a line (text input) or a page and box (PDF, OCR). */
export interface At {
    file: string;
    /** 1-based page number (PDF and OCR input). */
    page?: number;
    /** 1-based line number in the decoded text (text input). */
    line?: number;
    /** [x0, y0, x1, y1] in PDF points from the page's top-left corner. */
    bbox?: [number, number, number, number];
    /** Sheet name (spreadsheet input; `page` is then the sheet's 1-based position). */
    sheet?: string;
    /** 1-based table number among the file's tables (web page and Word input). */
    table?: number;
    /** 1-based row in the sheet, or in the table (web page and Word input). */
    row?: number;
    /** A1-style cell reference in the sheet or table, e.g. `D12`. */
    cell?: string;
}
/**
 * One cell of a printed line: for a tab-separated dump each tab-separated field, for a PDF the
 * text inside one ruled cell or one column-aligned run.
 * @example { text: '208', at: { file: 'a.txt', line: 230 } }
 */
export interface Cell {
    text: string;
    at: At;
    /** Left and right edges, in the line's own coordinate space (PDF points; absent for text). */
    x0?: number;
    x1?: number;
    /** Recognition confidence 0..1 (OCR only). */
    confidence?: number;
}
/**
 * One printed line as an extractor saw it.
 * @example { text: '208\t05\t01\t行政单位离退休\t2.72', cells: [...5 cells], at: { file, line: 230 } }
 */
export interface Line {
    text: string;
    cells: Cell[];
    at: At;
    /** True when the extractor knows cell boundaries (tabs, ruling lines, column gaps). */
    delimited: boolean;
}
export type SourceKind = 'text' | 'pdf' | 'pdf-ocr' | 'image-ocr' | 'xlsx' | 'xls' | 'ods' | 'docx' | 'html';
/** What an extractor returns; downstream stages never know which extractor ran. */
export interface Extracted {
    kind: SourceKind;
    pages: number;
    lines: Line[];
    /** Problems the extractor noticed but could work around (dropped glyphs, low OCR confidence). */
    issues: Issue[];
}
export type TableType = 'summary' | 'income' | 'expenditure' | 'fiscal_summary' | 'general_expenditure' | 'basic_expenditure' | 'appropriation_expenditure' | 'appropriation_basic_expenditure' | 'basic_expenditure_detail' | 'economic_summary' | 'three_public' | 'fund_expenditure' | 'state_capital_expenditure' | 'project_expenditure' | 'operating_expenses' | 'department_performance' | 'project_performance' | 'procurement' | 'assets' | 'unknown';
export type RowKind = 'class' | 'section' | 'item' | 'econ' | 'unit' | 'total' | 'line' | 'project' | 'other';
export type Unit = '元' | '万元';
/**
 * A keyed row with its numbers in the table's unit. `sources` says where each value was printed.
 * @example { key: '2080501', kind: 'item', name: '行政单位离退休', values: { total: 2.72 }, sources: { total: {...} } }
 */
export interface Row {
    key: string;
    kind: RowKind;
    name: string;
    values: Record<string, number>;
    sources: Record<string, At>;
    at: At;
    /** Raw printed cells, kept for unknown tables and for review. */
    raw?: string[];
    /** True for rows the tool summed itself (`--rollup`); never true for printed rows. */
    derived?: boolean;
}
/** A node of a table's (possibly multi-level) header; leaves are the columns values go in. */
export interface HeaderColumn {
    /** snake_case measure name, e.g. `total`, `basic`, `wages_benefits`. */
    measure: string;
    /** Header words from the top level down, as printed. */
    path: string[];
    /** Measures of the columns this one is the subtotal of (empty for leaves of the tree). */
    children: string[];
}
export interface Table {
    type: TableType;
    title: string;
    unit: Unit;
    /** Pages (PDF) or, for text input, the first and last line of the table. */
    pages: number[];
    lines?: [number, number];
    empty: boolean;
    columns: HeaderColumn[];
    rows: Row[];
    /**
     * Printed lines that restate what `rows` carry, kept out of them so that the rows add up without
     * counting a figure twice: in `summary` / `fiscal_summary` the intermediate totals 本年收入合计 /
     * 本年支出合计 (`income_total`, `expenditure_total`) and carry-over split by fund
     * (`carryover.general_budget` …); in coded tables broken down by classification, a unit row
     * that restates the total (`309001 新乡市凤泉区医疗保障局`). The checks read them like rows;
     * facts exports leave them out.
     */
    subtotals?: Row[];
    issues: Issue[];
    at: At;
}
export type Severity = 'error' | 'warning' | 'info';
export type IssueKind = 'identity_broken' | 'misprint_located' | 'unit_mislabeled' | 'ambiguous_placement' | 'code_repaired' | 'code_unknown' | 'name_mismatch' | 'table_missing' | 'table_empty' | 'narrative_mismatch' | 'low_confidence' | 'text_dropped' | 'unit_assumed' | 'row_unparsed' | 'meta_conflict' | 'narrative_only' | 'reading_doubtful' | 'hygiene';
/**
 * A finding about the document: a broken identity, a repaired code, a missing table.
 * @example { kind: 'identity_broken', check: 'row_total', severity: 'error', message: '…', at, expected: 2.72, found: 2.7 }
 */
export interface Issue {
    kind: IssueKind;
    severity: Severity;
    message: string;
    at?: At;
    /** Id of the check (data/checks.json) that produced it. */
    check?: string;
    table?: TableType;
    key?: string;
    measure?: string;
    expected?: number;
    found?: number;
    /** What was printed, for repairs. */
    printed?: string;
    /** The printed figures a failed comparison read (its total and every term), each with its place. */
    figures?: FigureRef[];
}
export type CheckStatus = 'pass' | 'fail' | 'not_applicable' | 'insufficient_data';
export interface CheckResult {
    check: string;
    status: CheckStatus;
    /** How many instances the check evaluated (rows, columns, pairs). */
    evaluated: number;
    failed: number;
    /** Set when every instance held only within rounding. */
    rounding?: boolean;
    /** With `rounding`: how many comparisons held only within rounding and the widest gap, e.g. `2 sums within rounding, at most 0.01 万元 over 12 terms`. */
    note?: string;
}
/** A printed figure: where it is in the output (table, row key, column) and on the page. */
export interface FigureRef {
    table: TableType;
    /** Title of the table, to tell two tables of one type apart. */
    title: string;
    key: string;
    measure: string;
    value: number;
    at: At;
}
/**
 * What "all held" covered: the printed figures of the document's tables and how many of them at
 * least one evaluated check compared with another figure (a misprint there changes a verdict).
 */
export interface Coverage {
    /** Printed figures in the tables (a figure printed as 0.00 counts; a blank cell does not). */
    printed: number;
    /** Figures at least one evaluated comparison read. */
    covered: number;
    /** The figures no evaluated comparison read: a misprint there goes unreported. */
    uncovered: FigureRef[];
}
export interface ValidationSummary {
    checks: CheckResult[];
    run: number;
    held: number;
    broken: number;
    coverage: Coverage;
}
export type DocumentKind = '部门预算' | '单位预算' | '部门决算' | '单位决算';
export interface DocumentMeta {
    department?: string;
    year?: number;
    unit: Unit;
    kind?: DocumentKind;
}
/**
 * One figure a prose sentence states.
 * @example { statement: 'basic', text: '基本支出预算数为9312.9万元', amount: 9312.9, at: { file, page: 10 } }
 */
export interface NarrativeStatement {
    /** Id of the statement pattern (data/checks.json `narrative.statements`). */
    statement: string;
    /** The matched words, e.g. `基本支出 124.42 万元`. */
    text: string;
    /** In 万元, as the prose states it. */
    amount: number;
    /** The funds the sentence says the figure is of (data/checks.json `narrative.scopes`): `fiscal` for 财政拨款 / 一般公共预算. */
    scope?: string;
    at: At;
}
export interface BudgetDocument {
    /** `part`: this unit's place in a county bundle (several units' disclosures in one file). */
    source: {
        file: string;
        sha256: string;
        kind: SourceKind;
        pages: number;
        part?: {
            index: number;
            of: number;
        };
    };
    document: DocumentMeta;
    tables: Table[];
    issues: Issue[];
    validation: ValidationSummary;
    /**
     * A narrative-only volume (prose, no tables: its tables are a separate 公开表 volume) only:
     * the figures its prose states, each once per distinct amount, where first printed.
     */
    narrative?: NarrativeStatement[];
}
/**
 * A rendered page of a PDF input, for the review page: a value's box times `scale` is its place
 * in the image, so a clicked value shows a crop of its page.
 * @example { src: 'data:image/jpeg;base64,…', width: 827, height: 1169, scale: 1.39 }
 */
export interface PageImage {
    /** `data:image/jpeg;base64,…` */
    src: string;
    width: number;
    height: number;
    /** Image pixels per PDF point. */
    scale: number;
}
