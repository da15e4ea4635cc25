import type { At, Line } from '../model.js';
import { parseAmount } from './amount.js';

/**
 * Body lines → raw rows: the codes, labels and numbers a printed row carries, before any column
 * is assigned. Delimited lines keep each number's cell index; space-separated dumps, whose rows
 * wrap over several lines (code on one, name on the next, numbers on a third), are joined first.
 */

export type TokenKind = 'digits' | 'amount' | 'label';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Cell index in a delimited line; undefined for space-separated text. */
  idx?: number;
  at: At;
  /** Read by recognition (a confidence): its points and spaces may have changed places. */
  recognized?: boolean;
}

export interface NumberCell {
  value: number;
  idx?: number;
  at: At;
}

export interface RawRow {
  /** Digit groups printed before and between labels: functional, economic, unit or project codes. */
  codes: string[];
  labels: string[];
  numbers: NumberCell[];
  at: At;
  /** True when the numbers came with printed cell positions. */
  positioned: boolean;
  tokens: Token[];
}

const DIGITS = /^\d+$/;
/** Digit runs at least this long are pieces of a project code. */
const PROJECT_CODE_PART = 8;
/** Project codes are printed with spaces inside (`410704250000000 022173`). */
const SPLIT_DIGITS = /^\d{6,}(?:\s+\d{3,})+$/;

export function classify(text: string): TokenKind | undefined {
  const t = text.trim();
  if (!t) return undefined;
  if (DIGITS.test(t) || SPLIT_DIGITS.test(t)) return 'digits';
  if (parseAmount(t) !== undefined) return 'amount';
  return 'label';
}

/**
 * A class code and its 款/项 in one cell (`208 05 01`, `301 2`; on a scan 款项 as one piece,
 * `210 1202`, or specks read as points between all three, `210.13.01`, which no amount prints):
 * pieces of a code, never an amount.
 */
const CODE_IN_PIECES = /^\d{3}(?:\s+\d{1,2}){1,2}$|^\d{3}\s+\d{4}$|^[235]\d{2}\.\d{2}\.\d{2}$/;
/**
 * …and a name run into the same cell after them (`301 08基本养`), or after a whole 功能 or 经济
 * code, on a scan a speck's point between them (`2101504.信息化建设`); not a figure and its unit (`30000万元`).
 */
const CODE_BEFORE_NAME = /^(\d{3}(?:\s+\d{2}){1,2}|2\d{6}|[35]\d{4})[.·]?\s*([^\d\s.·,万亿元个人次年月日%].*)$/u;

const DEPARTMENT_CODE = /^3\d{4}$/;
/** A 政府经济分类 code (501–510 and its 款) between names or ending one (`住房公积金50103住房公积金`); split keeps it. */
const GOVERNMENT_CODE_IN_NAME = /(?<=\p{Script=Han})(5(?:0[1-9]|10)\d{2})(?=\p{Script=Han}|$)/u;

/** A name and the amount after it in one word of a line without cells, the blank between them unread (`工资福利支出0.19`). */
const NAME_THEN_AMOUNT = /^(.*\p{Script=Han})((?:0|[1-9]\d*)\.\d{2})$/u;

/** Amounts with decimals a space apart in one word of a line without cells (a scan's line read again whole: `1860.00 1860.00`). */
const SPACED_AMOUNTS = /^-?\d[\d,]*\.\d+(?:\s+-?\d[\d,]*\.\d+)+$/;

