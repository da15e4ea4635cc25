import { createHash } from 'node:crypto';
import { allIssues, formatAt, linesOf } from './where.js';
/** Longest stretch of a source line the page embeds; a table row is far shorter. */
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text safe inside an element and inside a quoted attribute. */
export const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
/** Amounts as disclosures print them: thousands separated, at least two decimals. */
const num = (v) => v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 6 });
// ---------------------------------------------------------------------------------------------
// Source lines
/** Line numbers the document cites: every table's printed range, every row, value and issue. */
export function citedLines(doc) {
    const out = new Set();
    const add = (at) => {
        if (at?.line !== undefined)
            out.add(at.line);
    };
    for (const t of doc.tables) {
        if (t.lines)
            for (let n = t.lines[0]; n <= t.lines[1]; n++)
                out.add(n);
        add(t.at);
        for (const r of linesOf(t)) {
            add(r.at);
            Object.values(r.sources).forEach(add);
        }
    }
    allIssues(doc).forEach((i) => add(i.at));
    return out;
}
const push = (map, key, issue) => {
    map.set(key, [...(map.get(key) ?? []), issue]);
};
const sameAt = (a, b) => a.file === b.file &&
    (a.line !== undefined
        ? a.line === b.line
        : a.page === b.page && JSON.stringify(a.bbox) === JSON.stringify(b.bbox) && a.sheet === b.sheet && a.table === b.table && a.cell === b.cell);
