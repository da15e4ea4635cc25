import type { BudgetDocument, Issue, PageImage } from '../model.js';
/**
 * The review page: one self-contained HTML file per document for the person who checks an
 * extraction against the disclosure. Every value says where it was printed (line and its text for
 * text input, page and box for PDF), broken identities are marked on the cells they concern with
 * the figures the check expected, and a filter leaves only the problems.
 *
 * The page is inert whatever the disclosure prints: all extracted text is HTML-escaped, the only
 * script and style are the constants below, and a Content-Security-Policy admits exactly those
 * (by hash), no other script, style, font, frame, connection or image but data: URLs. No network,
 * no external assets. Pure: the document (and the source lines the caller read) in, a string out.
 */
export interface ReviewOptions {
    /**
     * Decoded lines of a text input by 1-based number, as the extractor numbered them (see
     * `sourceLinesOf`): the page shows each value's line, and each table as printed.
     */
    sourceLines?: Map<number, string>;
    /**
     * Rendered pages of a PDF input by number (see `pageImagesOf`): a clicked value shows a crop of
     * its page around its box. Each page is embedded once, in a <template>, decoded only when shown.
     */
    pageImages?: Map<number, PageImage>;
}
/** Text safe inside an element and inside a quoted attribute. */
export declare const esc: (s: string | number | undefined) => string;
/** Line numbers the document cites: every table's printed range, every row, value and issue. */
export declare function citedLines(doc: BudgetDocument): Set<number>;
/** Where an issue shows: on value cells (`t|r|measure`), on rows (`t|r`), on tables (`t`); `terms`: the other figures its comparison read. */
export interface Marks {
    cells: Map<string, Issue[]>;
    rows: Map<string, Issue[]>;
    tables: Map<number, Issue[]>;
    terms: Map<string, Issue[]>;
}
/** Issues placed on the cells, rows and tables they concern (issues carry table, key, measure). */
export declare function marksOf(doc: BudgetDocument, issues?: Issue[]): Marks;
/** One line of an issue for a tooltip or the detail panel: check, message, expected and found. */
export declare function issueText(i: Issue): string;
export declare const cellId: (t: number, r: number, m: string) => string;
/** The page's only style. Classes only: inline style attributes would need 'unsafe-inline'. */
export declare const REVIEW_STYLE = "\n:root{--bad:#c62828;--badbg:#fdecea;--warn:#8a6d00;--warnbg:#fff6d6;--note:#555;--line:#ddd}\nbody{font:14px/1.45 system-ui,-apple-system,\"Segoe UI\",\"Noto Sans CJK SC\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif;margin:0 auto;max-width:1400px;padding:1rem 1.5rem 6rem;color:#222}\nh1{font-size:1.4rem;margin:.2rem 0 .6rem}h2{font-size:1.1rem;margin:1.6rem 0 .2rem}\ndl.doc{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:0 0 1rem}dt{color:#666}dd{margin:0;word-break:break-all}\n.bar{position:sticky;top:0;background:#fff;border-bottom:1px solid var(--line);padding:.4rem 0;z-index:2}\n.tag{display:inline-block;border:1px solid var(--line);border-radius:3px;padding:0 .3rem;font-size:.8rem;color:#555}\n.meta{color:#555;margin:.1rem 0 .4rem}.loc{color:#777;font-size:.85em}\n.scroll{overflow-x:auto}\ntable{border-collapse:collapse}th,td{border:1px solid var(--line);padding:.15rem .4rem;vertical-align:top}\nth{background:#f6f6f6;font-weight:600;font-size:.85rem;position:sticky;top:0}\ntd.v,td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\ntd.v,td.key{cursor:pointer}td.v:hover,td.key:hover,td.v:focus,td.key:focus{outline:2px solid #1565c0}\ntd.kind{color:#777;font-size:.85em}td.name{min-width:12em}td small{display:block;font-size:.75rem;color:var(--bad)}\n.broken{background:var(--badbg);color:var(--bad);font-weight:600}\n.warn{background:var(--warnbg)}.note{color:var(--note)}\n.term{outline:1px dashed var(--bad);outline-offset:-2px}.repaired{box-shadow:inset 3px 0 0 #6a1b9a}.lowconf{text-decoration:underline dotted var(--warn)}\n.status.pass{color:#2e7d32}.status.fail,.bad{color:var(--bad)}.status.not_applicable,.status.insufficient_data{color:#777}\nul.issues{margin:.3rem 0;padding-left:1.2rem}ul.issues li.broken{background:none;font-weight:400}ul.issues a{color:inherit}\n.empty{color:#777;font-style:italic}\ndetails.printed{margin:.4rem 0}pre{background:#fafafa;border:1px solid var(--line);padding:.4rem;overflow-x:auto;font-size:12px}\n.ln{display:block}.ln::before{content:attr(data-n);display:inline-block;min-width:3.5em;color:#999}.ln.hit{background:#fff59d}\n#detail{position:fixed;left:0;right:0;bottom:0;background:#263238;color:#eceff1;padding:.6rem 1.5rem;font-size:13px;max-height:40vh;overflow:auto;z-index:3}\n#detail[hidden]{display:none}#detail-crop{position:relative;overflow:hidden;height:180px;background:#fff;margin:.3rem 0}#detail-crop[hidden]{display:none}\n#detail-crop img{position:absolute;max-width:none}#detail-crop .box{position:absolute;outline:2px solid #e53935;outline-offset:1px}#detail pre{background:#37474f;color:#fff;border:0;white-space:pre-wrap;margin:.3rem 0}#detail button{float:right}\nbody.only-problems tr.ok,body.only-problems section.tbl:not(.has-problems){display:none}\n";
/**
 * The page's only script: the problems filter, and the detail panel showing where a clicked value
 * was printed. It reads the page, never writes markup (textContent only), and fetches nothing.
 */
