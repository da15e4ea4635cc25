import Big from 'big.js';
import { RULES as completeness } from './completeness.js';
import { RULES as crossTable } from './cross-table.js';
import { RULES as hygiene } from './hygiene.js';
import { RULES as identities } from './identities.js';
import { RULES as narrative } from './narrative.js';
import { gapsToReport, isScaled, locateMisprints, mislabeledUnits, reportedGap } from './diagnosis.js';
import { demoted, doubtfulIssue, doubtfulTables } from './reading.js';
import { CHECK_DATA, LAST_PLACE, at, printedRows } from './shared.js';
export { findNarrativeStatements } from './narrative.js';
/**
 * Checks a document's printed figures against the identities budget tables obey and against the
 * prose that describes them. Which checks run is data (data/checks.json); each id is dispatched
 * to one pure function of a rule-family module: identities.ts (row and group identities inside a
 * table), cross-table.ts, completeness.ts, narrative.ts (text against tables), hygiene.ts.
 */
/** The rule families, by the `family` data/checks.json names: one module each. */
const FAMILIES = { identities, 'cross-table': crossTable, completeness, narrative, hygiene };
/** Families comparing printed table figures with each other (prose rounds as it likes). */
const TABULAR = new Set(['identities', 'cross-table']);
/**
 * Checks that read the other checks' failed comparisons, not the tables (diagnosis.ts). Prose
 * figures are no table figures a comparison covers: misprints are looked for among the tables' own
 * comparisons, less those a unit label explains; a unit label in all of them.
 */
const DIAGNOSIS = 'diagnosis';
const DIAGNOSES = {
    misprint_located: (def, failed) => locateMisprints(def, failed.filter((f) => TABULAR.has(f.family) && !isScaled(f.i)).map((f) => f.i)),
    unit_mislabeled: (def, failed) => mislabeledUnits(def, failed.map((f) => f.i)),
};
const SEVERITIES = new Set(['error', 'warning', 'info']);
/** Every data entry has a function of its family and scope and every function an entry: no silent skips. */
function checkDefinitions(defs) {
    for (const d of defs) {
        if (d.family === DIAGNOSIS) {
            if (!DIAGNOSES[d.id] || d.scope !== 'document')
                throw new Error(`data/checks.json: no document diagnosis "${d.id}" in src/checks/diagnosis.ts`);
            continue;
        }
        const family = FAMILIES[d.family];
        if (!family)
            throw new Error(`data/checks.json: check "${d.id}" has unknown family "${d.family}"`);
        const fn = family[d.id];
        if (!fn)
            throw new Error(`data/checks.json: no check function for id "${d.id}" in src/checks/${d.family}.ts`);
        if (fn.scope !== d.scope)
            throw new Error(`data/checks.json: check "${d.id}" has scope "${d.scope}", its function is "${fn.scope}"`);
        if (!SEVERITIES.has(d.severity))
            throw new Error(`data/checks.json: check "${d.id}" has unknown severity "${d.severity}"`);
    }
    const listed = new Set(defs.map((d) => d.id));
    const unlisted = [...Object.values(FAMILIES).flatMap((f) => Object.keys(f)), ...Object.keys(DIAGNOSES)].filter((id) => !listed.has(id));
    if (unlisted.length)
        throw new Error(`data/checks.json: checks ${unlisted.join(', ')} have functions but no entry`);
    return defs;
}
const CHECK_DEFS = checkDefinitions(CHECK_DATA);
/** Ids of the checks every document is put through, in order. */
export const CHECK_IDS = CHECK_DEFS.map((d) => d.id);
function runCheck(def, ctx) {
    const fn = FAMILIES[def.family][def.id];
    if (fn.scope === 'document')
        return fn.run(ctx, def);
    const outcomes = ctx.tables.map((t) => ({ t, o: fn.run(t, ctx, def) }));
    return { applicable: outcomes.some(({ o }) => o.applicable), instances: outcomes.flatMap(({ t, o }) => o.instances.map((i) => ({ ...i, table: t }))) };
}
function resultOf(check, outcome) {
    if (!outcome.applicable)
        return { check, status: 'not_applicable', evaluated: 0, failed: 0 };
    const evaluated = outcome.instances.filter((i) => i.verdict !== 'unknown');
    const failed = evaluated.filter((i) => i.verdict === 'broken').length;
    const status = failed ? 'fail' : evaluated.length ? 'pass' : 'insufficient_data';
    const rounded = evaluated.filter((i) => i.verdict === 'rounding');
    const rounding = status === 'pass' && rounded.length > 0;
    return { check, status, evaluated: evaluated.length, failed, ...(rounding ? { rounding, note: roundingNote(rounded) } : {}) };
}
/** The rounding note of a check that passed only within rounding: how many, and the widest gap. */
function roundingNote(rounded) {
    const widest = rounded.map((i) => i.gap).reduce((a, b) => (b && (!a || b.diff > a.diff) ? b : a), undefined);
    const where = widest ? `, at most ${new Big(widest.diff).toString()} ${widest.unit} over ${widest.terms} term${widest.terms === 1 ? '' : 's'}` : '';
    return `${rounded.length} comparison${rounded.length === 1 ? '' : 's'} held within rounding (at most half a unit of the last printed place per figure)${where}`;
}
/**
 * Runs every check of data/checks.json over a document. Issues of in-table checks are also
 * appended to their table's `issues`; no printed value is changed.
 */
