import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { extractOffice } from '../../src/extract/office/index.js';
import { numberText } from '../../src/extract/office/workbook.js';
import { sniffHtmlEncoding } from '../../src/extract/office/html.js';
import { sniffKind } from '../../src/pipeline.js';
import type { Extracted, Line } from '../../src/model.js';
import { writeZip } from './zip-writer.js';

/**
 * The office readers against tests/fixtures/office/cases/case.* — one workbook made with exceljs
 * and converted by LibreOffice (scripts/make-office.mjs): a merged title, a two-level header
 * (经济分类科目 over 科目编码/科目名称, 基本支出 over 人员经费/公用经费, 合计 merged down), a
 * hidden row (399 隐藏的草稿行) and a hidden column (草稿列), number formats (#,##0.00, 0.00,
 * 0.0%), a number typed as text (15.20), formulas with cached results, and a second sheet.
 */
const caseFile = (ext: string): Buffer => readFileSync(new URL(`../fixtures/office/cases/case.${ext}`, import.meta.url));
const read = (ext: string): Extracted => extractOffice(new Uint8Array(caseFile(ext)), `case.${ext}`);
const texts = (lines: Line[]): string[][] => lines.map((l) => l.cells.map((c) => c.text));

/** What every format must give for the case's first table, line by line. */
const TABLE_1 = [
  ['2025年一般公共预算基本支出表'],
  ['单位:万元'],
  ['经济分类科目', '', '合计', '基本支出', '', '备注'],
  ['科目编码', '科目名称', '', '人员经费', '公用经费', ''],
  ['301', '工资福利支出', '1,669.72', '1,669.72', '', '12.5%'],
  ['30101', '基本工资', '60.00', '60.00', '', ''],
  ['302', '商品和服务支出', '15.20', '', '15.20', ''],
  ['30201', '办公费', '3.00', '', '3.00', ''],
  ['合计', '', '1,748.12', '', '', ''],
];
const TABLE_2 = [['2025年部门收入预算表'], ['科目', '合计'], ['行政运行', '12.5']];

describe.each(['xlsx', 'xls', 'ods', 'html', 'docx'])('the %s reader', (ext) => {
  const doc = read(ext);
  const tableLines = doc.lines.filter((l) => l.at.sheet !== undefined || l.at.table !== undefined);

  it('should give each row as a line of cells, sheets and tables in order', () => {
    expect(texts(tableLines)).toEqual([...TABLE_1, ...TABLE_2]);
    expect(doc.kind).toBe(ext);
  });

  it('should give a merged header cell its text in its first column and blanks in the rest, as a ruled PDF table does', () => {
    const [group, leaves] = [tableLines[2]!, tableLines[3]!];
    expect(group.delimited).toBe(true);
    expect(group.cells.map((c) => c.text).slice(3, 5)).toEqual(['基本支出', '']);
    expect(leaves.cells.map((c) => c.text).slice(2, 5)).toEqual(['', '人员经费', '公用经费']);
  });

  it('should give a title row (text only in the first column) as a plain line of words', () => {
    expect(tableLines[0]).toMatchObject({ delimited: false, text: '2025年一般公共预算基本支出表' });
  });

  it('should skip the hidden row and the hidden column', () => {
    const all = doc.lines.map((l) => l.text).join('\n');
    expect(all).not.toContain('隐藏的草稿行');
    expect(all).not.toContain('9999.99');
    expect(all).not.toContain('草稿列');
  });

  it('should show numbers as their format prints them, percentages with their sign, formulas by their saved result', () => {
    expect(tableLines[4]!.cells[2]!.text).toBe('1,669.72');
    expect(tableLines[4]!.cells[5]!.text).toBe('12.5%');
    expect(tableLines[5]!.cells[2]!.text).toBe('60.00');
    expect(tableLines[7]!.cells[2]!.text).toBe('3.00');
    expect(tableLines[8]!.cells[2]!.text).toBe('1,748.12');
  });
});

describe('provenance', () => {
  it.each(['xlsx', 'xls', 'ods'])('should name the sheet and the cell of every %s value', (ext) => {
    const line = read(ext).lines.find((l) => l.text.startsWith('301'))!;
    expect(line.at).toEqual({ file: `case.${ext}`, page: 1, sheet: '表1', row: 5 });
    expect(line.cells[2]!.at).toEqual({ file: `case.${ext}`, page: 1, sheet: '表1', row: 5, cell: 'C5' });
    const second = read(ext).lines.find((l) => l.text.startsWith('行政运行'))!;
    expect(second.cells[1]!.at).toMatchObject({ page: 2, sheet: '表2', cell: 'B3' });
  });

  it.each(['html', 'docx'])('should name the table, row and cell of every %s value', (ext) => {
    const line = read(ext).lines.find((l) => l.text.startsWith('301'))!;
    // LibreOffice leaves the hidden row out of its HTML, so 301 is the table's fifth row here.
    expect(line.cells[2]!.at).toEqual({ file: `case.${ext}`, table: 1, row: 5, cell: 'C5' });
    expect(read(ext).lines.find((l) => l.text.startsWith('行政运行'))!.cells[1]!.at).toMatchObject({ table: 2, row: 3, cell: 'B3' });
  });
});

