import type { BudgetDocument, DocumentKind, RowKind, TableType, Unit } from '../model.js';
import { FACT_HEADERS } from './facts.js';
import { measuresOfType, typesOf, WIDE_LEADING_COLUMNS } from './where.js';

/**
 * `datapackage.json` beside the CSVs: a Frictionless (Tabular) Data Package, v1 profiles, so
 * frictionless, pandas-datapackage-reader, R's frictionless and OpenSpending read the CSVs with
 * the right types (codes stay strings, amounts are numbers, a blank is missing, not zero), plus
 * the Fiscal Data Package properties (currency, unit factor, budget phase, classification
 * dimensions in `model`) that say what the numbers are. Pure: documents in, descriptor out.
 */

export type FieldType = 'string' | 'number' | 'integer';

export interface Field {
  name: string;
  type: FieldType;
  title?: string;
  description?: string;
  /** Numbers are printed bare (no currency sign, no thousands separator, `.` decimals). */
  bareNumber?: boolean;
  decimalChar?: string;
  constraints?: { required?: boolean; enum?: string[] };
}

export interface Resource {
  profile: 'tabular-data-resource';
  name: string;
  path: string;
  title: string;
  description?: string;
  format: 'csv';
  mediatype: 'text/csv';
  encoding: 'utf-8';
  dialect: { delimiter: string; doubleQuote: boolean; quoteChar: string; lineTerminator: string; header: boolean };
  schema: { fields: Field[]; missingValues: string[] };
  /** The unit of every amount in the resource, when its tables share one (Fiscal Data Package). */
  unit?: UnitInfo;
}

export interface UnitInfo {
  name: Unit;
  /** Multiply an amount by this to get yuan. */
  factor: number;
}

export type Phase = 'proposed' | 'executed';
type Direction = 'expenditure' | 'revenue';

export interface Measure {
  source: string;
  resource: string;
  currency: 'CNY';
  factor?: number;
  phase?: Phase;
  direction?: Direction;
}

export interface Dimension {
  dimensionType: 'classification';
  classificationType: 'functional' | 'economic' | 'administrative';
  description: string;
  attributes: Record<string, { source: string; resource: string; labelfor?: string }>;
  primaryKey: string;
}

export interface DocumentInfo {
  file: string;
  department?: string;
  year?: number;
  kind?: DocumentKind;
  phase?: Phase;
  unit: UnitInfo;
}

export interface DataPackage {
  profile: 'tabular-data-package';
  name: string;
  title: string;
  description: string;
  countryCode: 'CN';
  currency: 'CNY';
  granularity: 'aggregated';
  /** Set when every table of the run is printed in one unit; else see each resource and document. */
  unit?: UnitInfo;
  /** Set when every document of the run is of one phase; else see `documents`. */
  phase?: Phase;
  fiscalPeriod?: { start: string; end: string };
  documents: DocumentInfo[];
  resources: Resource[];
  model: { measures: Record<string, Measure>; dimensions: Record<string, Dimension> };
}

export interface DataPackageOptions {
  /** facts.csv is written. */
  facts: boolean;
  /** csv/<type>.csv are written. */
  wide: boolean;
}

const FACTORS: Record<Unit, number> = { 元: 1, 万元: 10000 };
const unitInfo = (unit: Unit): UnitInfo => ({ name: unit, factor: FACTORS[unit] });

/** 预算 documents are budgets (before the year), 决算 documents final accounts (after it). */
export function phaseOf(kind: DocumentKind | undefined): Phase | undefined {
  if (!kind) return undefined;
  return kind.endsWith('决算') ? 'executed' : 'proposed';
}

/** Which way a table type's amounts go, where the type says; summaries hold both. */
const DIRECTIONS: Partial<Record<TableType, Direction>> = {
  income: 'revenue',
  expenditure: 'expenditure',
  general_expenditure: 'expenditure',
  basic_expenditure: 'expenditure',
  basic_expenditure_detail: 'expenditure',
  economic_summary: 'expenditure',
  three_public: 'expenditure',
  fund_expenditure: 'expenditure',
  state_capital_expenditure: 'expenditure',
  project_expenditure: 'expenditure',
  operating_expenses: 'expenditure',
  procurement: 'expenditure',
};

