/**
 * What a numeric table cell read by OCR can be corrected to by knowledge alone, never by
 * invention: letters tesseract confuses with digits (O/0, l/1, I/1, S/5, B/8) inside a cell that
 * is otherwise a number, and a decimal point lost in a column whose other values all print the
 * same number of decimals. Pure: text in, the reading and what was changed out. The caller
 * flags every changed value `low_confidence`; nothing here is accepted silently.
 */

/** A plain printed amount: optional minus, digits with or without thousands commas, decimals. */
const AMOUNT = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
/** Letters OCR reads in place of digits, by shape. */
const LOOKALIKE_DIGITS: Record<string, string> = { O: '0', o: '0', D: '0', Q: '0', l: '1', I: '1', i: '1', '|': '1', '!': '1', S: '5', s: '5', B: '8', Z: '2', z: '2', g: '9' };
/** Marks left by an erased rule or speck at a cell's edge: quotes, bars, underscores, dots before digits. */
const EDGE_NOISE = /^[\s"'“”‘’`|¦_~^,]+|[\s"'“”‘’`|¦_~^]+$/gu;
/** A mark after an amount's decimals (`200.41,`). */
const TRAILING_MARK = /(\.\d+)\s*[,，.、]$/u;
/**
 * A stop, three digits, a gap, digits: a thousands group whose comma was read as a stop, and a
 * point read as the gap (`1.250 64` is 1,250.64, not 1.25064); readMarkedAmount reads it. A gap
 * among a stop's one or two digits is only spacing (`9.1 7`).
 */
const GAP_AFTER_POINT = /[.。·]\d{3}\s+\d/u;
/** A cell is a candidate number when it is digits, separators and look-alikes only… */
const NUMBERISH = /^-?[\dOoDQlIi|!SsBZzg.,，。·\s]+$/u;
/** …and at least this share of its characters are real digits (so `IS`, `Bl` stay words). */
const MIN_DIGIT_SHARE = 0.5;
/** Two or more stops, all but the last before a group of three digits: thousands read as stops. */
const THOUSANDS_AS_STOPS = /^-?\d{1,3}(?:\.\d{3})+\.\d{1,2}$/;
/** A whole amount in groups of three whose separators include two stops or more (`4.620.000`, `1.200,000.000`): no amount has two points. */
const WHOLE_THOUSANDS_AS_STOPS = /^-?\d{1,3}(?:[.,]\d{3})+$/;
/** A thousands separator read twice (`2,.247.04`): two marks before a group of three digits. */
const DOUBLED_SEPARATOR = /[,.]{2,}(?=\d{3}(?:[,.]|$))/g;
/** An amount whose point was read as a gap: digits (and separators), a space, the decimals (`10, 191 56`). */
const GAPPED_POINT = /^(-?\d[\d,\s]*?)\s+(\d+)$/;
/** A column prints a fixed number of decimals when this share of its other amounts do. */
const DECIMALS_MAJORITY = 0.8;
/** …judged on at least this many other amounts. */
const MIN_COLUMN_AMOUNTS = 2;

export type RepairKind = 'lookalike' | 'separator' | 'decimal_point';

export interface NumberReading {
  /** The amount as it will be printed in the cell (separators as read, decimals restored). */
  text: string;
  /** What was changed from the OCR reading, in order; empty when the reading was already clean. */
  repairs: RepairKind[];
}

/** Letters a code's digits are read as: the amounts' look-alikes, and brackets for 1 (`]1` for 11). */
const CODE_LOOKALIKES: Record<string, string> = { ...LOOKALIKE_DIGITS, ']': '1', '[': '1' };
/** Marks a speck leaves at a code piece's edges (`201.`, `'06`), a blank apart or not (`208 .`). */
const CODE_EDGE_MARKS = /^[.,·'`:;]+\s*|\s*[.,·'`:;]+$/gu;

/**
 * A piece of a classification code (2–9 digits) read with marks at its edges or a letter or two
 * for digits, as the digits (`201.` → 201, `]1` → 11, `2O8` → 208), and whether letters were read
 * (a mark dropped is surer than a letter taken for a digit); undefined when it is digits as read,
 * has no digit, or a letter that is no digit's look-alike.
 */
export function codeReading(text: string): { digits: string; letters: boolean } | undefined {
  const t = text.trim();
  const unmarked = t.replace(CODE_EDGE_MARKS, '');
  if (unmarked === t && /^\d*$/.test(t)) return undefined;
  if (!/\d/.test(unmarked)) return undefined;
  const digits = [...unmarked].map((c) => CODE_LOOKALIKES[c] ?? c).join('');
  return /^\d{2,9}$/.test(digits) ? { digits, letters: digits !== unmarked } : undefined;
}

/** True for a clean printed amount (`1,794.14`, `0.77`, `-3.50`). */
export function isAmount(text: string): boolean {
  return AMOUNT.test(text);
}

/** Decimals an amount prints (`867.02` → 2, `350` → 0). */
export function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * A cell's OCR text read as an amount, with look-alike letters replaced and stray edge marks
 * dropped; undefined when it is not a number (a name, a code with letters, empty).
 */
export function readAmount(raw: string): NumberReading | undefined {
  // A comma or stop after the decimals is a speck or a rule's remains: an amount ends in its decimals.
  const trimmed = raw.replace(EDGE_NOISE, '').replace(TRAILING_MARK, '$1');
  if (trimmed === '' || !NUMBERISH.test(trimmed) || GAP_AFTER_POINT.test(trimmed)) return undefined;
  const compact = trimmed.replace(/\s+/g, '');
  const digits = [...compact].filter((c) => c >= '0' && c <= '9').length;
  if (digits === 0 || digits / compact.length < MIN_DIGIT_SHARE) return undefined;
  const repairs: RepairKind[] = [];
  let text = [...compact].map((c) => LOOKALIKE_DIGITS[c] ?? c).join('');
  if (text !== compact) repairs.push('lookalike');
  // Full-width and CJK stops read for the decimal point.
  const separators = text.replace(/[，]/g, ',').replace(/[。·]/g, '.');
  if (separators !== text) {
    repairs.push('separator');
    text = separators;
  }
  const undoubled = text.replace(DOUBLED_SEPARATOR, ',');
  if (undoubled !== text) {
    if (!repairs.includes('separator')) repairs.push('separator');
    text = undoubled;
  }
  // Thousands separators read as stops: `1.050.00` is 1,050.00 (every stop but the last is
  // followed by a group of three digits; the last one is the decimal point).
  if (THOUSANDS_AS_STOPS.test(text)) {
    const last = text.lastIndexOf('.');
    text = text.slice(0, last).replace(/\./g, ',') + text.slice(last);
    if (!repairs.includes('separator')) repairs.push('separator');
  } else if (WHOLE_THOUSANDS_AS_STOPS.test(text) && text.split('.').length > 2) {
    // Two stops or more, each before three digits: an amount has one point, so all are separators.
    text = text.replace(/\./g, ',');
    if (!repairs.includes('separator')) repairs.push('separator');
  }
  return isAmount(text) ? { text, repairs } : undefined;
}

/**
 * The decimals a column prints, from its amounts other than the one being judged: defined when
 * at least DECIMALS_MAJORITY of them (and MIN_COLUMN_AMOUNTS or more) agree.
 */
export function columnDecimals(others: string[]): number | undefined {
  const amounts = others.filter(isAmount);
  if (amounts.length < MIN_COLUMN_AMOUNTS) return undefined;
  const counts = new Map<number, number>();
  for (const a of amounts) counts.set(decimalsOf(a), (counts.get(decimalsOf(a)) ?? 0) + 1);
  const [decimals, n] = [...counts.entries()].reduce((a, b) => (b[1] > a[1] ? b : a));
  return n / amounts.length >= DECIMALS_MAJORITY ? decimals : undefined;
}

/**
 * An amount that does not print the column's decimals, restored when the difference can only be
 * a lost or misread point: `86702` → `867.02`, `867,02` → `867.02`, `1.67964` → `1,679.64` in a
 * two-decimal column.
 * Undefined when it cannot be (too few digits, or extra decimals): that reading stays suspect.
 */
export function restoreDecimals(text: string, decimals: number): string | undefined {
  // A column of whole amounts: a point before the last three digits is a separator read as one (`4,620.000`).
  if (decimals === 0 && /^-?\d{1,3}(?:,\d{3})*\.\d{3}$/.test(text)) return text.replace('.', ',');
  if (decimals === 0 || decimalsOf(text) === decimals) return decimalsOf(text) === decimals ? text : undefined;
  const sign = text.startsWith('-') ? '-' : '';
  const body = text.slice(sign.length);
  // A comma where the point belongs: `867,02` (but `1,794` is a thousands group, not decimals).
  const comma = body.match(/^(\d+),(\d+)$/);
  if (comma && comma[2]!.length === decimals) return `${sign}${comma[1]}.${comma[2]}`;
  // A stop where the comma belongs and the point lost: `1.67964` is 1,679.64 (three digits and the decimals after it).
  const stop = body.match(/^(\d{1,3})\.(\d{3})(\d+)$/);
  if (stop && stop[3]!.length === decimals) return `${sign}${stop[1]},${stop[2]}.${stop[3]}`;
  if (!/^\d+$/.test(body) || body.length <= decimals) return undefined;
  const whole = body.slice(0, body.length - decimals).replace(/^0+(?=\d)/, '');
  return `${sign}${whole}.${body.slice(body.length - decimals)}`;
}

/**
 * A cell that is not an amount as read, but is one with its decimal point read as a gap: the
 * last group of digits, after a space, has the table's `decimals` and nothing else prints a
 * point (`10, 191 56` in a two-decimal table is 10,191.56). Undefined otherwise.
 */
export function readGappedAmount(raw: string, decimals: number | undefined): NumberReading | undefined {
  if (!decimals) return undefined;
  const m = GAPPED_POINT.exec(raw.replace(EDGE_NOISE, ''));
  if (!m || m[2]!.length !== decimals) return undefined;
  const reading = readAmount(`${m[1]!.replace(/\s+/g, '')}.${m[2]}`);
  return reading && { text: reading.text, repairs: [...reading.repairs, 'decimal_point'] };
}

/** Groups of three digits after the first, each after a comma (spaces around it allowed) or a gap: `1 200, 000`. */
const GAPPED_THOUSANDS = /^(-?\d{1,3})((?:\s*,\s*\d{3}|\s+\d{3})+)(\.\d+)?$/;

/**
 * A cell that is not an amount as read, but is one with a thousands separator read as a gap: its
 * digits in groups of three after the first, at least one of them after a comma (a gap alone may
 * part two numbers), the gaps where the other commas are (`1 200, 000` is 1,200,000; the dark
 * scans of 上海市财政局 print 1,200,000 and 4,200,000 read so). Undefined otherwise.
 */
export function readGappedThousands(raw: string): NumberReading | undefined {
  const m = GAPPED_THOUSANDS.exec(raw.replace(EDGE_NOISE, '').trim());
  if (!m || !m[2]!.includes(',') || !/\d\s+\d/.test((m[1]! + m[2]!).replace(/\s*,\s*/g, ','))) return undefined;
  const groups = m[2]!.split(/[\s,]+/).filter(Boolean);
  const reading = readAmount(`${m[1]},${groups.join(',')}${m[3] ?? ''}`);
  return reading && { text: reading.text, repairs: [...reading.repairs, 'separator'] };
}

/** Marks OCR reads for a thousands separator or a decimal point: stops, commas, semicolons, colons, quotes, dashes, gaps. */
const SEPARATOR_MARKS = /[\s,.;:'`·、，。‘’-]+/u;

