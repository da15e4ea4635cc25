import { label } from './shared.js';
/**
 * Reading confidence. When most of a table's own identities fail, the likelier story is that its
 * layout was misread (columns shifted, a header row taken for a title), not that the publisher
 * misprinted half its figures. Such a table gets one warning naming it; its failed identities are
 * kept, as info, and no longer count as failures of the document.
 */
/** Below this many evaluated identities one misprint can break most of them (a summary: 收入总计 = 支出总计 and 收入总计 = 本年收入 + 结转): too few to judge a reading. */
const MIN_IDENTITIES = 6;
/** More than this share of a table's identities failing makes its reading doubtful. */
const DOUBTFUL_SHARE = 0.5;
/** Tables whose own (in-table) identities mostly fail. */
export function doubtfulTables(inTable) {
    const counts = new Map();
    for (const i of inTable.flatMap((o) => o.instances)) {
        if (!i.table || i.verdict === 'unknown')
            continue;
        const c = counts.get(i.table) ?? { evaluated: 0, broken: 0 };
        c.evaluated++;
        if (i.verdict === 'broken')
            c.broken++;
        counts.set(i.table, c);
    }
    return new Map([...counts].filter(([, c]) => c.evaluated >= MIN_IDENTITIES && c.broken > c.evaluated * DOUBTFUL_SHARE));
}
/** A failed identity of a doubtful table: kept as info, counted as not judged. */
export function demoted(i, doubtful) {
    if (i.verdict !== 'broken' || !i.table || !doubtful.has(i.table))
        return i;
    const findings = i.findings.map((f) => ({ ...f, issue: { ...f.issue, severity: 'info', message: `(doubtful reading) ${f.issue.message}` } }));
    return { ...i, verdict: 'unknown', findings };
}
export function doubtfulIssue(t, c) {
    return {
        kind: 'reading_doubtful',
        severity: 'warning',
        table: t.type,
        at: t.at,
        message: `${label(t)}: the reading of this table is doubtful: ${c.broken} of its ${c.evaluated} identities fail, which says its layout ` +
            `was misread rather than misprinted; check it against the source. Its failures are listed as info, not errors`,
    };
}
