import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';
import { cellId, documentToReviewHtml } from '../../src/export/review.js';
import { sourceLinesOf } from '../../src/review-sources.js';
import { linesOf } from '../../src/export/where.js';
import type { BudgetDocument, Issue } from '../../src/model.js';
import { fakeDocument, root, row, table } from './seeds.js';

const seed000 = `${root}samples/000_2f28e9293a4b3d29.txt`;

/** Every start tag of the page with its attribute names (data is escaped, so `<` only opens our tags). */
function tags(html: string): { name: string; attrs: string[] }[] {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[\w-]+(?:="[^"]*")?)*)\s*>/g)].map((m) => ({
    name: m[1]!.toLowerCase(),
        // Each match consumes its quoted value, so words inside a value are never taken for names.
    attrs: [...m[2]!.matchAll(/\s+([\w-]+)(?:="[^"]*")?/g)].map((a) => a[1]!.toLowerCase()),
  }));
}

/** The element with this id: its start tag's attributes and text up to the closing tag. */
function element(html: string, id: string): { classes: string[]; attrs: string; text: string } {
  const m = new RegExp(`<(\\w+) id="${id}"([^>]*)>(.*?)</\\1>`, 's').exec(html);
  if (!m) throw new Error(`no element #${id}`);
  const cls = /class="([^"]*)"/.exec(m[2]!)?.[1] ?? '';
  return { classes: cls.split(' '), attrs: m[2]!, text: m[3]! };
}

const hostile = {
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror=alert(1)>',
  attr: '" onmouseover="alert(1)',
};

function hostileDocument(): BudgetDocument {
  const t = table({ type: 'expenditure', title: hostile.script, rows: [row('total', hostile.img, { total: 3 }), row('2080501', hostile.attr, { total: 1, basic: 1 }), row('2080502', hostile.script, { total: 1 })] });
  const doc = fakeDocument([t], { department: hostile.img });
  doc.issues.push({ kind: 'identity_broken', severity: 'error', check: 'column_sum', table: 'expenditure', key: 'total', measure: 'total', expected: 2, found: 3, message: `sum ${hostile.script}`, at: { file: 'x.txt', line: 10 } });
  t.issues.push({ kind: 'code_repaired', severity: 'warning', table: 'expenditure', key: '2080502', printed: '208 5 02', message: 'code 208 5 02 read as 2080502', at: { file: 'x.txt', line: 10 } });
  doc.issues.push({ kind: 'low_confidence', severity: 'warning', message: 'recognised with confidence 0.41', at: { file: 'x.txt', line: 11 } } satisfies Issue);
  t.rows[1]!.sources.basic = { file: 'x.txt', line: 11 };
  return doc;
}

