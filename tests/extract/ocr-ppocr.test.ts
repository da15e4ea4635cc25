import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkImageBudget } from '../../src/extract/image-header.js';
import { nameFromReference } from '../../src/normalize/names.js';
import { autoEngine, extractImage, MIN_TABLE_RULES } from '../../src/extract/ocr.js';
import { extractBytes } from '../../src/pipeline.js';
import { closeOcr, loadedEngines } from '../../src/extract/ocr-pool.js';
import { ctcDecode, IDLE_RELEASE_MS, mergeOverlapping, partedRun, pointlessRun, ppocrLine, ppocrSessions, splitChars, unreadPoints, type BoxInk, type CtcChar } from '../../src/extract/ocr-ppocr.js';

/**
 * The PP-OCRv4 engine (src/extract/ocr-ppocr.ts): its CTC decoding and the cutting of a detected
 * box's letters into pieces, on synthetic input; and one committed scan read through it.
 */

const root = new URL('../..', import.meta.url).pathname;
afterAll(() => closeOcr());

/** T steps of C classes, each step sure of one class (probability p, the rest shared). */
function steps(classes: number[], C: number, p = 0.9): Float32Array {
  const out = new Float32Array(classes.length * C).fill((1 - p) / (C - 1));
  classes.forEach((c, i) => (out[i * C + c] = p));
  return out;
}

describe('CTC decoding', () => {
  const dict = ['', '1', '2', '.', '支', ' '];
  const C = dict.length;

  it('collapses repeated steps into one letter placed at their centre, and reads a letter twice across a blank', () => {
    // steps: 1 1 _ 1 . . 2 _ _ 支
    const chars = ctcDecode(steps([1, 1, 0, 1, 3, 3, 2, 0, 0, 4], C), 10, C, dict);
    expect(chars.map((c) => c.text).join('')).toBe('11.2支');
    expect(chars.map((c) => c.x)).toEqual([1, 3.5, 5, 6.5, 9.5]);
  });

  it('reads only the allowed letters when masked (a digit whitelist), the next most likely in place of the others', () => {
    const probs = steps([4, 0, 1], C, 0.6);
    probs[0 * C + 2] = 0.3; // second choice of step 0: 2
    const allowed = dict.map((d, c) => c === 0 || (d !== '' && '0123456789.,-'.includes(d)));
    expect(ctcDecode(probs, 3, C, dict, allowed).map((c) => c.text)).toEqual(['2', '1']);
  });
});

