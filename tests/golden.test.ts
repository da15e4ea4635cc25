import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { documentToFacts } from '../src/export/facts.js';
import { factsToCsv } from '../src/export/csv.js';

/**
 * Whole documents against the hand-checked golden facts in ../shared/golden (beside the clone in
 * CI). Facts match the way ../shared/tools/score.mjs matches them: keys and names after NFKC with
 * whitespace removed, numbers within 0.005.
 */
const goldenDir = new URL('../../shared/golden/', import.meta.url);
const samples = new URL('../samples/', import.meta.url);
const norm = (s: unknown): string => String(s ?? '').normalize('NFKC').replace(/\s+/g, '');

interface Golden {
  document: string;
  meta: { department: string; year: number; unit: string };
  tables: string[];
  facts: [string, string, string, number | string][];
}

const goldens: Golden[] = existsSync(goldenDir)
  ? readdirSync(goldenDir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(new URL(f, goldenDir), 'utf8')) as Golden)
  : [];

describe.skipIf(!goldens.length)('seed documents against their golden facts', () => {
  const pdfs = new URL('./fixtures/pdf/', import.meta.url);
  const cases = goldens.flatMap((g) => [
    [g.document, new URL(g.document, samples).pathname, g] as const,
    [`${g.document.replace(/\.txt$/, '.pdf')} (PDF rendering)`, new URL(g.document.replace(/\.txt$/, '.pdf'), pdfs).pathname, g] as const,
  ]);
  it.each(cases)('%s: every golden fact and table is found', async (_name, path, golden) => {
    const doc = await extract(path);
    const index = new Map<string, unknown[]>();
    for (const t of doc.tables) {
      for (const r of t.rows) {
        const add = (m: string, v: unknown): void => {
          const k = `${t.type}|${norm(r.key)}|${m}`;
          index.set(k, [...(index.get(k) ?? []), v]);
        };
        add('name', norm(r.name));
        for (const [m, v] of Object.entries(r.values)) add(m, v);
      }
    }
    const missed = golden.facts.filter(([t, key, m, v]) => {
      const got = index.get(`${t}|${norm(key)}|${m}`) ?? [];
      return !got.some((x) => (typeof v === 'number' ? Math.abs(Number(x) - v) <= 0.005 : x === norm(v)));
    });
    expect(missed).toEqual([]);
    expect(doc.document).toMatchObject(golden.meta);
    expect(golden.tables.filter((t) => !doc.tables.some((x) => x.type === t))).toEqual([]);
  });

  // The same document read from its PDF rendering raises the same errors as from its text dump (001's
  // 收入总表: a first page flattened into running text, its header repeated in cells on the next page).
  it.each(goldens.map((g) => [g.document] as const))('%s: its PDF rendering raises the errors its text dump raises', async (name) => {
    const errors = async (path: string) =>
      (await extract(path)).issues.filter((i) => i.severity === 'error').map((i) => `${i.check} ${i.table} ${i.key} ${i.measure}`).sort();
    expect(await errors(new URL(name.replace(/\.txt$/, '.pdf'), pdfs).pathname)).toEqual(await errors(new URL(name, samples).pathname));
  });

  it('scores the facts CSV exactly as the JSON documents (score.mjs on both)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'be-facts-'));
    const docs = await Promise.all(goldens.map((g) => extract(new URL(g.document, samples).pathname)));
    for (const d of docs) writeFileSync(join(dir, `${d.source.file}.json`), JSON.stringify(d));
    writeFileSync(join(dir, 'facts.csv'), await factsToCsv(docs));
    const score = (...args: string[]): string =>
      execFileSync(process.execPath, [new URL('../../shared/tools/score.mjs', import.meta.url).pathname, '--golden', goldenDir.pathname, ...args], { encoding: 'utf8' });
    const fromJson = score('--output', dir).trim().split('\n').pop();
    const fromCsv = score('--facts', join(dir, 'facts.csv')).trim().split('\n').pop();
    expect(fromJson).toMatch(/^fact F1 /);
    expect(fromCsv).toBe(fromJson);
    expect(documentToFacts(docs[0]!).length).toBeGreaterThan(100);
  });
});
