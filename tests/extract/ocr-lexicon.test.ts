import { describe, expect, it } from 'vitest';
import { loadJson } from '../../src/data.js';
import { buildLexicon, codeFor } from '../../src/extract/ocr-lexicon.js';

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

  it('keeps a code its row’s name, however misread, is close to', () => {
    // 30299 and 50299 are both 其他商品和服务支出: the code as read stands.
    expect(codeFor(lexicon, '30299', '其他商品种服务率出')).toBeUndefined();
    expect(codeFor(lexicon, '2040401', '行政运行')).toBeUndefined();
  });
});
