import type { Line, TableType } from '../model.js';
import { typeOfTitle } from './detect.js';
import { layoutWords } from '../data.js';

/**
 * Lines → table blocks. A block starts at a printed title (possibly split over two lines) and
 * runs until the next title or until prose resumes. Titles listed in a table of contents, and
 * narrative headings that merely mention a table, are dropped because no table body follows them.
 */

export interface Block {
  type: TableType;
  title: string;
  titleLine: Line;
  /** Lines after the title, up to the next block. */
  lines: Line[];
}

/** Longest title worth considering, in characters without spaces. */
const MAX_TITLE_CHARS = 64;
/** Whitespace-separated pieces a title line may have (`冀财社[2023]225 号 2024 年…绩效目标表`). */
const MAX_TITLE_TOKENS = 5;
/** Lines to look ahead for a table body before a title is taken for a table-of-contents entry. */
const BODY_LOOKAHEAD = 8;
/** Consecutive prose lines that end a table. */
const PROSE_RUN_ENDS_TABLE = 2;

const NARRATIVE_HEADING = /说明|原因|解释|情况及|安排情况|目录|公开目录|^本表|反映/;
const TABLE_LABEL = /^(预算)?\s*\d+\s*表$|^表\s*\d+$|^附表\s*\d*$/;
/** A line over a table naming its unit, department or year; a scan often loses the unit's colon (`部上名称 … 单位 万元`), so a unit ending the line counts. */
const META_LINE = /单位[:：]\s*(万元|元)|^单位\s*(万元|元)|单位\s*(万元|元)\s*$|部门名称|单位名称|预算年度|截止时间|^\(\d{4}\s*年度\)$/;
/** A unit's code and name printed over its tables (`362001 冀州区医疗保障局本级`). */
const UNIT_LINE = /^\d{6}\s+\S+$/;
const PART_HEADING = /^第[一二三四五六七八九十]+部分/;
/** The heading of the document's 说明 (`兴隆县医疗保障局本级2025年单位预算信息公开情况说明`): prose follows, whatever headings break it up. */
const STATEMENT_HEADING = /情况说明$/;
const MAX_HEADING_CHARS = 40;
/** Words a table's header opens with, never a title's. */
const HEADER_WORD = layoutWords('header_openers');
const PERCENT = /^-?\d+(\.\d+)?%$/;
const AMOUNT_TOKEN = /^-?\d[\d,]*\.\d+$/;

const compact = (s: string): string => s.replace(/\s+/g, '');

export function isTableLabel(line: Line): boolean {
  return TABLE_LABEL.test(line.text.trim());
}

function titleCandidate(text: string): boolean {
  const t = compact(text).replace(/^(预算)?\d+表/, '');
  if (t.length < 4 || t.length > MAX_TITLE_CHARS) return false;
  if (/[,。;:!?]/.test(t.replace(/^[^,。]*[:]/, ''))) return false;
  if (NARRATIVE_HEADING.test(t)) return false;
  if (!/表|预算$|决算$/.test(t)) return false;
  if (AMOUNT_TOKEN.test(t)) return false;
  return typeOfTitle(t) !== 'unknown';
}

export function isProse(line: Line): boolean {
  const t = line.text;
  if (line.delimited && line.cells.filter((c) => c.text).length >= 3) return false;
  // A space-separated row of amounts (9,018.93 476.35 …) has commas, but they are thousands separators.
  if (line.cells.filter((c) => AMOUNT_TOKEN.test(c.text)).length >= 2) return false;
  return compact(t).length > 25 && /[,。;]/.test(t.replace(/(\d),(?=\d{3})/g, '$1'));
}

/** A line of a table's row: two amounts or more, not in a sentence. */
function amountRow(line: Line): boolean {
  return line.cells.filter((c) => AMOUNT_TOKEN.test(c.text)).length >= 2 && !isProse(line);
}

function tableish(line: Line): boolean {
  if (META_LINE.test(line.text)) return true;
  // A chart's labels (`15.28% | 教育支出`) print shares, never amounts.
  if (line.cells.some((c) => PERCENT.test(c.text.trim())) && !line.cells.some((c) => AMOUNT_TOKEN.test(c.text.trim()))) return false;
  if (line.delimited && line.cells.filter((c) => c.text).length >= 2) return true;
  if (amountRow(line)) return true;
  return /^(合计|总计|科目编码|项目|序号|部门代码)/.test(compact(line.text));
}

interface TitleHit {
  index: number;
  /** Lines the title takes (1, or 2 when split). */
  span: number;
  title: string;
}