/**
 * An amount whose separators and point were read as other marks (`9; 022.18`, `15, 176, 76`,
 * `1、165. 08`, `3216,00`), in a table printing `decimals` decimals: digit groups only, the first
 * of one to three digits and the others of three, or one whole group, then the last of `decimals`
 * (its mark the point). Anything else,
 * a letter among them above all, is no reading. Undefined otherwise.
 */
export function readMarkedAmount(raw: string, decimals: number | undefined): NumberReading | undefined {
  if (!decimals) return undefined;
  const groups = raw.replace(EDGE_NOISE, '').trim().split(SEPARATOR_MARKS);
  if (groups.length < 2 || !groups.every((g) => /^\d+$/.test(g))) return undefined;
  const whole = groups.slice(0, -1);
  // One whole group is an amount printed without separators (3216,00); more are thousands.
  const grouped = whole.length === 1 || (whole[0]!.length <= 3 && whole.slice(1).every((g) => g.length === 3));
  if (groups.at(-1)!.length !== decimals || !grouped) return undefined;
  const reading = readAmount(`${whole.join(',')}.${groups.at(-1)}`);
  return reading && { text: reading.text, repairs: [...reading.repairs, 'separator'] };
}

/** An amount whose decimals a speck read as a point cuts (`10.6.7`): whole part, then the decimals' pieces. */
const SPECKED_DECIMALS = /^(-?\d{1,3}(?:,\d{3})*|-?\d+)\.(\d+(?:\.\d+)+)$/;

