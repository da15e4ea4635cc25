import { headingDepartment, sameDepartment } from '../normalize/meta.js';
import { NOT_APPLICABLE, docIssue, instance, label } from './shared.js';
/**
 * Document hygiene: what a careful reader notices before any sum. A table titled with another
 * budget year than the document's (`2024年部门预算…` in a 2025 volume), and template placeholders
 * left in headings or titles (`上海市XX局`, `XXXX年`). Warnings: they say the document was edited
 * carelessly, not that a figure is wrong.
 */
/** A year printed as the budget's year: beside 预算/决算 (`2024年部门收支预算总表`), not `冀财社[2023]225号`. */
const BUDGET_YEAR = /(20\d{2})年度?[^\d。，,;；]{0,20}?(?:预算|决算)/g;
/** A template placeholder: two or more X where a name or a year belongs. */
const PLACEHOLDER = /[XＸ×]{2,}(?:局|委|厅|院|办|中心|部门|单位|年|月|日)|[XＸ]{4}/;
/** Headings are short lines; prose may quote a placeholder legitimately (a 名词解释). */
const HEADING = /^[^。，,；;]{2,40}$/;
/** A code or an amount: the line is a table row, not a heading. */
const TABLE_ROW = /\d{5,}|\d\.\d/;
/** Words a heading may open with before the department: `第二部分`, `2019年`. */
const LEADING_WORDS = /^(?:第[一二三四五六七八九十\d]{1,3}部分|(?:20\d{2})年度?)+/;
const squeeze = (s) => s.replace(/\s+/g, '');
function titleYear(ctx, def) {
    const year = ctx.meta.year;
    const titled = ctx.tables.filter((t) => [...squeeze(t.title).matchAll(BUDGET_YEAR)].length);
    if (year === undefined || !titled.length)
        return NOT_APPLICABLE;
    return { applicable: true, instances: titled.map((t) => titleYearInstance(t, year, def)) };
}
function titleYearInstance(t, year, def) {
    const other = [...squeeze(t.title).matchAll(BUDGET_YEAR)].map((m) => Number(m[1])).find((y) => y !== year);
    if (other === undefined)
        return instance('held');
    const message = `${label(t)} is titled with the year ${other}; the document is the ${year} one`;
    return instance('broken', [{ issue: { ...docIssue('hygiene', def.severity, def.id, message, t.type), at: t.at } }]);
}
const headingsOf = (ctx) => [
    ...ctx.lines.map((l) => ({ text: squeeze(l.text), at: l.at })).filter((h) => HEADING.test(h.text)),
    ...ctx.tables.map((t) => ({ text: squeeze(t.title), at: t.at })),
];
function placeholderText(ctx, def) {
    const headings = headingsOf(ctx);
    if (!headings.length)
        return NOT_APPLICABLE;
    const left = headings.filter((h) => PLACEHOLDER.test(h.text));
    if (!left.length)
        return { applicable: true, instances: [instance('held')] };
    return {
        applicable: true,
        instances: left.map((h) => {
            const message = `the heading "${h.text}" still carries a template placeholder (${PLACEHOLDER.exec(h.text)[0]})`;
            return instance('broken', [{ issue: { ...docIssue('hygiene', def.severity, def.id, message), at: h.at } }]);
        }),
    };
}
/**
 * A heading or table title that opens with another department's name than the document's (a
 * title copied from another department's volume). Placeholders are placeholder_text's.
 */
function titleDepartment(ctx, def) {
    const department = ctx.meta.department;
    const named = headingsOf(ctx).flatMap((h) => {
        // A table row (`2040599 其他法院支出 630.00`) is no heading; a part number or a leading year is no name.
        if (TABLE_ROW.test(h.text))
            return [];
        const name = headingDepartment(h.text.replace(LEADING_WORDS, ''));
        return name && !PLACEHOLDER.test(name) ? [{ ...h, name }] : [];
    });
    if (!department || !named.length)
        return NOT_APPLICABLE;
    return {
        applicable: true,
        instances: named.map((h) => {
            if (sameDepartment(h.name, department))
                return instance('held');
            const message = `the heading "${h.text}" names ${h.name}; the document is ${department}'s`;
            return instance('broken', [{ issue: { ...docIssue('hygiene', def.severity, def.id, message), at: h.at } }]);
        }),
    };
}
/** This family's checks, by id (data/checks.json). */
export const RULES = {
    title_year: { scope: 'document', run: titleYear },
    placeholder_text: { scope: 'document', run: placeholderText },
    title_department: { scope: 'document', run: titleDepartment },
};