function titleAt(lines: Line[], i: number): TitleHit | undefined {
  const line = lines[i]!;
  const text = line.text.trim();
  if (!text || isTableLabel(line) || (line.delimited && line.cells.filter((c) => c.text).length > 2)) return undefined;
  // A cell inside a table row ("\t\t二十三、国有资本经营预算\t…") is no title.
  if (line.delimited && !line.cells[0]?.text) return undefined;
  // A row holding an amount is no title, nor the first half of one.
  if (line.cells.some((c) => AMOUNT_TOKEN.test(c.text.trim()))) return undefined;
  // A header row whose top label reads like a title (`项目 | 收入预算`, `项目 | 支出预算`) is no title.
  if (line.delimited && line.cells.filter((c) => c.text.trim()).length >= 2 && HEADER_WORD.test(compact(line.cells[0]!.text))) return undefined;
  if (/^(?:[(]?[一二三四五六七八九十]+[)、]).*预算$/.test(text.replace(/\s+/g, ''))) return undefined;
  // A space-separated header row ("项 目 金 额 … 国有资本经营预算") is no title: titles are a phrase or two.
  if (!line.delimited && line.cells.length > MAX_TITLE_TOKENS) return undefined;
  const next = lines[i + 1];
  // A title wrapped over two lines (`公开09表:一般公共预算“三公”经费、会议费、培训费` / `支出预算表`).
  // A note in brackets over a title (`(无政府性基金支出)`) is no half of it.
  if (next && !/表$/.test(compact(text)) && !/^[(（].*[)）]$/.test(compact(text)) && next.text.trim() && compact(next.text).length <= 16 && /表$/.test(compact(next.text))) {
    const joined = `${text}${next.text.trim()}`;
    if (titleCandidate(joined)) return { index: i, span: 2, title: joined };
  }
  // A title without 表 (`…支出预算`) is followed by the table's meta line or header, not by prose.
  if (titleCandidate(text) && (/表/.test(text) || headerFollows(lines, i))) return { index: i, span: 1, title: text };
  // Right under a "预算13表" label a title may omit 表 ("2025年机关（机构）运行经费").
  if (afterTableLabel(lines, i) && titleCandidate(`${text}表`)) return { index: i, span: 1, title: text };
  return undefined;
}

/** Non-blank lines after a title searched for its meta line or header. */
const HEADER_LOOKAHEAD = 3;

function headerFollows(lines: Line[], i: number): boolean {
  const next = lines.slice(i + 1, i + 1 + HEADER_LOOKAHEAD * 2).filter((l) => l.text.trim()).slice(0, HEADER_LOOKAHEAD);
  return next.some((l) => META_LINE.test(l.text) || UNIT_LINE.test(l.text.trim()) || (l.delimited && l.cells.filter((c) => c.text.trim()).length >= 2));
}

function afterTableLabel(lines: Line[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    if (isTableLabel(lines[j]!)) return true;
    if (lines[j]!.text.trim()) return false;
  }
  return false;
}

function hasBody(lines: Line[], from: number, nextTitle: number): boolean {
  const end = Math.min(nextTitle, from + BODY_LOOKAHEAD);
  for (let j = from; j < end; j++) if (tableish(lines[j]!)) return true;
  return false;
}

export function linesToBlocks(lines: Line[]): Block[] {
  const hits: TitleHit[] = [];
  for (let i = 0; i < lines.length; i++) {
    const hit = titleAt(lines, i);
    if (hit) {
      hits.push(hit);
      i += hit.span - 1;
    }
  }
  const accepted = hits.filter((h, k) => {
    const next = hits[k + 1]?.index ?? lines.length;
    return hasBody(lines, h.index + h.span, next);
  });
  const blocks = accepted.map((h, k) => {
    const start = h.index + h.span;
    const limit = accepted[k + 1]?.index ?? lines.length;
    return {
      type: typeOfTitle(h.title),
      title: h.title.replace(/\s+/g, ' ').trim(),
      titleLine: lines[h.index]!,
      lines: bodyLines(lines, start, limit),
    };
  });
  return withContinuations(blocks);
}

/** A title without its table label (`表十二`, `公开12表:`), for comparing a repeated title. */
const bareTitle = (title: string): string => compact(title).replace(/^(?:表[一二三四五六七八九十\d]+|公开\d+表[:：]?|\d+)/, '');

/**
 * A table continued on the next page under its title repeated (Jiangsu's 政府采购预算表 prints
 * title, unit line and header again): one table. The repeated header lines are dropped from the
 * body when the table is built. One-project performance forms repeat one title a form a page
 * (财政项目支出绩效目标填报表): each stays its own table.
 */
function withContinuations(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    const prevPage = prev?.lines[prev.lines.length - 1]?.at.page ?? prev?.titleLine.at.page;
    const page = b.titleLine.at.page;
    if (prev && prev.type === b.type && prevPage !== undefined && page === prevPage + 1 && bareTitle(prev.title) === bareTitle(b.title) && b.type !== 'project_performance') {
      out[out.length - 1] = { ...prev, lines: [...prev.lines, ...b.lines] };
    } else out.push(b);
  }
  return out;
}

/** The block's lines, cut where prose resumes or a new part of the document begins. */
function bodyLines(lines: Line[], start: number, limit: number): Line[] {
  let prose = 0;
  let rows = false;
  let end = limit;
  for (let j = start; j < limit; j++) {
    const line = lines[j]!;
    const words = compact(line.text);
    if (PART_HEADING.test(words) || (STATEMENT_HEADING.test(words) && words.length <= MAX_HEADING_CHARS && !line.delimited)) {
      end = j;
      break;
    }
    if (!line.text.trim()) continue;
    rows ||= amountRow(line);
    prose = isProse(line) && !/^注|^备注|^说明/.test(compact(line.text)) ? prose + 1 : 0;
    // Before its first row, header lines read with stray commas (a scan's `合计,人,员经费`) look
    // like prose; notes under a table have no rows of amounts after them.
    if (prose >= PROSE_RUN_ENDS_TABLE && (rows || !lines.slice(j + 1, Math.min(limit, j + 1 + BODY_LOOKAHEAD)).some(amountRow))) {
      end = j - 1;
      break;
    }
  }
  // A trailing table label ("表 4") belongs to the next table.
  while (end > start && (isTableLabel(lines[end - 1]!) || !lines[end - 1]!.text.trim())) end--;
  return lines.slice(start, end);
}
