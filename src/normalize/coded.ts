import type { At, Issue, Line, RowKind, Table, TableType } from '../model.js';
import { loadJson } from '../data.js';
import type { RawTable } from '../tables/build.js';
import { columnsByPosition, columnsByWords, headerWordOf, measureNameIn, valueWidth } from '../tables/header.js';
import type { RawRow } from '../tables/rows.js';
import { kindOf, repairCode } from './codes.js';
import { repairOcrNames } from './names.js';
import { fitsAlike, fitsWorse, identitiesBroken, identitiesFor, nameUnreadColumn, placeRow, settleByColumnSums, type Assignment, type PlacedNumber } from './place.js';
import { sumExact } from './amounts.js';
import { baseRow, compact, type Built } from './built.js';
import { GRAND_TOTAL_LABEL, lineKeyOf, TOTAL_LABEL } from './line-keys.js';

/** Tables keyed by classification code (支出表, 一般公共预算支出表, 基本支出表 …): rows keyed, codes checked, numbers placed in columns. */

const ECONOMIC_TYPES = new Set(['basic_expenditure', 'basic_expenditure_detail', 'economic_summary', 'appropriation_basic_expenditure']);

function isFunctional(code: string): boolean {
  return /^2\d{2}(\d{2}){0,2}$/.test(code) && Number(code.slice(0, 3)) >= 201 && Number(code.slice(0, 3)) <= 239;
}

/** Economic classes (部门 301–399, 政府 501–599) that exist; a unit code such as 304 is not one. */
const ECONOMIC_CLASS = /^(30[1237]|309|31[0-3]|399|50\d|51[0-4]|599)(\d{2})?$/;

function isEconomic(code: string): boolean {
  return ECONOMIC_CLASS.test(code);
}

interface Keyed {
  key: string;
  kind: RowKind;
  name: string;
}

/** What a coded row is: a classification line, a unit line, the total, or an unkeyed line. */
function keyCodedRow(r: RawRow, economic: boolean): Keyed | undefined {
  const labels = r.labels.map(compact).filter((l) => !/^\*+$/.test(l));
  const codes = r.codes;
  if (!codes.length && isTotalRow(r)) return { key: 'total', kind: 'total', name: labels[0] ?? '合计' };
  if (economic) {
    const econ = codes.filter(isEconomic);
    if (econ.length) return { key: econ.join('|'), kind: 'econ', name: labels[0] ?? '' };
  } else {
    const fn = codes.find(isFunctional);
    if (fn) return { key: fn, kind: kindOf(fn) ?? 'item', name: labels.join('') };
  }
  const unit = codes.find((c) => /^\d{3}$|^\d{6}$/.test(c));
  if (unit) return { key: unit, kind: 'unit', name: labels.join('') };
  return undefined;
}

/** Longest label of an income source line (公共财政拨款(补助)资金, 债务资金(银行贷款)). */
const MAX_SOURCE_LABEL = 24;

/**
 * A table listing income by source down its rows (收入总计, 一般公共预算资金 小计, 事业收入 …)
 * rather than by code: each source line keyed as the summaries key it.
 */
function keyBySource(r: RawRow): Keyed | undefined {
  const name = r.labels.map(compact).join('');
  // A source line is a short label; a sentence that mentions 一般公共预算 is prose, not a line.
  if (name.length > MAX_SOURCE_LABEL || /[,，。；;:：%]/.test(name)) return undefined;
  const key = name ? lineKeyOf(name.replace(/(小计|合计)$/, '')) : undefined;
  return key ? { key, kind: 'line', name } : undefined;
}

/** A total row opens with 合计/总计 and prints its numbers after that label. */
function isTotalRow(r: RawRow): boolean {
  const first = r.tokens.findIndex((t) => t.kind === 'label');
  if (first < 0) return false;
  const label = compact(r.tokens[first]!.text);
  if (!(TOTAL_LABEL.test(label) || (GRAND_TOTAL_LABEL.test(label) && label.length <= 4))) return false;
  return r.tokens.slice(first + 1).some((t) => t.kind !== 'label');
}

/**
 * A functional code checked against the reference: repaired when one confusable character off
 * a listed code whose name the row prints (the repair recorded), kept as printed with a warning
 * when unknown, and a printed name differing from the reference noted (local names exist: the
 * printed name is kept).
 */
