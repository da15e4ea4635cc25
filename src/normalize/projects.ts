import type { At, Line, Row } from '../model.js';
import { layoutWords } from '../data.js';
import type { RawTable } from '../tables/build.js';
import { measureOfLabel } from '../tables/header.js';
import { classify, withYearsInLabels, type RawRow } from '../tables/rows.js';
import { baseRow, compact, type Built } from './built.js';
import { ORDINAL, TOTAL_LABEL } from './line-keys.js';
import { distance } from 'fastest-levenshtein';

/** Project tables and one-project forms: rows keyed by project code, else by name. */

const PROJECT_CODE = /^\d{10,}$/;
const PROJECT_TYPES = ['特定目标类', '其他运转类', '运转类', '人员类', '专项', '一般性项目'];
const PROJECT_TYPE_WORDS = new RegExp(`^(${PROJECT_TYPES.join('|')})$`);
/** The type words in 类, which no project's name opens with, run into one on a scan (`其他运转类.2025年…`). */
const TYPE_WORD_OPENING = new RegExp(`^(?:${PROJECT_TYPES.filter((w) => w.endsWith('类')).join('|')})[.,，、·]?`);

export function projectsTable(raw: RawTable): Built {
  if (raw.body.some((l) => l.cells.some((c) => compact(c.text) === '项目名称')) || raw.header.some(isFormLine)) return projectForms(raw);
  const nameCol = nameColumnIndex(raw);
  const body = raw.rows.filter((r) => r.numbers.length > 0);
  // Unit lines (`710 焦作市解放区医疗保障局`) name the unit printed beside each project; their
  // names are cut from project names a dump ran together with the unit column.
  const unitRows = body.filter((r) => !r.codes.some((c) => PROJECT_CODE.test(c)) && r.codes.some((c) => /^\d{3}$|^\d{6}$/.test(c)));
  const unitNames = [...new Set([...unitRows.map((r) => r.labels.map(compact).join('')), ...unitColumnOf(body)].filter((n) => n.length >= 4))];
  const rows: Row[] = [];
  const units: Row[] = [];
  const seen = new Set<string>();
  const funds = fundColumns(raw);
  const putValues = (row: Row, r: RawRow): Row => putSources(putTotal(row, r), r, funds);
  for (const r of body) {
    const labels = r.labels.map(compact);
    const code = r.codes.find((c) => PROJECT_CODE.test(c));
    let row: Row | undefined;
    if (!code && (labels.some((l) => TOTAL_LABEL.test(l)) || (!labels.length && !r.codes.length && !rows.length))) {
      row = baseRow('total', 'total', '合计', r.at);
    } else if (unitRows.includes(r)) {
      units.push(putValues(baseRow(r.codes.find((c) => /^\d{3}$|^\d{6}$/.test(c))!, 'unit', labels.join(''), r.at), r));
      continue;
    } else {
      const name = withoutUnitNames(projectName(r, nameCol) ?? '', unitNames);
      const key = code ?? name;
      if (key) row = baseRow(key, 'project', name, r.at);
    }
    if (!row || seen.has(row.key)) continue;
    seen.add(row.key);
    rows.push(putValues(row, r));
  }
  const out = rows.some((r) => r.kind === 'project') ? rows : [...units, ...rows];
  const sources = [...new Set(funds.values())].filter((m) => m !== 'total');
  return { rows: out, columns: [{ measure: 'total', path: ['合计'], children: [] }, ...sources.map((m) => ({ measure: m, path: [m], children: [] }))], issues: [] };
}

/** The sources a project's money is split into (政府预算资金 | 财政专户管理资金 | 单位资金, 其中:财政拨款 | 上年结转 | 其他资金). */
const FUNDS = new Set(['appropriation', 'general_budget', 'government_fund', 'state_capital', 'special_account', 'unit_funds', 'carryover']);

/**
 * The fund columns of a tabular project table by the cell index its delimited header prints
 * them at (资金总额 | 政府预算资金 | 财政专户管理资金 | 单位资金), the deepest header line naming an
 * index. None when two indexes name one measure, or when a column names money that is no source
 * listed (事业收入): the sources read would then be a part of the split.
 */
function fundColumns(raw: RawTable): Map<number, string> {
  const byIndex = new Map<number, string>();
  for (const l of raw.header.filter((x) => x.delimited)) {
    l.cells.forEach((c, i) => {
      const m = measureOfLabel(c.text);
      if (m) byIndex.set(i, m);
    });
  }
  const named = [...byIndex.values()];
  const funds = named.every((m) => m === 'total' || FUNDS.has(m)) && new Set(named).size === named.length && named.includes('total');
  return funds ? byIndex : new Map();
}

/** Rows a label must repeat in, and the share of rows, to be a 项目单位 column and not a name. */
const UNIT_COLUMN_MIN_ROWS = 3;
const UNIT_COLUMN_SHARE = 0.5;

/**
 * A space-separated dump runs the 项目单位 column into the project name. The label that most
 * rows print word for word, besides the project type, is that column.
 */