/**
 * An amount with a point among its decimals (`10.6.7` in a two-decimal table is 10.67): no amount
 * prints one there, and its digits after the first point are the table's `decimals`. Undefined otherwise.
 */
export function readSpeckedDecimals(raw: string, decimals: number | undefined): NumberReading | undefined {
  const m = SPECKED_DECIMALS.exec(raw.replace(EDGE_NOISE, '').trim());
  const digits = m?.[2]!.replace(/\./g, '') ?? '';
  if (!m || digits.length !== decimals) return undefined;
  const reading = readAmount(`${m[1]}.${digits}`);
  return reading && { text: reading.text, repairs: [...reading.repairs, 'decimal_point'] };
}

// ---- identities of a classification column -----------------------------------------------

/** Classification codes nest by length: a 类 (3 digits) holds 款 (5), a 款 holds 项 (7). */
const CODE_LEVELS = [3, 5, 7];

/** An amount's value in cents (integers add exactly), or undefined for text that is not one; a blank cell is 0. */
export function cents(text: string): number | undefined {
  if (text.trim() === '') return 0;
  const reading = readAmount(text);
  return reading ? Math.round(Number(reading.text.replace(/,/g, '')) * 100) : undefined;
}

/** A sum a column should satisfy: the amount of `parent` equals the sum of those of `children` (row indices). */
export interface SumIdentity {
  parent: number;
  children: number[];
}

