import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ExtractError } from '../../src/extract/errors.js';
import { extractOffice } from '../../src/extract/office/index.js';
import { readEntry, zipEntries } from '../../src/extract/office/zip.js';
import { MAX_ZIP_PART_BYTES } from '../../src/extract/limits.js';
import { extractBytes } from '../../src/pipeline.js';
import { writeZip, type Part } from './zip-writer.js';

/**
 * Bad and hostile office files, made here from the case workbook (tests/fixtures/office/cases):
 * each must end in a typed error naming what to do, or in a clean reading with a warning; nothing
 * is evaluated, run or fetched.
 */
const caseXlsx = readFileSync(new URL('../fixtures/office/cases/case.xlsx', import.meta.url));
const MB = 1024 * 1024;

/** The case workbook's parts, changed by `edit` (return a part to replace it, add parts after). */
function repack(edit: (p: Part) => Part = (p) => p, extra: Part[] = []): Buffer {
  const parts = zipEntries(caseXlsx, 'case.xlsx').map((e) => edit({ name: e.name, data: readEntry(caseXlsx, e, 'case.xlsx') }));
  return writeZip([...parts, ...extra]);
}

async function failure(bytes: Uint8Array, file: string): Promise<ExtractError> {
  const e = await extractBytes(bytes, file).then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ExtractError);
  return e as ExtractError;
}

const cfb = (streams: Record<string, Buffer>): Buffer => {
  const c = XLSX.CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) XLSX.CFB.utils.cfb_add(c, name, data);
  return Buffer.from(XLSX.CFB.write(c, { type: 'buffer' }) as Uint8Array);
};

describe('damaged office files', () => {
  it('should call a truncated .xlsx damaged and say to download it again', async () => {
    const e = await failure(caseXlsx.subarray(0, Math.floor(caseXlsx.length / 2)), 'cut.xlsx');
    expect(e.code).toBe('invalid_office');
    expect(e.message).toMatch(/cut\.xlsx: .*download it again.*truncated/);
  });

  it('should call a truncated .xls damaged', async () => {
    const xls = readFileSync(new URL('../fixtures/office/cases/case.xls', import.meta.url));
    expect((await failure(xls.subarray(0, 3000), 'cut.xls')).code).toBe('invalid_office');
  });

  it('should call a part that does not inflate damaged', async () => {
    const zip = repack();
    const sheet = zipEntries(zip, 'x').find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    zip.fill(0xff, sheet.offset + 60, sheet.offset + 90);
    expect((await failure(zip, 'garbled.xlsx')).code).toBe('invalid_office');
  });
});