describe('input sniffing', () => {
  it.each(['xlsx', 'xls', 'ods', 'html', 'docx'])('should send a .%s to the office readers by its bytes', (ext) => {
    expect(sniffKind(new Uint8Array(caseFile(ext)))).toBe('office');
  });

  it('should keep reading a text dump that merely contains markup as text', () => {
    expect(sniffKind(Buffer.from('2025年部门预算\n名称\t<script>alert(1)</script>\t1.00\n'))).toBe('text');
    expect(sniffKind(Buffer.from('<table> is how the page printed it\n'))).toBe('text');
  });
});

describe('web pages', () => {
  const page = (charset: string) =>
    `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>部门预算</title>` +
    `<script>globalThis.__officePwned = 1; document.write('<table><tr><td>201</td><td>9.99</td></tr></table>')</script>` +
    `<style>td { color: red }</style></head><body><h1>2025年部门收入预算表</h1><p>单位：万元</p>` +
    `<table><tr><th rowspan="2">科目名称</th><th colspan="2">一般公共预算</th></tr><tr><th>小计</th><th>其中：财政拨款</th></tr>` +
    `<tr style="display: none"><td>草稿</td><td>1.00</td><td>1.00</td></tr>` +
    `<tr><td>行政<br>运行</td><td>1,669.72</td><td>1,669.72</td></tr>` +
    `<tr><td>合计</td><td><img src="http://example.invalid/x.png" onerror="globalThis.__officePwned = 2">1,669.72</td><td>1,669.72</td></tr></table>` +
    `<iframe src="http://example.invalid/"></iframe><noscript>请启用脚本</noscript></body></html>`;
  const expected = [
    ['2025年部门收入预算表'],
    ['单位:万元'],
    ['科目名称', '一般公共预算', ''],
    ['', '小计', '其中:财政拨款'],
    ['行政运行', '1,669.72', '1,669.72'],
    ['合计', '1,669.72', '1,669.72'],
  ];

  it('should read a GB2312-declared page in GB18030, a UTF-8 page as UTF-8, whatever it declares', () => {
    const gbk = iconv.encode(page('gb2312'), 'gb18030');
    expect(sniffHtmlEncoding(gbk)).toBe('gb18030');
    expect(texts(extractOffice(gbk, 'a.html').lines)).toEqual(expected);
    const mislabelled = Buffer.from(page('gb2312'), 'utf8');
    expect(sniffHtmlEncoding(mislabelled)).toBe('utf-8');
    expect(texts(extractOffice(mislabelled, 'b.html').lines)).toEqual(expected);
    const bom = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(page('utf-16'), 'utf16le')]);
    expect(texts(extractOffice(bom, 'c.html').lines)).toEqual(expected);
  });

  it('should read a GBK page that declares nothing as GB18030', () => {
    const bare = iconv.encode(page('x').replace(/<meta[^>]*>/, ''), 'gbk');
    expect(texts(extractOffice(bare, 'd.html').lines)).toEqual(expected);
  });

  it('should never run a script or fetch anything, and say the scripts were ignored', () => {
    const doc = extractOffice(Buffer.from(page('utf-8')), 'e.html');
    expect((globalThis as { __officePwned?: number }).__officePwned).toBeUndefined();
    expect(doc.lines.map((l) => l.text).join('\n')).not.toMatch(/officePwned|9\.99|请启用脚本|color/);
    expect(doc.issues).toEqual([expect.objectContaining({ kind: 'text_dropped', severity: 'info', message: expect.stringContaining('1 script') })]);
  });

  it('should read the data table inside a layout table as a table, and the layout cells as text', () => {
    const html = `<html><body><table><tr><td>首页 &gt; 预算公开</td></tr><tr><td><p>2025年部门支出预算表</p>` +
      `<table><tr><td>科目</td><td>合计</td></tr><tr><td>行政运行</td><td>12.50</td></tr></table></td></tr></table></body></html>`;
    const doc = extractOffice(Buffer.from(html), 'f.html');
    expect(texts(doc.lines)).toEqual([['首页', '>', '预算公开'], ['2025年部门支出预算表'], ['科目', '合计'], ['行政运行', '12.50']]);
    expect(doc.lines[3]!.cells[1]!.at).toEqual({ file: 'f.html', table: 1, row: 2, cell: 'B2' });
  });

  it('should survive 20,000 nested elements (no recursion) and clamp absurd spans', () => {
    const deep = `<html><body>${'<div>'.repeat(20_000)}2025年部门预算${'</div>'.repeat(20_000)}<table><tr><td colspan="100000000">总计</td><td>1.00</td></tr></table></body></html>`;
    const doc = extractOffice(Buffer.from(deep), 'g.html');
    expect(doc.lines[0]!.text).toBe('2025年部门预算');
    expect(doc.lines[1]!.cells.length).toBe(1001);
  });
});

