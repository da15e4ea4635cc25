import type { At, Line, TableType, Unit } from '../model.js';
import type { Block } from './segment.js';
import { isProse, isTableLabel } from './segment.js';
import { linesToRawRows, tokensOf, type RawRow } from './rows.js';
import { distance } from 'fastest-levenshtein';

/**
 * Block → raw table: the unit, the header lines and the raw rows, split where the first data
 * row begins. Keys, columns and checks are the normalize stage's work.
 */

export type Family = 'lines' | 'coded' | 'projects' | 'labeled';

export const FAMILY: Record<TableType, Family> = {
  summary: 'lines',
  fiscal_summary: 'lines',
  income: 'coded',
  expenditure: 'coded',
  general_expenditure: 'coded',
  basic_expenditure: 'coded',
  appropriation_expenditure: 'coded',
  appropriation_basic_expenditure: 'coded',
  basic_expenditure_detail: 'coded',
  economic_summary: 'coded',
  fund_expenditure: 'coded',
  state_capital_expenditure: 'coded',
  project_expenditure: 'projects',
  project_performance: 'projects',
  three_public: 'labeled',
  operating_expenses: 'labeled',
  procurement: 'labeled',
  assets: 'labeled',
  department_performance: 'labeled',
  unknown: 'labeled',
};

export interface RawTable {
  type: TableType;
  /** How the table is read: its type's family, or `coded` for a one-row grid under a column header. */
  family: Family;
  title: string;
  unit: Unit;
  /** True when the unit was printed with the table, not taken from the document. */
  unitPrinted: boolean;
  at: At;
  lines: [number, number];
  pages: number[];
  header: Line[];
  body: Line[];
  rows: RawRow[];
  /** The table prints a 序号/栏次 column (hasSerialColumn). */
  serialColumn: boolean;
  /** A note says the table is intentionally empty (此表为空表, 空表列示, 无…). */
  emptyNote: boolean;
}

const UNIT = /(?:单位|金额单位)[:：]?\s*(万元|元)/;
const META = /部门名称|单位名称|预算年度|截止时间|^\d{6}\s+\S+$|^\(\d{4}\s*年度\)$/;
const EMPTY_NOTE = /空表|无.*(预算|支出|收入|经费)|没有.*(安排|使用)/;
/** Longer lines that mention the unit are flattened tables, not meta lines. */
const MAX_META_CHARS = 60;
/** A meta label printed alone in a cell, without a colon, may head a column (单位代码 | 单位名称 | 合计 …); OCR may add a bracket. */
const HEADING_CELL = /^(部门名称|单位名称)$/;
/** The fewest filled cells of a header row that heads a column with a meta label. */
const MIN_HEADING_CELLS = 3;
const unbracketed = (text: string): string => text.replace(/[\s()（）[\]【】]/g, '');

/**
 * A line over the table naming its unit, department or year (单位: 万元, 部门名称: …). Not a header
 * row that heads a column with such a label: a delimited line of a few cells, one of them the label
 * alone.
 */
function isMetaLine(l: Line): boolean {
  const text = l.text.replace(/\s+/g, '');
  if (text.length > MAX_META_CHARS || !(UNIT.test(text) || META.test(l.text.trim()))) return false;
  const filled = l.cells.filter((c) => c.text.trim());
  return !(l.delimited && filled.length >= MIN_HEADING_CELLS && filled.some((c) => HEADING_CELL.test(unbracketed(c.text))));
}
/** An amount as no code or serial prints it: with decimals, or with thousands separators (元 tables print whole yuan). */
const AMOUNT_SHAPED = /^-?\d[\d,]*\.\d+$|^-?\d{1,3}(,\d{3})+$/;

export function unitOf(lines: Line[]): Unit | undefined {
  for (const l of lines) {
    const m = UNIT.exec(l.text.replace(/\s+/g, ''));
    if (m) return m[1] as Unit;
  }
  return undefined;
}

/** First line of the body: it carries a decimal amount, or opens with a code and a name. */
function isDataLine(line: Line): boolean {
  if (isProse(line)) return false;
  const tokens = tokensOf(line);
  if (tokens.some((t) => t.kind === 'amount' && AMOUNT_SHAPED.test(t.text))) return true;
  const first = tokens[0];
  if (first?.kind === 'digits' && first.text.length >= 3 && tokens[1]?.kind !== 'digits') return true;
  if (first?.kind === 'digits' && /^\d{3}$/.test(first.text) && /^\d{2}$/.test(tokens[1]?.text ?? '') && tokens.length <= 3) return true;
  return /^(合计|总计)/.test(line.text.replace(/\s+/g, '')) && tokens.some((t) => t.kind !== 'label');
}

