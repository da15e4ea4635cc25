import { sumExact } from './amounts.js';
import { baseRow } from './built.js';
import { codedTable } from './coded.js';
import { labeledTable } from './labeled.js';
import { projectsTable } from './projects.js';
import { linesTable } from './summary.js';
/** Raw table → keyed rows with their values in named columns, by the table's layout family. */
/** One keyer per layout family (src/tables/build.ts FAMILY), all behind the same signature. */
const READERS = {
    lines: linesTable,
    coded: codedTable,
    projects: projectsTable,
    labeled: labeledTable,
};
export function linesOf(t) {
    return t.subtotals?.length ? [...t.rows, ...t.subtotals] : t.rows;
}
export function rawTableToTable(raw, options = {}) {
    const built = READERS[raw.family](raw);
    const hasValues = (r) => Object.keys(r.values).length > 0;
    const printed = built.rows.filter(hasValues);
    const subtotals = (built.subtotals ?? []).filter(hasValues);
    const rows = options.rollup ? withRollup(printed) : printed;
    return {
        type: raw.type,
        title: raw.title,
        unit: raw.unit,
        pages: raw.pages,
        lines: raw.lines,
        empty: rows.length === 0,
        columns: built.columns,
        rows,
        ...(subtotals.length ? { subtotals } : {}),
        issues: built.issues,
        at: raw.at,
    };
}
/**
 * `--rollup`: the class and section rows a table that prints only items leaves out, summed from
 * its items and marked derived. Printed parent rows are never replaced.
 */
export function withRollup(rows) {
    const printedKeys = new Set(rows.map((r) => r.key));
    const items = rows.filter((r) => r.kind === 'item');
    const derived = new Map();
    for (const item of items) {
        for (const parent of [item.key.slice(0, 5), item.key.slice(0, 3)]) {
            if (printedKeys.has(parent))
                continue;
            const row = derived.get(parent) ?? { ...baseRow(parent, parent.length === 3 ? 'class' : 'section', '', item.at), derived: true };
            for (const [m, v] of Object.entries(item.values))
                row.values[m] = sumExact([row.values[m] ?? 0, v]);
            derived.set(parent, row);
        }
    }
    if (!derived.size)
        return rows;
    // Parents go right before their first child, in code order.
    const out = [];
    for (const r of rows) {
        for (const parent of [r.key.slice(0, 3), r.key.slice(0, 5)]) {
            const d = derived.get(parent);
            if (r.kind === 'item' && d && !out.includes(d))
                out.push(d);
        }
        out.push(r);
    }
    return out;
}