/**
 * The classification sums of a grid: each row whose code is a 类 or 款 equals the sum of the
 * rows below it whose codes are one level finer and start with its code (up to the next row of
 * its level or coarser; a row without a code is passed over). `codes` holds each row's code as
 * read (digits, or undefined). Rows
 * without children on the page give no identity: a table cut by the page foot cannot be summed.
 */
export function sumIdentities(codes: (string | undefined)[]): SumIdentity[] {
  const identities: SumIdentity[] = [];
  codes.forEach((code, i) => {
    const level = code ? CODE_LEVELS.indexOf(code.length) : -1;
    if (level < 0 || level === CODE_LEVELS.length - 1) return;
    const children: number[] = [];
    for (let k = i + 1; k < codes.length; k++) {
      const c = codes[k];
      if (c === undefined) continue;
      if (!c.startsWith(code!) || c.length <= code!.length) break;
      // Under a 款 every longer code is an item, one misread a digit long or short (20102014) too.
      const finest = level + 1 === CODE_LEVELS.length - 1;
      if (c.length === CODE_LEVELS[level + 1] || finest) children.push(k);
    }
    if (children.length) identities.push({ parent: i, children });
  });
  return identities;
}

/**
 * Which one cell of a broken identity another reading settles: given the amounts as read
 * (undefined where the reading is not an amount) and, per row, its other readings (read again
 * alone, or the page's where a reading alone replaced it), the single (row, amount) under which
 * the parent equals the sum of its children. Rows in `held` are not changed. Undefined when none
 * does, or more than one would (then nothing is known). Pure.
 */