/** The tables an issue names: by type, narrowed by its location when the type occurs twice. */
function tablesOf(doc, issue) {
    const ofType = doc.tables.flatMap((t, k) => (t.type === issue.table ? [k] : []));
    const at = issue.at;
    if (ofType.length < 2 || !at)
        return ofType;
    const inside = ofType.filter((k) => {
        const t = doc.tables[k];
        if (at.line !== undefined && t.lines)
            return at.line >= t.lines[0] && at.line <= t.lines[1];
        return at.page !== undefined && t.pages.includes(at.page);
    });
    return inside.length ? inside : ofType;
}
/** Issues placed on the cells, rows and tables they concern (issues carry table, key, measure). */
export function marksOf(doc, issues = allIssues(doc)) {
    const marks = { cells: new Map(), rows: new Map(), tables: new Map(), terms: new Map() };
    for (const issue of issues) {
        if (issue.severity === 'error')
            markTerms(doc, issue, marks);
        if (!issue.table) {
            // Issues without a table (low OCR confidence) are placed by where they were printed.
            if (issue.at)
                placeByLocation(doc, issue, marks);
            continue;
        }
        for (const t of tablesOf(doc, issue)) {
            if (issue.key === undefined) {
                push(marks.tables, t, issue);
                continue;
            }
            linesOf(doc.tables[t]).forEach((r, k) => {
                if (r.key !== issue.key)
                    return;
                if (issue.measure !== undefined && issue.measure in r.values)
                    push(marks.cells, `${t}|${k}|${issue.measure}`, issue);
                else
                    push(marks.rows, `${t}|${k}`, issue);
            });
        }
    }
    return marks;
}
/** The cells of the figures a failed comparison read (issue.figures), besides the one it is reported on: the misprint is among them. */
function markTerms(doc, issue, marks) {
    for (const f of issue.figures ?? []) {
        if (f.table === issue.table && f.key === issue.key && f.measure === issue.measure)
            continue;
        doc.tables.forEach((t, ti) => {
            if (t.type !== f.table || t.title !== f.title)
                return;
            linesOf(t).forEach((r, k) => {
                if (r.key === f.key && r.values[f.measure] === f.value)
                    push(marks.terms, `${ti}|${k}|${f.measure}`, issue);
            });
        });
    }
}
function placeByLocation(doc, issue, marks) {
    doc.tables.forEach((t, ti) => linesOf(t).forEach((r, k) => {
        for (const [m, at] of Object.entries(r.sources))
            if (sameAt(at, issue.at))
                push(marks.cells, `${ti}|${k}|${m}`, issue);
    }));
}
// ---------------------------------------------------------------------------------------------
// HTML pieces
const SEVERITY_CLASS = { error: 'broken', warning: 'warn', info: 'note' };
/** The classes an issue puts on its cell: severity, and what was done to the value. */
function issueClasses(issues) {
    const classes = new Set();
    for (const i of issues) {
        classes.add(SEVERITY_CLASS[i.severity]);
        if (i.kind === 'code_repaired')
            classes.add('repaired');
        if (i.kind === 'low_confidence')
            classes.add('lowconf');
    }
    return [...classes];
}
/** One line of an issue for a tooltip or the detail panel: check, message, expected and found. */
export function issueText(i) {
    const figures = i.expected !== undefined || i.found !== undefined ? ` [expected ${i.expected ?? '?'}, found ${i.found ?? '?'}]` : '';
    const printed = i.printed !== undefined ? ` [printed ${i.printed}]` : '';
    return `${i.severity} ${i.kind}${i.check ? ` (${i.check})` : ''}: ${i.message}${figures}${printed}`;
}
/** Attributes that make a cell traceable: where it was printed, that line's text, its issues. */
function traceAttrs(at, issues, lines) {
    const loc = formatAt(at);
    const text = at?.line !== undefined ? lines?.get(at.line) : undefined;
    const title = [loc, text, ...issues.map(issueText)].filter((s) => s !== undefined && s !== '').join('\n');
    const attrs = [`data-loc="${esc(loc)}"`, `title="${esc(title)}"`];
    if (at?.line !== undefined)
        attrs.push(`data-line="${at.line}"`);
    if (at?.page !== undefined && at.bbox)
        attrs.push(`data-page="${at.page}" data-bbox="${at.bbox.join(',')}"`);
    if (issues.length)
        attrs.push(`data-issues="${esc(issues.map(issueText).join('\n'))}"`);
    return attrs.join(' ');
}
/** A value cell: the number, and for a broken identity the figure the check expected; a figure a failed comparison read is outlined. */
function valueCell(id, value, at, issues, terms, lines) {
    if (value === undefined)
        return '<td class="blank"></td>';
    const classes = ['v', ...issueClasses(issues), ...(terms.length ? ['term'] : [])];
    const expected = issues.find((i) => i.expected !== undefined && i.kind === 'identity_broken');
    const note = expected ? `<small>expected ${esc(num(expected.expected))}</small>` : '';
    return `<td id="${id}" class="${classes.join(' ')}" tabindex="0" ${traceAttrs(at, [...issues, ...terms], lines)}>${esc(num(value))}${note}</td>`;
}
/** Measures in printed column order, then any a row has beyond the header (never dropped). */
function measuresOf(t) {
    const out = t.columns.map((c) => c.measure);
    for (const r of linesOf(t))
        for (const m of Object.keys(r.values))
            if (!out.includes(m))
                out.push(m);
    return out;
}
export const cellId = (t, r, m) => `c${t}-${r}-${m.replace(/[^A-Za-z0-9_]/g, '_')}`;
function rowHtml(t, k, r, measures, marks, lines) {
    const rowIssues = marks.rows.get(`${t}|${k}`) ?? [];
    const cellIssues = measures.map((m) => marks.cells.get(`${t}|${k}|${m}`) ?? []);
    const cellTerms = measures.map((m) => marks.terms.get(`${t}|${k}|${m}`) ?? []);
    const problem = rowIssues.length > 0 || cellIssues.some((x) => x.length) || cellTerms.some((x) => x.length);
    const keyClasses = ['key', ...issueClasses(rowIssues)].join(' ');
    const name = r.name || (r.raw ?? []).join(' ');
    const cells = measures.map((m, c) => valueCell(cellId(t, k, m), r.values[m], r.sources[m] ?? r.at, cellIssues[c], cellTerms[c], lines));
    const derived = r.derived ? ' <span class="tag">derived</span>' : '';
    const html = `<tr class="${problem ? 'problem' : 'ok'}">` +
        `<td class="${keyClasses}" tabindex="0" ${traceAttrs(r.at, rowIssues, lines)}>${esc(r.key)}</td>` +
        `<td class="kind">${esc(r.kind)}</td><td class="name">${esc(name)}${derived}</td>${cells.join('')}</tr>`;
    return { html, problem };
}
/** A source line; its number is drawn by CSS, so the element's text is the line's text alone. */
const lineHtml = (n, text) => `<span class="ln" id="L${n}" data-n="${n}">${esc(text)}</span>`;
function printedHtml(t, lines) {
    if (!t.lines || !lines)
        return '';
    const [from, to] = t.lines;
    const body = [];
    for (let n = from; n <= to; n++)
        if (lines.has(n))
            body.push(lineHtml(n, lines.get(n)));
    return `<details class="printed"><summary>As printed: lines ${from}–${to}</summary><pre>${body.join('\n')}</pre></details>`;
}
function where(t) {
    if (t.lines && t.at.line !== undefined)
        return `${t.at.file}, lines ${t.lines[0]}–${t.lines[1]}`;
    return `${t.at.file}${t.pages.length ? `, page${t.pages.length > 1 ? 's' : ''} ${t.pages.join(', ')}` : ''}`;
}
function tableHtml(doc, t, marks, lines) {
    const table = doc.tables[t];
    const measures = measuresOf(table);
    const tableIssues = marks.tables.get(t) ?? [];
    const rows = linesOf(table).map((r, k) => rowHtml(t, k, r, measures, marks, lines));
    const problems = tableIssues.length > 0 || rows.some((r) => r.problem);
    const head = measures.map((m) => {
        const col = table.columns.find((c) => c.measure === m);
        const title = col ? [col.path.join(' / '), col.children.length ? `= ${col.children.join(' + ')}` : ''].filter(Boolean).join(' ') : 'not in the header';
        return `<th title="${esc(title)}">${esc(m)}</th>`;
    });
    const notes = tableIssues.map((i) => `<li class="${SEVERITY_CLASS[i.severity]}">${esc(issueText(i))}</li>`).join('');
    const body = table.empty || !table.rows.length ? '<p class="empty">Printed empty (no data rows).</p>' : `<div class="scroll"><table class="data"><thead><tr><th>key</th><th>kind</th><th>name</th>${head.join('')}</tr></thead><tbody>${rows.map((r) => r.html).join('')}</tbody></table></div>`;
    return (`<section class="tbl${problems ? ' has-problems' : ''}" id="t${t}">` +
        `<h2>${esc(table.title)}</h2>` +
        `<p class="meta"><span class="tag">${esc(table.type)}</span> unit ${esc(table.unit)} · ${esc(where(table))} · ${table.rows.length} rows</p>` +
        (notes ? `<ul class="issues">${notes}</ul>` : '') +
        body +
        printedHtml(table, lines) +
        '</section>');
}
function requiredTablesHtml(doc, issues) {
    const check = doc.validation.checks.find((c) => c.check === 'required_tables');
    const missing = issues.filter((i) => i.kind === 'table_missing');
    const empty = issues.filter((i) => i.kind === 'table_empty');
    const found = check ? `${check.evaluated - check.failed} of ${check.evaluated} required tables found` : 'required tables not checked';
    const status = check ? `<span class="status ${check.status}">${esc(check.status)}</span>` : '';
    const list = [...missing, ...empty].map((i) => `<li class="${SEVERITY_CLASS[i.severity]}">${esc(i.message)}</li>`).join('');
    return `<p>${doc.tables.length} tables extracted; ${esc(found)} ${status}</p>${list ? `<ul class="issues">${list}</ul>` : ''}`;
}
function checksHtml(doc) {
    const v = doc.validation;
    const rows = v.checks
        .map((c) => `<tr class="${c.status === 'fail' ? 'problem' : 'ok'}"><td>${esc(c.check)}</td><td><span class="status ${esc(c.status)}">${esc(c.status)}</span>${c.rounding ? ' <span class="tag">rounding</span>' : ''}</td><td class="n">${c.evaluated}</td><td class="n">${c.failed}</td></tr>`)
        .join('');
    return `<p>Checks: ${v.run} run, ${v.held} held, <b class="${v.broken ? 'bad' : ''}">${v.broken} broken</b>.</p>${coverageHtml(v.coverage)}<table class="checks"><thead><tr><th>check</th><th>status</th><th>evaluated</th><th>failed</th></tr></thead><tbody>${rows}</tbody></table>`;
}
/** What "held" covered: the printed figures under a check, and those under none. */
function coverageHtml(c) {
    if (!c)
        return '';
    const list = c.uncovered.map((f) => `<li>${esc(f.table)} 《${esc(f.title)}》 ${esc(f.key)} ${esc(f.measure)}: ${esc(f.value)}</li>`).join('');
    return `<p>Coverage: ${c.covered} of ${c.printed} printed figures are compared by at least one check${c.uncovered.length ? `; ${c.uncovered.length} by none:` : '.'}</p>${list ? `<ul class="issues">${list}</ul>` : ''}`;
}
/** Every issue, each linking to the first cell or table it marks. */
function issuesHtml(issues, marks) {
    const target = new Map();
    for (const [key, issues] of marks.cells) {
        const [t, r, m] = key.split('|');
        for (const i of issues)
            if (!target.has(i))
                target.set(i, cellId(Number(t), Number(r), m));
    }
    for (const [key, issues] of marks.rows)
        for (const i of issues)
            if (!target.has(i))
                target.set(i, `t${key.split('|')[0]}`);
    for (const [t, issues] of marks.tables)
        for (const i of issues)
            if (!target.has(i))
                target.set(i, `t${t}`);
    const items = issues.map((i) => {
        const link = target.get(i);
        const loc = formatAt(i.at);
        const text = `${esc(issueText(i))}${loc ? ` <span class="loc">${esc(loc)}</span>` : ''}`;
        return `<li class="${SEVERITY_CLASS[i.severity]}">${link ? `<a href="#${link}">${text}</a>` : text}</li>`;
    });
    return items.length ? `<ul class="issues all">${items.join('')}</ul>` : '<p>No issues.</p>';
}
/** Cited lines outside every table (prose the narrative checks quote), so each is shown somewhere. */
function otherLinesHtml(doc, lines) {
    if (!lines)
        return '';
    const inTable = (n) => doc.tables.some((t) => t.lines !== undefined && n >= t.lines[0] && n <= t.lines[1]);
    const rest = [...lines.keys()].filter((n) => !inTable(n)).sort((a, b) => a - b);
    if (!rest.length)
        return '';
    const body = rest.map((n) => lineHtml(n, lines.get(n))).join('\n');
    return `<section><h2>Other cited lines</h2><pre>${body}</pre></section>`;
}
function metaHtml(doc) {
    const d = doc.document;
    const s = doc.source;
    const items = [
        ['department', d.department],
        ['year', d.year],
        ['kind', d.kind],
        ['unit', d.unit],
        ['file', s.file],
        ['input', `${s.kind}, ${s.pages} page${s.pages === 1 ? '' : 's'}`],
        ['part', s.part ? `unit ${s.part.index} of ${s.part.of} in a county bundle` : undefined],
        ['sha256', s.sha256],
    ];
    return `<dl class="doc">${items
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => `<dt>${k}</dt><dd>${esc(v)}</dd>`)
        .join('')}</dl>`;
}
// ---------------------------------------------------------------------------------------------
// The page
/** The page's only style. Classes only: inline style attributes would need 'unsafe-inline'. */
export const REVIEW_STYLE = `
:root{--bad:#c62828;--badbg:#fdecea;--warn:#8a6d00;--warnbg:#fff6d6;--note:#555;--line:#ddd}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:1400px;padding:1rem 1.5rem 6rem;color:#222}
h1{font-size:1.4rem;margin:.2rem 0 .6rem}h2{font-size:1.1rem;margin:1.6rem 0 .2rem}
dl.doc{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:0 0 1rem}dt{color:#666}dd{margin:0;word-break:break-all}
.bar{position:sticky;top:0;background:#fff;border-bottom:1px solid var(--line);padding:.4rem 0;z-index:2}
.tag{display:inline-block;border:1px solid var(--line);border-radius:3px;padding:0 .3rem;font-size:.8rem;color:#555}
.meta{color:#555;margin:.1rem 0 .4rem}.loc{color:#777;font-size:.85em}
.scroll{overflow-x:auto}
table{border-collapse:collapse}th,td{border:1px solid var(--line);padding:.15rem .4rem;vertical-align:top}
th{background:#f6f6f6;font-weight:600;font-size:.85rem;position:sticky;top:0}
td.v,td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.v,td.key{cursor:pointer}td.v:hover,td.key:hover,td.v:focus,td.key:focus{outline:2px solid #1565c0}
td.kind{color:#777;font-size:.85em}td.name{min-width:12em}td small{display:block;font-size:.75rem;color:var(--bad)}
.broken{background:var(--badbg);color:var(--bad);font-weight:600}
.warn{background:var(--warnbg)}.note{color:var(--note)}
.term{outline:1px dashed var(--bad);outline-offset:-2px}.repaired{box-shadow:inset 3px 0 0 #6a1b9a}.lowconf{text-decoration:underline dotted var(--warn)}
.status.pass{color:#2e7d32}.status.fail,.bad{color:var(--bad)}.status.not_applicable,.status.insufficient_data{color:#777}
ul.issues{margin:.3rem 0;padding-left:1.2rem}ul.issues li.broken{background:none;font-weight:400}ul.issues a{color:inherit}
.empty{color:#777;font-style:italic}
details.printed{margin:.4rem 0}pre{background:#fafafa;border:1px solid var(--line);padding:.4rem;overflow-x:auto;font-size:12px}
.ln{display:block}.ln::before{content:attr(data-n);display:inline-block;min-width:3.5em;color:#999}.ln.hit{background:#fff59d}
#detail{position:fixed;left:0;right:0;bottom:0;background:#263238;color:#eceff1;padding:.6rem 1.5rem;font-size:13px;max-height:40vh;overflow:auto;z-index:3}
#detail[hidden]{display:none}#detail-crop{position:relative;overflow:hidden;height:180px;background:#fff;margin:.3rem 0}#detail-crop[hidden]{display:none}
#detail-crop img{position:absolute;max-width:none}#detail-crop .box{position:absolute;outline:2px solid #e53935;outline-offset:1px}#detail pre{background:#37474f;color:#fff;border:0;white-space:pre-wrap;margin:.3rem 0}#detail button{float:right}
body.only-problems tr.ok,body.only-problems section.tbl:not(.has-problems){display:none}
`;
/**
 * The page's only script: the problems filter, and the detail panel showing where a clicked value
 * was printed. It reads the page, never writes markup (textContent only), and fetches nothing.
 */
