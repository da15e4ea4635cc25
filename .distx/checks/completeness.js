import { typeOfTitle } from '../tables/detect.js';
import { NOT_APPLICABLE, docIssue, instance, label, requiredFile } from './shared.js';
/**
 * Completeness: the tables the document's own 目录 lists (`toc_tables`), and the minimum set a
 * disclosure of its kind and template prints (`required_tables`, data/required-tables.json). A
 * volume with no table at all (a narrative volume, its tables published apart) is not judged.
 */
// ---------------------------------------------------------------------------------------------
// The 目录: the lines after a `目录` line that name tables.
/** The 目录 line: `目录`, `目 录`, `2025 年单位预算信息公开目录`. */
const TOC_LINE = /目录$/;
/** A 目录 opens within the first pages. */
const TOC_MAX_PAGE = 5;
/** A 目录 runs over at most this many lines, on its page and the next. */
const TOC_MAX_LINES = 80;
/** Numbering before an entry: `第二部分`, `五、`, `(一)`, `1.`, `公开01表`, `表 1:`. */
const NUMBERING = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．]|公开\d+表|表[一二三四五六七八九十\d]+[:：]?|序号)+/;
/** Dot leaders and the page number after them, or a bare trailing page number. */
const LEADER = /(?:[.…·。]{3,}.*|\d+)$/;
/** An entry names a table when it ends in 表 (a printed `(功能科目)` after it aside); `…表说明` is prose. */
const TABLE_ENTRY = /表(?:[(（][^)）]*[)）])?$/;
/** A sentence ends the 目录: the body has begun. */
const SENTENCE = /[。；;]$|[，,].*[，,]/;
const squeeze = (s) => s.replace(/\s+/g, '');
/** Entries of the document's 目录 that name a table of a known type; none without a 目录. */
export function tocEntries(lines) {
    const start = lines.findIndex((l) => (l.at.page ?? 1) <= TOC_MAX_PAGE && TOC_LINE.test(squeeze(l.text)) && squeeze(l.text).length <= 20);
    if (start < 0)
        return [];
    const page = lines[start].at.page;
    const pieces = [];
    const seen = new Set();
    for (const l of lines.slice(start + 1, start + 1 + TOC_MAX_LINES)) {
        const text = squeeze(l.text);
        if (text === '')
            continue;
        // The body starts on a later page, with a sentence, or by repeating an entry (its own heading or a table's title).
        if (page !== undefined && l.at.page !== undefined && l.at.page > page + 1)
            break;
        const numbered = NUMBERING.test(text);
        const entry = text.replace(LEADER, '');
        const name = entry.replace(NUMBERING, '');
        if (SENTENCE.test(text) || seen.has(name))
            break;
        seen.add(name);
        const last = pieces[pieces.length - 1];
        // An unnumbered piece finishes the entry a line break cut (`…培训费支` / `出预算表`).
        if (!numbered && last && !TABLE_ENTRY.test(last.text))
            last.text += entry;
        else
            pieces.push({ text: entry, numbered, at: l.at });
    }
    return pieces.flatMap((p) => {
        const name = p.text.replace(NUMBERING, '').replace(LEADER, '');
        if (!TABLE_ENTRY.test(name))
            return [];
        const type = typeOfTitle(name);
        return type === 'unknown' ? [] : [{ text: p.text, type, at: p.at }];
    });
}
/**
 * Every table the 目录 lists is in the document: entries are matched in order to unused tables of
 * the type their words name, so a 目录 listing two 支出 tables needs two.
 */
function tocTables(ctx, def) {
    const entries = tocEntries(ctx.lines);
    if (!ctx.tables.length || !entries.length)
        return NOT_APPLICABLE;
    const unused = [...ctx.tables];
    const instances = entries.map((e) => {
        // A table typed by the document's set (one standing in for a type it lacks) still answers to its title.
        const byType = unused.findIndex((t) => t.type === e.type);
        const i = byType >= 0 ? byType : unused.findIndex((t) => typeOfTitle(t.title) === e.type);
        if (i >= 0)
            return matched(def, unused.splice(i, 1)[0]);
        const message = `the 目录 lists 「${e.text}」 but no ${e.type} table was found in the document`;
        return instance('broken', [{ issue: { ...docIssue('table_missing', def.severity, def.id, message, e.type), at: e.at } }]);
    });
    return { applicable: true, instances };
}
/** Printed with no figures (表示无数据) is still published: worth a note, not a warning. */
function matched(def, t) {
    if (!t.empty)
        return instance('held');
    const message = `${label(t)} is printed but empty`;
    return instance('held', [{ issue: { ...docIssue('table_empty', 'info', def.id, message, t.type), at: t.at } }]);
}
// ---------------------------------------------------------------------------------------------
// The minimum set by kind and template.
/** The template a document's table titles show (data/required-tables.json `templates`), if any. */
function templateOf(tables, set) {
    return requiredFile.templates.find((tpl) => tpl.set === set && tables.some((t) => new RegExp(tpl.titles).test(squeeze(t.title))));
}
function requiredTables(ctx, def) {
    const set = ctx.meta.kind ? requiredFile.kinds[ctx.meta.kind] : undefined;
    const minimum = set ? requiredFile.sets[set] : undefined;
    if (!set || !minimum || !ctx.tables.length)
        return NOT_APPLICABLE;
    const template = templateOf(ctx.tables, set);
    // A type the 目录 lists is toc_tables' to report: one finding per missing table.
    const listed = new Set(tocEntries(ctx.lines).map((e) => e.type));
    const required = (template?.tables ?? minimum).filter(({ anyOf }) => !anyOf.some((t) => listed.has(t)));
    if (!required.length)
        return NOT_APPLICABLE;
    const what = template ? `a ${ctx.meta.kind} of the ${template.id} template` : `a ${ctx.meta.kind}`;
    const instances = required.map(({ anyOf }) => requirementInstance(ctx, def, anyOf, what));
    return { applicable: true, instances };
}
function requirementInstance(ctx, def, anyOf, what) {
    const found = ctx.tables.filter((t) => anyOf.includes(t.type));
    const names = anyOf.join(' or ');
    if (!found.length) {
        const message = `no ${names} table found: ${what} publishes one`;
        return instance('broken', [{ issue: docIssue('table_missing', def.severity, def.id, message, anyOf[0]) }]);
    }
    return matched(def, found.find((t) => !t.empty) ?? found[0]);
}
/** This family's checks, by id (data/checks.json). */
export const RULES = {
    toc_tables: { scope: 'document', run: tocTables },
    required_tables: { scope: 'document', run: requiredTables },
};
