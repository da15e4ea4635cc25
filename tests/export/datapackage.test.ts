import { parseString } from '@fast-csv/parse';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { factsToCsv, wideCsvByType } from '../../src/export/csv.js';
import { dataPackageToJson, documentsToDataPackage, type DataPackage, type Resource } from '../../src/export/datapackage.js';
import { phaseOf } from '../../src/export/facts.js';
import type { BudgetDocument } from '../../src/model.js';
import { fiscalTabularDataPackage } from './frictionless-profile.js';
import { fakeDocument, row, seedDocuments, table } from './seeds.js';

async function readCsv(text: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString(text.replace(/^\uFEFF/, ''))
      .on('data', (r: string[]) => rows.push(r))
      .on('error', reject)
      .on('end', () => resolve(rows));
  });
}

/** The CSV files the CLI writes for these documents, by path inside the output folder. */
async function csvFiles(docs: BudgetDocument[], bom = false): Promise<Map<string, string>> {
  const files = new Map<string, string>([['facts.csv', await factsToCsv(docs, { bom })]]);
  for (const [type, text] of await wideCsvByType(docs, { bom })) files.set(`csv/${type}.csv`, text);
  return files;
}

/** Every cell read as its field's type says: numbers and integers parse, required cells are filled. */
function typeErrors(resource: Resource, rows: string[][]): string[] {
  const errors: string[] = [];
  rows.forEach((cells, n) =>
    resource.schema.fields.forEach((f, c) => {
      const v = cells[c] ?? '';
      const where = `${resource.path} row ${n + 2} ${f.name}='${v}'`;
      if (resource.schema.missingValues.includes(v)) {
        if (f.constraints?.required) errors.push(`${where}: required`);
        return;
      }
      if (f.type === 'number' && !/^-?\d+(\.\d+)?$/.test(v)) errors.push(`${where}: not a bare number`);
      if (f.type === 'integer' && !/^-?\d+$/.test(v)) errors.push(`${where}: not an integer`);
      if (f.constraints?.enum && !f.constraints.enum.includes(v)) errors.push(`${where}: not in enum`);
    }),
  );
  return errors;
}

