import { describe, expect, it } from 'vitest';
import { loadJson } from '../../src/data.js';
import { buildLexicon, codeFor, nameFor } from '../../src/extract/ocr-lexicon.js';

const entries = ['functional-classification.json', 'economic-classification.json'].flatMap((f) => loadJson<{ code: string; name: string; aliases?: string[] }[]>(f));
const lexicon = buildLexicon(entries, (t) => t.replace(/\s+/g, ''));

describe('OCR lexicon: a row code and its name checked against each other', () => {
  it('takes a misread name as its code’s listed name when a few letters from it', () => {
    // Read so on bitonal 200 dpi scans of published tables.
    expect(nameFor(lexicon, '2210202', '提积补贴')).toBe('提租补贴');
    expect(nameFor(lexicon, '204', '公共安全多出')).toBe('公共安全支出');
    expect(nameFor(lexicon, '2080506', '机关事业单位站业分金繁费支出')).toBe('机关事业单位职业年金缴费支出');
  });

  it('leaves a name as read when it is the listed name, too far from it, or too short to judge', () => {
    expect(nameFor(lexicon, '2210201', '住房公积金')).toBeUndefined();
    // An older edition's name of 20805 (行政事业单位养老支出 now): the document's own, kept.
    expect(nameFor(lexicon, '20805', '行政事业单位离退休')).toBeUndefined();
    expect(nameFor(lexicon, '20404', '检祭')).toBeUndefined();
    expect(nameFor(lexicon, '99999', '公共安全多出')).toBeUndefined();
  });

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
