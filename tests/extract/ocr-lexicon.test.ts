import { describe, expect, it } from 'vitest';
import { loadJson } from '../../src/data.js';
import { buildLexicon, codeFor, listedAs } from '../../src/extract/ocr-lexicon.js';
import { codeReading } from '../../src/extract/ocr-repair.js';

const codeDigits = (text: string) => codeReading(text)?.digits;

const entries = ['functional-classification.json', 'economic-classification.json'].flatMap((f) => loadJson<{ code: string; name: string; aliases?: string[] }[]>(f));
const lexicon = buildLexicon(entries, (t) => t.replace(/\s+/g, ''));

describe('OCR lexicon: a row’s code checked against its name', () => {
  it('takes a code one digit from the listed code its row’s name names', () => {
    expect(codeFor(lexicon, '20104', '检察')).toBe('20404');
    // A digit read twice (2080505 read 20805095).
    expect(codeFor(lexicon, '20805095', '机关事业单位基本养老保险缴费支出')).toBe('2080505');
  });

  it('settles a name several codes share by the 类 and 款 above the row', () => {
    // 行政运行 is item 01 of every 款: one digit from 2030401 are 2040401, 2030101, …
    expect(codeFor(lexicon, '2030401', '行政运行')).toBeUndefined();
    expect(codeFor(lexicon, '2030401', '行政运行', ['204', '20404'])).toBe('2040401');
  });

  it('takes the code under the nearest 款 above before one under the 类 only, and replaces a listed code out of place', () => {
    // 江苏省人民检察院 2018, bitonal 200 dpi: 2040401 行政运行 read 2040101 (the 4 lost its
    // crossbar) under 20404 检察. 2040101 is listed under no name, but 2040201 行政运行 is a digit
    // from it under 204 too.
    expect(codeFor(lexicon, '2040101', '行政运行', ['204', '20404'])).toBe('2040401');
    // 2010101 行政运行 is listed: read under 20404 it is out of place, and 2040401 is a digit from it.
    expect(codeFor(lexicon, '2010401', '行政运行', ['204', '20404'])).toBe('2040401');
    // In place, or with no code in place a digit from it, a listed code stands.
    expect(codeFor(lexicon, '2010101', '行政运行', ['201', '20101'])).toBeUndefined();
    expect(codeFor(lexicon, '2010101', '行政运行', ['208', '20805'])).toBeUndefined();
  });

  it('keeps a code its row’s name, however misread, is close to', () => {
    // 30299 and 50299 are both 其他商品和服务支出: the code as read stands.
    expect(codeFor(lexicon, '30299', '其他商品种服务率出')).toBeUndefined();
    expect(codeFor(lexicon, '2040401', '行政运行')).toBeUndefined();
  });

  it('reads a code piece with marks or letters read for digits, and confirms a code by its row\u2019s name', () => {
    expect(['|1', ']1', '2O8', 'l0', '[5'].map(codeDigits)).toEqual(['11', '11', '208', '10', '15']);
    // Digits already, no digit, a letter no digit looks like, a single digit: not a code piece to read.
    expect(['11', 'll', '2x', ']'].map(codeDigits)).toEqual([undefined, undefined, undefined, undefined]);
    // Marks at the edges dropped; a mark dropped is told from a letter read.
    expect(["201.", "'06", ']1'].map(codeReading)).toEqual([{ digits: '201', letters: false }, { digits: '06', letters: false }, { digits: '11', letters: true }]);
    // A speck a blank apart from the piece (`208 .`, read as one word): dropped with its blank.
    expect(['208 .', '. 05'].map(codeDigits)).toEqual(['208', '05']);
    expect(listedAs(lexicon, '2101102', '事业单位医疗')).toBe(true);
    expect(listedAs(lexicon, '2101102', '行政单位医疗')).toBe(true); // two letters of six: within a third
    expect(listedAs(lexicon, '2101102', '城乡医疗救助')).toBe(false);
  });
});