function unitColumnOf(body: RawRow[]): string[] {
  const counts = new Map<string, number>();
  for (const r of body) for (const l of new Set(r.labels.map(compact))) if (!PROJECT_TYPE_WORDS.test(l) && !TOTAL_LABEL.test(l)) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts].filter(([, n]) => n >= UNIT_COLUMN_MIN_ROWS && n >= UNIT_COLUMN_SHARE * body.length).map(([l]) => l);
}

/** Unit names this long are also cut where a scan misread a letter in every NEAR_NAME_CHARS of them (`凭作市解放区医`). */
const NEAR_NAME_MIN = 7;
const NEAR_NAME_CHARS = 5;

function withoutUnitNames(name: string, unitNames: string[]): string {
  let out = name;
  for (const u of [...unitNames].sort((a, b) => b.length - a.length)) {
    if (out.length > u.length) out = out.split(u).join('');
    if (u.length >= NEAR_NAME_MIN) out = withoutNear(out, u, Math.floor(u.length / NEAR_NAME_CHARS));
  }
  return out;
}

/** `name` without the span closest to `word` (letters dropped, added or changed), when at most `edits` apart and not the whole name. */
function withoutNear(name: string, word: string, edits: number): string {
  let best: { from: number; to: number; d: number } | undefined;
  // At equal distance the span as long as the word wins (`华作市…` misread, not `作市…` a letter short).
  const lengths = Array.from({ length: 2 * edits + 1 }, (_, k) => word.length + (k % 2 ? (k + 1) / 2 : -k / 2));
  for (const len of lengths) {
    for (let from = 0; from + len <= name.length; from++) {
      const d = distance(name.slice(from, from + len), word);
      if (d <= edits && (!best || d < best.d)) best = { from, to: from + len, d };
    }
  }
  if (!best || best.to - best.from >= name.length) return name;
  return name.slice(0, best.from) + name.slice(best.to);
}

function putTotal(row: Row, r: RawRow): Row {
  const first = r.numbers[0];
  if (first) {
    row.values.total = first.value;
    row.sources.total = first.at;
  }
  return row;
}

/** The numbers a positioned row prints under a fund source's header (the total stays the first number). */
function putSources(row: Row, r: RawRow, funds: Map<number, string>): Row {
  if (!r.positioned) return row;
  for (const n of r.numbers) {
    const m = n.idx === undefined ? undefined : funds.get(n.idx);
    if (!m || m === 'total' || row.values[m] !== undefined) continue;
    row.values[m] = n.value;
    row.sources[m] = n.at;
  }
  return row;
}

function nameColumnIndex(raw: RawTable): number | undefined {
  for (const l of raw.header) {
    const i = l.cells.findIndex((c) => /^项目名称|项目单位\(项目名称\)|^项目$/.test(compact(c.text)));
    if (i >= 0 && l.delimited) return i;
  }
  return undefined;
}

/** The project's name: the cell under 项目名称 when positions are known, else the longest label that is not a type word. */
function projectName(r: RawRow, nameCol: number | undefined): string | undefined {
  const labelTokens = r.tokens.filter((t) => t.kind === 'label');
  if (nameCol !== undefined && r.positioned) {
    const cell = labelTokens.find((t) => t.idx === nameCol);
    if (cell) return compact(cell.text);
  }
  const labels = labelTokens.map((t) => compact(t.text)).filter((l) => !PROJECT_TYPE_WORDS.test(l));
  if (!labels.length) return undefined;
  // A scan splits the type word (`特定目标 | 类`) or runs it into the name (`其他运转类.2025年…`).
  if (!r.positioned) return withoutTypeWord(labels.join(''));
  return labels.reduce((a, b) => (b.length > a.length ? b : a));
}

const withoutTypeWord = (name: string): string => name.replace(TYPE_WORD_OPENING, '') || name;

/** Words of a column header beside 项目名称 in a tabular project table; in a form, its value (the name) follows instead. */
const COLUMN_WORD = layoutWords('column_words');

/** Labels printed after the name on a form's 项目名称 line (Shanghai: 项目名称 | … | 项目性质 | … | 项目类别 | …). */
const FORM_LABEL = layoutWords('form_labels');

/** A form's 项目名称 line: the label followed by the project's name (or by 项目编码 and the code). */
function isFormLine(l: Line): boolean {
  const cells = l.cells.map((c) => compact(c.text));
  const i = cells.indexOf('项目名称');
  if (i < 0 || l.cells.length > 8) return false;
  if (/项目编码/.test(l.text)) return true;
  const next = cells.slice(i + 1).find((t) => t);
  return next !== undefined && !COLUMN_WORD.test(next.replace(/\d+/g, '').slice(0, 6)) && measureOfLabel(next) === undefined;
}