export function blockToRawTable(block: Block, docUnit: Unit | undefined): RawTable {
  const lines = block.lines.filter((l) => l.text.trim() !== '' && !isTableLabel(l));
  const meta = lines.filter(isMetaLine);
  const content = lines.filter((l) => !meta.includes(l));
  const first = content.findIndex(isDataLine);
  let header = first < 0 ? content : content.slice(0, first);
  // A table continued on the next page repeats its header there: those lines are not rows.
  const headerTexts = header.map(squeeze).filter((t) => t.length >= 4);
  let body = first < 0 ? [] : content.slice(first).filter((l) => !repeatsHeader(l, headerTexts));
  const blocks = FAMILY[block.type] === 'coded' ? sideBySideBlocks(header, body) : undefined;
  if (blocks) {
    // Each block of a side-by-side layout is a table of its own: its rows follow the block before.
    header = header.map((l) => sliceLine(l, blocks[0]!));
    body = blocks.flatMap((b) => body.map((l) => sliceLine(l, b)));
  }
  const serialColumn = hasSerialColumn(header, body);
  const printedUnit = unitOf([block.titleLine, ...lines.slice(0, 12)]);
  const at = block.titleLine.at;
  const lastAt = block.lines[block.lines.length - 1]?.at ?? at;
  const pages = [...new Set([at, ...block.lines.map((l) => l.at)].map((a) => a.page).filter((p): p is number => p !== undefined))];
  return {
    type: block.type,
    family: FAMILY[block.type] === 'labeled' && isOneRowGrid(header, body) ? 'coded' : FAMILY[block.type],
    title: block.title,
    unit: printedUnit ?? docUnit ?? '万元',
    unitPrinted: printedUnit !== undefined,
    at,
    lines: [at.line ?? 0, lastAt.line ?? 0],
    pages,
    header,
    body,
    rows: linesToRawRows(body.filter((l) => !isNote(l)), { serialColumn }),
    serialColumn,
    emptyNote: lines.some((l) => isNote(l) && EMPTY_NOTE.test(l.text)) || lines.some((l) => EMPTY_NOTE.test(l.text) && isProse(l)),
  };
}

/** Value columns a header names before a one-row table is read by its columns. */
const GRID_MIN_COLUMNS = 3;

/**
 * A table printing one row of amounts, with no label, under a header of columns (the 三公 table:
 * 合计 | 因公出国(境)费 | 公务接待费 | 公务用车购置及运行费 …): read by its columns, like a coded table.
 */
function isOneRowGrid(header: Line[], body: Line[]): boolean {
  const numeric = body.filter((l) => tokensOf(l).some((t) => t.kind === 'amount'));
  const wide = header.some((l) => l.delimited && l.cells.filter((c) => c.text.trim()).length >= GRID_MIN_COLUMNS);
  return wide && numeric.length === 1 && tokensOf(numeric[0]!).every((t) => t.kind !== 'label');
}

/**
 * The table prints a 序号/栏次 column: its header says so, or, when the first page's header was
 * flattened into the data, the header repeated on a later page (a body line with no amount).
 */
function hasSerialColumn(header: Line[], body: Line[]): boolean {
  const words = [...header, ...body.filter((l) => !/\d\.\d/.test(l.text))].map((l) => l.text).join(' ');
  return /序号|栏次/.test(words);
}

const squeeze = (l: Line): string => l.text.replace(/\s+/g, '');

/** A header line repeated over a later page may be read with a letter or two wrong (OCR: 项目单付 for 项目单位)… */
const REPEAT_EDIT_SHARE = 0.1;
/** …when it is this long at least: a short label one letter from a heading may be a row's name. */
const REPEAT_MIN_CHARS = 8;

/** A body line that prints the header again: its text, or, without an amount, nearly (REPEAT_EDIT_SHARE of its letters). */
function repeatsHeader(line: Line, headerTexts: string[]): boolean {
  const text = squeeze(line);
  if (headerTexts.includes(text)) return true;
  if (text.length < REPEAT_MIN_CHARS || tokensOf(line).some((t) => t.kind === 'amount' && AMOUNT_SHAPED.test(t.text))) return false;
  return headerTexts.some((h) => Math.abs(h.length - text.length) <= h.length * REPEAT_EDIT_SHARE && distance(h, text) <= Math.floor(h.length * REPEAT_EDIT_SHARE));
}

function isNote(line: Line): boolean {
  return /^(注|备注|说明)[:：]?/.test(line.text.trim());
}

/** Header words of a code column; printed twice or more on one header line, they open side-by-side blocks. */
const CODE_HEADER = /^(科目编码|科目代码|功能科目编码|经济科目编码|经济分类科目编码|编码|代码)$/;

/**
 * Side-by-side blocks (决算 basic-expenditure tables print 人员经费 and 公用经费 as two
 * code/name/amount blocks on each line): the cell ranges of the blocks, when a header line
 * repeats the code column and every block holds amounts. A row printing a department and a
 * government economic code (`30101 基本工资 50101 工资奖金津补贴 9.56`) also repeats the code
 * column, but its first block holds no amount.
 */
export function sideBySideBlocks(header: Line[], body: Line[]): [number, number][] | undefined {
  for (const l of header) {
    if (!l.delimited) continue;
    const starts = l.cells.map((c, i) => (CODE_HEADER.test(c.text.replace(/\s+/g, '')) ? i : -1)).filter((i) => i >= 0);
    if (starts.length < 2) continue;
    const ranges = starts.map((a, k): [number, number] => [a, starts[k + 1] ?? Number.MAX_SAFE_INTEGER]);
    const holdsAmounts = (r: [number, number]): boolean =>
      body.some((b) => b.delimited && b.cells.slice(r[0], r[1]).some((c) => tokensOf({ ...b, cells: [c] })[0]?.kind === 'amount'));
    if (ranges.every(holdsAmounts)) return ranges;
  }
  return undefined;
}

function sliceLine(l: Line, [from, to]: [number, number]): Line {
  if (!l.delimited) return l;
  const cells = l.cells.slice(from, to);
  return { ...l, cells, text: cells.map((c) => c.text).join('\t') };
}