describe('Word files', () => {
  const docx = (body: string): Buffer =>
    writeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.from(`<w:document xmlns:w="w"><w:body>${body}</w:body></w:document>`) },
    ]);
  const p = (text: string, hidden = false) => `<w:p><w:r>${hidden ? '<w:rPr><w:vanish/></w:rPr>' : ''}<w:t>${text}</w:t></w:r></w:p>`;
  const tc = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${p(text)}</w:tc>`;

  it('should read gridSpan and vMerge as merged cells, and leave hidden text out', () => {
    const body =
      p('2025年部门支出预算表') +
      p('内部草稿', true) +
      `<w:tbl><w:tr>${tc('科目', '<w:vMerge w:val="restart"/>')}${tc('基本支出', '<w:gridSpan w:val="2"/>')}</w:tr>` +
      `<w:tr>${tc('', '<w:vMerge/>')}${tc('人员经费')}${tc('公用经费')}</w:tr>` +
      `<w:tr>${tc('行政运行')}${tc('1,669.72')}${tc('3.00')}</w:tr></w:tbl>`;
    const doc = extractOffice(docx(body), 'a.docx');
    expect(texts(doc.lines)).toEqual([['2025年部门支出预算表'], ['科目', '基本支出', ''], ['', '人员经费', '公用经费'], ['行政运行', '1,669.72', '3.00']]);
    expect(doc.lines[3]!.cells[1]!.at).toEqual({ file: 'a.docx', table: 1, row: 3, cell: 'B3' });
  });
});

describe('large workbooks', () => {
  it('should read a 10,000-row sheet and a 40-sheet workbook in full, in order', async () => {
    const wb = new ExcelJS.Workbook();
    const big = wb.addWorksheet('明细');
    for (let r = 1; r <= 10_000; r++) big.addRow([`2080${String(r).padStart(5, '0')}`, `项目${r}`, r + 0.25, r, 0.25]);
    for (let k = 2; k <= 40; k++) wb.addWorksheet(`表${k}`).addRow([`表${k}`, k]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const started = performance.now();
    const doc = extractOffice(bytes, 'big.xlsx');
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(doc.pages).toBe(40);
    expect(doc.lines).toHaveLength(10_039);
    expect(doc.lines[9_999]!.cells.map((c) => c.text)).toEqual(['208010000', '项目10000', '10000.25', '10000', '0.25']);
    expect(doc.lines.slice(10_000).map((l) => l.at.sheet)).toEqual(Array.from({ length: 39 }, (_, i) => `表${i + 2}`));
  });
});

describe('sheet layout', () => {
  it('should read the title of a table drawn from column C as a plain line, and keep its empty column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表1');
    ws.getCell('C2').value = '2025年部门收入预算表';
    ws.mergeCells('C2:F2');
    // exceljs row values are 1-based: index 3 is column C.
    ws.getRow(3).values = [, , , '科目', '合计', , '一般公共预算'];
    ws.getRow(4).values = [, , , '行政运行', 12.5, , 12.5];
    const doc = extractOffice(new Uint8Array(await wb.xlsx.writeBuffer()), 'margin.xlsx');
    expect(texts(doc.lines)).toEqual([['2025年部门收入预算表'], ['', '', '科目', '合计', '', '一般公共预算'], ['', '', '行政运行', '12.5', '', '12.5']]);
    expect(doc.lines[0]!.delimited).toBe(false);
    expect(doc.lines[2]!.cells[5]!.at.cell).toBe('F4');
  });
});

describe('numbers as a workbook displays them', () => {
  it.each([
    [1669.72, '1,669.72', '#,##0.00', '1,669.72'],
    [-3.5, '(3.50)', '#,##0.00;(#,##0.00)', '(3.50)'],
    [0.125, '12.5%', '0.0%', '12.5%'],
    [0, ' -   ', '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ', '-'],
    [12, '12.00万元', '0.00"万元"', '12.00'],
    [1669.7234, '¥1,669.72', '"¥"#,##0.00', '1669.72'],
    [123456789012, '1.23457E+11', 'General', '123456789012'],
    [1794.1400000000001, '#####', '0.00', '1794.14'],
    [0.30000000000000004, undefined, undefined, '0.3'],
  ])('should give %s shown as %j (format %j) as %j', (value, shown, format, expected) => {
    expect(numberText(value, shown, format)).toBe(expected);
  });
});
