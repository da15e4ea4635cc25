import { FACT_HEADERS, phaseOf, YUAN_PER } from './facts.js';
import { measuresOfType, typesOf, WIDE_LEADING_COLUMNS, yuanColumn } from './where.js';
const unitInfo = (unit) => ({ name: unit, factor: YUAN_PER[unit] });
const UNITS = Object.keys(YUAN_PER);
const PHASES = ['proposed', 'executed'];
const DOCUMENT_KINDS = Object.keys({ 部门预算: 1, 单位预算: 1, 部门决算: 1, 单位决算: 1 });
/** Which way a table type's amounts go, where the type says; summaries hold both. */
const DIRECTIONS = {
    income: 'revenue',
    expenditure: 'expenditure',
    general_expenditure: 'expenditure',
    basic_expenditure: 'expenditure',
    appropriation_expenditure: 'expenditure',
    appropriation_basic_expenditure: 'expenditure',
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
const ROW_KINDS = Object.keys({ class: 1, section: 1, item: 1, econ: 1, unit: 1, total: 1, line: 1, project: 1, other: 1 });
/** What fast-csv writes: comma, `"` quoting with doubled quotes, `\n` rows, a header row. */
const DIALECT = { delimiter: ',', doubleQuote: true, quoteChar: '"', lineTerminator: '\n', header: true };
const text = (name, description, constraints) => ({ name, type: 'string', description, ...(constraints ? { constraints } : {}) });
const amount = (name, description) => ({ name, type: 'number', description, bareNumber: true, decimalChar: '.' });
/** The one value shared by every item, or undefined when they differ or there are none. */
function shared(items) {
    const set = new Set(items);
    return set.size === 1 ? items[0] : undefined;
}
function resourceBase(name, path, title, fields) {
    // A blank cell is a value the document does not print: missing, never 0.
    return { profile: 'tabular-data-resource', name, path, title, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', dialect: DIALECT, schema: { fields, missingValues: [''] } };
}
export function factsResource(docs) {
    const types = typesOf(docs);
    const described = {
        document: text('document', 'input file the fact was extracted from', { required: true }),
        // Table Schema wants a non-empty enum; a run without tables lists none.
        table: text('table', 'table type id (CONTRACT.md)', types.length ? { required: true, enum: types } : { required: true }),
        key: text('key', 'row key: classification code as text (leading zeros kept), line key, project code or name; blank for a table printed empty'),
        name: text('name', 'row label as printed'),
        measure: text('measure', 'column (measure) name, snake_case; blank for a table printed empty'),
        value: amount('value', 'amount as printed, in the unit of this row (the unit field)'),
        ...documentFields,
        unit: text('unit', "unit of value: the unit its table is printed in (元, or 万元 = 10000 元)", { required: true, enum: UNITS }),
        amount_yuan: amount('amount_yuan', 'value converted to 元 in decimal arithmetic: the amount to sum or compare across tables and documents'),
    };
    return { ...resourceBase('facts', 'facts.csv', 'Every printed amount, one per line', FACT_HEADERS.map((c) => described[c])), description: "Each amount is in its table's unit (unit); amount_yuan is the same amount in 元." };
}
/** Who published the document, for which year, budget or final accounts. */
const documentFields = {
    department: text('department', 'department or unit publishing the document'),
    year: { name: 'year', type: 'integer', description: 'budget year' },
    kind: text('kind', 'document kind: 部门预算, 单位预算, 部门决算, 单位决算', { enum: DOCUMENT_KINDS }),
    phase: text('phase', 'proposed (预算, a budget) or executed (决算, final accounts)', { enum: PHASES }),
};
export function wideResource(docs, type) {
    const measures = measuresOfType(docs, type);
    const described = {
        document: text('document', 'input file the row was extracted from', { required: true }),
        department: documentFields.department,
        year: documentFields.year,
        document_kind: { ...documentFields.kind, name: 'document_kind' },
        phase: documentFields.phase,
        table_title: text('table_title', 'table title as printed'),
        unit: text('unit', 'unit of the printed amounts in this row (元, or 万元 = 10000 元)', { required: true, enum: UNITS }),
        key: text('key', 'row key: classification code as text (leading zeros kept), line key, project code or name', { required: true }),
        kind: text('kind', 'row kind: class/section/item (functional classification), econ, unit, total, line, project, other', { required: true, enum: ROW_KINDS }),
        name: text('name', 'row label as printed'),
    };
    const fields = [
        ...WIDE_LEADING_COLUMNS.map((c) => described[c]),
        ...measures.map((m) => amount(m, `column ${m} as printed, in the row's unit; blank where the document prints nothing`)),
        ...measures.map((m) => amount(yuanColumn(m), `column ${m} converted to 元 in decimal arithmetic`)),
    ];
    return resourceBase(type, `csv/${type}.csv`, `Tables of type ${type}, one row per printed row`, fields);
}
/** A measure of the fiscal model: an amount column in 元 (factor 1), its phase and direction. */
function measure(resource, source, phase, direction) {
    return { source, resource: resource.name, currency: 'CNY', factor: 1, ...(phase ? { phase } : {}), ...(direction ? { direction } : {}) };
}
/** Which classification a row kind's key belongs to (the others are line keys or names). */
const CLASSIFICATIONS = [
    { kinds: ['class', 'section', 'item'], type: 'functional', what: '支出功能分类 (functional classification) codes: 3, 5 or 7 digits' },
    { kinds: ['econ'], type: 'economic', what: '支出经济分类 (economic classification) codes; `30101|50101` where both classifications are printed' },
    { kinds: ['unit'], type: 'administrative', what: 'budget unit codes as printed' },
];
function dimensions(docs, type) {
    const kinds = new Set(docs.flatMap((d) => d.tables.filter((t) => t.type === type).flatMap((t) => t.rows.map((r) => r.kind))));
    const out = {};
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
function documentInfo(d) {
    const phase = phaseOf(d.document.kind);
    return { file: d.source.file, department: d.document.department, year: d.document.year, kind: d.document.kind, ...(phase ? { phase } : {}), unit: unitInfo(d.document.unit) };
}
export function documentsToDataPackage(docs, options) {
    const phase = shared(docs.map((d) => phaseOf(d.document.kind)));
    const years = docs.flatMap((d) => (d.document.year === undefined ? [] : [d.document.year]));
    // A type printed only empty has no rows, and its csv/<type>.csv no header row: nothing to describe.
    const wideTypes = typesOf(docs).filter((t) => docs.some((d) => d.tables.some((x) => x.type === t && x.rows.length)));
    const resources = [...(options.facts ? [factsResource(docs)] : []), ...(options.wide ? wideTypes.map((t) => wideResource(docs, t)) : [])];
    const measures = {};
    const dims = {};
    for (const r of resources) {
        if (r.name === 'facts') {
            measures.facts = measure(r, 'amount_yuan', phase, undefined);
            continue;
        }
        const type = r.name;
        for (const m of measuresOfType(docs, type))
            measures[`${type}.${m}`] = measure(r, yuanColumn(m), phase, DIRECTIONS[type]);
        Object.assign(dims, dimensions(docs, type));
    }
    return {
        profile: 'tabular-data-package',
        name: 'budget-extract',
        title: 'Chinese government budget disclosures, extracted and checked',
        description: 'Tables of 部门预算/决算 disclosures extracted by budget-extract: facts.csv (one amount per line) and csv/<type>.csv (one row per printed row). Printed amounts are in the unit of their table (the unit field of each row); amount_yuan and <measure>_yuan are the same amounts in 元, the ones to sum; codes are text.',
        countryCode: 'CN',
        currency: 'CNY',
        granularity: 'aggregated',
        ...(phase ? { phase } : {}),
        // China's fiscal year is the calendar year; a run over several years spans them.
        ...(years.length ? { fiscalPeriod: { start: `${Math.min(...years)}-01-01`, end: `${Math.max(...years)}-12-31` } } : {}),
        documents: docs.map(documentInfo),
        resources,
        model: { measures, dimensions: dims },
    };
}
/** As the document JSON: `<`, `>`, `&`, U+2028/9 escaped, so department names stay inert when pasted into HTML. */
export function dataPackageToJson(pkg) {
    return `${JSON.stringify(pkg, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