export function settleIdentity(identity: SumIdentity, read: (number | undefined)[], again: readonly (readonly number[] | undefined)[], held: ReadonlySet<number> = new Set()): { row: number; value: number } | undefined {
  const rows = [identity.parent, ...identity.children];
  const holds = (values: (number | undefined)[]) =>
    rows.every((r) => values[r] !== undefined) && values[identity.parent] === identity.children.reduce((s, k) => s + values[k]!, 0);
  if (holds(read)) return undefined;
  const settling = rows.flatMap((r) =>
    held.has(r) ? [] : [...new Set(again[r] ?? [])].filter((v) => v !== read[r] && holds(read.map((x, k) => (k === r ? v : x)))).map((value) => ({ row: r, value })),
  );
  return settling.length === 1 ? settling[0] : undefined;
}

/**
 * True when a sum is off by no more than its terms' rounding (amounts rounded to 万元 from 元:
 * 西南大学's 2023 决算 prints 20502 a cent from its items' sum): as printed, not misread, so no
 * other reading may "mend" it. False when a member is not an amount. Pure.
 */
export function offByRounding(identity: SumIdentity, texts: readonly string[]): boolean {
  const rows = [identity.parent, ...identity.children];
  const read = texts.map((t) => cents(t));
  if (rows.some((r) => read[r] === undefined)) return false;
  const decimals = Math.min(2, Math.max(...rows.map((r) => decimalsOf(texts[r]!.replace(/,/g, '')))));
  const off = Math.abs(read[identity.parent]! - identity.children.reduce((s, k) => s + read[k]!, 0));
  // A blank or zero term rounds nothing (总计 = 基本支出 + a blank 项目支出 prints one figure twice).
  return off <= roundingUnits(identity.children.filter((k) => read[k] !== 0).length) * 10 ** (2 - decimals);
}

/**
 * Digits a recognizer reads one for the other, both ways. 1 and 4 first: the 4 of thin print
 * scanned to black and white loses its crossbar and reads 1 (20 of the 36 one-digit misreadings
 * on the hard and serif sets' bitonal scans, both engines); the rest are the classic pairs.
 */
const DIGIT_LOOKALIKES: readonly (readonly [string, string])[] = [
  ['1', '4'],
  ['1', '7'],
  ['3', '8'],
  ['5', '6'],
  ['6', '8'],
  ['0', '8'],
  ['8', '9'],
  ['3', '5'],
];
const DIGIT_ALTERNATIVES = new Map<string, string[]>();
for (const [a, b] of DIGIT_LOOKALIKES) {
  DIGIT_ALTERNATIVES.set(a, [...(DIGIT_ALTERNATIVES.get(a) ?? []), b]);
  DIGIT_ALTERNATIVES.set(b, [...(DIGIT_ALTERNATIVES.get(b) ?? []), a]);
}

/**
 * Units of the last place n rounded terms and their rounded total can be apart: ⌊(n + 1) / 2⌋,
 * none for one term. The checks' rule (src/checks/shared.ts), restated here: reading comes first
 * in the pipeline and does not import from the checks.
 */
function roundingUnits(terms: number): number {
  return terms <= 1 ? 0 : Math.floor((terms + 1) / 2);
}

