import { economicEntriesOfName } from '../normalize/codes.js';
import { econCode, isEcon } from './shared.js';
/**
 * Rows named exactly by an economic classification name but printing no code (`办公费`, `水费`
 * under `商品和服务支出`) nest as coded rows do: each takes the code its name has in the table's
 * classification (部门 or 政府, the one a printed code or every name points to), and a name two
 * classes share (`办公设备购置`, 309 and 310) the one under the class row above it. A table with a
 * row that is neither its total nor economic gets no codes: its rows are not one classification's
 * lines, and a sum over some of them would say nothing.
 */
export function namedEconomicCodes(rows) {
    const named = new Map();
    for (const r of rows) {
        if (r.kind === 'total' || isEcon(r))
            continue;
        const entries = r.kind === 'line' ? economicEntriesOfName(r.name) : [];
        if (!entries.length)
            return new Map();
        named.set(r, entries);
    }
    const scheme = classificationOf(rows, [...named.values()]);
    if (!named.size || !scheme)
        return new Map();
    const codes = new Map();
    let currentClass;
    for (const r of rows) {
        const entries = named.get(r);
        const candidates = entries ? entries.filter((e) => e.classification === scheme).map((e) => e.code) : isEcon(r) ? [econCode(r)] : [];
        const under = candidates.length > 1 ? candidates.filter((c) => currentClass !== undefined && c.startsWith(currentClass)) : candidates;
        if (entries && under.length !== 1)
            return new Map();
        const code = under[0];
        if (code === undefined)
            continue;
        if (entries)
            codes.set(r, code);
        if (code.length === 3)
            currentClass = code;
    }
    return codes;
}
/** The classification of the printed codes, else the one every name belongs to (部门 before 政府). */
function classificationOf(rows, named) {
    const printed = new Set(rows.filter(isEcon).map((r) => (econCode(r).startsWith('5') ? 'economic_government' : 'economic_department')));
    if (printed.size > 1)
        return undefined;
    const schemes = printed.size ? [...printed] : ['economic_department', 'economic_government'];
    return schemes.find((s) => named.every((entries) => entries.some((e) => e.classification === s)));
}