export function tokensOf(line: Line): Token[] {
  const out: Token[] = [];
  line.cells.forEach((c, i) => {
    const idx = line.delimited ? i : undefined;
    const cell = c.text.trim();
    if (!line.delimited && SPACED_AMOUNTS.test(cell)) {
      for (const text of cell.split(/\s+/)) out.push({ kind: 'amount', text, at: c.at });
      return;
    }
    const coded = CODE_BEFORE_NAME.exec(cell);
    if (CODE_IN_PIECES.test(cell) || coded) {
      for (const piece of (coded?.[1] ?? cell).split(/[\s.]+/)) out.push({ kind: 'digits', text: piece, idx, at: c.at });
      if (!coded) return;
      // A department economic code's row: the government code may be run into its name too.
      const names = DEPARTMENT_CODE.test(coded[1]!) ? coded[2]!.split(GOVERNMENT_CODE_IN_NAME) : [coded[2]!];
      names.forEach((text, k) => text && out.push({ kind: k % 2 ? 'digits' : 'label', text, idx, at: c.at }));
      return;
    }
    const named = line.delimited ? undefined : NAME_THEN_AMOUNT.exec(cell);
    if (named) {
      out.push({ kind: 'label', text: named[1]!, idx, at: c.at }, { kind: 'amount', text: named[2]!, idx, at: c.at });
      return;
    }
    const kind = classify(cell);
    if (!kind) return;
    out.push({ kind, text: kind === 'digits' ? cell.replace(/\s+/g, '') : cell, idx, at: c.at });
  });
  const recognized = new Set(line.cells.filter((c) => c.confidence !== undefined).map((c) => c.at));
  for (const t of out) if (recognized.has(t.at)) t.recognized = true;
  const pieced = codePiecesWithSpeck(out);
  return line.delimited ? pieced : withYearsInLabels(withLettersReadAsOnes(pieced), (t) => t.kind === 'label');
}

/**
 * A scan's letter read as a 1 (工 of 基本工资, its strokes a bar: `基本 | 1 | 资`) between two
 * words: more of the name, not a code's piece.
 */
function withLettersReadAsOnes(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const [prev, t, next] = [out[out.length - 1], tokens[i]!, tokens[i + 1]];
    if (prev?.kind === 'label' && t.kind === 'digits' && t.text === '1' && next?.kind === 'label') {
      out[out.length - 1] = { ...prev, text: prev.text + t.text + next.text };
      i++;
    } else out.push(t);
  }
  return out;
}

/** 款 and 项 read as one amount after their 类 (`210 | 11.01 | 行政单位医疗`). */
const SPECKED_SECTION = /^(\d{2})\.(\d{2})$/;
/** 类 and 款 (and 项) read as one amount opening the row (`210.15 | 99`, `301.01 | 基本工资`, `210.1550 | 事业运行`): a 功能 or 经济 class. */
const SPECKED_CLASS = /^([235]\d{2})\.(\d{2})(\d{2})?$/;

/**
 * A scanned code's pieces with a speck read as a point between two of them: pieces again. No
 * amount stands between a row's class code and its name, opens a row before a code's last piece
 * or its name, or, in a row opened by a code, stands between two names (the second code column
 * of an economic table: `30107 | 绩效工资 | 505.01 | 工资福利支出`).
 */
export function codePiecesWithSpeck(tokens: Token[]): Token[] {
  const pieces = (t: Token, m: RegExpExecArray): Token[] => m.slice(1).flatMap((text) => (text ? [{ ...t, kind: 'digits' as const, text }] : []));
  const out: Token[] = [];
  tokens.forEach((t, i) => {
    const [before, after, next] = [tokens[i - 1], tokens[i + 1], tokens[i + 2]];
    const section = t.kind === 'amount' && SPECKED_SECTION.exec(t.text);
    const cls = t.kind === 'amount' && SPECKED_CLASS.exec(t.text);
    const closed = after?.kind === 'label' || (after?.kind === 'digits' && after.text.length === 2 && next?.kind !== 'amount');
    if (section && i === 1 && before?.kind === 'digits' && before.text.length === 3 && after?.kind === 'label') out.push(...pieces(t, section));
    else if (cls && closed && (i === 0 || (out[0]?.kind === 'digits' && before?.kind === 'label'))) out.push(...pieces(t, cls));
    else out.push(t);
  });
  return out;
}

const YEAR = /^(19|20)\d{2}$/;

/**
 * A space-separated dump splits `2024 年中央财政…` and `…配套资金 2024` at the space: a year
 * followed by 年, or standing between two labels, belongs to the label (no code has 4 digits).
 */
