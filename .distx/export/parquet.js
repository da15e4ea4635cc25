import Big from 'big.js';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { documentToFacts, FACT_HEADERS, phaseOf, toYuan } from './facts.js';
/** 18 digits fit the INT64 a DECIMAL of this precision is stored in. */
const DECIMAL_PRECISION = 18;
/** 元 figures print at most fen; a finer figure raises the scale for the whole file. */
const MIN_SCALE = 2;
const decimals = (s) => (s.includes('.') ? s.length - s.indexOf('.') - 1 : 0);
/** `amount` (a decimal string) as the unscaled integer of a DECIMAL of `scale` digits. */
const unscaled = (amount, scale) => BigInt(new Big(amount).times(new Big(10).pow(scale)).toFixed(0));
export function factsToParquet(docs) {
    const columns = Object.fromEntries(FACT_HEADERS.map((c) => [c, []]));
    const push = (row) => {
        for (const c of FACT_HEADERS)
            columns[c].push(row[c]);
    };
    for (const d of docs) {
        const about = { department: d.document.department ?? null, year: d.document.year ?? null, kind: d.document.kind ?? null, phase: phaseOf(d.document.kind) ?? null };
        for (const f of documentToFacts(d))
            push({ document: f.document, table: f.table, key: f.key, name: f.name, measure: f.measure, value: f.value, ...about, unit: f.unit, amount_yuan: toYuan(f.value, f.unit) });
        // As in facts.csv: a table printed empty appears once, with no key, measure or amount.
        for (const t of d.tables.filter((x) => !x.rows.some((r) => Object.keys(r.values).length))) {
            push({ document: d.source.file, table: t.type, key: null, name: null, measure: null, value: null, ...about, unit: t.unit, amount_yuan: null });
        }
    }
    const amounts = columns.amount_yuan;
    const scale = Math.max(MIN_SCALE, ...amounts.map((a) => (a === null ? 0 : decimals(a))));
    const data = { ...columns, amount_yuan: amounts.map((a) => (a === null ? null : unscaled(a, scale))) };
    const string = (name, required = false) => ({ name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: required ? 'REQUIRED' : 'OPTIONAL' });
    const schema = [
        { name: 'root', num_children: FACT_HEADERS.length },
        string('document', true),
        string('table', true),
        string('key'),
        string('name'),
        string('measure'),
        { name: 'value', type: 'DOUBLE', repetition_type: 'OPTIONAL' },
        string('department'),
        { name: 'year', type: 'INT32', repetition_type: 'OPTIONAL' },
        string('kind'),
        string('phase'),
        string('unit', true),
        {
            name: 'amount_yuan',
            type: 'INT64',
            converted_type: 'DECIMAL',
            scale,
            precision: DECIMAL_PRECISION,
            logical_type: { type: 'DECIMAL', scale, precision: DECIMAL_PRECISION },
            repetition_type: 'OPTIONAL',
        },
    ];
    const buffer = parquetWriteBuffer({
        columnData: FACT_HEADERS.map((name) => ({ name, data: data[name] })),
        schema,
        createdBy: 'budget-extract',
    });
    return new Uint8Array(buffer);
}
