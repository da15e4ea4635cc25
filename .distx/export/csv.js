import { writeToString } from '@fast-csv/format';
import { documentToFacts, FACT_HEADERS, phaseOf, toYuan } from './facts.js';
import { measuresOfType, typesOf, WIDE_LEADING_COLUMNS, yuanColumn } from './where.js';
const BOM = '\uFEFF';
/**
 * Text a spreadsheet would evaluate (`=HYPERLINK(…)`, `+`, `-`, `@`, tab, CR, also after
 * leading spaces, which an import may trim) gets a leading apostrophe, as Excel and LibreOffice
 * expect; only in CSV meant for spreadsheets.
 */
export function neutralizeFormula(text) {
    return /^[\s\u3000]*[=+\-@]|^[\t\r\n]/.test(text) ? `'${text}` : text;
}
/** Numbers printed without float noise (1794.14, not 1794.1399999). */
function formatNumber(v) {
    return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(6)));
}
/**
 * A table with no values (printed empty) still appears once, with key, measure and value empty,
 * so the facts file lists every table the JSON lists.
 */
export async function factsToCsv(docs, options = {}) {
    const textCells = (cells) => (options.bom ? cells.map(neutralizeFormula) : cells);
    const rows = docs.flatMap((d) => {
        const about = documentColumns(d);
        const facts = documentToFacts(d).map((f) => [...textCells([f.document, f.table, f.key, f.name, f.measure]), formatNumber(f.value), ...textCells(about), f.unit, toYuan(f.value, f.unit)]);
        const empty = d.tables.filter((t) => !t.rows.some((r) => Object.keys(r.values).length)).map((t) => [...textCells([d.source.file, t.type]), '', '', '', '', ...textCells(about), t.unit, '']);
        return [...facts, ...empty];
    });
    const text = await writeToString(rows, { headers: [...FACT_HEADERS], includeEndRowDelimiter: true });
    return (options.bom ? BOM : '') + text;
}
/** department, year, kind, phase of a document, blank where unknown. */
function documentColumns(d) {
    const { department, year, kind } = d.document;
    return [department ?? '', year === undefined ? '' : String(year), kind ?? '', phaseOf(kind) ?? ''];
}
export async function wideCsvByType(docs, options = {}) {
    const out = new Map();
    for (const type of typesOf(docs)) {
        const measures = measuresOfType(docs, type);
        const header = [...WIDE_LEADING_COLUMNS, ...measures, ...measures.map(yuanColumn)];
        const rows = [];
        for (const d of docs) {
            const [department, year, kind, phase] = documentColumns(d);
            for (const t of d.tables.filter((x) => x.type === type)) {
                for (const r of t.rows) {
                    const text = [d.source.file, department, year, t.title, t.unit, r.key, r.kind, r.name, kind, phase];
                    const amount = (m, cell) => (r.values[m] === undefined ? '' : cell(r.values[m]));
                    rows.push([
                        ...(options.bom ? text.map(neutralizeFormula) : text),
                        ...measures.map((m) => amount(m, formatNumber)),
                        ...measures.map((m) => amount(m, (v) => toYuan(v, t.unit))),
                    ]);
                }
            }
        }
        out.set(type, (options.bom ? BOM : '') + (await writeToString(rows, { headers: header, includeEndRowDelimiter: true })));
    }
    return out;
}
