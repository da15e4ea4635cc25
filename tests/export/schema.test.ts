import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentToJson } from '../../src/export/json.js';
import { extract } from '../../src/index.js';
import type { BudgetDocument } from '../../src/model.js';
import { root, seedDocuments } from './seeds.js';

const schemaPath = `${root}schema/budget-document.schema.json`;
const pdfFixtures = (): string[] =>
  readdirSync(`${root}tests/fixtures/pdf`)
    .filter((f) => /^0.*\.pdf$/.test(f))
    .sort()
    .map((f) => `${root}tests/fixtures/pdf/${f}`);

describe('JSON Schema of the document JSON', () => {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  /** The document as a reader of the JSON file gets it, not the in-memory object. */
  const asWritten = (d: BudgetDocument): unknown => JSON.parse(documentToJson(d));
  let docs: BudgetDocument[];
  beforeAll(async () => {
    docs = [...(await seedDocuments()), ...(await Promise.all(pdfFixtures().map((f) => extract(f))))];
  }, 120_000);

  it('should be draft 2020-12', () => {
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema' });
  });

  it('should accept every document extracted from the seeds and the PDF fixtures', () => {
    expect(docs.length).toBe(10);
    expect(docs.filter((d) => d.source.kind === 'pdf')).toHaveLength(5);
    for (const d of docs) expect(validate(asWritten(d)), `${d.source.file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
  });

  it('should reject what the model does not allow', () => {
    const doc = asWritten(docs[0]!) as { tables: { rows: { values: Record<string, unknown>; extra?: number }[] }[]; document: { unit: string } };
    const broken = (edit: (d: typeof doc) => void): boolean => {
      const copy = structuredClone(doc);
      edit(copy);
      return validate(copy);
    };
    expect(broken((d) => (d.tables[0]!.rows[0]!.values.total = '1,794.14'))).toBe(false);
    expect(broken((d) => (d.document.unit = '千元'))).toBe(false);
    expect(broken((d) => (d.tables[0]!.rows[0]!.extra = 1))).toBe(false);
  });

  it('should match what scripts/build-schema.mjs generates from src/model.ts (run `npm run schema` after editing the model)', () => {
    const generated = execFileSync(process.execPath, [`${root}scripts/build-schema.mjs`, '--stdout'], { encoding: 'utf8' });
    expect(generated).toBe(readFileSync(schemaPath, 'utf8'));
  }, 60_000);
});
