import { loadJson } from '../data.js';
const signatures = loadJson('table-types.json').types.map((s) => {
    try {
        return { type: s.type, title: new RegExp(s.title), ...(s.stands_for ? { standsFor: s.stands_for } : {}) };
    }
    catch {
        throw new Error(`data/table-types.json: bad title pattern for ${s.type}: ${s.title}`);
    }
});
/** Table type from a printed title; titles nothing matches are `unknown`, never dropped. */
export function typeOfTitle(title) {
    const t = title.replace(/\s+/g, '');
    return signatures.find((s) => s.title.test(t))?.type ?? 'unknown';
}
const STANDS_FOR = new Map(signatures.filter((s) => s.standsFor).map((s) => [s.type, s.standsFor]));
/**
 * A document's tables typed as a set: a table that stands for another type (the central
 * template's 财政拨款支出表, its only general-budget expenditure table) takes that type when the
 * document prints no table of it; where both are printed (Jiangsu), they stay apart.
 */
export function withStandIns(tables) {
    const printed = new Set(tables.map((t) => t.type));
    return tables.map((t) => {
        const stand = STANDS_FOR.get(t.type);
        return stand && !printed.has(stand) ? { ...t, type: stand } : t;
    });
}