export declare const REVIEW_SCRIPT = "\n(function () {\n  var panel = document.getElementById('detail');\n  var where = document.getElementById('detail-loc');\n  var line = document.getElementById('detail-line');\n  var issues = document.getElementById('detail-issues');\n  var crop = document.getElementById('detail-crop');\n  var lit = null;\n  // A PDF value: its page's image (embedded once, in a template) placed so the value's box sits\n  // in the middle of the crop, with a frame around the box.\n  function showCrop(cell) {\n    crop.textContent = '';\n    var page = cell.getAttribute('data-page');\n    var tpl = page ? document.getElementById('P' + page) : null;\n    crop.hidden = !tpl;\n    if (!tpl) return;\n    var img = tpl.content.firstElementChild.cloneNode(true);\n    var s = Number(img.getAttribute('data-scale'));\n    var b = (cell.getAttribute('data-bbox') || '').split(',').map(Number);\n    var left = crop.clientWidth / 2 - ((b[0] + b[2]) / 2) * s;\n    var top = crop.clientHeight / 2 - ((b[1] + b[3]) / 2) * s;\n    img.style.left = left + 'px';\n    img.style.top = top + 'px';\n    var box = document.createElement('div');\n    box.className = 'box';\n    box.style.left = (left + b[0] * s) + 'px';\n    box.style.top = (top + b[1] * s) + 'px';\n    box.style.width = ((b[2] - b[0]) * s) + 'px';\n    box.style.height = ((b[3] - b[1]) * s) + 'px';\n    crop.appendChild(img);\n    crop.appendChild(box);\n  }\n  function show(cell) {\n    where.textContent = cell.getAttribute('data-loc') || '';\n    var n = cell.getAttribute('data-line');\n    var src = n ? document.getElementById('L' + n) : null;\n    line.textContent = src ? n + ': ' + src.textContent : (n ? 'line ' + n + ' (source text not embedded)' : '');\n    line.hidden = !line.textContent;\n    issues.textContent = cell.getAttribute('data-issues') || '';\n    issues.hidden = !issues.textContent;\n    panel.hidden = false;\n    showCrop(cell);\n    if (lit) lit.classList.remove('hit');\n    lit = src;\n    if (lit) lit.classList.add('hit');\n    panel.hidden = false;\n  }\n  document.addEventListener('click', function (e) {\n    var cell = e.target.closest && e.target.closest('[data-loc]');\n    if (cell) show(cell);\n  });\n  document.addEventListener('keydown', function (e) {\n    if (e.key === 'Enter' && e.target.getAttribute && e.target.getAttribute('data-loc') !== null) show(e.target);\n    if (e.key === 'Escape') panel.hidden = true;\n  });\n  document.getElementById('detail-close').addEventListener('click', function () { panel.hidden = true; });\n  document.getElementById('only-problems').addEventListener('change', function (e) {\n    document.body.classList.toggle('only-problems', e.target.checked);\n  });\n})();\n";
/** The policy admitting exactly this page's inline script and style, by hash (no `"` or `<`: written unescaped). */
export declare function contentSecurityPolicy(script: string, style: string): string;
export declare function documentToReviewHtml(doc: BudgetDocument, options?: ReviewOptions): string;