export function withYearsInLabels<T extends { text: string; at: At }>(items: T[], isLabel: (item: T) => boolean): T[] {
  const out: T[] = [];
  for (let i = 0; i < items.length; i++) {
    const t = items[i]!;
    const next = items[i + 1];
    const prev = out[out.length - 1];
    if (YEAR.test(t.text) && next && isLabel(next)) {
      if (next.text.startsWith('年')) {
        out.push({ ...next, text: `${t.text}${next.text}`, at: t.at });
        i++;
        continue;
      }
      if (prev && isLabel(prev)) {
        out[out.length - 1] = { ...prev, text: `${prev.text}${t.text}` };
        continue;
      }
    }
    out.push(t);
  }
  return out;
}

/**
 * Integers printed after a row's first label are amounts (`117`, `0`, `50`), except one directly
 * followed by a label, which is a code (`30101 基本工资 50101 工资奖金津补贴 9.56`).
 */
export function rowOf(read: Token[], at: At, positioned: boolean): RawRow {
  const tokens = withoutUnreadRuns(withFiguresReparsed(read));
  const codes: string[] = [];
  const labels: string[] = [];
  const numbers: NumberCell[] = [];
  let seenLabel = false;
  let pendingDigits: string[] = [];
  const flushDigits = (): void => {
    if (pendingDigits.length) codes.push(...joinCodeParts(pendingDigits));
    pendingDigits = [];
  };
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    if (t.kind === 'label') {
      flushDigits();
      // A figure OCR could not read (`b26-86`) is not more of the row's name: its cell stays blank.
      if (seenLabel && t.idx !== undefined && isUnreadFigure(t.text)) return;
      labels.push(t.text);
      seenLabel = true;
    } else if (t.kind === 'digits' && ((!seenLabel && !numbers.length) || next?.kind === 'label' || next?.kind === 'digits' && isCodeShaped(t.text) && !numbers.length || samePrintedCode(tokens[i - 1], t, pendingDigits))) {
      pendingDigits.push(t.text);
    } else {
      flushDigits();
      const value = parseAmount(t.text);
      if (value !== undefined) numbers.push({ value, idx: t.idx, at: t.at });
    }
  });
  flushDigits();
  return { codes, labels, numbers, at, positioned, tokens };
}

/** Digits and points only: a figure, or figures read together. */
const FIGURE_LIKE = /^[\d.]+$/;

/**
 * Figures a recognizer read with points and spaces changing places, in a line without cells:
 * at 200 dpi a thin face's point and the space between amounts leave like blanks, and the point
 * went to the wrong one (`12.78 | 12.78.12 | 78 | 12.78.0` for `12.78 12.78 12.78 12.78 0`;
 * `59 | 37.59 | 37` for `59.37 59.37`). A run of such tokens after the row's first word is read
 * again as its digit groups (between points and spaces) made into amounts: a group and the next
 * of the row's decimals' length are whole and decimals, a group alone an integer. The reading
 * with the fewest integers other than 0, then the fewest points and spaces changed, is taken,
 * when it leaves no integer that was not a word of its own as read (`894.8.94` is no 894).
 */
function withFiguresReparsed(tokens: Token[]): Token[] {
  const decimals = rowDecimals(tokens);
  const firstWord = tokens.findIndex((t) => t.kind === 'label' && !FIGURE_LIKE.test(t.text));
  if (!decimals.length || firstWord < 0) return tokens;
  const out = tokens.slice(0, firstWord + 1);
  for (let i = firstWord + 1; i < tokens.length; ) {
    let end = i;
    while (end < tokens.length && tokens[end]!.recognized && tokens[end]!.idx === undefined && FIGURE_LIKE.test(tokens[end]!.text)) end++;
    if (end === i) {
      out.push(tokens[i++]!);
      continue;
    }
    const run = tokens.slice(i, end);
    out.push(...(reparsedFigures(run, decimals) ?? run));
    i = end;
  }
  return out;
}

