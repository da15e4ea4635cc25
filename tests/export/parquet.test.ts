import { parseString } from '@fast-csv/parse';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { beforeAll, describe, expect, it } from 'vitest';
import { factsToCsv } from '../../src/export/csv.js';
import { factsToParquet } from '../../src/export/parquet.js';
import type { BudgetDocument } from '../../src/model.js';
import { fakeDocument, row, seedDocuments, table } from './seeds.js';

async function readCsv(text: string): Promise<Record<string, string>[]> {
  return new Promise((resolve, reject) => {
    const rows: Record<string, string>[] = [];
    parseString(text, { headers: true })
      .on('data', (r: Record<string, string>) => rows.push(r))
      .on('error', reject)
      .on('end', () => resolve(rows));
  });
}

const read = async (bytes: Uint8Array): Promise<Record<string, unknown>[]> => parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });

/** A Parquet row as facts.csv prints it: blank for null, numbers as their shortest decimal. */
const asCsv = (r: Record<string, unknown>): Record<string, string> => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]));

describe('facts.parquet', () => {
  let seeds: BudgetDocument[];
  let bytes: Uint8Array;
  beforeAll(async () => {
    seeds = await seedDocuments();
    bytes = factsToParquet(seeds);
  });

  it('should read back with exactly the rows and columns of facts.csv for the seeds', async () => {
    const csv = await readCsv(await factsToCsv(seeds));
    const rows = await read(bytes);
    expect(rows.length).toBeGreaterThan(1000);
    expect(rows.map(asCsv)).toEqual(csv);
  });

  it('should type codes as strings, the year as an integer, value as a double and amount_yuan as a DECIMAL', () => {
    const schema = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer).schema;
    const of = (name: string) => schema.find((s) => s.name === name)!;
    expect([of('key').type, of('key').converted_type]).toEqual(['BYTE_ARRAY', 'UTF8']);
    expect(of('year').type).toBe('INT32');
    expect(of('value').type).toBe('DOUBLE');
    expect(of('amount_yuan')).toMatchObject({ type: 'INT64', converted_type: 'DECIMAL', scale: 2, precision: 18 });
  });

  it('should keep 21-digit project codes and leading zeros, and 0.07 万元 as 700 元 exactly', async () => {
    const doc = fakeDocument([table({ type: 'project_expenditure', rows: [row('410704250000000022173', '项目', { total: 0.07 }), row('0101', '单位', { total: 1669.72 })] })]);
    const rows = await read(factsToParquet([doc]));
    expect(rows.map((r) => [r.key, r.value, r.amount_yuan])).toEqual([
      ['410704250000000022173', 0.07, 700],
      ['0101', 1669.72, 16697200],
    ]);
  });

  it('should raise the decimal scale when a 元 amount prints finer than fen, never round it', async () => {
    const doc = fakeDocument([table({ type: 'expenditure', unit: '元', rows: [row('total', '合计', { total: 1.125 })] })], { unit: '元' });
    const pq = factsToParquet([doc]);
    expect(parquetMetadata(pq.buffer.slice(pq.byteOffset, pq.byteOffset + pq.byteLength) as ArrayBuffer).schema.find((s) => s.name === 'amount_yuan')!.scale).toBe(3);
    expect((await read(pq))[0]!.amount_yuan).toBe(1.125);
  });
});
