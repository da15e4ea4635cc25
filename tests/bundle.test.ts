import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractUnitsBytes, extractBytes } from '../src/pipeline.js';
import { documentToFacts } from '../src/export/facts.js';

/** A county bundle: several units' disclosures in one file give one document per unit. */
const seed = (f: string): string => readFileSync(new URL(`../samples/${f}`, import.meta.url), 'utf8');
const A = '000_2f28e9293a4b3d29.txt';
const B = '003_dc6b06a2998e57c3.txt';
const facts = (d: Awaited<ReturnType<typeof extractBytes>>): string[] => documentToFacts(d).map((f) => `${f.table}|${f.key}|${f.measure}|${f.value}`).sort();

describe('county bundles', () => {
  it('should split two disclosures in one dump into two documents, each as it is alone', async () => {
    const bundle = Buffer.from(`${seed(A)}\n${seed(B)}`);
    const units = await extractUnitsBytes(bundle, 'bundle.txt');
    expect(units.map((u) => [u.document.department, u.source.part])).toEqual([
      ['新乡市凤泉区医疗保障局', { index: 1, of: 2 }],
      ['新乡市医疗保险中心', { index: 2, of: 2 }],
    ]);
    const alone = await Promise.all([A, B].map((f) => extractBytes(Buffer.from(seed(f)), f)));
    expect(facts(units[0]!)).toEqual(facts(alone[0]!));
    expect(facts(units[1]!)).toEqual(facts(alone[1]!));
    expect(units[1]!.validation.broken).toBe(alone[1]!.validation.broken);
  });

  it('should keep a single disclosure whole', async () => {
    const units = await extractUnitsBytes(Buffer.from(seed(B)), B);
    expect(units).toHaveLength(1);
    expect(units[0]!.source.part).toBeUndefined();
  });
});