/** The decimals the row's pointed amounts print, the most printed first. */
function rowDecimals(tokens: Token[]): number[] {
  const counts = new Map<number, number>();
  for (const t of tokens) {
    const m = t.kind === 'amount' && /^\d+\.(\d+)$/.exec(t.text);
    if (m) counts.set(m[1]!.length, (counts.get(m[1]!.length) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([d]) => d);
}

interface Parse {
  integers: number;
  swaps: number;
  amounts: { text: string; at: At }[];
}

/** A run of figure tokens read again (see withFiguresReparsed) with each of the row's decimals; undefined when it stands as read. */
function reparsedFigures(run: Token[], decimals: number[]): Token[] | undefined {
  if (!run.some((t) => t.text.includes('.'))) return undefined;
  const groups = digitGroups(run);
  const parses = groups ? decimals.flatMap((d) => parseFigures(run, groups, d) ?? []) : [];
  const found = parses.reduce<Parse | undefined>((a, p) => (better(p, a) ? p : a), undefined);
  if (!found || found.swaps === 0) return undefined;
  const asRead = run.every((t) => parseAmount(t.text) !== undefined);
  const asReadIntegers = run.filter((t) => !t.text.includes('.') && t.text !== '0').length;
  if (asRead && asReadIntegers <= found.integers) return undefined;
  return found.amounts.map((a) => ({ kind: 'amount' as const, text: a.text, at: a.at, recognized: true }));
}

const better = (a: Parse, b: Parse | undefined): boolean => !b || a.integers < b.integers || (a.integers === b.integers && a.swaps < b.swaps);

interface DigitGroups {
  chunks: { text: string; token: number; whole: boolean }[];
  /** After chunk k: a point read (true) or a space (false). */
  pointAfter: boolean[];
}

/** A run's digits between its points and spaces; undefined when two stand together (`12..5`, `3.`). */
function digitGroups(run: Token[]): DigitGroups | undefined {
  const groups: DigitGroups = { chunks: [], pointAfter: [] };
  for (const [token, t] of run.entries()) {
    const pieces = t.text.split('.');
    if (pieces.some((p) => p === '')) return undefined;
    pieces.forEach((text, k) => {
      if (groups.chunks.length) groups.pointAfter.push(k > 0);
      groups.chunks.push({ text, token, whole: pieces.length === 1 });
    });
  }
  return groups;
}

/** The best reading of a run's digit groups as amounts of `decimals` decimals, if any. */
function parseFigures(run: Token[], { chunks, pointAfter }: DigitGroups, decimals: number): Parse | undefined {
  const wholePart = (c: string) => c === '0' || !c.startsWith('0');
  const best: (Parse | undefined)[] = [{ integers: 0, swaps: 0, amounts: [] }];
  for (let i = 0; i < chunks.length; i++) {
    const at = best[i];
    if (!at) continue;
    const opening = i > 0 && pointAfter[i - 1] ? 1 : 0;
    const c = chunks[i]!;
    const step = (len: number, parse: Parse) => {
      if (better(parse, best[i + len])) best[i + len] = parse;
    };
    if (wholePart(c.text) && (c.text === '0' || c.whole)) {
      step(1, { integers: at.integers + (c.text === '0' ? 0 : 1), swaps: at.swaps + opening, amounts: [...at.amounts, { text: c.text, at: run[c.token]!.at }] });
    }
    const next = chunks[i + 1];
    if (next && wholePart(c.text) && next.text.length === decimals) {
      step(2, { integers: at.integers, swaps: at.swaps + opening + (pointAfter[i] ? 0 : 1), amounts: [...at.amounts, { text: `${c.text}.${next.text}`, at: run[c.token]!.at }] });
    }
  }
  return best[chunks.length];
}

/** Digits and points, a point among them, that make no amount. */
const UNREAD_RUN = /^\d[\d.]*\.[\d.]*\d$/;

/**
 * A row of a line without cells, after its first figure: a run of digits and points that makes
 * no amount is figures misread (`93.2095.50`, `7.93 2095.50` with its point read as a cut and a
 * space as a point), not more of the row's name; one or two digits just before it are the whole
 * part the cut took from it (`7 | 93.2095.50`). In a grid the cell says so (isUnreadFigure).
 */
function withoutUnreadRuns(tokens: Token[]): Token[] {
  const firstFigure = tokens.findIndex((t) => t.kind === 'amount');
  const drop = new Set<number>();
  tokens.forEach((t, i) => {
    if (firstFigure < 0 || i <= firstFigure || t.kind !== 'label' || t.idx !== undefined || !UNREAD_RUN.test(t.text)) return;
    drop.add(i);
    const before = tokens[i - 1];
    if (before?.kind === 'digits' && before.text.length <= 2 && i - 1 > firstFigure) drop.add(i - 1);
  });
  return drop.size ? tokens.filter((_, i) => !drop.has(i)) : tokens;
}

/** A cell of mostly digits that is no amount: at least this many digits… */
const UNREAD_FIGURE_DIGITS = 3;
/** …and at least this share of its characters (spaces aside). */
const UNREAD_FIGURE_SHARE = 0.5;

/** …and one CJK letter at most (a speck read as one: `29,317旬`); a year (2024年) is words. */
const UNREAD_FIGURE_MAX_CJK = 1;

/** Text in a cell after the row's name that is a figure read badly (`b26-86`, `1-858 28 858. 28`), not words (2024年第1批). */
export function isUnreadFigure(text: string): boolean {
  const chars = [...text.replace(/\s+/g, '')];
  const digits = chars.filter((c) => c >= '0' && c <= '9').length;
  const cjk = chars.filter((c) => /\p{Script=Han}/u.test(c)).length;
  return digits >= UNREAD_FIGURE_DIGITS && digits >= UNREAD_FIGURE_SHARE * chars.length && cjk <= UNREAD_FIGURE_MAX_CJK && !YEAR_WORD.test(text.trim());
}

const YEAR_WORD = /^(19|20)\d{2}\s*年/;

/** A piece printed in the same cell as the code piece before it (`501 02`) continues that code. */
function samePrintedCode(prev: Token | undefined, t: Token, pending: string[]): boolean {
  return pending.length > 0 && prev?.kind === 'digits' && prev.idx !== undefined && prev.idx === t.idx;
}

function isCodeShaped(t: string): boolean {
  return t.length >= 3 && !/^0/.test(t);
}

/**
 * Digit cells in a row → codes: `208 05 01` → `2080501` (a 类 followed by 2-digit 款/项), and a
 * unit code printed beside it stays separate (`208 05 01 309001` → `2080501`, `309001`).
 */
export function joinCodeParts(parts: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.length >= PROJECT_CODE_PART) {
      // No classification or unit code is this long: the pieces are one project code.
      let code = p;
      while (parts[i + 1] && parts[i + 1]!.length >= 3) code += parts[++i]!;
      out.push(code);
    } else if (p.length === 3) {
      let code = p;
      // A 款 or 项 printed without its leading zero (`301 2` for 30102) is still two digits; both
      // read as one piece (`210 1101`, the space between them unread) are the code's other four.
      if (parts[i + 1]?.length === 4) code += parts[++i]!;
      while (code.length < 7 && (parts[i + 1]?.length === 2 || parts[i + 1]?.length === 1)) code += parts[++i]!.padStart(2, '0');
      out.push(code);
    } else if (p.length === 2 && out.length && /^\d{3}$|^\d{5}$/.test(out[out.length - 1]!)) {
      out[out.length - 1] += p;
    } else out.push(p);
  }
  return out;
}