function checkCode(k: Keyed, at: At, table: Table['type']): Issue[] {
  const fix = repairCode(k.key, k.name);
  if (fix.repaired && fix.code !== k.key) {
    const printed = k.key;
    k.key = fix.code;
    k.kind = kindOf(fix.code) ?? k.kind;
    return [{ kind: 'code_repaired', severity: 'warning', message: `code ${printed} printed for ${k.name} read as ${fix.code}`, at, table, key: fix.code, printed }];
  }
  if (!fix.known) return [{ kind: 'code_unknown', severity: 'warning', message: `code ${k.key} (${k.name}) is not in the classification reference; kept as printed`, at, table, key: k.key }];
  if (!fix.nameMatches && k.name) return [{ kind: 'name_mismatch', severity: 'info', message: `code ${k.key} is printed as ${k.name}, which differs from the reference name`, at, table, key: k.key }];
  return [];
}

function isColumnNumbering(r: RawRow): boolean {
  const ints = r.numbers.map((n) => n.value);
  return ints.length >= 3 && ints.every((v, i) => i === 0 || v === ints[i - 1]! + 1) && r.tokens.every((t) => !/\./.test(t.text));
}

function mode(values: number[]): number | undefined {
  const count = new Map<number, number>();
  for (const v of values) count.set(v, (count.get(v) ?? 0) + 1);
  return [...count.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
}

export function codedTable(raw: RawTable): Built {
  const economic = ECONOMIC_TYPES.has(raw.type);
  const body = raw.rows.filter((r) => r.numbers.length > 0 && !isColumnNumbering(r));
  let keyed = body.map((r) => ({ r, k: keyCodedRow(r, economic) }));
  // An unkeyed numeric row printed before the first keyed row is the table total (some dumps print
  // the total under header words) when its first number is a total's: the sum of the top-level
  // rows, or, if a figure was misprinted, still at least each of them and most of their sum, so
  // that the column check can report the difference rather than lose the total.
  const classified = keyed.filter((x) => x.k && x.k.kind !== 'unit' && x.k.kind !== 'total');
  const hasTotal = keyed.some((x) => x.k?.kind === 'total');
  const footNote: Issue[] = [];
  if (!hasTotal) {
    const lead = keyed.find((x) => !x.k);
    const top = topLevel(classified.map((x) => x.k!.key));
    const tops = classified.filter((x) => top.has(x.k!.key)).map((x) => x.r.numbers[0]!.value);
    const sum = sumExact(tops);
    const first = lead?.r.numbers[0];
    const totalLike = first !== undefined && !Number.isInteger(first.value) && tops.length > 1 && first.value >= Math.max(...tops) && first.value >= LEAD_TOTAL_SHARE * sum;
    if (lead && keyed.indexOf(lead) < keyed.findIndex((x) => x.k) && (Math.abs(sum - first!.value) < 0.011 || totalLike)) {
      lead.k = { key: 'total', kind: 'total', name: '合计' };
    }
    // …and so is the last row, unkeyed, printed after every keyed row, whose first number is that
    // sum to the cent: a 合计 whose label was not read (OCR's 合直).
    const foot = keyed.at(-1);
    const footFirst = foot?.r.numbers[0];
    if (foot && !foot.k && classified.length > 1 && footFirst && Math.abs(sum - footFirst.value) < 0.005) {
      foot.k = { key: 'total', kind: 'total', name: '合计' };
      footNote.push({ kind: 'reading_doubtful', severity: 'info', message: `the last row, labelled '${foot.r.labels.join('') || '(nothing)'}', is read as the table's total: its first figure is the sum of the top-level rows`, at: foot.r.at, table: raw.type, key: 'total' });
    }
  }
  // Unit lines repeat the total when the table is broken down by classification; keep them only
  // where they are the breakdown.
  const restating = classified.length ? keyed.filter((x): x is { r: RawRow; k: Keyed } => x.k?.kind === 'unit') : [];
  if (classified.length) keyed = keyed.filter((x) => x.k?.kind !== 'unit');
  else keyed = keyed.map((x) => ({ r: x.r, k: x.k ?? keyBySource(x.r) }));
  // A table printing a single row of amounts under its header (Jiangsu's 支出预算总表, the central
  // template's 收入预算表) prints its total.
  if (keyed.length === 1 && !keyed[0]!.k && !keyed[0]!.r.codes.length) keyed[0]!.k = { key: 'total', kind: 'total', name: '合计' };
  const placed = economic ? [] : repairByPlace(keyed, raw.type);
  const rowsIn = keyed.filter((x): x is { r: RawRow; k: Keyed } => x.k !== undefined);
  const padded = rowsIn.flatMap((x) => paddedCodeIssue(x.r, x.k, raw.type));
  const checked = economic ? [] : rowsIn.filter((x) => ['class', 'section', 'item'].includes(x.k.kind)).flatMap((x) => checkCode(x.k, x.r.at, raw.type));
  // OCR names (cells with a recognition confidence) are checked against the reference (names.ts).
  const ocr = raw.body.some((l) => l.cells.some((c) => c.confidence !== undefined));
  const renamed = ocr ? repairOcrNames(rowsIn.filter((x) => x.k.kind !== 'total' && x.k.kind !== 'unit').map((x) => ({ k: x.k, at: x.r.at })), raw.type) : [];
  const renamedKeys = new Set(renamed.map((i) => i.key));
  const built = placeTable(raw, rowsIn, economic);
  const subtotals = restatedUnitRows(restating, built.rows.find((r) => r.kind === 'total'));
  return { ...built, ...(subtotals.length ? { subtotals } : {}), issues: [...footNote, ...placed, ...padded, ...checked.filter((i) => !(i.kind === 'name_mismatch' && renamedKeys.has(i.key))), ...renamed, ...built.issues] };
}

/** The digit pieces a row opens with, as printed. */
function leadingPieces(r: RawRow): string[] {
  const first = r.tokens.findIndex((t) => t.kind !== 'digits');
  return r.tokens.slice(0, first < 0 ? r.tokens.length : first).map((t) => t.text);
}

/** A code whose 款 or 项 was printed without its leading zero (`301 2` → 30102): read, and said. */
function paddedCodeIssue(r: RawRow, k: Keyed, table: Table['type']): Issue[] {
  const pieces = leadingPieces(r);
  if (!pieces.some((p, i) => i > 0 && p.length === 1)) return [];
  const printed = pieces.join(' ');
  return [{ kind: 'code_repaired', severity: 'warning', message: `code ${printed} printed for ${k.name} read as ${k.key} (a 款/项 printed without its leading zero)`, at: r.at, table, key: k.key, printed }];
}

/**
 * A functional code whose 类 was misprinted (`7 | 11 | 02` under 210 / 21011): its 款 and 项
 * printed right, the row is the item of the section above it, when the reference's name for that
 * code is the printed name (or the reference lacks the code). Repaired, and said; otherwise left
 * out of the rows as before.
 */
function repairByPlace(keyed: { r: RawRow; k: Keyed | undefined }[], table: Table['type']): Issue[] {
  const issues: Issue[] = [];
  let section: string | undefined;
  for (const x of keyed) {
    if (x.k) {
      if (x.k.kind === 'section' || x.k.kind === 'item') section = x.k.key.slice(0, 5);
      if (x.k.kind === 'class' || x.k.kind === 'total') section = undefined;
      continue;
    }
    const pieces = leadingPieces(x.r);
    const [, kuan, xiang] = pieces;
    if (!section || pieces.length !== 3 || kuan !== section.slice(3) || !/^\d{2}$/.test(xiang ?? '') || pieces[0] === section.slice(0, 3)) continue;
    const code = `${section}${xiang}`;
    const name = x.r.labels.map(compact).join('');
    const fix = repairCode(code, name);
    if (fix.known && !fix.nameMatches) continue;
    x.k = { key: code, kind: 'item', name };
    issues.push({ kind: 'code_repaired', severity: 'warning', message: `code ${pieces.join(' ')} printed for ${name} read as ${code} from its place under ${section}${fix.known ? ' and its name' : ' (not in the classification reference)'}`, at: x.r.at, table, key: code, printed: pieces.join(' ') });
  }
  return issues;
}

/** A positioned row's figures by column (blank cells undefined). */
function figuresByColumn(r: RawRow, width: number, pos: (n: { idx?: number }) => number | undefined): (number | undefined)[] {
  const out: (number | undefined)[] = Array.from({ length: width }, () => undefined);
  for (const n of r.numbers) {
    const p = pos(n);
    if (p !== undefined && p >= 0 && p < width) out[p] = n.value;
  }
  return out;
}

/** An unlabelled lead row is a total when its first number is at least this share of the top-level rows' sum (and each of them). */
const LEAD_TOTAL_SHARE = 0.5;

/** Codes at the outermost printed level: classes if any are printed, else sections, else items. */
function topLevel(keys: string[]): Set<string> {
  const lengths = keys.map((k) => k.split('|')[0]!.length);
  const min = Math.min(...lengths);
  return new Set(keys.filter((k) => k.split('|')[0]!.length === min));
}

const namesColumns = (lines: Line[], type: TableType): boolean => columnsByWords(lines.map((l) => l.text).join(' '), type).length > 1;
const printsAmounts = (l: Line): boolean => l.cells.some((c) => /\d\.\d/.test(c.text));

/**
 * The lines that name the columns. A table whose first page was flattened still repeats its header
 * on the next page: that one is read where the first page's names nothing, or is flattened (its
 * words out of printed order, no cells) while the repeat keeps its cells.
 */
function headerLinesOf(raw: RawTable): Line[] {
  const repeated = raw.body.filter((l) => !printsAmounts(l));
  const repeatedInCells = repeated.filter((l) => l.delimited);
  if (!raw.header.some((l) => l.delimited) && namesColumns(repeatedInCells, raw.type)) return repeatedInCells;
  return namesColumns(raw.header, raw.type) ? raw.header : repeated;
}

/**
 * Each page of a table is its own grid, and one page's may split or merge leading code columns
 * where another's does not (类 | 款 | 项 in three cells or one): when every page has as many value
 * columns, a row's positions count from the first value column of its own page (the mode of its
 * keyed rows' first figures; of any row of figures on a page that holds only its table's total),
 * the header's from its page's. When pages differ in value columns (a column left out or two
 * merged on one page), no page's count is sure: all count from the table's mode (the caller's,
 * `first` undefined here).
 */
function pageGrids(raw: RawTable, keyed: RawRow[], headerLines: Line[]): { first: number | undefined; width: number; firstOn: (page: number | undefined) => number | undefined } {
  const printed = raw.rows.filter((r) => r.positioned && r.numbers[0]?.idx !== undefined && !isColumnNumbering(r));
  const grid = raw.body.filter((l) => l.delimited);
  const pages = [...new Set(printed.map((r) => r.at.page))];
  const firstOf = (rows: RawRow[]): number | undefined => mode(rows.map((r) => r.numbers[0]!.idx!));
  const firstOn = new Map(pages.map((page) => [page, firstOf(keyed.filter((r) => r.at.page === page)) ?? firstOf(printed.filter((r) => r.at.page === page))!]));
  const cellsOn = (page: number | undefined): number => Math.max(0, ...grid.filter((l) => l.at.page === page).map((l) => l.cells.length));
  const headerPage = headerLines[0]?.at.page;
  const consistent = new Set(pages.map((page) => cellsOn(page) - firstOn.get(page)!)).size <= 1;
  const cells = consistent && grid.some((l) => l.at.page === headerPage) ? cellsOn(headerPage) : Math.max(0, ...grid.map((l) => l.cells.length));
  const width = valueWidth(headerLines, cells);
  if (!consistent) return { first: undefined, width, firstOn: () => undefined };
  return { first: firstOn.get(headerPage), width, firstOn: (page) => firstOn.get(page) };
}

function placeTable(raw: RawTable, rowsIn: { r: RawRow; k: Keyed }[], economic: boolean): Built {
  const issues: Issue[] = [];
  const headerLines = headerLinesOf(raw);
  const headerText = headerLines.map((l) => l.text).join(' ');
  const positioned = rowsIn.filter((x) => x.r.positioned && x.r.numbers[0]?.idx !== undefined);
  const grids = pageGrids(raw, positioned.map((x) => x.r), headerLines);
  const firstValue = grids.first ?? mode(positioned.map((x) => x.r.numbers[0]!.idx!));
  const width = grids.width;
  let columns: string[] = columnsByWords(headerText, raw.type).map((c) => c.measure);
  const byPos = firstValue === undefined ? undefined : columnsByPosition(headerLines, firstValue, width);
  if (byPos && byPos.every((m) => m !== undefined)) columns = byPos as string[];
  else if (byPos) {
    // Columns the header leaves unnamed are kept as col_N so positions still line up.
    columns = byPos.map((m, i) => m ?? `col_${i + 1}`);
  }
  // More numbers than named columns: keep them, in printed order, under col_N.
  const widest = Math.max(0, ...rowsIn.map((x) => x.r.numbers.length), width - (firstValue ?? width));
  for (let k = columns.length; k < widest; k++) columns.push(`col_${k + 1}`);
  columns = columns.map((m) => measureNameIn(raw.type, m));
  const posIn = (r: RawRow) => {
    const first = grids.firstOn(r.at.page) ?? firstValue;
    return (n: { idx?: number }): number | undefined => (n.idx === undefined || first === undefined ? undefined : n.idx - first);
  };
  const named = nameUnreadColumn(columns, positioned.map((x) => figuresByColumn(x.r, columns.length, posIn(x.r))), raw.type);
  if (named) {
    const unread = columns[named.column]!;
    columns[named.column] = named.measure;
    issues.push({ kind: 'reading_doubtful', severity: 'warning', message: `the heading of column ${named.column + 1} was not read; its figures make it ${named.measure} (its identities hold on ${named.holds} of ${named.tested} rows), so it is read as that: check the heading`, at: raw.header[0]?.at ?? raw.body[0]?.at, table: raw.type, measure: named.measure, printed: unread });
  }
  const identities = identitiesFor(columns, raw.type);
  const numbersOf = (r: RawRow): PlacedNumber[] => r.numbers.map((n) => ({ value: n.value, pos: r.positioned ? posIn(r)(n) : undefined }));

  const totalIdx = rowsIn.findIndex((x) => x.k.kind === 'total');
  const blankNone: boolean[] = columns.map(() => false);
  const totalPlacement = totalIdx >= 0 ? placeRow(numbersOf(rowsIn[totalIdx]!.r), columns, identities, blankNone) : undefined;
  const top = topLevel(rowsIn.filter((x) => x.k.kind !== 'total' && x.k.kind !== 'unit').map((x) => x.k.key));

  const cache = new Map<string, ReturnType<typeof placeRow>>();
  const placeRowCached = (r: RawRow, totalBlank: boolean[]): ReturnType<typeof placeRow> => {
    const key = `${rowsIn.findIndex((x) => x.r === r)}|${totalBlank.map(Number).join('')}`;
    let hit = cache.get(key);
    if (!hit) cache.set(key, (hit = placeRow(numbersOf(r), columns, identities, totalBlank)));
    return hit;
  };
  /**
   * Places every row given one reading of the total row, the items kept out of the columns it
   * leaves blank or not; the reading whose column sums fit best wins.
   */
  const attempt = (totalAssign: Assignment | undefined, trustBlanks: boolean) => {
    const totalValues = totalAssign ? valuesFor(totalAssign, rowsIn[totalIdx]!.r) : columns.map(() => undefined);
    const totalBlank = totalAssign && trustBlanks ? totalValues.map((v) => v === undefined || v === 0) : blankNone;
    const placements = rowsIn.map((x, i) => {
      if (i === totalIdx) return { options: [totalAssign!], printed: totalPlacement!.printed };
      const p = placeRowCached(x.r, totalBlank);
      if (!economic) return p;
      // The printed reading keeps its index only if the preference kept it (printedAt indexes `options`).
      const options = preferEconomicColumn(p.options, x.k.key, columns);
      const printedAt = p.printedAt === undefined ? -1 : options.indexOf(p.options[p.printedAt]!);
      return { ...p, options, printedAt: printedAt < 0 ? undefined : printedAt };
    });
    const settle = settleByColumnSums(
      placements.map((p, i) => ({ options: p.options.map((a) => valuesFor(a, rowsIn[i]!.r)), counted: i !== totalIdx && top.has(rowsIn[i]!.k.key) })),
      totalValues,
    );
    return { totalAssign, placements, settle };
  };
  const readings = (totalPlacement?.options.length ? totalPlacement.options.slice(0, MAX_TOTAL_READINGS) : [undefined]).flatMap((a) => {
    const trusting = attempt(a, true);
    // A total row that breaks its own identities was misread (figures lost or run together), so
    // its blanks may be figures it lost: the items are also placed as if it had none, and that
    // wins only where more of the column totals then hold.
    const broken = a !== undefined && identitiesBroken(valuesFor(a, rowsIn[totalIdx]!.r), columns, identities).length > 0;
    return broken ? [trusting, attempt(a, false)] : [trusting];
  });
  const bestFit = readings.map((r) => r.settle.fit).reduce((a, f) => (fitsWorse(a, f) ? f : a));
  const fitting = readings.filter((r) => fitsAlike(r.settle.fit, bestFit));
  const { placements, settle } = fitting[0]!;
  const totalReadings = new Set(fitting.map((r) => r.totalAssign)).size;
  if (totalIdx >= 0) settle.ambiguous[totalIdx] = totalReadings > 1;
  settleUnderParents(rowsIn, placements, settle);
  const optionCount = (i: number): number => (i === totalIdx ? totalReadings : placements[i]!.options.length);

  const rows = rowsIn.map((x, i) => {
    const row = baseRow(x.k.key, x.k.kind, x.k.name, x.r.at);
    const p = placements[i]!;
    const assign: Assignment | undefined = p.options[settle.choice[i]!];
    if (!assign) {
      issues.push({ kind: 'row_unparsed', severity: 'warning', message: `row ${x.k.key}: ${x.r.numbers.length} numbers do not fit ${columns.length} columns`, at: x.r.at, table: raw.type, key: x.k.key });
      return row;
    }
    assign.forEach((k, col) => {
      if (k === undefined) return;
      const n = x.r.numbers[k]!;
      row.values[columns[col]!] = n.value;
      row.sources[columns[col]!] = n.at;
    });
    const hidden = p.printedAt !== undefined && settle.choice[i] !== p.printedAt ? hiddenMisprint(x.k.key, p.options[p.printedAt]!, assign, x.r, columns, identities) : undefined;
    if (hidden) issues.push({ ...hidden, at: x.r.at, table: raw.type, key: x.k.key });
    if (settle.ambiguous[i]) {
      issues.push({
        kind: 'ambiguous_placement',
        severity: 'warning',
        message: `row ${x.k.key}: its numbers fit ${optionCount(i)} column placements equally well; the first was kept`,
        at: x.r.at,
        table: raw.type,
        key: x.k.key,
      });
    }
    return row;
  });
  return { rows, columns: columns.map((m) => ({ measure: m, path: headerPath(m, identities), children: childrenOf(m, identities) })), issues };
}

/** Header words from the outermost group down: 基本支出 › 人员经费 › 工资福利支出. The row total is no group. */
function headerPath(measure: string, identities: { parent: string; children: string[] }[]): string[] {
  const path = [headerWordOf(measure)];
  for (let m = measure, up = parentOf(m, identities); up && up !== 'total'; m = up, up = parentOf(m, identities)) path.unshift(headerWordOf(up));
  return path;
}

function parentOf(measure: string, identities: { parent: string; children: string[] }[]): string | undefined {
  return identities.find((i) => i.children.includes(measure))?.parent;
}

interface EconomicMeasureFile {
  department: Record<string, string>;
  government: Record<string, string>;
}
const economicMeasures = loadJson<EconomicMeasureFile>('economic-measures.json');
const OPPOSITE: Record<string, string> = { personnel: 'public', public: 'personnel' };

/** Between placements the arithmetic leaves open, the one that puts the amount where its economic class belongs. */
function preferEconomicColumn(options: Assignment[], key: string, columns: string[]): Assignment[] {
  const [dept, gov] = key.split('|');
  const expected = economicMeasures.department[dept?.slice(0, 3) ?? ''] ?? economicMeasures.government[gov ?? ''] ?? economicMeasures.government[gov?.slice(0, 3) ?? ''];
  const other = expected ? columns.indexOf(OPPOSITE[expected]!) : -1;
  if (other < 0 || options.length < 2) return options;
  const fitting = options.filter((a) => a[other] === undefined);
  return fitting.length ? fitting : options;
}

/** Readings of an ambiguous total row tried against the items' column sums. */
const MAX_TOTAL_READINGS = 6;

const NESTING_KINDS = new Set<RowKind>(['class', 'section', 'item', 'econ']);

/**
 * Below the top level, the parent row is the total: a class's sections add up to it column by
 * column, a section's items to the section (a column the parent leaves blank holds nothing).
 * Top down, each parent's children are settled against its placed values, so a section printing
 * `3216.00 3216.00` goes under 项目支出 when that is where its class has room.
 */
function settleUnderParents(
  rowsIn: { r: RawRow; k: Keyed }[],
  placements: { options: Assignment[] }[],
  settle: { choice: number[]; ambiguous: boolean[] },
): void {
  const code = (i: number): string => rowsIn[i]!.k.key.split('|')[0]!;
  const coded = rowsIn.map((x, i) => (NESTING_KINDS.has(x.k.kind) ? i : -1)).filter((i) => i >= 0);
  // Codes printed twice (a table broken down by unit) would be summed twice: leave those alone.
  if (new Set(coded.map(code)).size < coded.length) return;
  for (const p of [...coded].sort((a, b) => code(a).length - code(b).length)) {
    const below = coded.filter((i) => code(i).length > code(p).length && code(i).startsWith(code(p)));
    if (!below.length) continue;
    const level = Math.min(...below.map((i) => code(i).length));
    const kids = below.filter((i) => code(i).length === level);
    const parentAssign = placements[p]!.options[settle.choice[p]!];
    if (!parentAssign || !kids.some((i) => placements[i]!.options.length > 1)) continue;
    const parentValues = valuesFor(parentAssign, rowsIn[p]!.r).map((v) => v ?? 0);
    const sub = settleByColumnSums(
      kids.map((i) => ({ options: placements[i]!.options.map((a) => valuesFor(a, rowsIn[i]!.r)), counted: true })),
      parentValues,
    );
    kids.forEach((i, k) => {
      settle.choice[i] = sub.choice[k]!;
      settle.ambiguous[i] = sub.ambiguous[k]!;
    });
  }
}

/**
 * A row read into other columns than printed, where the printed positions break an identity and
 * the chosen reading moves a figure out of every broken identity (西南大学 2023 2050202's 0.50
 * into 其中:教育收费): a misprint there would be hidden, so the warning names both. A reading
 * that only moves figures between the identities' own columns is a dump's shifted cells.
 */
function hiddenMisprint(key: string, printed: Assignment, chosen: Assignment, r: RawRow, columns: string[], identities: ReturnType<typeof identitiesFor>): Omit<Issue, 'at' | 'table' | 'key'> | undefined {
  const broken = identitiesBroken(valuesFor(printed, r), columns, identities);
  const inBroken = new Set(broken.flatMap((b) => [b.parent, ...b.children]));
  const out = chosen.flatMap((k, col) => (k !== undefined && printed[col] !== k && !inBroken.has(columns[col]!) ? [col] : []));
  if (!broken.length || !out.length) return undefined;
  const moved = out.map((col) => `${r.numbers[chosen[col]!]!.value} (printed under ${columns[printed.indexOf(chosen[col]!)] ?? '?'}, read as ${columns[col]})`);
  const first = out[0]!;
  return {
    kind: 'ambiguous_placement',
    severity: 'warning',
    measure: columns[first],
    found: r.numbers[chosen[first]!]!.value,
    message:
      `row ${key}: as printed, its figures break ${broken.map((b) => `${b.parent} = ${b.children.join(' + ')}`).join('; ')}; ` +
      `read instead with ${moved.join(', ')}, where the row adds up: a misprint may be hidden by that reading, check the printed row`,
  };
}

/**
 * Unit rows left out of `rows` because they restate the total (`309001 新乡市凤泉区医疗保障局`
 * over a table broken down by classification), kept as subtotals so the checks still compare
 * them: a row printing as many numbers as the total row takes the total's columns in order.
 */
function restatedUnitRows(units: { r: RawRow; k: Keyed }[], total: ReturnType<typeof baseRow> | undefined): ReturnType<typeof baseRow>[] {
  if (!total) return [];
  const measures = Object.keys(total.values);
  return units.flatMap(({ r, k }) => {
    if (r.numbers.length !== measures.length) return [];
    const row = baseRow(k.key, 'unit', k.name, r.at);
    measures.forEach((m, i) => {
      row.values[m] = r.numbers[i]!.value;
      row.sources[m] = r.numbers[i]!.at;
    });
    return [row];
  });
}

function valuesFor(assign: Assignment, r: RawRow): (number | undefined)[] {
  return assign.map((k) => (k === undefined ? undefined : r.numbers[k]!.value));
}

function childrenOf(measure: string, identities: { parent: string; children: string[] }[]): string[] {
  return identities.find((i) => i.parent === measure)?.children ?? [];
}

