import { layoutWords } from '../data.js';
import { compact } from '../normalize/built.js';
import { stripOrdinal } from '../normalize/line-keys.js';
/**
 * The levels of a 政府采购预算表, from the words it prints, never from its sums: a line whose first
 * cell is a category of the procurement catalog (货物, 工程, 服务) opens a category; a line printing
 * a procurement method (政府集中采购, 分散自行组织 …) is one purchase; any other line (a project and
 * its economic item, `交通运行费 | 公务用车运行维护费`) groups the purchases under it.
 */
const CATEGORY = layoutWords('procurement_categories');
const METHOD = layoutWords('procurement_methods');
function levelOf(r) {
    const cells = (r.raw ?? [r.name]).map(compact);
    if (CATEGORY.test(stripOrdinal(cells[0] ?? '')))
        return 1;
    return cells.some((c) => METHOD.test(c)) ? 3 : 2;
}
/**
 * Each row with the rows it adds up: the total its categories, a row the rows after it up to the
 * next one at its level or above, at the next level printed below it. None when a line comes
 * before the first category: such a table is not grouped by category.
 */
export function procurementNests(rows) {
    const total = rows.find((r) => r.kind === 'total');
    const body = rows.filter((r) => r.kind !== 'total');
    const levels = body.map(levelOf);
    if (levels[0] !== 1)
        return [];
    const nests = total ? [{ parent: total, children: body.filter((_, i) => levels[i] === 1) }] : [];
    body.forEach((parent, i) => {
        let end = i + 1;
        while (end < body.length && levels[end] > levels[i])
            end++;
        const below = levels.slice(i + 1, end);
        const next = Math.min(...below);
        const children = body.slice(i + 1, end).filter((_, j) => below[j] === next);
        if (children.length)
            nests.push({ parent, children });
    });
    return nests;
}