/** A line that starts a row in a space-separated dump: it opens with a code or a total label. */
export function startsRow(tokens: Token[]): boolean {
  const first = tokens[0];
  if (!first) return false;
  if (first.kind === 'digits') return true;
  return first.kind === 'label' && /^(合计|总计|小计)/.test(first.text.replace(/\s+/g, ''));
}

/** A 序号 column's number opening a row (`8 210 卫生健康支出 …`): not a code. */
function dropSerial(tokens: Token[]): Token[] {
  const [first, second] = tokens;
  if (first?.kind !== 'digits' || !second) return tokens;
  if (first.text.length <= 2 || (first.text.length === 3 && second.kind === 'digits')) return tokens.slice(1);
  return tokens;
}

const FLAT_CODE = /^2\d{2}(?:\d{2}){0,2}$/;
/** A line holding this many classification codes is a whole table flattened onto one line. */
const FLATTENED_MIN_CODES = 3;

/**
 * A table flattened onto one line (cells in scrambled order): each number goes to the nearest
 * code. The printed order being lost, only the largest number of each pseudo-row is kept: the
 * total column is at least any of its parts, and the parts cannot be told apart.
 */
export function splitFlattened(tokens: Token[]): Token[][] | undefined {
  const anchors = tokens.map((t, i) => (t.kind === 'digits' && FLAT_CODE.test(t.text)) || (t.kind === 'label' && /^(合计|总计)$/.test(t.text)) ? i : -1).filter((i) => i >= 0);
  if (anchors.filter((i) => tokens[i]!.kind === 'digits').length < FLATTENED_MIN_CODES) return undefined;
  const groups = anchors.map((i) => ({ anchor: tokens[i]!, numbers: [] as Token[] }));
  tokens.forEach((t, i) => {
    if (anchors.includes(i) || t.kind === 'digits') return;
    let best = 0;
    anchors.forEach((a, k) => {
      if (Math.abs(a - i) < Math.abs(anchors[best]! - i)) best = k;
    });
    if (i < anchors[0]! - 1) return; // header words before the first row
    if (t.kind === 'amount') groups[best]!.numbers.push(t);
  });
  return groups.map((g) => {
    const largest = [...g.numbers].sort((a, b) => (parseAmount(b.text) ?? 0) - (parseAmount(a.text) ?? 0)).slice(0, 1);
    // Name pieces are scrambled with the rest; keeping them would print wrong names.
    return [g.anchor, ...largest];
  });
}

