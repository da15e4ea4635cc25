import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import type { BudgetDocument } from '../src/model.js';

/**
 * The seeds as spreadsheets, Word files and web pages (tests/fixtures/office/seeds, made by
 * scripts/make-office.mjs) scored against the hand-checked golden facts in ../shared/golden with
 * ../shared/tools/score.mjs, as `npm run score:office` does; and each document's checks against
 * its text dump's. Skipped when ../shared is not beside the clone.
 */
const goldenDir = new URL('../../shared/golden/', import.meta.url).pathname;
const scorer = new URL('../../shared/tools/score.mjs', import.meta.url).pathname;
const seeds = new URL('./fixtures/office/seeds/', import.meta.url).pathname;
const samples = new URL('../samples/', import.meta.url).pathname;
const names = existsSync(goldenDir) ? readdirSync(goldenDir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')) : [];

const statuses = (doc: BudgetDocument): Record<string, string> => Object.fromEntries(doc.validation.checks.map((c) => [c.check, c.status]));

describe.skipIf(!names.length || !existsSync(scorer))('office renderings of the seeds against their golden facts', () => {
  const reference = new Map<string, Record<string, string>>();
  beforeAll(async () => {
    for (const n of names) reference.set(n, statuses(await extract(join(samples, `${n}.txt`))));
  });

  it.each(['xlsx', 'xls', 'ods', 'html', 'docx'])('%s: fact F1 ≥ 0.99, table-type F1 ≥ 0.98, checks as the text dumps', async (ext) => {
    const dir = mkdtempSync(join(tmpdir(), `be-office-${ext}-`));
    const keyed = join(dir, '.golden');
    mkdirSync(keyed);
    const differ: string[] = [];
    for (const n of names) {
      const golden = JSON.parse(readFileSync(join(goldenDir, `${n}.json`), 'utf8')) as { document: string };
      writeFileSync(join(keyed, `${n}.json`), JSON.stringify({ ...golden, document: `${n}.${ext}` }));
      const doc = await extract(join(seeds, `${n}.${ext}`));
      expect(doc.source.kind).toBe(ext);
      writeFileSync(join(dir, `${n}.json`), JSON.stringify(doc));
      const mine = statuses(doc);
      for (const [check, status] of Object.entries(reference.get(n)!)) if (mine[check] !== status) differ.push(`${n} ${check}: ${mine[check]} (text: ${status})`);
    }
    const score = execFileSync(process.execPath, [scorer, '--golden', keyed, '--output', dir], { encoding: 'utf8' }).trim().split('\n').pop()!;
    const [, fact, table] = /fact F1 ([\d.]+).*table-type F1 ([\d.]+)/.exec(score)!;
    expect(Number(fact), score).toBeGreaterThanOrEqual(0.99);
    expect(Number(table), score).toBeGreaterThanOrEqual(0.98);
    expect(differ).toEqual([]);
  });
});
