import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellId, documentToReviewHtml, marksOf } from '../../src/export/review.js';
import { pageImagesOf, sourceLinesOf } from '../../src/review-sources.js';
import { extract } from '../../src/index.js';
import type { BudgetDocument } from '../../src/model.js';
import { root } from './seeds.js';

/**
 * The seed 000 review page in a real browser, under its own Content-Security-Policy: the script
 * runs (a CSP mismatch would block it and log an error), broken cells are highlighted, clicking a
 * value shows its source line. Needs Debian's chromium; CI does not install it, so it is skipped.
 */
const CHROMIUM = '/usr/bin/chromium';
const seed = `${root}samples/000_2f28e9293a4b3d29.txt`;
/** Screenshots go to docs/ only when asked (UPDATE_SCREENSHOTS=1), so a test run leaves the tree clean. */
const SHOTS = process.env.UPDATE_SCREENSHOTS ? `${root}docs` : mkdtempSync(join(tmpdir(), 'be-shots-'));

describe.skipIf(!existsSync(CHROMIUM))('review page in a browser', () => {
  let browser: Browser;
  let doc: BudgetDocument;
  let url: string;
  beforeAll(async () => {
    doc = await extract(seed);
    const dir = mkdtempSync(join(tmpdir(), 'be-review-'));
    writeFileSync(join(dir, 'review.html'), documentToReviewHtml(doc, { sourceLines: sourceLinesOf(readFileSync(seed), doc) }));
    url = `file://${join(dir, 'review.html')}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('should highlight the broken cells and show a clicked value its source line', async () => {
    const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) problems.push(`request ${r.url()}`);
    });
    await page.goto(url);

    const broken = page.locator('td.v.broken');
    expect(await broken.count()).toBe(3);
    const [bg, plain] = await page.evaluate(() => [
      getComputedStyle(document.querySelector('td.v.broken')!).backgroundColor,
      getComputedStyle(document.querySelector('td.v:not(.broken):not(.warn)')!).backgroundColor,
    ]);
    expect(bg).not.toBe(plain);

    const t = doc.tables.findIndex((x) => x.type === 'expenditure');
    const r = doc.tables[t]!.rows.findIndex((x) => x.key === 'total');
    const cell = page.locator(`#${cellId(t, r, 'project')}`);
    await cell.scrollIntoViewIfNeeded();
    await cell.click();
    await expect.poll(() => page.locator('#detail').isVisible()).toBe(true);
    const line = doc.tables[t]!.rows[r]!.sources['project']!.line!;
    const lineText = readFileSync(seed, 'utf8').split(/\r\n|\r|\n/)[line - 1]!;
    expect(await page.locator('#detail-loc').innerText()).toBe(`000_2f28e9293a4b3d29.txt:${line}`);
    expect(await page.locator('#detail-line').textContent()).toBe(`${line}: ${lineText}`);
    expect(await page.locator('#detail-issues').innerText()).toContain('expected 1537.72, found 1669.72');
    await page.screenshot({ path: join(SHOTS, 'review.png') });

    await page.check('#only-problems');
    const visible = await page.locator('table.data tbody tr:visible').count();
    expect(visible).toBeGreaterThan(0);
    expect(visible).toBeLessThan(await page.locator('table.data tbody tr').count());
    expect(await page.locator('table.data tbody tr.ok:visible').count()).toBe(0);

    // A blocked inline script or style (hash mismatch) would be reported here.
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('should show a clicked value of a PDF as a crop of its page, its box framed, broken cells highlighted', async () => {
    const pdfPath = `${root}tests/fixtures/pdf/000_2f28e9293a4b3d29.pdf`;
    const bytes = new Uint8Array(readFileSync(pdfPath));
    const pdfDoc = await extract({ bytes, file: '000_2f28e9293a4b3d29.pdf' });
    const images = await pageImagesOf(bytes, [pdfDoc]);
    const dir = mkdtempSync(join(tmpdir(), 'be-review-pdf-'));
    writeFileSync(join(dir, 'review.html'), documentToReviewHtml(pdfDoc, { pageImages: images }));
    const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`file://${join(dir, 'review.html')}`);

    // The cells the validator marks with a failed check are the highlighted ones.
    const marked = [...marksOf(pdfDoc).cells].filter(([, issues]) => issues.some((i) => i.severity === 'error')).map(([k]) => {
      const [t, r, m] = k.split('|');
      return cellId(Number(t), Number(r), m!);
    });
    expect(marked.length).toBeGreaterThan(0);
    const highlighted = await page.locator('td.v.broken').evaluateAll((cells) => cells.map((c) => c.id));
    expect(highlighted.sort()).toEqual([...marked].sort());

    const t = pdfDoc.tables.findIndex((x) => x.type === 'expenditure');
    const r = pdfDoc.tables[t]!.rows.findIndex((x) => x.key === 'total');
    const at = pdfDoc.tables[t]!.rows[r]!.sources['project']!;
    const cell = page.locator(`#${cellId(t, r, 'project')}`);
    await cell.scrollIntoViewIfNeeded();
    await cell.click();
    await expect.poll(() => page.locator('#detail-crop img').isVisible()).toBe(true);
    expect(await page.locator('#detail-crop img').getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
    expect(await page.locator('#detail-loc').innerText()).toBe(`000_2f28e9293a4b3d29.pdf p.${at.page} [${at.bbox!.map((v) => Math.round(v * 10) / 10).join(',')}]`);
    // The frame is the value's box at the image's scale, in the middle of the crop.
    const [frame, crop] = await Promise.all([page.locator('#detail-crop .box').boundingBox(), page.locator('#detail-crop').boundingBox()]);
    const scale = images.get(at.page!)!.scale;
    expect(frame!.width).toBeCloseTo((at.bbox![2] - at.bbox![0]) * scale, 0);
    expect(frame!.x + frame!.width / 2).toBeCloseTo(crop!.x + crop!.width / 2, 0);
    expect(frame!.y + frame!.height / 2).toBeCloseTo(crop!.y + crop!.height / 2, 0);
    await page.screenshot({ path: join(SHOTS, 'review-pdf.png') });
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