describe('letters → pieces', () => {
  /** A box's ink from a pattern of columns: '#' inked, ':' a mark lighter than ink, '.' paper, starting at x = 100, 20 px high. */
  const inkOf = (pattern: string): BoxInk => ({
    x0: 100,
    y0: 50,
    x1: 100 + pattern.length,
    y1: 70,
    columns: [...pattern].map((c) => (c === '#' ? 5 : 0)),
    marks: [...pattern].map((c) => (c === '.' ? 0 : 5)),
  });
  const at = (text: string, x: number): CtcChar => ({ text, x, p: 0.95 });

  it('cuts two cells run into one box where a rule ran between them, trimming each piece to its ink', () => {
    const ink = inkOf('####.####.##....####.####');
    const pieces = splitChars([at('行', 102), at('政', 107), at('运', 111), at('1', 118), at('2', 122)], ink, [115]);
    expect(pieces.map((p) => [p.text, p.x0, p.x1])).toEqual([
      ['行政运', 100, 112],
      ['12', 116, 125],
    ]);
    // One printed line: the box's baseline and height for both.
    expect(pieces.every((p) => p.baseline === 70 && p.em === 20)).toBe(true);
  });

  it('cuts at a blank wider than 0.8 em, and where CTC read a space at one wider than 0.3 em', () => {
    const wide = inkOf(`###${'.'.repeat(17)}###`);
    expect(splitChars([at('a', 101), at('b', 121)], wide, []).map((p) => p.text)).toEqual(['a', 'b']);
    const spaced = inkOf(`###${'.'.repeat(7)}###`);
    expect(splitChars([at('1', 101), at(' ', 106), at('2', 111)], spaced, []).map((p) => p.text)).toEqual(['1', '2']);
    expect(splitChars([at('1', 101), at('2', 111)], spaced, []).map((p) => p.text)).toEqual(['12']);
  });

  it('keeps a decimal point with its digits across a blank a word space would part (3 .87), not across a wider one', () => {
    // Bitonal 200 dpi: the point stands a blank of 0.45 em from its digits, more than 2.5 times the
    // digits' own spacing, and CTC read a space; further from both it is a speck between two cells.
    const near = inkOf(`####${'.'.repeat(9)}##${'.'.repeat(9)}####.####`);
    const read = (point: string) => splitChars([at('3', 101.5), at(' ', 108), at(point, 113.5), at('8', 125.5), at('7', 130.5)], near, []).map((p) => p.text);
    expect(read('.')).toEqual(['3.87']);
    expect(read('-')).toEqual(['3', '-87']);
    // A speck between two code pieces (11 | 03), blanks of 0.5 and 0.7 em: two words.
    const far = inkOf(`####${'.'.repeat(10)}##${'.'.repeat(14)}####.####`);
    expect(splitChars([at('1', 101.5), at('1', 103), at(' ', 109), at('.', 114.5), at(' ', 123), at('0', 131.5), at('3', 136.5)], far, []).map((p) => p.text)).toEqual(['11', '.', '03']);
  });

  it('drops points read in blanks with no mark at all when a run holds two (210.13.01 → 210 | 13 | 01), not one', () => {
    // Code pieces 210 13 01 printed 0.5 em apart on a specked bitonal page, CTC reading a point in each blank.
    const pieces = inkOf(`#.#.#${'.'.repeat(10)}#.#${'.'.repeat(10)}#.#`);
    const letters = [at('2', 100), at('1', 102), at('0', 104), at('.', 108), at('1', 115), at('3', 117), at('.', 121), at('0', 128), at('1', 130)];
    expect(splitChars(letters, pieces, []).map((p) => p.text)).toEqual(['210', '13', '01']);
    // One such point is kept: a printed point thresholded light leaves no ink either (42.48).
    expect(splitChars(letters.slice(0, 6), pieces, []).map((p) => p.text)).toEqual(['210.13']);
    // Nor are two when one of them has its ink (a speck among decimals, 10.6.7, is read later)…
    const printed = inkOf(`#.#.#${'.'.repeat(3)}#${'.'.repeat(6)}#.#${'.'.repeat(10)}#.#`);
    expect(splitChars(letters, printed, []).map((p) => p.text)).toEqual(['210.13.01']);
    // …or a mark lighter than ink (a dark scan's points: 74.3774.3773.05 is three amounts)…
    const faint = inkOf(`#.#.#${'.'.repeat(4)}:${'.'.repeat(5)}#.#${'.'.repeat(10)}#.#`);
    expect(splitChars(letters, faint, []).map((p) => p.text)).toEqual(['210.13.01']);
    // …or a point whose ink stands a little off where CTC placed it: the blank is not one run.
    const beside = inkOf(`#.#.#...#${'.'.repeat(6)}#.#...#${'.'.repeat(6)}#.#`);
    const placed = [at('2', 100), at('1', 102), at('0', 104), at('.', 110), at('1', 115), at('3', 117), at('.', 123), at('0', 128), at('1', 130)];
    expect(splitChars(placed, beside, []).map((p) => p.text)).toEqual(['210.13.01']);
    // Two amounts a space apart each keep their point (794.14 124.42), whatever the blanks.
    const two = [at('7', 100), at('9', 102), at('4', 104), at('.', 108), at('1', 115), at('4', 117), at(' ', 121), at('1', 128), at('2', 130), at('.', 134), at('4', 140), at('2', 142)];
    const apart = inkOf(`#.#.#${'.'.repeat(10)}#.#${'.'.repeat(10)}#.#${'.'.repeat(9)}#.#`);
    expect(splitChars(two, apart, []).map((p) => p.text)).toEqual(['794.14', '12.42']);
  });

  /** Letters laid left to right from x = 100, each two columns of ink (a point one) and then its blank. */
  const laid = (letters: [string, number][]) => {
    let pattern = '';
    const chars = letters.map(([text, blank]) => {
      const c = at(text, 100 + pattern.length + 0.5);
      pattern += (text === '.' ? '#' : '##') + '.'.repeat(blank);
      return c;
    });
    return splitChars(chars, inkOf(pattern), []).map((p) => p.text);
  };

  it('parts amounts read as one word after as many decimals as the last prints (1.801.80), where they stand apart', () => {
    // Seed 004 printed as text in a serif, scanned bitonal at 300 dpi: 1.80 1.80 read as one word,
    // the space between them no wider than a word space CTC missed.
    const amounts = (space: number) => laid([['1', 2], ['.', 2], ['8', 2], ['0', space], ['1', 2], ['.', 2], ['8', 2], ['0', 0]]);
    expect(amounts(5)).toEqual(['1.80', '1.80']);
    // No wider than the digits' own blanks, it is one figure misread (117.116.21: a speck after 117), left whole.
    expect(amounts(2)).toEqual(['1.801.80']);
    // A point right after the decimals is dust in the space; the next amount has its own (7.93.2095.50).
    const dusty = laid([['7', 2], ['.', 2], ['9', 2], ['3', 2], ['.', 2], ['2', 2], ['0', 2], ['9', 2], ['5', 2], ['.', 2], ['5', 2], ['0', 0]]);
    expect(dusty).toEqual(['7.93', '2095.50']);
    // Zeros leading an amount are amounts (1.80 0 0 1.80), and code pieces with specks are no amounts (210.13.01).
    expect(laid([['1', 2], ['.', 2], ['8', 2], ['0', 5], ['0', 5], ['0', 5], ['1', 2], ['.', 2], ['8', 2], ['0', 0]])).toEqual(['1.80', '0', '0', '1.80']);
    expect(laid([['2', 2], ['1', 2], ['0', 2], ['.', 2], ['1', 2], ['3', 2], ['.', 2], ['0', 2], ['1', 0]])).toEqual(['210.13.01']);
  });

  it('joins a number and the decimals after it where the scan lost the point, in a line whose amounts print them', () => {
    // Seed 004 printed as text in a serif, scanned bitonal at 200 dpi: 1.80 1.80 1.80 read
    // `1.80 | 1.80 | 1 | 80`, the point a pixel gone with the dust, its blank a space's width.
    const piece = (text: string, ruled = false) => ({ text, ruled });
    expect(unreadPoints(['行政单位医疗', '1.80', '1.80', '1', '80'].map((t) => piece(t)))).toEqual([3]);
    expect(unreadPoints(['行政运行', '31.23', '31', '23', '27', '36', '3.87'].map((t) => piece(t)))).toEqual([2, 4]);
    // Before a name, the line's code pieces (210 15 01); with no amount printing a point, nothing (12 78).
    expect(unreadPoints(['210', '15', '01', '信息化建设', '1.80'].map((t) => piece(t)))).toEqual([]);
    expect(unreadPoints(['合计', '12', '78'].map((t) => piece(t)))).toEqual([]);
    // Decimals other than the line's, a leading zero, or a rule between them: two cells.
    expect(unreadPoints(['合计', '1.80', '1', '805'].map((t) => piece(t)))).toEqual([]);
    expect(unreadPoints(['合计', '1.80', '01', '80'].map((t) => piece(t)))).toEqual([]);
    expect(unreadPoints([piece('合计'), piece('1.80'), piece('1'), piece('80', true)])).toEqual([]);
    // Decimals end an amount: paired from the line's end (20805 | 55 | 74 is a code and 55.74).
    expect(unreadPoints(['养老支出', '58.74', '20805', '55', '74'].map((t) => piece(t)))).toEqual([3]);
    // A code's pieces before a name are no amount (30110 | 职工基本医疗保险缴费 | 501 | 02 | 社会保障缴费 | 1.80).
    expect(unreadPoints(['30110', '职工基本医疗保险缴费', '501', '02', '社会保障缴费', '1.80'].map((t) => piece(t)))).toEqual([]);
    // In a box's letters: the blank where the point was is a space CTC read.
    const letters = [at('行', 102), at(' ', 108), at('1', 112), at('.', 114), at('8', 116), at('0', 118), at(' ', 122), at('1', 126), at(' ', 130), at('8', 134), at('0', 136)];
    const ink = inkOf(`#####${'.'.repeat(7)}#.#.#.#${'.'.repeat(7)}#${'.'.repeat(7)}#.#`);
    expect(splitChars(letters, ink, []).map((p) => p.text)).toEqual(['行', '1.80', '1.80']);
  });

  it('parts any amounts of two decimals read as one word, a point of dust between some of them or not', () => {
    const amount = fc.tuple(fc.nat(99999), fc.nat(99)).map(([whole, cents]) => `${whole}.${String(cents).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.array(fc.tuple(amount, fc.boolean()), { minLength: 2, maxLength: 8 }), (amounts) => {
        let run = '';
        const starts: number[] = [];
        const dust: number[] = [];
        amounts.forEach(([text, dusty], k) => {
          if (k > 0 && dusty) {
            dust.push(run.length);
            run += '.';
          }
          if (k > 0) starts.push(run.length);
          run += text;
        });
        expect(partedRun(run)).toEqual({ starts, dust });
      }),
    );
  });

  it('reads a 0 opening an amount before more digits as an amount of its own, however near the next', () => {
    // Seed 004 in a serif, bitonal 300 dpi, page 5: `1.80 0 0 1.80 1.80` read as one word whose
    // 0s stood no further apart than the digits of one amount; no amount prints `01.80`.
    const blanks = [4, 2, 2, 6, 4, 6, 4, 2, 2, 6, 4, 2, 2, 0];
    expect(laid([...'1.80001.801.80'].map((c, i) => [c, blanks[i]!] as [string, number]))).toEqual(['1.80', '0', '0', '1.80', '1.80']);
  });

  it('parts amounts whose points and spaces a thin face lost at the blanks they left', () => {
    // Seed 004 in a serif, bitonal 300 dpi, page 7: `207.00 207.00 207.00` read 2070020700207.00,
    // the blanks (px) where points and spaces were 12-14 against the digits' 3-7.
    const blanks = [5, 6, 14, 3, 12, 4, 7, 14, 3, 12, 4, 4, 12, 6, 6];
    expect(pointlessRun('2070020700207.00', blanks, 7.8)).toEqual({ starts: [5, 10], points: [3, 8] });
    // One amount: a 1's blanks are wider than other digits', not a space's.
    expect(pointlessRun('2101101.00', [8, 7, 5, 8, 8, 7, 12, 6, 6], 7.8)).toBeUndefined();
    // Wide blanks that do not part the run into whole and decimals in turn, or no wider than a space.
    expect(pointlessRun('1234567.89', [4, 4, 14, 4, 4, 14, 12, 5, 5], 7.8)).toBeUndefined();
    expect(pointlessRun('20700207.00', [2, 2, 6, 2, 5, 2, 2, 5, 3, 3], 7.8)).toBeUndefined();
    // A 1's blanks are wide by its shape (the third set's bitonal 200 dpi 收支总表: 1777.30 read 1.77 | 7.30).
    expect(pointlessRun('1777.30', [11, 4, 8, 3, 4, 4], 7.8)).toBeUndefined();
  });

  it('parts any amounts run together without their points where the blanks stand apart', () => {
    // Without 1s, whose own blanks are wide (see above).
    const no1 = (text: string) => text.replace(/1/g, '2');
    const amount = fc.tuple(fc.integer({ min: 1, max: 99999 }), fc.nat(99)).map(([whole, cents]) => [no1(String(whole)), no1(String(cents).padStart(2, '0'))] as const);
    fc.assert(
      fc.property(fc.array(amount, { minLength: 2, maxLength: 6 }), fc.integer({ min: 2, max: 7 }), (amounts, narrow) => {
        let run = '';
        const blanks: number[] = [];
        const starts: number[] = [];
        const points: number[] = [];
        amounts.forEach(([whole, cents], k) => {
          const last = k === amounts.length - 1;
          for (const [i, d] of [...whole].entries()) {
            if (run) blanks.push(i === 0 ? 3 * narrow + 2 : narrow);
            if (i === 0 && k > 0) starts.push(run.length);
            run += d;
          }
          if (last) {
            blanks.push(narrow);
            run += '.';
          } else points.push(run.length);
          for (const d of cents) {
            blanks.push(run.endsWith('.') ? narrow : run.length === points[points.length - 1] ? 3 * narrow + 2 : narrow);
            run += d;
          }
        });
        expect(pointlessRun(run, blanks, 7.8)).toEqual({ starts, points });
      }),
    );
  });

  it('parts a figure from a word at a blank half as wide again as the usual, not digits from digits', () => {
    // 210 11 01 行政运行: the space 17 px against letters' 8 (blank 8 against 4 here), CTC reading none.
    expect(laid([['0', 4], ['1', 8], ['行', 4], ['政', 0]])).toEqual(['01', '行政']);
    expect(laid([['0', 4], ['1', 8], ['2', 4], ['3', 0]])).toEqual(['0123']);
    // Typeset against a word (2025年), a figure stays with it.
    expect(laid([['2', 4], ['5', 4], ['年', 4], ['部', 0]])).toEqual(['25年部']);
    // Dust read as a point in the space (01.住房) is read with neither side.
    expect(laid([['0', 4], ['1', 5], ['.', 3], ['住', 4], ['房', 0]])).toEqual(['01', '住房']);
  });

  it('drops a space read after a separator where the ink shows no gap (4, 620 → 4,620)', () => {
    const ink = inkOf('##.#.###.###');
    const pieces = splitChars([at('4', 100.5), at(',', 103), at(' ', 104), at('6', 105), at('2', 106.5), at('0', 109.5)], ink, []);
    expect(pieces.map((p) => p.text)).toEqual(['4,620']);
    expect(pieces[0]!.confidence).toBeCloseTo(95);
  });
});

describe('detected boxes', () => {
  it('joins a letter given a box of its own overlapping its line’s (一 | 般公共预算…), and keeps lines and cells apart', () => {
    const title = { x0: 915, y0: 77, x1: 1756, y1: 150 };
    const one = { x0: 866, y0: 90, x1: 947, y1: 136 };
    const below = { x0: 900, y0: 140, x1: 1200, y1: 190 };
    const beside = { x0: 1760, y0: 80, x1: 1900, y1: 150 };
    expect(mergeOverlapping([title, one, below, beside])).toEqual([{ x0: 866, y0: 77, x1: 1756, y1: 150 }, below, beside]);
  });
});

describe('the engine `auto` reads a page with', () => {
  it('is PP-OCR for a bitonal page or one that rules a table, tesseract for a gray page of text', () => {
    const rule = { y: 0 };
    expect(autoEngine({ bitonal: true, rules: [] })).toBe('ppocr');
    expect(autoEngine({ bitonal: false, rules: Array(MIN_TABLE_RULES).fill(rule) })).toBe('ppocr');
    expect(autoEngine({ bitonal: false, rules: Array(MIN_TABLE_RULES - 1).fill(rule) })).toBe('tesseract');
  });

  it('reads an amount whose point stands apart from its digits as one figure, in its column (3 .87)', async () => {
    // Seed 000 in the `horizontal` style (ruled between rows only), bitonal at 200 dpi, pages 8-9:
    // the thresholded point of 3.87 and of 2.00 stood half an em from its digits, so each read as
    // two cells (3 | .87); the band's columns then outnumbered the header's, whose 基本支出 and
    // 项目支出 went unread, and 2.00 sat in 对个人和家庭的补助.
    const file = 'decimal-apart-bitonal-200dpi.pdf';
    const doc = await extractBytes(new Uint8Array(readFileSync(join(root, 'tests/fixtures/scans', file))), file);
    const values = (key: string) => doc.tables.find((t) => t.type === 'general_expenditure')?.rows.find((r) => r.key === key)?.values;
    expect(values('2101102')).toMatchObject({ total: 3.87, basic: 3.87 });
    expect(values('2101599')).toMatchObject({ total: 2, project: 2 });
    expect(values('2101501')).toMatchObject({ total: 29.68, basic: 28.06, project: 1.62 });
  }, 120_000);

  it('reads a ruled gray page with PP-OCR: points and separators tesseract lost read as printed', async () => {
    // Seed 002 scanned dark at 200 dpi, pages 8-9, from the second set (ocr.test.ts reads it with
    // tesseract, whose blur-closed points the repairs mend: 4248 for 42.48, 8900 for 89.00).
    const file = 'points-lost-dark-200dpi.pdf';
    const doc = await extractBytes(new Uint8Array(readFileSync(join(root, 'tests/fixtures/scans', file))), file);
    const values = (type: string, key: string) => doc.tables.find((t) => t.type === type)?.rows.find((r) => r.key === key)?.values;
    expect(values('general_expenditure', '2101502')).toMatchObject({ total: 89, project: 89, other_operating: 73, specific_purpose: 16 });
    expect(values('basic_expenditure', '30107|50501')).toMatchObject({ total: 42.48, personnel: 42.48 });
    expect(values('economic_summary', '30113|50103')).toMatchObject({ total: 39.23, general_budget: 39.23 });
    // Its 基本支出表's title read 一般公共预算其本支出情况表, which names the general 一般公共预算支出
    // table: the table was taken for a second 一般公共预算支出表 and its rows lost. One letter from
    // 基本支出, it names the 基本支出表, and is taken as that, reported.
    expect(doc.tables.find((t) => t.type === 'basic_expenditure')?.title).toBe('2024年一般公共预算基本支出情况表');
    expect(doc.issues).toContainEqual(expect.objectContaining({ severity: 'info', printed: '2024年一般公共预算其本支出情况表' }));
  }, 120_000);
});

describe('the ppocr engine on a scan', () => {
  it('reads a dusty bitonal 200 dpi scan into the delimited rows of its table, its totals as printed', async () => {
    // Seed 003's 基本支出表 (page 15), look `bitonal` at 200 dpi, cropped to the table: the page
    // tesseract reads at least 15 of its 17 totals right on (ocr.test.ts); PP-OCR all 17, in 3 s.
    const file = 'dusty-bitonal-200dpi.png';
    const bytes = new Uint8Array(readFileSync(join(root, 'tests/fixtures/scans', file)));
    const extracted = await extractImage(bytes, file, checkImageBudget(bytes, file), { engine: 'ppocr' });
    const rows = extracted.lines.filter((l) => l.delimited && l.cells.length === 7).map((l) => l.cells.map((c) => c.text));
    const printed = ['762.99', '73.01', '1.62', '61.59', '0.77', '25.19', '24.07', '183.63', '107.06', '166.07', '54.99', '9.80', '11.46', '27.76', '9.17', '1.10', '5.70'];
    const totals = rows.map((cells) => cells[4]).filter((t) => t !== '' && /\d/.test(t!));
    expect(totals).toEqual(printed);
    expect(rows).toContainEqual(['30108', expect.any(String), '50102', '社会保障缴费', '61.59', '61.59', '']);
    // The name as read (缴 read 嫩) is close enough for the reading stage to take its code's listed name (normalize/names.ts).
    const read = rows.find((r) => r[0] === '30108')![1]!;
    expect(nameFromReference(read, '机关事业单位基本养老保险缴费')).toBe('机关事业单位基本养老保险缴费');
    expect(rows.flat().filter((t) => /^[\s,.、'"“”‘’`_-]+$/u.test(t))).toEqual([]);
  }, 120_000);

  it('is what reads a bitonal page by default (auto): thin names tesseract broke read whole', async () => {
    // 江苏省人民检察院 2018, p17, look `bitonal` at 200 dpi (ocr.test.ts reads it with tesseract:
    // 福利费 read 从利费, 差旅费 疙旅费, 对个人和家庭的补助 对个人和分许的补助).
    const file = 'code-names-bitonal-200dpi.png';
    const bytes = new Uint8Array(readFileSync(join(root, 'tests/fixtures/scans', file)));
    const extracted = await extractImage(bytes, file, checkImageBudget(bytes, file));
    const rows = extracted.lines.filter((l) => l.delimited).map((l) => l.cells.map((c) => c.text));
    expect(rows).toEqual(expect.arrayContaining([
      ['30229', '福利费', '16.00'],
      ['30211', '差旅费', '15.00'],
      ['303', '对个人和家庭的补助', '1,052.83'],
      // Printed 418.37, its 4's crossbar lost: 1 for 4 is the one look-alike under which 20805
      // sums, but its items run to the foot of the page, where the table may go on (ocr.ts mayGoOn).
      ['2080506', '机关事业单位职业年金缴费支出', '118.37'],
    ]));
  }, 120_000);

  it('holds one engine at a time: a page without a ruled table after a bitonal one releases PP-OCR, and the next bitonal page tesseract', async () => {
    // A batch's job reads pages of both kinds in turn; both engines held at once in each of two
    // jobs took the committed scans folder's peak over 1 GB (README, "OCR").
    const bitonal = 'dusty-bitonal-200dpi.png';
    const read = () => {
      const bytes = new Uint8Array(readFileSync(join(root, 'tests/fixtures/scans', bitonal)));
      return extractImage(bytes, bitonal, checkImageBudget(bytes, bitonal));
    };
    await read();
    expect(loadedEngines()).toEqual(['ppocr']);
    // Seed 004's text dump scanned gray: lines of text, no rules.
    const dump = '004_4b87c2d0559da34d-200-skew-p6-7.pdf';
    await extractBytes(new Uint8Array(readFileSync(join(root, 'tests/fixtures/scans', dump))), dump);
    expect(loadedEngines()).toEqual(['tesseract']);
    await read();
    expect(loadedEngines()).toEqual(['ppocr']);
  }, 120_000);

  it('keeps its sessions from read to read while memory allows, makes no more than its readers at once, and releases them once reads stop', async () => {
    // A pair made for every page cost 0.4 of a 300 dpi page's 3.3 CPU-s (README, "OCR", round 15).
    await closeOcr();
    const before = (await ppocrSessions()).made;
    const cell = { width: 120, height: 40, dpi: 300, data: new Uint8Array(120 * 40).fill(255) };
    for (let y = 12; y < 28; y++) cell.data.fill(0, y * 120 + 20, y * 120 + 100);
    // Reads at once, one reader: they wait for its pair rather than each making one.
    await Promise.all(Array.from({ length: 6 }, () => ppocrLine(cell, { concurrency: 1, keepBelowRss: Infinity })));
    await ppocrLine(cell, { keepBelowRss: Infinity });
    expect(await ppocrSessions()).toEqual({ made: before + 1, idle: 1 });
    // Memory short: the pair is used, then released.
    await ppocrLine(cell, { keepBelowRss: 0 });
    expect(await ppocrSessions()).toEqual({ made: before + 1, idle: 0 });
    await ppocrLine(cell, { keepBelowRss: Infinity });
    expect(await ppocrSessions()).toEqual({ made: before + 2, idle: 1 });
    await new Promise((resolve) => setTimeout(resolve, IDLE_RELEASE_MS + 500));
    expect((await ppocrSessions()).idle).toBe(0);
  }, 120_000);

  it('settles the classification sums and row sums a thin 4 read as 1 broke, each by the one look-alike that makes it hold', async () => {
    // 西南大学 2024 部门支出预算表 p10, look `bitonal` at 200 dpi: the 4s of 15,485.07, 343,167.33
    // and 106,541.72 read 1; each sum (20805 = its items, 208 = 20805, 20502 and 205) holds with it.
    const file = 'lookalike-sums-bitonal-200dpi.png';
    const bytes = new Uint8Array(readFileSync(join(root, 'tests/fixtures/scans', file)));
    const extracted = await extractImage(bytes, file, checkImageBudget(bytes, file));
    const rows = new Map(extracted.lines.filter((l) => l.delimited).map((l) => [l.cells[0]!.text, l.cells.map((c) => c.text)]));
    expect(rows.get('20805')?.slice(2, 4)).toEqual(['15,485.07', '15,485.07']);
    expect(rows.get('208')?.slice(2, 4)).toEqual(['15,485.07', '15,485.07']);
    expect(rows.get('20502')?.slice(3, 5)).toEqual(['343,167.33', '106,541.72']);
    // Across a row too (总计 = 基本支出 + 项目支出, as on the table's other rows): 20502's 总计
    // 419,709.05 (its items hold another misread, 9,815.50) and 2060204's 项目支出 1,163.08.
    expect(rows.get('20502')?.[2]).toBe('449,709.05');
    expect(rows.get('2060204')?.slice(2, 5)).toEqual(['1165.08', '', '1,165.08']);
    expect(extracted.issues).toContainEqual(expect.objectContaining({ printed: '313,167.33', found: 343167.33, message: expect.stringMatching(/a 1 taken for the 4 it resembles.*20502 is the sum/) }));
  }, 120_000);
});