/** Every row kind, checked by the compiler against the model's union so the enum cannot fall behind. */
const ROW_KINDS = Object.keys({ class: 1, section: 1, item: 1, econ: 1, unit: 1, total: 1, line: 1, project: 1, other: 1 } satisfies Record<RowKind, 1>);

/** What fast-csv writes: comma, `"` quoting with doubled quotes, `\n` rows, a header row. */
const DIALECT: Resource['dialect'] = { delimiter: ',', doubleQuote: true, quoteChar: '"', lineTerminator: '\n', header: true };

const text = (name: string, description: string, constraints?: Field['constraints']): Field => ({ name, type: 'string', description, ...(constraints ? { constraints } : {}) });
const amount = (name: string, description: string): Field => ({ name, type: 'number', description, bareNumber: true, decimalChar: '.' });

/** The one value shared by every item, or undefined when they differ or there are none. */
function shared<T>(items: T[]): T | undefined {
  const set = new Set(items);
  return set.size === 1 ? items[0] : undefined;
}

function resourceBase(name: string, path: string, title: string, fields: Field[]): Resource {
  // A blank cell is a value the document does not print: missing, never 0.
  return { profile: 'tabular-data-resource', name, path, title, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', dialect: DIALECT, schema: { fields, missingValues: [''] } };
}

export function factsResource(docs: BudgetDocument[]): Resource {
  const types = typesOf(docs);
  const fields: Field[] = [
    text('document', 'input file the fact was extracted from', { required: true }),
    // Table Schema wants a non-empty enum; a run without tables lists none.
    text('table', 'table type id (CONTRACT.md)', types.length ? { required: true, enum: types } : { required: true }),
    text('key', 'row key: classification code as text (leading zeros kept), line key, project code or name; blank for a table printed empty'),
    text('name', 'row label as printed'),
    text('measure', 'column (measure) name, snake_case; blank for a table printed empty'),
    amount('value', "amount in the table's unit"),
  ];
  const unit = shared(docs.flatMap((d) => d.tables.map((t) => t.unit)));
  return {
    ...resourceBase('facts', 'facts.csv', 'Every printed amount, one per line', fields),
    ...(unit ? { unit: unitInfo(unit) } : { description: "Tables of this run are printed in different units: each amount is in its table's unit (the unit column of csv/<type>.csv)." }),
  };
}

export function wideResource(docs: BudgetDocument[], type: TableType): Resource {
  const measures = measuresOfType(docs, type);
  const tables = docs.flatMap((d) => d.tables.filter((t) => t.type === type));
  const described: Record<(typeof WIDE_LEADING_COLUMNS)[number], Field> = {
    document: text('document', 'input file the row was extracted from', { required: true }),
    department: text('department', 'department or unit publishing the document'),
    year: { name: 'year', type: 'integer', description: 'budget year' },
    table_title: text('table_title', 'table title as printed'),
    unit: text('unit', 'unit of the amounts in this row', { required: true, enum: Object.keys(FACTORS) }),
    key: text('key', 'row key: classification code as text (leading zeros kept), line key, project code or name', { required: true }),
    kind: text('kind', 'row kind: class/section/item (functional classification), econ, unit, total, line, project, other', { required: true, enum: ROW_KINDS }),
    name: text('name', 'row label as printed'),
  };
  const fields = [...WIDE_LEADING_COLUMNS.map((c) => described[c]), ...measures.map((m) => amount(m, `column ${m}; blank where the document prints nothing`))];
  const unit = shared(tables.map((t) => t.unit));
  return { ...resourceBase(type, `csv/${type}.csv`, `Tables of type ${type}, one row per printed row`, fields), ...(unit ? { unit: unitInfo(unit) } : {}) };
}

/** A measure of the fiscal model: what an amount column is, in which currency, unit and phase. */
function measure(resource: Resource, source: string, phase: Phase | undefined, direction: Direction | undefined): Measure {
  return { source, resource: resource.name, currency: 'CNY', ...(resource.unit ? { factor: resource.unit.factor } : {}), ...(phase ? { phase } : {}), ...(direction ? { direction } : {}) };
}

/** Which classification a row kind's key belongs to (the others are line keys or names). */
const CLASSIFICATIONS: { kinds: RowKind[]; type: Dimension['classificationType']; what: string }[] = [
  { kinds: ['class', 'section', 'item'], type: 'functional', what: '支出功能分类 (functional classification) codes: 3, 5 or 7 digits' },
  { kinds: ['econ'], type: 'economic', what: '支出经济分类 (economic classification) codes; `30101|50101` where both classifications are printed' },
  { kinds: ['unit'], type: 'administrative', what: 'budget unit codes as printed' },
];

function dimensions(docs: BudgetDocument[], type: TableType): Record<string, Dimension> {
  const kinds = new Set(docs.flatMap((d) => d.tables.filter((t) => t.type === type).flatMap((t) => t.rows.map((r) => r.kind))));
  const out: Record<string, Dimension> = {};
  for (const c of CLASSIFICATIONS.filter((x) => x.kinds.some((k) => kinds.has(k)))) {
    out[`${type}.${c.type}`] = {
      dimensionType: 'classification',
      classificationType: c.type,
      description: `key holds ${c.what} on rows whose kind is ${c.kinds.join('/')}`,
      attributes: { code: { source: 'key', resource: type }, label: { source: 'name', resource: type, labelfor: 'code' } },
      primaryKey: 'code',
    };
  }
  return out;
}

function documentInfo(d: BudgetDocument): DocumentInfo {
  const phase = phaseOf(d.document.kind);
  return { file: d.source.file, department: d.document.department, year: d.document.year, kind: d.document.kind, ...(phase ? { phase } : {}), unit: unitInfo(d.document.unit) };
}

export function documentsToDataPackage(docs: BudgetDocument[], options: DataPackageOptions): DataPackage {
  const phase = shared(docs.map((d) => phaseOf(d.document.kind)));
  const years = docs.flatMap((d) => (d.document.year === undefined ? [] : [d.document.year]));
  const unit = shared(docs.flatMap((d) => d.tables.map((t) => t.unit)));
  // A type printed only empty has no rows, and its csv/<type>.csv no header row: nothing to describe.
  const wideTypes = typesOf(docs).filter((t) => docs.some((d) => d.tables.some((x) => x.type === t && x.rows.length)));
  const resources = [...(options.facts ? [factsResource(docs)] : []), ...(options.wide ? wideTypes.map((t) => wideResource(docs, t)) : [])];
  const measures: Record<string, Measure> = {};
  const dims: Record<string, Dimension> = {};
  for (const r of resources) {
    if (r.name === 'facts') {
      measures.facts = measure(r, 'value', phase, undefined);
      continue;
    }
    const type = r.name as TableType;
    for (const f of r.schema.fields.filter((x) => x.type === 'number')) measures[`${type}.${f.name}`] = measure(r, f.name, phase, DIRECTIONS[type]);
    Object.assign(dims, dimensions(docs, type));
  }
  return {
    profile: 'tabular-data-package',
    name: 'budget-extract',
    title: 'Chinese government budget disclosures, extracted and checked',
    description: 'Tables of 部门预算/决算 disclosures extracted by budget-extract: facts.csv (one amount per line) and csv/<type>.csv (one row per printed row). Amounts are in the unit of their table (see unit); codes are text.',
    countryCode: 'CN',
    currency: 'CNY',
    granularity: 'aggregated',
    ...(unit ? { unit: unitInfo(unit) } : {}),
    ...(phase ? { phase } : {}),
    // China's fiscal year is the calendar year; a run over several years spans them.
    ...(years.length ? { fiscalPeriod: { start: `${Math.min(...years)}-01-01`, end: `${Math.max(...years)}-12-31` } } : {}),
    documents: docs.map(documentInfo),
    resources,
    model: { measures, dimensions: dims },
  };
}

/** As the document JSON: `<`, `>`, `&`, U+2028/9 escaped, so department names stay inert when pasted into HTML. */
export function dataPackageToJson(pkg: DataPackage): string {
  return `${JSON.stringify(pkg, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