/**
 * Which one digit of a broken identity was misread for its look-alike (DIGIT_LOOKALIKES): given
 * the members' texts as read, all amounts, the single (row, text) with one digit swapped for its
 * look-alike under which the parent equals the sum of its children. Rows in `held` (the totals of
 * sums that hold) are not changed: their items vouch for them. Undefined when none does, or more
 * than one would: the sums alone then do not say which figure is wrong; and when the sum is off by
 * no more than its terms' rounding (offByRounding: a 6 read for a 5 would have 'mended' one). Pure.
 */
export function settleByLookalike(identity: SumIdentity, texts: string[], held: ReadonlySet<number> = new Set()): { row: number; text: string; read: string; as: string } | undefined {
  const rows = [identity.parent, ...identity.children];
  const read = texts.map((t) => cents(t));
  if (rows.some((r) => read[r] === undefined)) return undefined;
  const sum = (values: (number | undefined)[]) => identity.children.reduce((s, k) => s + values[k]!, 0);
  if (offByRounding(identity, texts)) return undefined;
  const found: { row: number; text: string; read: string; as: string }[] = [];
  for (const r of rows.filter((k) => !held.has(k))) {
    const letters = [...texts[r]!];
    letters.forEach((d, i) => {
      for (const as of DIGIT_ALTERNATIVES.get(d) ?? []) {
        const text = [...letters.slice(0, i), as, ...letters.slice(i + 1)].join('');
        const values = read.map((v, k) => (k === r ? cents(text) : v));
        if (values[identity.parent] === sum(values)) found.push({ row: r, text, read: d, as });
      }
    });
  }
  return found.length === 1 ? found[0] : undefined;
}

/** A column is the sum of the columns after it when it is on this many rows at least… */
const MIN_ROW_SUMS = 3;
/**
 * …and on this share of the rows whose cells all read as amounts. Three rows summing to the cent
 * do not by chance; a short table with a misread figure or two still shows its sums (西南大学's
 * 财政拨款支出决算表 page, ten rows of thirteen: 0.8 missed it).
 */
const ROW_SUM_SHARE = 2 / 3;

/**
 * The columns right after column `t` whose sum it is across the rows (总计 = 基本支出 + 项目支出):
 * `values` holds each row's amounts in cents by column (undefined where not read as an amount, 0
 * blank). The sum must hold on MIN_ROW_SUMS rows at least and ROW_SUM_SHARE of the rows read whole,
 * with a figure other than 0 in `t`; the run of parts it holds on most rows. Undefined when none.
 */
function sumAfter(values: (number | undefined)[][], t: number): { parts: number[]; holds: number } | undefined {
  const width = Math.max(0, ...values.map((r) => r.length));
  let best: { parts: number[]; holds: number } | undefined;
  for (let end = t + 3; end <= width; end++) {
    const parts = Array.from({ length: end - t - 1 }, (_, k) => t + 1 + k);
    const whole = values.filter((r) => [t, ...parts].every((j) => r[j] !== undefined) && r[t] !== 0);
    const holds = whole.filter((r) => r[t] === parts.reduce((sum, j) => sum + r[j]!, 0)).length;
    if (holds >= MIN_ROW_SUMS && holds >= ROW_SUM_SHARE * whole.length && holds > (best?.holds ?? 0)) best = { parts, holds };
  }
  return best;
}

/**
 * Every sum across a grid's rows, nested ones included. A total prints left of its parts, so the
 * columns are taken right to left: a sum found stands for its parts, which are set aside, and the
 * columns further left are searched over what is left. So 合计 | 基本支出 | 人员经费 | 公用经费 |
 * 项目支出 | 其他运转类 | 特定目标类 gives 项目支出 and 基本支出 their sums first, and then
 * 合计 = 基本支出 + 项目支出, though that one holds on more rows. Finest first; column indices as
 * in `values`. Pure.
 */