describe('decompression bombs', () => {
  it('should refuse a part whose declared size is past the budget, before inflating it', async () => {
    // 150 MB of zeros deflate to ~150 KB; the directory says so, and nothing is inflated.
    const bomb = repack((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { name: p.name, data: Buffer.alloc(150 * MB, 0x20) } : p));
    expect(bomb.length).toBeLessThan(MB);
    const started = performance.now();
    const e = await failure(bomb, 'bomb.xlsx');
    expect(e.code).toBe('too_large');
    expect(e.message).toContain(`xl/worksheets/sheet1.xml expands to 150 MB, more than the limit of ${MAX_ZIP_PART_BYTES / MB} MB`);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('should stop inflating a part that expands past the size it declares', async () => {
    const liar = repack((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { name: p.name, data: Buffer.alloc(50 * MB, 0x20), declaredSize: 4096 } : p));
    const e = await failure(liar, 'liar.xlsx');
    expect(e.code).toBe('too_large');
    expect(e.message).toContain('expands past the 4096 bytes it declares');
  });

  it('should refuse a Word file whose document part lies about its size the same way', async () => {
    const liar = writeZip([{ name: 'word/document.xml', data: Buffer.alloc(20 * MB, 0x20), declaredSize: 100 }]);
    expect((await failure(liar, 'liar.docx')).code).toBe('too_large');
  });

  it('should refuse an .ods row repeated ten million times with content', async () => {
    const row = '<table:table-row table:number-rows-repeated="10000000"><table:table-cell><text:p>1.00</text:p></table:table-cell></table:table-row>';
    const ods = writeZip([
      { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet') },
      { name: 'content.xml', data: Buffer.from(`<office:document-content><office:body><office:spreadsheet><table:table table:name="a">${row}</table:table></office:spreadsheet></office:body></office:document-content>`) },
    ]);
    expect((await failure(ods, 'rows.ods')).code).toBe('too_large');
  });
});

describe('formulas, links and macros', () => {
  it('should read the value a formula linking another workbook saved, and say the link was not followed', () => {
    const linked = repack(
      (p) =>
        p.name === 'xl/worksheets/sheet1.xml'
          ? { name: p.name, data: Buffer.from(p.data.toString('utf8').replace(/<f>SUM\([^<]*\)<\/f>/, '<f>[1]Sheet1!$A$1+WEBSERVICE("http://example.invalid/")</f>')) }
          : p,
      [{ name: 'xl/externalLinks/externalLink1.xml', data: Buffer.from('<externalLink><externalBook r:id="rId1"/></externalLink>') }],
    );
    expect(linked.toString('latin1')).not.toContain('SUM(C5');
    const doc = extractOffice(linked, 'linked.xlsx');
    expect(doc.lines.find((l) => l.text.startsWith('合计'))!.cells[2]!.text).toBe('1,748.12');
    expect(doc.issues).toEqual([expect.objectContaining({ kind: 'text_dropped', severity: 'warning', message: expect.stringContaining('links to 1 other file(s)') })]);
  });

  it('should warn that a formula without a saved result reads as blank, never compute it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表1');
    ws.addRow(['行政运行', 12.5]);
    ws.addRow(['合计', { formula: 'B1*2' }]);
    const doc = extractOffice(new Uint8Array(await wb.xlsx.writeBuffer()), 'uncomputed.xlsx');
    expect(doc.lines.map((l) => l.text)).toEqual(['行政运行\t12.5', '合计']);
    expect(doc.issues).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('1 formula cell(s) have no saved result') })]);
  });

  it('should read a macro workbook (.xlsm) and say its macros were neither run nor read', () => {
    const xlsm = repack(undefined, [{ name: 'xl/vbaProject.bin', data: cfb({ VBA: Buffer.from('Sub Auto_Open()\nShell "calc"\nEnd Sub') }) }]);
    const doc = extractOffice(xlsm, 'macro.xlsm');
    expect(doc.lines.some((l) => l.text.startsWith('301'))).toBe(true);
    expect(doc.issues).toEqual([expect.objectContaining({ severity: 'warning', message: 'the workbook holds macros (VBA); they were neither run nor read' })]);
  });

  it('should read a merge that claims the whole sheet without visiting a billion cells', () => {
    const wide = repack((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { name: p.name, data: Buffer.from(p.data.toString('utf8').replace('<mergeCell ref="A1:F1"/>', '<mergeCell ref="A1:XFD1048576"/>')) } : p));
    expect(wide.toString('latin1')).not.toContain('A1:F1');
    const started = performance.now();
    const doc = extractOffice(wide, 'wide.xlsx');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(doc.lines.map((l) => l.text)).toEqual(['2025年一般公共预算基本支出表', '2025年部门收入预算表', '科目\t合计', '行政运行\t12.5']);
  });
});

describe('formats no maintained package reads', () => {
  it.each([
    ['report.doc', { WordDocument: Buffer.alloc(512, 1) }, 'Word 97-2003 (.doc) or WPS (.wps)'],
    ['locked.xlsx', { EncryptedInfo: Buffer.alloc(64), EncryptedPackage: Buffer.alloc(512, 1) }, 'password-protected'],
  ])('should tell the user to save %s as .xlsx or .docx', async (file, streams, what) => {
    const e = await failure(cfb(streams), file);
    expect(e.code).toBe('unsupported_office');
    expect(e.message).toContain(what);
    expect(e.message).toContain('save it as .xlsx (tables) or .docx (documents)');
  });

  it('should tell the user to save an .odt as .docx', async () => {
    const odt = writeZip([{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.text') }, { name: 'content.xml', data: Buffer.from('<x/>') }]);
    const e = await failure(odt, 'report.odt');
    expect(e.code).toBe('unsupported_office');
    expect(e.message).toContain('OpenDocument text (.odt)');
  });

  it('should call a ZIP of other files an archive to unpack', async () => {
    const e = await failure(writeZip([{ name: 'budget.pdf', data: Buffer.from('%PDF-1.7') }]), 'bundle.zip');
    expect(e.code).toBe('unsupported');
    expect(e.message).toContain('unpack it');
  });
});