describe('review page', () => {
  let doc000: BudgetDocument;
  let html000: string;
  beforeAll(async () => {
    doc000 = await extract(seed000);
    html000 = documentToReviewHtml(doc000, { sourceLines: sourceLinesOf(readFileSync(seed000), doc000) });
  });

  it('should escape script and img put into a table name, title and department', () => {
    const html = documentToReviewHtml(hostileDocument(), { sourceLines: new Map([[10, hostile.img]]) });
    expect(html).not.toContain('<img');
    expect(html).not.toContain(hostile.script);
    expect(html).not.toContain(hostile.attr);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const all = tags(html);
    expect(all.filter((t) => t.name === 'script')).toHaveLength(1);
    expect(all.filter((t) => t.name === 'style')).toHaveLength(1);
    expect(all.flatMap((t) => t.attrs).filter((a) => a.startsWith('on') || a === 'style' || a === 'src')).toEqual([]);
    expect(new Set(all.map((t) => t.name))).toEqual(new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'dl', 'dt', 'dd', 'div', 'label', 'input', 'section', 'h2', 'p', 'span', 'table', 'thead', 'tr', 'th', 'tbody', 'td', 'ul', 'li', 'a', 'b', 'small', 'details', 'summary', 'pre', 'button', 'script']));
  });

  it('should admit exactly its inline script and style by hash, and nothing else', () => {
    for (const html of [html000, documentToReviewHtml(hostileDocument())]) {
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
      const hash = (s: string): string => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
      const script = /<script>(.*?)<\/script>/s.exec(html)![1]!;
      const style = /<style>(.*?)<\/style>/s.exec(html)![1]!;
      const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
      expect(directives).toEqual({ 'default-src': "'none'", 'script-src': hash(script), 'style-src': hash(style), 'img-src': 'data:', 'base-uri': "'none'", 'form-action': "'none'" });
      // No resource that would need the network or another policy entry.
      expect(html).not.toMatch(/\s(src|href)="(?!#)/);
      expect(html).not.toMatch(/https?:\/\//);
    }
  });

  it('should put the highlight class, expected and found on the cells of a broken identity', () => {
    // 000: 表12's projects add to 1537.72 against 表3's 项目支出 1669.72 (README, Validation).
    const t = doc000.tables.findIndex((x) => x.type === 'expenditure');
    const r = doc000.tables[t]!.rows.findIndex((x) => x.key === 'total');
    const cell = element(html000, cellId(t, r, 'project'));
    expect(cell.classes).toContain('broken');
    expect(cell.text).toContain('1,669.72');
    expect(cell.text).toContain('expected 1,537.72');
    expect(cell.attrs).toContain('found 1669.72');
    // The general_expenditure total's swapped columns, and no cell without an issue.
    const g = doc000.tables.findIndex((x) => x.type === 'general_expenditure');
    const gr = doc000.tables[g]!.rows.findIndex((x) => x.key === 'total');
    expect(element(html000, cellId(g, gr, 'goods_services')).classes).toContain('broken');
    expect(element(html000, cellId(t, r, 'basic')).classes).not.toContain('broken');
    expect(html000.match(/class="v broken/g)).toHaveLength(3);
  });

  it('should outline the other figures a broken identity read, where the misprint may be', () => {
    // 表3's 项目支出 total against 表12's projects: every project's figure is one the comparison read.
    const issue = doc000.issues.find((i) => i.check === 'project_matches_expenditure')!;
    const projects = issue.figures!.filter((f) => f.table === 'project_performance');
    expect(projects.length).toBeGreaterThan(5);
    const p = doc000.tables.findIndex((x) => x.type === 'project_performance');
    for (const f of projects) {
      const k = doc000.tables[p]!.rows.findIndex((x) => x.key === f.key);
      const cell = element(html000, cellId(p, k, 'total'));
      expect(cell.classes).toContain('term');
      expect(cell.attrs).toContain('project_matches_expenditure');
    }
    // A cell no failed comparison read is not outlined.
    const t = doc000.tables.findIndex((x) => x.type === 'income');
    expect(element(html000, cellId(t, 0, 'total')).classes).not.toContain('term');
  });

  it('should mark repaired codes and low-confidence values', () => {
    const html = documentToReviewHtml(hostileDocument());
    expect(html).toMatch(/<td class="key warn repaired"[^>]*printed 208 5 02[^>]*>2080502<\/td>/);
    expect(element(html, cellId(0, 1, 'basic')).classes).toContain('lowconf');
    expect(element(html, cellId(0, 1, 'total')).classes).not.toContain('lowconf');
  });

  it('should trace every value of a text input to its line, with the line text embedded', () => {
    const lines = sourceLinesOf(readFileSync(seed000), doc000)!;
    const file = readFileSync(seed000, 'utf8').split(/\r\n|\r|\n/);
    for (const [n, text] of lines) expect(text).toBe(file[n - 1]);
    const values = [...html000.matchAll(/<td id="c[^"]*" class="v[^"]*"[^>]*>/g)].map((m) => m[0]);
    expect(values.length).toBe(doc000.tables.reduce((k, t) => k + linesOf(t).reduce((j, r) => j + Object.keys(r.values).length, 0), 0));
    for (const v of values) {
      const n = /data-line="(\d+)"/.exec(v)?.[1];
      expect(n, v).toBeDefined();
      expect(html000).toContain(`id="L${n}"`);
    }
  });

  it('should read lines the way the extractor did, and none from changed bytes', () => {
    const bytes = iconv.encode(readFileSync(seed000, 'utf8'), 'gb18030');
    const doc = { ...doc000, source: { ...doc000.source, sha256: createHash('sha256').update(bytes).digest('hex') } };
    expect(sourceLinesOf(bytes, doc)!.get(254)).toBe(sourceLinesOf(readFileSync(seed000), doc000)!.get(254));
    expect(sourceLinesOf(Buffer.from('changed'), doc000)).toBeUndefined();
    expect(sourceLinesOf(readFileSync(seed000), { ...doc000, source: { ...doc000.source, kind: 'pdf' } })).toBeUndefined();
  });

  it('should summarize tables found against the required set, checks held and broken, and filter problems', () => {
    const required = doc000.validation.checks.find((c) => c.check === 'required_tables')!;
    expect(html000).toContain(`${required.evaluated - required.failed} of ${required.evaluated} required tables found`);
    expect(html000).toContain(`Checks: ${doc000.validation.run} run, ${doc000.validation.held} held`);
    expect(html000).toContain(`Coverage: ${doc000.validation.coverage.covered} of ${doc000.validation.coverage.printed} printed figures are compared by at least one check`);
    expect(html000).toContain('id="only-problems"');
    expect(html000).toContain('body.only-problems tr.ok');
    expect((html000.match(/<tr class="problem"/g) ?? []).length).toBeGreaterThan(0);
  });

  it('should show page and box for PDF values', async () => {
    const doc = await extract(`${root}tests/fixtures/pdf/000_2f28e9293a4b3d29.pdf`);
    const html = documentToReviewHtml(doc);
    expect(html).toMatch(/data-loc="000_2f28e9293a4b3d29\.pdf p\.\d+ \[[\d.]+,[\d.]+,[\d.]+,[\d.]+\]"/);
    expect(html).not.toContain('data-line=');
  });
});
