import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { documentToReviewHtml } from '../../src/export/review.js';
import { sourceLinesOf } from '../../src/review-sources.js';
import { extract } from '../../src/index.js';
import { root } from './seeds.js';

/**
 * The review page made from the script-bearing inputs of tests/fixtures/hostile, opened in a real
 * browser: no script from the document runs (no dialog, no marker), no request leaves the page,
 * and the hostile strings show as text.
 */
const CHROMIUM = '/usr/bin/chromium';
const inputs = ['script-table.txt', 'script-table.pdf'].map((f) => `${root}tests/fixtures/hostile/${f}`).filter((f) => existsSync(f));

describe.skipIf(!existsSync(CHROMIUM) || !inputs.length)('review page of hostile inputs in a browser', () => {
  it.each(inputs)('should run no script from %s and send no request', async (input) => {
    const doc = await extract(input);
    const dir = mkdtempSync(join(tmpdir(), 'be-hostile-review-'));
    const bytes = readFileSync(input);
    const html = documentToReviewHtml(doc, input.endsWith('.txt') ? { sourceLines: sourceLinesOf(bytes, doc) } : {});
    writeFileSync(join(dir, 'review.html'), html);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      const events: string[] = [];
      page.on('dialog', (d) => {
        events.push(`dialog ${d.message()}`);
        void d.dismiss();
      });
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) events.push(`request ${r.url()}`);
      });
      await page.goto(`file://${join(dir, 'review.html')}`);
      await page.mouse.move(200, 200);
      await page.waitForTimeout(300);
      expect(events).toEqual([]);
      // Hostile strings reached the page only as text: no element they would have created exists.
      expect(await page.locator('img[src="x"], script:not([data-review])').evaluateAll((els) => els.filter((e) => e.textContent?.includes('alert') || e.getAttribute('src') === 'x').length)).toBe(0);
      const text = await page.locator('body').innerText();
      expect(text.includes('<script>') || text.includes('onerror') || text.includes('HYPERLINK')).toBe(true);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