describe('Data Package', () => {
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(fiscalTabularDataPackage);
  let seeds: BudgetDocument[];
  let pkg: DataPackage;
  beforeAll(async () => {
    seeds = await seedDocuments();
    pkg = JSON.parse(dataPackageToJson(documentsToDataPackage(seeds, { facts: true, wide: true }))) as DataPackage;
  });

  it('should validate against the Tabular and Fiscal Data Package profiles', () => {
    expect(validate(pkg), JSON.stringify(validate.errors, null, 1)).toBe(true);
    const withRows = new Set(seeds.flatMap((d) => d.tables.filter((t) => t.rows.length).map((t) => `csv/${t.type}.csv`)));
    expect(pkg.resources.map((r) => r.path).sort()).toEqual(['facts.csv', ...withRows].sort());
  });

  it('should describe every CSV column, in order, with a type every cell satisfies', async () => {
    for (const bom of [false, true]) {
      const files = await csvFiles(seeds, bom);
      // Every CSV with a header row is described; a type printed only empty writes an empty file.
      expect([...files].filter(([, t]) => t.replace(/^\uFEFF/, '').trim()).map(([p]) => p).sort()).toEqual(pkg.resources.map((r) => r.path).sort());
      for (const r of pkg.resources) {
        const [header, ...rows] = await readCsv(files.get(r.path)!);
        expect(r.schema.fields.map((f) => f.name), r.path).toEqual(header);
        expect(typeErrors(r, rows)).toEqual([]);
      }
    }
  });

  it('should type codes as strings, amounts as numbers and the year as an integer', () => {
    const exp = pkg.resources.find((r) => r.name === 'expenditure')!;
    const type = (n: string): string | undefined => exp.schema.fields.find((f) => f.name === n)?.type;
    expect([type('document'), type('key'), type('name'), type('year'), type('total'), type('basic')]).toEqual(['string', 'string', 'string', 'integer', 'number', 'number']);
    expect(pkg.resources[0]!.schema.fields.find((f) => f.name === 'value')).toMatchObject({ type: 'number', bareNumber: true });
  });

  it('should carry the fiscal metadata: CNY, measures in 元 (factor 1), phase, classification dimensions', () => {
    expect(pkg).toMatchObject({ currency: 'CNY', countryCode: 'CN', phase: 'proposed', fiscalPeriod: { start: '2024-01-01', end: '2025-12-31' } });
    expect(pkg).not.toHaveProperty('unit');
    expect(pkg.model.measures['facts']).toEqual({ source: 'amount_yuan', resource: 'facts', currency: 'CNY', factor: 1, phase: 'proposed' });
    expect(pkg.model.measures['expenditure.basic']).toMatchObject({ source: 'basic_yuan', direction: 'expenditure', factor: 1 });
    expect(pkg.model.dimensions['general_expenditure.functional']).toMatchObject({ classificationType: 'functional', attributes: { code: { source: 'key', resource: 'general_expenditure' } } });
    expect(pkg.model.dimensions['basic_expenditure.economic']).toMatchObject({ classificationType: 'economic' });
    // Every measure and attribute names a field of its resource.
    const fieldsOf = (name: string): string[] => pkg.resources.find((r) => r.name === name)?.schema.fields.map((f) => f.name) ?? [];
    for (const m of Object.values(pkg.model.measures)) expect(fieldsOf(m.resource)).toContain(m.source);
    for (const d of Object.values(pkg.model.dimensions)) for (const a of Object.values(d.attributes)) expect(fieldsOf(a.resource)).toContain(a.source);
  });

  it('should say executed for 决算 and leave run-level phase and unit out when documents differ', () => {
    expect([phaseOf('部门预算'), phaseOf('单位预算'), phaseOf('部门决算'), phaseOf('单位决算'), phaseOf(undefined)]).toEqual(['proposed', 'proposed', 'executed', 'executed', undefined]);
    const docs = [fakeDocument([table({ type: 'expenditure', rows: [row('total', '合计', { total: 1 })] })]), fakeDocument([table({ type: 'expenditure', unit: '元', rows: [row('total', '合计', { total: 10000 })] })], { unit: '元', kind: '部门决算', year: 2024 })];
    const mixed = documentsToDataPackage(docs, { facts: true, wide: true });
    expect(validate(mixed), JSON.stringify(validate.errors)).toBe(true);
    expect(mixed.phase).toBe(undefined);
    expect(mixed.documents.map((d) => [d.phase, d.unit.factor])).toEqual([['proposed', 10000], ['executed', 1]]);
    // The unit is a field of every row, not one factor for the whole package.
    const facts = mixed.resources.find((r) => r.name === 'facts')!;
    expect(facts).not.toHaveProperty('unit');
    expect(facts.schema.fields.find((f) => f.name === 'unit')).toMatchObject({ constraints: { required: true, enum: ['元', '万元'] } });
  });

  it('should have a profile schema that rejects what the spec forbids', () => {
    const broken = (edit: (p: DataPackage) => void): boolean => {
      const copy = structuredClone(pkg);
      edit(copy);
      return validate(copy);
    };
    expect(broken((p) => (p.name = 'Budget Extract'))).toBe(false);
    expect(broken((p) => (p.resources[0]!.path = '../facts.csv'))).toBe(false);
    expect(broken((p) => ((p.resources[0]!.schema.fields[0] as { type: string }).type = 'float'))).toBe(false);
    expect(broken((p) => ((p.resources[0]!.schema.fields[0]!.bareNumber = true)))).toBe(false);
    expect(broken((p) => ((p.model.measures['facts'] as { currency: string }).currency = 'yuan'))).toBe(false);
  });

  it('should list only the CSVs written', () => {
    expect(documentsToDataPackage(seeds, { facts: true, wide: false }).resources.map((r) => r.path)).toEqual(['facts.csv']);
    expect(documentsToDataPackage(seeds, { facts: false, wide: true }).resources.some((r) => r.path === 'facts.csv')).toBe(false);
  });
});
