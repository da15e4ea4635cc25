import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellId, documentToReviewHtml } from '../../src/export/review.js';
import { pageImagesOf } from '../../src/review-sources.js';
import { extract } from '../../src/index.js';
import { root } from './seeds.js';

/**
 * Review pages of two real disclosures, a 元 budget (Shanghai) and a 决算 (西南大学), open in
 * Chromium with no console error, and a clicked value shows a crop of its page. Skipped without
 * Debian's chromium or without ../shared.
 */
const CHROMIUM = '/usr/bin/chromium';
const REAL = `${root}../shared/corpus/real-pdfs`;
/** Screenshots go to docs/ only when asked (UPDATE_SCREENSHOTS=1), so a test run leaves the tree clean. */
const SHOTS = process.env.UPDATE_SCREENSHOTS ? `${root}docs` : mkdtempSync(join(tmpdir(), 'be-shots-'));

const CASES = [
  { file: '上海市财政局25年预算.pdf', shot: 'review-real-budget.png', table: 'basic_expenditure', key: '302', measure: 'total' },
  { file: '21_swu_2023_final_accounts__download.jsp.pdf', shot: 'review-real-final.png', table: 'general_expenditure', key: 'total', measure: 'basic' },
] as const;

describe.skipIf(!existsSync(CHROMIUM) || !existsSync(REAL))('review pages of real disclosures in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it.each(CASES)('opens the review page of $file with no console error and shows a clicked value on its page', async (c) => {
    const bytes = new Uint8Array(readFileSync(join(REAL, c.file)));
    const doc = await extract({ bytes, file: c.file }, { ocr: 'never' });
    const dir = mkdtempSync(join(tmpdir(), 'be-review-real-'));
    writeFileSync(join(dir, 'review.html'), documentToReviewHtml(doc, { pageImages: await pageImagesOf(bytes, [doc]) }));
    const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) problems.push(`request ${r.url()}`);
    });
    await page.goto(`file://${join(dir, 'review.html')}`);

    const t = doc.tables.findIndex((x) => x.type === c.table);
    const r = doc.tables[t]!.rows.findIndex((x) => x.key === c.key);
    const cell = page.locator(`#${cellId(t, r, c.measure)}`);
    await cell.scrollIntoViewIfNeeded();
    await cell.click();
    await expect.poll(() => page.locator('#detail-crop img').isVisible()).toBe(true);
    expect(await page.locator('#detail-loc').innerText()).toContain(`${c.file} p.${doc.tables[t]!.rows[r]!.sources[c.measure]!.page}`);
    await page.screenshot({ path: join(SHOTS, c.shot) });
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);
});
