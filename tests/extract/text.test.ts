import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText, sniffEncoding, textToLines } from '../../src/extract/text.js';

const sample = '表 3\r\n2025 年部门支出预算表\r\n208\t05\t01\t行政单位离退休\t２．７２\r\n';

describe('text ingestion', () => {
  it('should read UTF-8 with and without a BOM', () => {
    const plain = Buffer.from(sample, 'utf8');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]);
    expect(sniffEncoding(plain)).toBe('utf-8');
    expect(sniffEncoding(bom)).toBe('utf-8');
    expect(decodeText(bom, 'utf-8')).toBe(sample);
  });

  it('should detect GBK/GB18030 text that declares nothing', () => {
    const gbk = iconv.encode(sample, 'gbk');
    expect(sniffEncoding(gbk)).toBe('gb18030');
    expect(decodeText(gbk, 'gb18030')).toBe(sample);
  });

  it('should read UTF-16 with a BOM, and little-endian without one', () => {
    const le = iconv.encode(sample, 'utf16le');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 'utf-16le')).toBe(sample);
    const ascii = iconv.encode('2025 budget\tline one\n208\t05\t01\t2.72\n', 'utf16le');
    expect(sniffEncoding(ascii)).toBe('utf-16le');
  });

  it('should call a file with NUL and control bytes binary', () => {
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    expect(sniffEncoding(junk)).toBe('binary');
  });

  it('should split CRLF lines, keep tab cells (blank ones too) and fold full-width digits', () => {
    const lines = textToLines(sample, 'a.txt');
    const row = lines[2]!;
    expect(row.delimited).toBe(true);
    expect(row.cells.map((c) => c.text)).toEqual(['208', '05', '01', '行政单位离退休', '2.72']);
    expect(row.at).toEqual({ file: 'a.txt', line: 3 });
    const blank = textToLines('合计\t\t1,050.00', 'b.txt')[0]!;
    expect(blank.cells.map((c) => c.text)).toEqual(['合计', '', '1,050.00']);
  });

  it('should split space-separated lines into tokens, marked not delimited', () => {
    const [line] = textToLines('210 15 01 行政运行 31.23 31.23', 'c.txt');
    expect(line!.delimited).toBe(false);
    expect(line!.cells.map((c) => c.text)).toEqual(['210', '15', '01', '行政运行', '31.23', '31.23']);
  });
});

describe('text folding', () => {
  it('should fold radicals some fonts print (⻔ for 门), full-width digits and the ideographic space', () => {
    expect(textToLines('⻔诊 １.００\u3000x', 'f.txt')[0]!.text).toBe('门诊 1.00 x');
  });
});