/** A line opening with a code and holding no other: one ordinary row, not part of a flattened paragraph. */
function isPlainRow(tokens: Token[]): boolean {
  const codes = tokens.filter((t) => t.kind === 'digits' && FLAT_CODE.test(t.text));
  return codes.length === 1 && tokens[0] === codes[0];
}

/** Joins the lines of space-separated rows; delimited lines are a row each. */
export function linesToRawRows(lines: Line[], options: { serialColumn?: boolean } = {}): RawRow[] {
  const rows: RawRow[] = [];
  let open: { tokens: Token[]; at: At } | undefined;
  const close = (): void => {
    if (open) rows.push(rowOf(open.tokens, open.at, false));
    open = undefined;
  };
  // A 序号 column is dropped first: its number would put every code mid-line, like a flattened table's.
  const lineTokens = lines.map((l) => (options.serialColumn ? dropSerial(tokensOf(l)) : tokensOf(l)));
  // Where the current run of space-separated lines ends; a run is examined once, at its start.
  let runEnd = -1;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    const tokens = lineTokens[li]!;
    if (!tokens.length) continue;
    if (!line.delimited && li > runEnd) {
      // A flattened table, possibly printed as a paragraph wrapping over the following lines:
      // codes stand in the middle of lines, not at their starts as in a space-separated table.
      let end = li;
      while (lines[end + 1] && !lines[end + 1]!.delimited && lineTokens[end + 1]!.length && !isPlainRow(lineTokens[end + 1]!)) end++;
      runEnd = end;
      const run = lineTokens.slice(li, end + 1);
      const midLineCodes = run.reduce((n, ts) => n + ts.filter((t, k) => k > 0 && t.kind === 'digits' && FLAT_CODE.test(t.text)).length, 0);
      const flat = midLineCodes >= FLATTENED_MIN_CODES ? splitFlattened(run.flat()) : undefined;
      if (flat) {
        close();
        for (const t of flat) rows.push(rowOf(t, line.at, false));
        li = end;
        continue;
      }
    }
    if (line.delimited) {
      close();
      rows.push(rowOf(tokens, line.at, true));
      continue;
    }
    const openHasNumbers = open?.tokens.some((t) => t.kind === 'amount') ?? false;
    // A long code broken over two lines (`41080225000` / `0000009273`) continues its row.
    const codeContinues = open !== undefined && open.tokens.every((t) => t.kind === 'digits') && tokens[0]!.kind === 'digits' && open.tokens[open.tokens.length - 1]!.text.length >= PROJECT_CODE_PART;
    if (!open || (startsRow(tokens) && !codeContinues) || (openHasNumbers && tokens[0]!.kind === 'label')) {
      close();
      open = { tokens: [...tokens], at: line.at };
    } else open.tokens.push(...tokens);
  }
  close();
  return rows;
}