export const REVIEW_SCRIPT = `
(function () {
  var panel = document.getElementById('detail');
  var where = document.getElementById('detail-loc');
  var line = document.getElementById('detail-line');
  var issues = document.getElementById('detail-issues');
  var crop = document.getElementById('detail-crop');
  var lit = null;
  // A PDF value: its page's image (embedded once, in a template) placed so the value's box sits
  // in the middle of the crop, with a frame around the box.
  function showCrop(cell) {
    crop.textContent = '';
    var page = cell.getAttribute('data-page');
    var tpl = page ? document.getElementById('P' + page) : null;
    crop.hidden = !tpl;
    if (!tpl) return;
    var img = tpl.content.firstElementChild.cloneNode(true);
    var s = Number(img.getAttribute('data-scale'));
    var b = (cell.getAttribute('data-bbox') || '').split(',').map(Number);
    var left = crop.clientWidth / 2 - ((b[0] + b[2]) / 2) * s;
    var top = crop.clientHeight / 2 - ((b[1] + b[3]) / 2) * s;
    img.style.left = left + 'px';
    img.style.top = top + 'px';
    var box = document.createElement('div');
    box.className = 'box';
    box.style.left = (left + b[0] * s) + 'px';
    box.style.top = (top + b[1] * s) + 'px';
    box.style.width = ((b[2] - b[0]) * s) + 'px';
    box.style.height = ((b[3] - b[1]) * s) + 'px';
    crop.appendChild(img);
    crop.appendChild(box);
  }
  function show(cell) {
    where.textContent = cell.getAttribute('data-loc') || '';
    var n = cell.getAttribute('data-line');
    var src = n ? document.getElementById('L' + n) : null;
    line.textContent = src ? n + ': ' + src.textContent : (n ? 'line ' + n + ' (source text not embedded)' : '');
    line.hidden = !line.textContent;
    issues.textContent = cell.getAttribute('data-issues') || '';
    issues.hidden = !issues.textContent;
    panel.hidden = false;
    showCrop(cell);
    if (lit) lit.classList.remove('hit');
    lit = src;
    if (lit) lit.classList.add('hit');
    panel.hidden = false;
  }
  document.addEventListener('click', function (e) {
    var cell = e.target.closest && e.target.closest('[data-loc]');
    if (cell) show(cell);
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && e.target.getAttribute && e.target.getAttribute('data-loc') !== null) show(e.target);
    if (e.key === 'Escape') panel.hidden = true;
  });
  document.getElementById('detail-close').addEventListener('click', function () { panel.hidden = true; });
  document.getElementById('only-problems').addEventListener('change', function (e) {
    document.body.classList.toggle('only-problems', e.target.checked);
  });
})();
`;
const sha256Source = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
/** The policy admitting exactly this page's inline script and style, by hash (no `"` or `<`: written unescaped). */
export function contentSecurityPolicy(script, style) {
    return `default-src 'none'; script-src ${sha256Source(script)}; style-src ${sha256Source(style)}; img-src data:; base-uri 'none'; form-action 'none'`;
}
/** Each rendered page once, inert until a value on it is shown. */
function pagesHtml(images) {
    if (!images)
        return '';
    return [...images]
        .map(([n, i]) => `<template id="P${n}"><img src="${esc(i.src)}" width="${i.width}" height="${i.height}" data-scale="${i.scale}" alt="page ${n}"></template>`)
        .join('\n');
}
export function documentToReviewHtml(doc, options = {}) {
    const lines = options.sourceLines;
    // One list, so the issues placed on cells are the very objects the issue list links from.
    const issues = allIssues(doc);
    const marks = marksOf(doc, issues);
    const d = doc.document;
    const heading = [d.department ?? doc.source.file, d.year, d.kind].filter((x) => x !== undefined).join(' · ');
    const problems = issues.length;
    return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(REVIEW_SCRIPT, REVIEW_STYLE)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`Review: ${heading}`)}</title>
<style>${REVIEW_STYLE}</style>
</head>
<body>
<h1>${esc(heading)}</h1>
${metaHtml(doc)}
<div class="bar"><label><input type="checkbox" id="only-problems"> show only problems</label> · ${problems} issue${problems === 1 ? '' : 's'} · click a value for where it was printed</div>
<section><h2>Summary</h2>${requiredTablesHtml(doc, issues)}${checksHtml(doc)}</section>
<section><h2>Issues</h2>${issuesHtml(issues, marks)}</section>
${doc.tables.map((_, t) => tableHtml(doc, t, marks, lines)).join('\n')}
${otherLinesHtml(doc, lines)}
<div id="detail" hidden><button type="button" id="detail-close">close</button><div id="detail-loc"></div><div id="detail-crop" hidden></div><pre id="detail-line" hidden></pre><pre id="detail-issues" hidden></pre></div>
${pagesHtml(options.pageImages)}
<script>${REVIEW_SCRIPT}</script>
</body>
</html>
`;
}