export function rowSums(values: (number | undefined)[][]): { total: number; parts: number[] }[] {
  const found: { total: number; parts: number[] }[] = [];
  let live = Array.from({ length: Math.max(0, ...values.map((r) => r.length)) }, (_, j) => j);
  for (let k = live.length - 1; k >= 0; k--) {
    const sum = sumAfter(values.map((r) => live.map((j) => r[j])), k);
    if (!sum) continue;
    const parts = sum.parts.map((p) => live[p]!);
    found.push({ total: live[k]!, parts });
    live = live.filter((j) => !parts.includes(j));
  }
  return found;
}

// ---- header words -----------------------------------------------------------------------------

/** Header words shorter than this are never taken for another: one letter of three is a third of the word. */
const MIN_HEADER_WORD_CHARS = 4;

/**
 * The known header word a reading stands for with one letter misread (基本文出 for 基本支出): as
 * long, at least MIN_HEADER_WORD_CHARS letters, differing in exactly one, and the only known word
 * that close. Undefined for a known word itself and for anything else. Pure.
 */
export function headerWordFor(read: string, words: readonly string[]): string | undefined {
  const r = [...read.replace(/\s+/g, '')];
  if (r.length < MIN_HEADER_WORD_CHARS || words.includes(r.join(''))) return undefined;
  const close = words.filter((w) => {
    const letters = [...w];
    return letters.length === r.length && letters.filter((c, i) => c !== r[i]).length === 1;
  });
  return close.length === 1 ? close[0] : undefined;
}

// ---- title words ------------------------------------------------------------------------------

/** Title words shorter than this are never taken for another (预算表 and 决算表 are one letter apart). */
const MIN_TITLE_WORD_CHARS = 4;
/** A title word of n letters is recognized with up to n × this letters misread (財政拔款文出 for 财政拨款支出: 2 of 6). */
const TITLE_WORD_EDIT_SHARE = 1 / 3;

/**
 * A title with the known title words it prints misread put right: each run of letters as long as a
 * known word (MIN_TITLE_WORD_CHARS or more) that differs from it in a few letters, CJK for CJK
 * (up to TITLE_WORD_EDIT_SHARE of its letters), and from no other known word as little, is that
 * word; longer words first, left to right. Unchanged when nothing is that close. Pure.
 */
export function titleWordsFixed(text: string, words: readonly string[]): string {
  const letters = [...text];
  const known = [...new Set(words)].map((w) => [...w]).filter((w) => w.length >= MIN_TITLE_WORD_CHARS);
  const lengths = [...new Set(known.map((w) => w.length))].sort((a, b) => b - a);
  /** Letters of `w` read otherwise at `at`, CJK for CJK; undefined where a letter of another script differs or the text ends. */
  const misread = (at: number, w: string[]): number | undefined => {
    let wrong = 0;
    for (let k = 0; k < w.length; k++) {
      const c = letters[at + k];
      if (c === undefined || (c !== w[k] && !(HAN.test(c) && HAN.test(w[k]!)))) return undefined;
      if (c !== w[k]) wrong++;
    }
    return wrong;
  };
  /** The one known word of this length nearest the letters at `at`, within the share; null when two are as near. */
  const nearest = (at: number, length: number): string[] | null | undefined => {
    const close = known.flatMap((w) => {
      const wrong = w.length === length ? misread(at, w) : undefined;
      return wrong !== undefined && wrong <= Math.floor(length * TITLE_WORD_EDIT_SHARE) ? [{ w, wrong }] : [];
    });
    const best = close.filter((c) => c.wrong === Math.min(...close.map((x) => x.wrong)));
    return best.length === 0 ? undefined : best.length === 1 ? best[0]!.w : null;
  };
  const out: string[] = [];
  for (let i = 0; i < letters.length; ) {
    let taken: string[] | null | undefined;
    for (const length of lengths) if ((taken = nearest(i, length)) !== undefined) break;
    if (taken) {
      out.push(...taken);
      i += taken.length;
    } else out.push(letters[i++]!);
  }
  return out.join('');
}

export const HAN = /\p{Script=Han}/u;
