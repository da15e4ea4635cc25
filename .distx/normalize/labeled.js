import { baseRow, compact } from './built.js';
import { lookupCode } from './codes.js';
import { stripOrdinal, TOTAL_LABEL } from './line-keys.js';
import { segmentsOf } from './summary.js';
/**
 * A row opening with an economic code the reference lists, right before its name
 * (`30201 | 办公费 | 158.00`): the code, which keys the row as coded tables key it, so that it
 * nests under its class (`302 | 商品和服务支出`) whatever the name says.
 */
function printedEconomicCode(r) {
    const [first, next] = r.tokens;
    if (first?.kind !== 'digits' || next?.kind !== 'label')
        return undefined;
    const entry = lookupCode(first.text);
    return entry && entry.classification !== 'functional' && entry.code === first.text ? first : undefined;
}
/**
 * A 政府采购预算表 lists one purchase a line, and the same purchase (`会议服务 | 分散自行组织`) under
 * two projects is printed twice and is two lines: the second is keyed `会议服务分散自行组织 (2)`.
 * Elsewhere a repeated label restates a line (a continued table's repeated rows) and is dropped.
 */
function distinct(key, type, seen) {
    return type !== 'procurement' || key === 'total' || !seen.has(key) ? key : another(key, seen);
}
/**
 * A label opening with the unit and a mark of punctuation, right after an amount (`3912.31 |
 * 万元,较2024年预算减少 | 96.11`): running prose. A 计量单位 cell (`万元 | 1 | 16.80`) prints the unit alone.
 */
const UNIT_AFTER_AMOUNT = /^万?元[,，。;；、:：(（)）]/;
/** The column-numbering row (`栏次 | 1 | 2 | 3`): its numbers name columns. */
const COLUMN_NUMBERS = /栏次$/;
/**
 * A line of prose the table's extent ran into (the 说明 after a table with no title between):
 * its amounts are followed by their unit, as a sentence prints them and no table cell does.
 */
const isRunningProse = (segments) => segments.some((seg, i) => i > 0 && UNIT_AFTER_AMOUNT.test(seg.label));
/** A serial: a whole number of one or two digits. */
const SERIAL_MAX = 99;
/**
 * A table flattened onto lines of running text with its 序号 column (`一、因公出国(境)费 3 其中: …
 * 4`): where the table prints its amounts with decimals, a whole number beside a label there is
 * the row's serial, not its amount. A delimited row keeps its cells apart, and its serial was
 * dropped with the column (src/tables/rows.ts).
 */
function serialsOf(raw) {
    const printsDecimals = raw.rows.some((r) => r.tokens.some((t) => t.kind !== 'label' && /\d\.\d/.test(t.text)));
    if (!raw.serialColumn || !printsDecimals)
        return () => false;
    return (n, delimited) => !delimited && !n.decimal && Number.isInteger(n.value) && n.value >= 1 && n.value <= SERIAL_MAX;
}
/** `key (2)`, or the next number free. */
function another(key, seen) {
    let n = 2;
    while (seen.has(`${key} (${n})`))
        n++;
    return `${key} (${n})`;
}
/** Tables without a fixed layout: rows keyed by their label (or total), first number as total. */
export function labeledTable(raw) {
    const rows = [];
    const seen = new Set();
    const isSerial = serialsOf(raw);
    for (const r of raw.rows) {
        const code = printedEconomicCode(r);
        const row = code ? { ...r, tokens: r.tokens.slice(1) } : r;
        const delimited = r.tokens.some((t) => t.idx !== undefined);
        const segments = segmentsOf(row).map((seg) => ({ ...seg, numbers: seg.numbers.filter((n) => !isSerial(n, delimited)) }));
        if (isRunningProse(segments))
            continue;
        segments.forEach((seg, i) => {
            if (COLUMN_NUMBERS.test(seg.label))
                return;
            if (!seg.numbers.length)
                return;
            // A figure printed without a label is the total (a 三公 table's `1.10 1.10` under its header; once there is one, it restates it), unless a larger one came before it in a table without a total: then it is the line above's second figure (资金结构: 476.3 / 8,542.6).
            const continues = seg.label === '' && !seen.has('total') && rows.some((x) => x.values.total > seg.numbers[0].value);
            const label = continues ? rows[rows.length - 1].name : stripOrdinal(seg.label);
            // A row opening with 合计 is the total, whatever else it prints (`合计 | 式`: the last character of a wrapped header cell).
            const opensTotal = i === 0 && /^(合计|总计)$/.test(compact(row.tokens.find((t) => t.kind === 'label')?.text ?? ''));
            const total = !continues && (TOTAL_LABEL.test(label) || /^(合计|总计)$/.test(label) || label === '' || opensTotal);
            const econ = code !== undefined && i === 0 && !total;
            const key = continues ? another(rows[rows.length - 1].key, seen) : distinct(econ ? code.text : total ? 'total' : label, raw.type, seen);
            if (!key || seen.has(key))
                return;
            seen.add(key);
            const out = baseRow(key, econ ? 'econ' : total ? 'total' : 'line', label, seg.at);
            out.values.total = seg.numbers[0].value;
            out.sources.total = seg.numbers[0].at;
            out.raw = r.tokens.map((t) => t.text);
            rows.push(out);
        });
    }
    return { rows, columns: [{ measure: 'total', path: ['合计'], children: [] }], issues: [] };
}
