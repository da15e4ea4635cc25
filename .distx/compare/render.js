import { createHash } from 'node:crypto';
import { writeToString } from '@fast-csv/format';
import { esc, REVIEW_STYLE } from '../export/review.js';
/** A comparison as a CSV (for programs and spreadsheets), a terminal table and a review page. Pure. */
export const COMPARE_HEADERS = [
    'old_document', 'new_document', 'department', 'old_year', 'new_year',
    'table', 'occurrence', 'key', 'name', 'old_name', 'measure', 'status',
    'old_yuan', 'new_yuan', 'change_yuan', 'change_pct', 'prior_yuan', 'prior_disagrees', 'base',
];
const cell = (v) => (v === undefined ? '' : String(v));
export async function comparisonsToCsv(comparisons) {
    const rows = comparisons.flatMap((c) => c.changes.map((x) => [
        c.old.file, c.new.file, c.new.department ?? c.old.department, c.old.year, c.new.year,
        x.table, x.occurrence, x.key, x.name, x.old_name, x.measure, x.status,
        x.old_yuan, x.new_yuan, x.change_yuan, x.change_pct, x.prior_yuan, x.prior_disagrees, x.base,
    ].map(cell)));
    return writeToString(rows, { headers: [...COMPARE_HEADERS], includeEndRowDelimiter: true });
}
/** 元 with thousands separators, decimals only where printed (`12,978,300`, `-0.5`). */
export const yuan = (v) => (v === undefined ? '' : v.toLocaleString('en-US', { maximumFractionDigits: 6 }));
const signed = (v) => (v > 0 ? `+${yuan(v)}` : yuan(v));
const pct = (v) => (v === undefined ? '' : `${v > 0 ? '+' : ''}${v.toFixed(2)}%`);
/** Terminal columns a string takes: CJK characters take two. */
function width(s) {
    let w = 0;
    for (const ch of s)
        w += ch.codePointAt(0) >= 0x2e80 ? 2 : 1;
    return w;
}
function fit(s, max) {
    if (width(s) <= max)
        return s;
    let out = '';
    for (const ch of s) {
        if (width(out + ch) > max - 1)
            break;
        out += ch;
    }
    return `${out}…`;
}
const pad = (s, w, right = false) => (right ? ' '.repeat(Math.max(0, w - width(s))) + s : s + ' '.repeat(Math.max(0, w - width(s))));
const label = (d) => [d.file, [d.department, d.year, d.kind].filter((x) => x !== undefined).join(', ')].filter(Boolean).join(' — ');
/** Longest name a terminal row shows. */
const NAME_WIDTH = 24;
/** Rows the terminal table shows by default: the largest changes; the CSV has them all. */
export const DEFAULT_TEXT_ROWS = 30;
const countsLine = (c) => `${c.changes.length} figures: ${Object.entries(c.counts).map(([s, n]) => `${n} ${s}`).join(', ')}`;
/** What changed, largest first, as aligned columns; `rows` limits how many (the CSV has all). */
export function comparisonToText(c, rows = DEFAULT_TEXT_ROWS) {
    const y0 = c.old.year === undefined ? 'old' : String(c.old.year);
    const y1 = c.new.year === undefined ? 'new' : String(c.new.year);
    const shown = c.changes.filter((x) => x.status !== 'unchanged').slice(0, rows);
    const table = [
        ['table', 'key', 'name', 'measure', `${y0} 元`, `${y1} 元`, 'change 元', '%', 'status'],
        ...shown.map((x) => [
            x.occurrence > 1 ? `${x.table}#${x.occurrence}` : x.table,
            fit(x.key, 22),
            fit(x.old_name ? `${x.old_name} → ${x.name}` : x.name, NAME_WIDTH),
            x.measure,
            yuan(x.old_yuan ?? x.prior_yuan),
            yuan(x.new_yuan),
            signed(x.change_yuan),
            pct(x.change_pct),
            x.status + (x.prior_disagrees ? ' (上年 figure differs)' : ''),
        ]),
    ];
    const widths = table[0].map((_, k) => Math.max(...table.map((r) => width(r[k]))));
    const numeric = new Set([4, 5, 6, 7]);
    const lines = table.map((r) => r.map((s, k) => pad(s, widths[k], numeric.has(k))).join('  ').trimEnd());
    const unchangedLeft = c.changes.filter((x) => x.status !== 'unchanged').length - shown.length;
    return [
        `${label(c.old)}  →  ${label(c.new)}`,
        countsLine(c),
        ...c.notes.map((n) => `note: ${n}`),
        ...c.unmatched_tables.map((t) => `note: ${t.table} (${t.title}) has figures only in the ${t.side === 'old' ? 'older' : 'newer'} document`),
        '',
        ...lines,
        ...(unchangedLeft > 0 ? [`… ${unchangedLeft} smaller changes (all figures: the CSV or --json)`] : []),
        '',
    ].join('\n');
}
const COMPARE_STYLE = `${REVIEW_STYLE}
tr.added td.st{color:#2e7d32}tr.removed td.st{color:var(--bad)}tr.renamed{background:var(--warnbg)}
td.up{color:#2e7d32}td.down{color:var(--bad)}td.old{color:#555}
.disagree{background:var(--badbg)}
`;
/** The only thing the page runs is its style, admitted by hash; no script at all. */
const POLICY = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(COMPARE_STYLE, 'utf8').digest('base64')}'; base-uri 'none'; form-action 'none'`;
function changeRow(x) {
    const dir = x.change_yuan > 0 ? 'up' : x.change_yuan < 0 ? 'down' : '';
    return `<tr class="${x.status}"><td>${esc(x.table)}${x.occurrence > 1 ? ` #${x.occurrence}` : ''}</td><td class="key">${esc(x.key)}</td><td class="name">${esc(x.name)}${x.old_name ? `<small>was ${esc(x.old_name)}</small>` : ''}</td><td>${esc(x.measure)}</td><td class="n old">${esc(yuan(x.old_yuan))}</td><td class="n">${esc(yuan(x.new_yuan))}</td><td class="n ${dir}">${esc(signed(x.change_yuan))}</td><td class="n ${dir}">${esc(pct(x.change_pct))}</td><td class="n${x.prior_disagrees ? ' disagree' : ''}">${esc(yuan(x.prior_yuan))}</td><td class="st">${esc(x.status)}</td></tr>`;
}
function comparisonHtml(c) {
    const y0 = c.old.year ?? 'older';
    const y1 = c.new.year ?? 'newer';
    const notes = [...c.notes, ...c.unmatched_tables.map((t) => `${t.table} (${t.title}) has figures only in the ${t.side === 'old' ? 'older' : 'newer'} document`)];
    return `<section>
<h2>${esc(c.new.department ?? c.old.department ?? c.new.file)}: ${esc(y0)} → ${esc(y1)}</h2>
<dl class="doc"><dt>${esc(y0)}</dt><dd>${esc(label(c.old))}</dd><dt>${esc(y1)}</dt><dd>${esc(label(c.new))}</dd></dl>
<p class="meta">${esc(countsLine(c))}. Amounts in 元, each converted from its own table's unit; largest changes first.</p>
${notes.length ? `<ul class="issues">${notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : ''}
<div class="scroll"><table><thead><tr><th>table</th><th>key</th><th>name</th><th>measure</th><th>${esc(y0)} 元</th><th>${esc(y1)} 元</th><th>change 元</th><th>%</th><th>上年 printed in ${esc(y1)}</th><th>status</th></tr></thead>
<tbody>
${c.changes.map(changeRow).join('\n')}
</tbody></table></div>
</section>`;
}
/**
 * One self-contained page for the comparisons: the two years side by side, largest changes first,
 * renamed codes highlighted. Inert: all text escaped, no script, a policy admitting only its style.
 */
export function comparisonsToHtml(comparisons) {
    return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Year-on-year changes</title>
<style>${COMPARE_STYLE}</style>
</head>
<body>
<h1>Year-on-year changes</h1>
${comparisons.map(comparisonHtml).join('\n')}
</body>
</html>
`;
}
