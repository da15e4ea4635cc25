import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentToFacts, type Fact } from '../../src/export/facts.js';
import { neutralizeFormula } from '../../src/export/csv.js';
import { CHECKS_SHEET, CHECK_COLUMNS, documentsToWorkbook, LEADING_COLUMNS, measureOfHeader } from '../../src/export/xlsx.js';
import type { BudgetDocument } from '../../src/model.js';
import { fakeDocument, row, seedDocuments, table } from './seeds.js';

async function load(docs: BudgetDocument[]): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs types its load() input as its own ArrayBuffer-like Buffer; a Node Buffer is one.
  await wb.xlsx.load((await documentsToWorkbook(docs)) as unknown as ArrayBuffer);
  return wb;
}

const headerOf = (ws: ExcelJS.Worksheet): string[] => (ws.getRow(1).values as unknown[]).slice(1).map(String);

/** The facts a person would read off the type sheets: one per filled measure cell. */
function factsOfWorkbook(wb: ExcelJS.Workbook): Fact[] {
  const facts: Fact[] = [];
  for (const ws of wb.worksheets.filter((w) => w.name !== CHECKS_SHEET)) {
    const header = headerOf(ws);
    ws.eachRow((r, n) => {
      if (n === 1) return;
      const at = (c: string): ExcelJS.CellValue => r.getCell(header.indexOf(c) + 1).value;
      const optional = (c: string): Record<string, ExcelJS.CellValue> => (at(c) === null || at(c) === '' ? {} : { [c === 'document_kind' ? 'kind' : c]: at(c) });
      for (let c = LEADING_COLUMNS.length; c < header.length && !header[c]!.endsWith('_yuan'); c++) {
        const value = r.getCell(c + 1).value;
        if (value === null || value === undefined) continue;
        const measure = measureOfHeader(header[c]!);
        facts.push({
          document: String(at('document')), table: ws.name, key: String(at('key')), name: String(at('name')), measure, value: value as number,
          ...optional('department'), ...optional('year'), ...optional('document_kind'), ...optional('phase'),
          unit: at('unit') as Fact['unit'], amount_yuan: at(`${measure}_yuan`) as number,
        } as Fact);
      }
    });
  }
  return facts;
}

const sorted = (facts: Fact[]): string[] => facts.map((f) => JSON.stringify(f)).sort();

describe('Excel workbook', () => {
  let seeds: BudgetDocument[];
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    seeds = await seedDocuments();
    wb = await load(seeds);
  });

  it('should hold exactly the facts of the facts export for the seeds', () => {
    const expected = seeds.flatMap(documentToFacts).map((f) => ({ ...f, document: neutralizeFormula(f.document), key: neutralizeFormula(f.key), name: neutralizeFormula(f.name) }));
    expect(expected.length).toBeGreaterThan(500);
    expect(sorted(factsOfWorkbook(wb))).toEqual(sorted(expected));
  });

  it('should have one sheet per table type, then checks, with a frozen header and the unit in measure headers', () => {
    const types = [...new Set(seeds.flatMap((d) => d.tables.map((t) => t.type)))];
    expect(wb.worksheets.map((w) => w.name)).toEqual([...types, CHECKS_SHEET]);
    const ws = wb.getWorksheet('expenditure')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(headerOf(ws).slice(0, LEADING_COLUMNS.length)).toEqual([...LEADING_COLUMNS]);
    expect(headerOf(ws)).toContain('total (万元)');
  });

  it('should store keys and codes as text and amounts as numbers', () => {
    for (const ws of wb.worksheets.filter((w) => w.name !== CHECKS_SHEET)) {
      const header = headerOf(ws);
      ws.eachRow((r, n) => {
        if (n === 1) return;
        const key = r.getCell(header.indexOf('key') + 1);
        expect(typeof key.value).toBe('string');
        expect(key.numFmt).toBe('@');
        expect(typeof r.getCell(header.indexOf('year') + 1).value).toBe('number');
      });
    }
    const total = wb.getWorksheet('expenditure')!.getRow(2).getCell(LEADING_COLUMNS.length + 1).value;
    expect(typeof total).toBe('number');
  });

  it('should keep 21-digit project codes and leading zeros exact', async () => {
    const doc = fakeDocument([table({ type: 'project_expenditure', rows: [row('410704250000000022173', '项目', { total: 1 }), row('0101', '单位', { total: 2 })] })]);
    const ws = (await load([doc])).getWorksheet('project_expenditure')!;
    expect(ws.getRow(2).getCell(6).value).toBe('410704250000000022173');
    expect(ws.getRow(3).getCell(6).value).toBe('0101');
  });

  it('should list every issue of every document in the checks sheet', () => {
    const ws = wb.getWorksheet(CHECKS_SHEET)!;
    expect(headerOf(ws)).toEqual([...CHECK_COLUMNS]);
    // A failed in-table check is listed by its document and by its table: it is one issue.
    const issues = seeds.reduce((n, d) => n + new Set([...d.issues, ...d.tables.flatMap((t) => t.issues)]).size, 0);
    expect(ws.rowCount - 1).toBe(issues);
    const broken = ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(5).value === 'project_matches_expenditure')!;
    expect(broken.getCell(8).value).toBe(1537.72);
    expect(broken.getCell(9).value).toBe(1669.72);
    expect(broken.getCell(11).value).toBe('000_2f28e9293a4b3d29.txt:254');
  });

  it('should neutralize formula-like text and leave no cell starting with =', async () => {
    const doc = fakeDocument([table({ type: 'expenditure', title: '+cmd|calc', rows: [row('total', '=HYPERLINK("http://evil","x")', { total: -3.5 })] })], { department: '@SUM(A1)' });
    doc.issues.push({ kind: 'identity_broken', severity: 'error', message: '=1+1', table: 'expenditure', key: 'total', measure: 'total', expected: 1, found: -3.5 });
    for (const book of [wb, await load([doc])]) {
      for (const ws of book.worksheets) {
        ws.eachRow((r) =>
          r.eachCell((c) => {
            expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
            if (typeof c.value === 'string') expect(c.value).not.toMatch(/^[=+\-@\t\r]/);
          }),
        );
      }
    }
    const ws = (await load([doc])).getWorksheet('expenditure')!;
    expect(ws.getRow(2).getCell(8).value).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(ws.getRow(2).getCell(2).value).toBe(`'@SUM(A1)`);
    expect(ws.getRow(2).getCell(LEADING_COLUMNS.length + 1).value).toBe(-3.5);
  });

  it('should keep the header plain and the unit in its column when units differ', async () => {
    const docs = [fakeDocument([table({ type: 'expenditure', rows: [row('total', '合计', { total: 1 })] })]), fakeDocument([table({ type: 'expenditure', unit: '元', rows: [row('total', '合计', { total: 10000 })] })], { unit: '元' })];
    const ws = (await load(docs)).getWorksheet('expenditure')!;
    expect(headerOf(ws)).toEqual([...LEADING_COLUMNS, 'total', 'total_yuan']);
    expect([ws.getRow(2).getCell(5).value, ws.getRow(3).getCell(5).value]).toEqual(['万元', '元']);
    // 1 万元 and 10000 元: the same amount in 元, so the two rows can be summed.
    expect([ws.getRow(2).getCell(LEADING_COLUMNS.length + 2).value, ws.getRow(3).getCell(LEADING_COLUMNS.length + 2).value]).toEqual([10000, 10000]);
  });
});
