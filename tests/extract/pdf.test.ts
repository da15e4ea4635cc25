import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ExtractError, type ExtractErrorCode } from '../../src/extract/errors.js';
import { extractPdf, type PdfOptions } from '../../src/extract/pdf.js';
import type { Extracted, Line } from '../../src/model.js';

// Fixtures are rendered by scripts/render-pdfs.mjs (Chromium, pdf-lib, qpdf) and committed.
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/pdf/${name}`, import.meta.url)));
const extract = (name: string, options?: PdfOptions): Promise<Extracted> =>
  extractPdf(fixture(name), name.split('/').pop()!, options);
const texts = (line: Line) => line.cells.map((c) => c.text);
const height = (line: Line) => line.at.bbox![3] - line.at.bbox![1];

async function failure(name: string, options?: PdfOptions): Promise<ExtractError> {
  try {
    await extract(name, options);
  } catch (e) {
    if (e instanceof ExtractError) return e;
    throw e;
  }
  throw new Error(`${name} was extracted, expected an ExtractError`);
}

function findLine(result: Extracted, first: string, second?: string): Line {
  const line = result.lines.find((l) => l.cells[0]?.text === first && (second === undefined || l.cells[1]?.text === second));
  if (!line) throw new Error(`no line starting ${first} ${second ?? ''}`);
  return line;
}

describe('extractPdf: ruled tables', () => {
  it('reads the row for 208 05 01 of seed 000 as the dump prints it, one cell per grid column', async () => {
    const result = await extract('000_2f28e9293a4b3d29.pdf');
    expect(result.kind).toBe('pdf');
    expect(result.pages).toBeGreaterThan(10);
    const line = result.lines.find((l) => l.text.startsWith('208\t05\t01\t309001\t行政单位离退休\t2.72\t2.72\t2.72'));
    expect(line).toBeDefined();
    const dump = readFileSync(new URL('../../samples/000_2f28e9293a4b3d29.txt', import.meta.url), 'utf8').split('\n');
    // The text dump's line, blank trailing cells included (the name wraps inside its PDF cell).
    expect(dump).toContain(line!.text);
    expect(texts(line!)).toEqual(['208', '05', '01', '309001', '行政单位离退休', '2.72', '2.72', '2.72', '', '', '', '', '', '', '']);
    expect(line!.delimited).toBe(true);
    expect(line!.at).toMatchObject({ file: '000_2f28e9293a4b3d29.pdf', page: 5 });
    for (const cell of line!.cells) {
      expect(cell.at.page).toBe(5);
      expect(cell.at.bbox).toHaveLength(4);
      expect(cell.x1!).toBeGreaterThan(cell.x0!);
    }
    // Cells are in column order, left to right.
    const lefts = line!.cells.map((c) => c.x0!);
    expect([...lefts].sort((a, b) => a - b)).toEqual(lefts);
  });

  it('reads a table split across pages as rows of the same width, the repeated header on each page', async () => {
    const result = await extract('cases/split-table.pdf');
    expect(result.pages).toBeGreaterThanOrEqual(2);
    const rows = result.lines.filter((l) => l.cells[0]?.text === '210');
    expect(rows).toHaveLength(70);
    const pages = new Set(rows.map((l) => l.at.page));
    expect(pages.size).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      expect(row.delimited).toBe(true);
      expect(row.cells).toHaveLength(7);
    }
    // Serial item codes run on across the page break.
    expect(rows.map((l) => l.cells[2]!.text)).toEqual(Array.from({ length: 70 }, (_, i) => String(i + 1).padStart(2, '0')));
    // The merged header cells: 科目编码 spans three columns, the others span two rows.
    const headers = result.lines.filter((l) => l.cells[0]?.text === '科目编码');
    expect(headers.map((l) => l.at.page)).toEqual([...pages].sort());
    expect(texts(headers[0]!)).toEqual(['科目编码', '', '', '科目名称', '合计', '基本支出', '项目支出']);
    expect(texts(findLine(result, '类'))).toEqual(['类', '款', '项', '', '', '', '']);
    expect(texts(findLine(result, '210', '12'))).toEqual(['210', '12', '02', '一般行政管理事务', '11.25', '11.25', '']);
  });

  it('keeps a name wrapped over two lines inside one ruled cell as one cell', async () => {
    const result = await extract('cases/wrapped-cell.pdf');
    const wrapped = findLine(result, '2101202');
    const single = findLine(result, '2101301');
    expect(texts(wrapped)).toEqual(['2101202', '财政对城乡居民基本医疗保险基金的补助', '1050.00', '1050.00']);
    expect(texts(single)).toEqual(['2101301', '城乡医疗救助', '135.00', '135.00']);
    // The name really is printed on two lines: its row is about twice as tall.
    expect(height(wrapped)).toBeGreaterThan(1.6 * height(single));
  });

  it('reads a landscape page', async () => {
    const result = await extract('cases/landscape.pdf');
    const row = findLine(result, '208');
    expect(texts(row)).toEqual(['208', '05', '01', '309001', '行政单位离退休', '2.72', '2.72', '', '', '', '', '', '', '']);
    expect(texts(findLine(result, '210'))).toHaveLength(14);
    // Points run across the long side of an A4 sheet.
    expect(row.at.bbox![2]).toBeGreaterThan(600);
    // The slanted 内部资料 stamp is skipped, and reported, rather than mixed into the table.
    expect(result.lines.some((l) => /内|资料/.test(l.text))).toBe(false);
    expect(result.issues).toEqual([
      expect.objectContaining({ kind: 'text_dropped', severity: 'info', message: expect.stringMatching(/^4 glyph/) }),
    ]);
  });

  it('reads a /Rotate 90 page upright, in reading order', async () => {
    const bytes = fixture('cases/rotated.pdf');
    expect((await PDFDocument.load(bytes)).getPage(0).getRotation().angle).toBe(90);
    const result = await extractPdf(bytes, 'rotated.pdf');
    expect(result.lines.map((l) => l.text)).toEqual([
      '2025年财政拨款收支预算总表',
      '项目\t金额\t项目\t金额',
      '一般公共预算拨款收入\t1794.14\t社会保障和就业支出\t16.84',
      '政府性基金预算拨款收入\t\t卫生健康支出\t1777.30',
    ]);
    expect(result.lines[1]!.at.bbox![0]).toBeLessThan(result.lines[1]!.at.bbox![2]);
    expect(result.lines[0]!.at.bbox![1]).toBeLessThan(result.lines[1]!.at.bbox![1]);
  });
});

describe('extractPdf: text outside ruled grids', () => {
  it('keeps a wrapped name in its row of a table ruled between rows only, and a blank cell in place', async () => {
    const result = await extract('cases/row-rules.pdf');
    const rows = result.lines.filter((l) => l.delimited);
    expect(rows.map(texts)).toEqual([
      ['科目编码', '科目名称', '合计', '一般公共预算'],
      ['2101202', '财政对城乡居民基本医疗保险基金的补助', '1050.00', '1050.00'],
      ['2101301', '城乡医疗救助', '135.00', ''],
      ['2101501', '行政运行', '29.68', '29.68'],
    ]);
    // The name really is printed on two lines, with no rule between its columns.
    const wrapped = findLine(result, '2101202');
    expect(height(wrapped)).toBeGreaterThan(1.6 * height(findLine(result, '2101301')));
  });

  it('splits a borderless table into cells at column gaps and keeps blank cells in place', async () => {
    const result = await extract('cases/borderless.pdf');
    const title = result.lines[0]!;
    expect(title.text).toBe('2025年一般公共预算基本支出表');
    expect(title.delimited).toBe(false);
    const table = result.lines.slice(1);
    expect(table.map(texts)).toEqual([
      ['经济分类科目', '', '合计', '人员经费', '公用经费'],
      ['301', '工资福利支出', '120.50', '120.50', ''],
      ['30101', '基本工资', '60.00', '60.00', ''],
      ['302', '商品和服务支出', '15.20', '', '15.20'],
      ['30201', '办公费', '3.00', '', '3.00'],
      ['', '合计', '135.70', '120.50', '15.20'],
    ]);
    expect(table.every((l) => l.delimited)).toBe(true);
  });

  it('rebuilds a table with no rules at all: wrapped names joined to their row, header labels stacked over their columns', async () => {
    const result = await extract('cases/borderless-wrapped.pdf');
    expect(result.lines.map(texts)).toEqual([
      ['2025年部门支出预算表'],
      // 科目编码 and 基本支出 head the first column they span, as a ruled grid's merged cell does.
      ['科目编码', '', '', '', '', '基本支出', '', '', ''],
      ['类', '款', '项', '科目名称', '合计', '小计', '人员经费', '公用经费', '项目支出'],
      ['208', '05', '01', '行政单位离退休', '2.72', '2.72', '2.54', '0.18', ''],
      ['210', '12', '02', '财政对城乡居民基本医疗保险基金的补助', '1050.00', '', '', '', '1050.00'],
      ['210', '15', '01', '行政运行', '29.68', '28.06', '23.73', '4.33', '1.62'],
      ['合计', '', '', '', '1082.40', '30.78', '26.27', '4.51', '1051.62'],
    ]);
    expect(result.lines.slice(1).every((l) => l.delimited)).toBe(true);
  });

  it('keeps paragraphs as undelimited lines of words', async () => {
    const result = await extract('000_2f28e9293a4b3d29.pdf');
    const line = result.lines.find((l) => l.text === '2025 年度部门预算');
    expect(line).toBeDefined();
    expect(line!.delimited).toBe(false);
    expect(texts(line!)).toEqual(['2025', '年度部门预算']);
  });
});

describe('extractPdf: text normalization', () => {
  it('maps CJK radicals to ideographs (fonts that map 门 to ⻔), flags glyphs without Unicode and reads a character at code 0x20', async () => {
    const result = await extract('cases/tounicode.pdf');
    expect(result.lines.map((l) => l.text)).toEqual(['部门预算', '一西', '2 7', '部体预']);
    expect(result.issues).toEqual([
      expect.objectContaining({ kind: 'text_dropped', severity: 'warning', at: { file: 'tounicode.pdf', page: 2 } }),
    ]);
  });

  it('folds the radicals Chromium writes for the Type 3 title font', async () => {
    const result = await extract('cases/wrapped-cell.pdf');
    expect(result.lines[0]!.text).toBe('2025年部门收入预算表');
  });

  it('reads a CJK font that is not embedded, through the bundled CMaps', async () => {
    const result = await extract('cases/cjk-not-embedded.pdf');
    expect(result.lines.map((l) => l.text)).toEqual(['2025年部门预算公开', '部门名称:新乡市凤泉区医疗保障局']);
  });
});

describe('extractPdf: documents it cannot read', () => {
  const cases: [string, ExtractErrorCode, PdfOptions?][] = [
    ['cases/no-text-layer.pdf', 'no_text_layer'],
    ['cases/encrypted.pdf', 'encrypted'],
    ['cases/encrypted.pdf', 'encrypted', { password: 'wrong' }],
    ['cases/truncated.pdf', 'invalid_pdf'],
    ['cases/split-table.pdf', 'too_large', { maxPages: 1 }],
  ];
  it.each(cases)('%s → %s', async (name, code, options) => {
    const error = await failure(name, options);
    expect(error.code).toBe(code);
    expect(error.file).toBe(name.split('/').pop());
  });

  it('extracts the text pages of a partly scanned document and flags the scanned page', async () => {
    const result = await extract('cases/mixed-scan.pdf');
    expect(result.pages).toBe(2);
    expect(new Set(result.lines.map((l) => l.at.page))).toEqual(new Set([1]));
    expect(result.issues).toEqual([
      expect.objectContaining({ kind: 'text_dropped', severity: 'warning', at: { file: 'mixed-scan.pdf', page: 2 } }),
    ]);
  });

  it('tells the user to pass a password, and opens with the right one', async () => {
    expect((await failure('cases/encrypted.pdf')).message).toMatch(/--password/);
    const result = await extract('cases/encrypted.pdf', { password: 'user' });
    expect(texts(findLine(result, '2101301'))).toEqual(['2101301', '城乡医疗救助', '135.00', '135.00']);
  });

  it('rejects a file that is not a PDF', async () => {
    const text = readFileSync(new URL('../../samples/000_2f28e9293a4b3d29.txt', import.meta.url));
    await expect(extractPdf(new Uint8Array(text), 'x.pdf')).rejects.toMatchObject({ code: 'invalid_pdf' });
    await expect(extractPdf(new Uint8Array(0), 'x.pdf')).rejects.toMatchObject({ code: 'empty' });
  });

  it('leaves the caller’s bytes usable', async () => {
    const bytes = fixture('cases/landscape.pdf');
    const length = bytes.length;
    await extractPdf(bytes, 'landscape.pdf');
    expect(bytes.length).toBe(length);
    await expect(extractPdf(bytes, 'landscape.pdf')).resolves.toMatchObject({ kind: 'pdf', pages: 1 });
  });
});