/** One form per project: 项目编码 / 项目名称 / 预算数 (or 项目金额) printed as label-value pairs. */
function projectForms(raw: RawTable): Built {
  const rows: Row[] = [];
  let current: Row | undefined;
  let funds: FundBlock | undefined;
  const lines = [...raw.header, ...raw.body];
  const titleName = compact(raw.title).replace(ORDINAL, '').replace(/(项目)?(绩效目标|绩效)(表)?$/, '');
  for (const line of lines) {
    if (funds && !readFundLine(funds, line)) funds = undefined;
    const cells = withYearsInLabels(line.cells.map((c) => ({ text: compact(c.text), at: c.at })).filter((c) => c.text), (c) => classify(c.text) === 'label');
    cells.forEach((c, i) => {
      const next = cells[i + 1];
      if (c.text === '项目名称' && next) {
        const code = cells.find((x, j) => j < i && PROJECT_CODE.test(x.text))?.text;
        // A long name runs over the following cells of the line.
        const rest = cells.slice(i + 1);
        const end = rest.findIndex((x) => FORM_LABEL.test(x.text));
        const printed = (end < 0 ? rest : rest.slice(0, end)).filter((x) => !/^\d[\d,.]*$/.test(x.text)).map((x) => x.text).join('');
        // The title of a one-project table names the project whole, where a cell wrap may have
        // doubled or cut a character.
        const name = !rows.length && titleName.length >= 4 && distance(titleName, printed) <= 2 ? titleName : printed;
        current = baseRow(code ?? name, 'project', name, line.at);
        rows.push(current);
        funds = undefined;
      } else if (current && /^(预算数|项目金额|(年度|项目)?资金总额|金额)[:：]?$/.test(c.text) && next && current.values.total === undefined) {
        putAmount(current, 'total', next);
        splitBeside(current, cells.slice(i + 2));
        const column = line.cells.findIndex((x) => compact(x.text) === c.text);
        if (line.delimited && current.values.total !== undefined) funds = { row: current, column, read: {}, readable: true };
      }
    });
  }
  if (funds) closeFunds(funds);
  const sources = [...FUNDS].filter((m) => rows.some((r) => r.values[m] !== undefined));
  return { rows, columns: [{ measure: 'total', path: ['预算数'], children: [] }, ...sources.map((m) => ({ measure: m, path: [m], children: [] }))], issues: [] };
}

/** The lines under a form's 年度资金总额: its sources, printed in the total label's column. */
interface FundBlock {
  row: Row;
  /** Undefined after a page break, until the next line shows where the labels are. */
  column: number | undefined;
  read: Record<string, { text: string; at: At }>;
  /** False once a label in the column names no source: the sources read would be a part of them. */
  readable: boolean;
}

/**
 * One line of a form's fund block (其中:财政拨款 | 1,930.00, 上年结转 | 30.35, 其他资金 | -; `-`
 * prints none). The block ends at a line opening a new part of the form (年度总体目标, the next
 * form's 项目名称) or with the table. Its sources go into the row only if every label of the
 * column named one, so that a split with a word data/measures.json does not know is not summed
 * in part. A second split printed beside it (Shanghai's 年度资金申请总额 column) is not read.
 */
function readFundLine(block: FundBlock, line: Line): boolean {
  const cells = line.cells.map((c) => compact(c.text));
  // A page break (its undelimited footer, headings) may move the columns: the next line's first filled cell is the label's.
  if (!line.delimited) {
    block.column = undefined;
    return true;
  }
  if (cells[0]) {
    closeFunds(block);
    return false;
  }
  block.column ??= cells.findIndex((c) => c);
  const label = cells[block.column]?.replace(/[:：]$/, '');
  if (!label) return true;
  const m = measureOfLabel(label);
  const value = line.cells.slice(block.column + 1).find((c) => compact(c.text));
  if (!m || !FUNDS.has(m) || block.read[m]) block.readable = false;
  else if (value && compact(value.text) !== '-') block.read[m] = { text: compact(value.text), at: value.at };
  return true;
}

const AMOUNT = /^-?[\d,]+(\.\d+)?$/;

/**
 * The split a form prints beside its total on the same line (`预算数 | 27.00 | 其中:财政资金 |
 * 27.00 | 其他资金 |`): read only when every label after the total names a source.
 */
function splitBeside(row: Row, rest: { text: string; at: At }[]): void {
  const labels = rest.filter((c) => !AMOUNT.test(c.text) && c.text !== '-');
  const measures = labels.map((c) => measureOfLabel(c.text.replace(/[:：]$/, '')));
  if (!labels.length || measures.some((m) => !m || !FUNDS.has(m)) || new Set(measures).size !== measures.length) return;
  rest.forEach((c, j) => {
    const value = rest[j + 1];
    const m = measures[labels.indexOf(c)];
    if (m && value && AMOUNT.test(value.text)) putAmount(row, m, value);
  });
}

function closeFunds(block: FundBlock): void {
  if (!block.readable) return;
  for (const [m, cell] of Object.entries(block.read)) if (block.row.values[m] === undefined) putAmount(block.row, m, cell);
}

function putAmount(row: Row, measure: string, cell: { text: string; at: At }): void {
  const v = Number(cell.text.replace(/,/g, ''));
  if (!Number.isFinite(v) || !AMOUNT.test(cell.text)) return;
  row.values[measure] = v;
  row.sources[measure] = cell.at;
}