export function validateDocument(tables, meta, lines) {
    const ctx = { tables, meta, lines };
    const issues = [];
    const checks = [];
    const outcomes = CHECK_DEFS.filter((def) => def.family !== DIAGNOSIS).map((def) => ({ def, outcome: runCheck(def, ctx) }));
    const doubtful = doubtfulTables(outcomes.filter(({ def }) => def.scope === 'table').map(({ outcome }) => outcome));
    for (const [t, counts] of doubtful) {
        const issue = doubtfulIssue(t, counts);
        issues.push(issue);
        t.issues.push(issue);
    }
    const settled = heldToLastPlace(outcomes.map(({ def, outcome }) => ({ def, outcome: { ...outcome, instances: outcome.instances.map((i) => demoted(i, doubtful)) } })));
    const report = (def, outcome) => {
        for (const i of outcome.instances) {
            for (const finding of i.findings) {
                const issue = withFigures(finding.issue, i.covers);
                issues.push(issue);
                finding.table?.issues.push(issue);
            }
        }
        checks.push(resultOf(def.id, outcome));
    };
    for (const { def, outcome } of settled)
        report(def, outcome);
    const failed = settled.flatMap(({ def, outcome }) => outcome.instances.filter((i) => i.verdict === 'broken').map((i) => ({ family: def.family, i })));
    for (const def of CHECK_DEFS.filter((d) => d.family === DIAGNOSIS))
        report(def, diagnose(def, failed));
    const run = checks.filter((c) => c.status !== 'not_applicable').length;
    const held = checks.filter((c) => c.status === 'pass').length;
    const broken = checks.filter((c) => c.status === 'fail').length;
    const evaluated = outcomes.flatMap(({ outcome }) => outcome.instances).filter((i) => i.verdict !== 'unknown' && !(i.table && doubtful.has(i.table)));
    return { issues, validation: { checks, run, held, broken, coverage: coverageOf(tables, evaluated) } };
}
/** The tables' rounding gaps, reported as breaks where the document adds up to its last place (diagnosis.ts). */
function heldToLastPlace(outcomes) {
    const tabular = outcomes.filter(({ def }) => TABULAR.has(def.family)).flatMap(({ outcome }) => outcome.instances);
    const found = gapsToReport(tabular, LAST_PLACE);
    const gaps = new Set(found.gaps);
    if (!gaps.size)
        return outcomes;
    const { exactSums } = found;
    return outcomes.map(({ def, outcome }) => ({ def, outcome: { ...outcome, instances: outcome.instances.map((i) => (gaps.has(i) ? reportedGap(i, exactSums) : i)) } }));
}
/** A diagnosis over the failed comparisons: applicable when there are any it reads; fails when it finds something. */
function diagnose(def, failed) {
    const { considered, findings } = DIAGNOSES[def.id](def, failed);
    if (!considered)
        return { applicable: false, instances: [] };
    const named = findings.map((f) => ({ verdict: 'broken', findings: [f] }));
    const unnamed = Array.from({ length: Math.max(0, considered - named.length) }, () => ({ verdict: 'unknown', findings: [] }));
    return { applicable: true, instances: [...named, ...unnamed] };
}
const figureRef = ({ table, row, measure }) => ({ table: table.type, title: table.title, key: row.key, measure, value: row.values[measure], at: at(row, measure) });
/** A comparison's finding names every printed figure it read, so a reader can find the misprint among them. */
function withFigures(issue, covers) {
    if (!covers?.length)
        return issue;
    const once = covers.filter((f, k) => covers.findIndex((g) => g.row === f.row && g.measure === f.measure) === k);
    return { ...issue, figures: once.map(figureRef) };
}
/**
 * The printed figures of the tables, and those an evaluated comparison read. A table whose
 * reading is doubtful covers nothing: its comparisons do not count.
 */
export function coverageOf(tables, evaluated) {
    const read = new Map();
    for (const f of evaluated.flatMap((i) => i.covers ?? []))
        read.set(f.row, (read.get(f.row) ?? new Set()).add(f.measure));
    let printed = 0;
    const uncovered = [];
    for (const t of tables.filter((x) => !x.empty)) {
        for (const row of printedRows(t)) {
            for (const [measure, value] of Object.entries(row.values)) {
                printed++;
                if (read.get(row)?.has(measure))
                    continue;
                uncovered.push(figureRef({ table: t, row, measure }));
            }
        }
    }
    return { printed, covered: printed - uncovered.length, uncovered };
}
