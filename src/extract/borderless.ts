/**
 * Tables printed without any ruling line (Word/WPS exports, spreadsheets printed plain), their
 * rows rebuilt from where the words sit: word lines → rows of cells aligned to columns.
 *
 * - Columns are the x-bands the body's chunks cover (from the first line holding a number on);
 *   every chunk, header words too, belongs to the band it overlaps most.
 * - Within a column, text lines one line pitch apart are one wrapped cell. The pitch is the
 *   smallest step between two text lines of a column; rows sit further apart (cell padding).
 *   When the table shows no two such steps, nothing is joined: one row a line.
 * - Cells whose vertical extents overlap are one row: a name wrapped over three lines beside its
 *   amounts, whether the cells are centred or top-aligned.
 * - Rows above the first amount are the header, stacked bottom-aligned per column, so a group
 *   label stands above its 小计 as it does in a ruled grid.
 *
 * Pure: the PDF extractor hands it word lines and places what it returns.
 */

/** Words of one printed line joined where no column gap separates them. */
export interface Chunk {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

export interface WordLine {
  chunks: Chunk[];
  baseline: number;
  /** Font size of the line. */
  em: number;
}

/** A rebuilt row: one cell per column, blank text where the row prints nothing there. */
export interface BorderlessRow {
  cells: Chunk[];
  top: number;
  bottom: number;
  /** Above the table's first amount. */
  header: boolean;
}

export interface BorderlessTable {
  /** Indices of the word lines the table takes. */
  lines: number[];
  rows: BorderlessRow[];
}

/** Lines further apart than this many ems are not one table. */
const REGION_PITCH_EM = 2.5;
/** Lines whose font sizes differ by more than this share are not one table (titles, prose). */
const FONT_SIZE_TOLERANCE = 0.1;
/** A one-chunk line this long is prose or a title. */
const PROSE_CHARS = 20;
/** Lines holding a number a table needs at least, and columns. */
const MIN_ANCHORS = 2;
const MIN_COLUMNS = 3;
/** Two text lines closer than this many ems overlap (sub- or superscripts): no line pitch. */
const MIN_PITCH_EM = 0.8;
/** Steps of one line pitch differ by up to this many ems (renderers round baselines to pixels). */
const PITCH_JITTER_EM = 0.1;
/** A row pitch is under this many line pitches (cell padding is a fraction of a line; a wider step skips a line). */
const MAX_ROW_PITCH = 1.5;

const NUMERIC = /^-?[\d,]*\.?\d+%?$/;

/** Joins wrapped or spaced pieces: no space where either side is CJK, a space between words. */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
export function joinText(a: string, b: string): string {
  if (a === '' || b === '') return a + b;
  return CJK.test(a.slice(-1)) || CJK.test(b.charAt(0)) ? a + b : `${a} ${b}`;
}

/** Word lines of one page, top to bottom → the borderless tables among them. */
export function borderlessTables(lines: WordLine[]): BorderlessTable[] {
  return runsOf(lines).flatMap((run) => {
    const table = tableOf(lines, run);
    return table ? [table] : [];
  });
}

const isAnchor = (l: WordLine): boolean => l.chunks.length >= 2 && l.chunks.some((c) => NUMERIC.test(c.text));
/** Sentence punctuation: a full stop, a semicolon, a comma that is no thousands separator. */
const SENTENCE = /[。;；]|[,，](?!\d{3})/;
/** Prose or a title, never a table's line: one long chunk, or sentence punctuation. */
const isProseLine = (l: WordLine): boolean => (l.chunks.length === 1 && l.chunks[0]!.text.length >= PROSE_CHARS) || l.chunks.some((c) => SENTENCE.test(c.text));

/** Consecutive lines of one font size, close together, none of them prose. */
function runsOf(lines: WordLine[]): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  lines.forEach((l, i) => {
    const prev = lines[run[run.length - 1] ?? -1];
    const joins = prev && l.baseline - prev.baseline <= REGION_PITCH_EM * Math.max(l.em, prev.em) && Math.abs(l.em - prev.em) <= FONT_SIZE_TOLERANCE * prev.em;
    if (!joins) {
      runs.push(run);
      run = [];
    }
    if (isProseLine(l)) {
      runs.push(run);
      run = [];
    } else run.push(i);
  });
  runs.push(run);
  return runs.filter((r) => r.length > 0);
}

interface Fragment extends Chunk {
  line: number;
  baseline: number;
  numeric: boolean;
  anchor: boolean;
}

interface StackedCell {
  column: number;
  parts: Fragment[];
  top: number;
  bottom: number;
}

function tableOf(lines: WordLine[], run: number[]): BorderlessTable | undefined {
  const anchors = run.filter((i) => isAnchor(lines[i]!));
  if (anchors.length < MIN_ANCHORS) return undefined;
  const body = run.filter((i) => i >= anchors[0]!);
  const columns = unionIntervals(body.flatMap((i) => lines[i]!.chunks.map((c): [number, number] => [c.x0, c.x1])));
  if (columns.length < MIN_COLUMNS) return undefined;
  const cuts = columns.slice(1).map(([x0], k) => cutBetween(columns[k]![1], x0, run.flatMap((i) => lines[i]!.chunks)));
  const byColumn = fragmentsByColumn(lines, run, cuts);
  // In a column of names, a number alone on its line (a year) is the last line of a wrapped name.
  const columnsRead = byColumn.map((frags) => (isTextColumn(frags) ? frags.map((f) => (f.anchor ? f : { ...f, numeric: false })) : frags));
  const pitches = linePitches(columnsRead, lines[anchors[0]!]!.em);
  // A wrapped line sits one pitch below the last; the next row's first line sits a row pitch below.
  // Nothing wraps, or wrapped lines cannot be told from the next row: one row a line.
  const reach = pitches ? (pitches.pitch + pitches.rowPitch) / 2 : 0;
  const cells = columnsRead.flatMap((frags, column) => stack(frags, column, reach));
  const groups = overlapping(cells);
  // Two lines of amounts in one row: the rows were not told apart; leave the table as printed.
  if (groups.some((g) => new Set(g.flatMap((c) => c.parts.filter((p) => p.anchor).map((p) => p.line))).size > 1)) return undefined;
  const firstBody = groups.findIndex((g) => g.some((c) => c.parts.some((p) => p.anchor)));
  const rows = groups.flatMap((g, k) => (k < firstBody ? headerRows(g, columns) : [bodyRow(g, columns)]));
  return { lines: run, rows };
}

/** Each line's chunks in the column they overlap most, joined left to right. */
function fragmentsByColumn(lines: WordLine[], run: number[], cuts: number[]): Fragment[][] {
  const out: Fragment[][] = Array.from({ length: cuts.length + 1 }, () => []);
  for (const i of run) {
    const l = lines[i]!;
    const anchor = isAnchor(l);
    const perColumn = new Map<number, Chunk[]>();
    for (const c of l.chunks) {
      const k = columnOf(cuts, c.x0, c.x1);
      perColumn.set(k, [...(perColumn.get(k) ?? []), c]);
    }
    for (const [k, cs] of perColumn) {
      out[k]!.push({
        text: cs.map((c) => c.text).reduce(joinText, ''),
        x0: Math.min(...cs.map((c) => c.x0)),
        x1: Math.max(...cs.map((c) => c.x1)),
        top: Math.min(...cs.map((c) => c.top)),
        bottom: Math.max(...cs.map((c) => c.bottom)),
        line: i,
        baseline: l.baseline,
        numeric: cs.some((c) => NUMERIC.test(c.text)),
        anchor,
      });
    }
  }
  return out;
}

/**
 * Where two columns part, in the gap between their bodies (x `from` to `to`): right before the
 * first chunk that starts in the gap (a left-aligned label of the column to the right, while its
 * amounts are right-aligned), right after the last that ends there coming from the left; the
 * middle of the gap when nothing, or something contradictory, is printed in it.
 */
export function cutBetween(from: number, to: number, chunks: Chunk[]): number {
  const starts = chunks.filter((c) => c.x0 > from && c.x0 < to).map((c) => c.x0);
  const ends = chunks.filter((c) => c.x0 <= from && c.x1 > from && c.x1 < to).map((c) => c.x1);
  const lo = Math.max(from, ...ends);
  const hi = Math.min(to, ...starts);
  return lo <= hi ? (lo + hi) / 2 : (from + to) / 2;
}

/** The band [cuts[k-1], cuts[k]] a chunk overlaps most; the leftmost on a tie. */
export function columnOf(cuts: number[], x0: number, x1: number): number {
  let best = 0;
  let bestOverlap = -Infinity;
  for (let k = 0; k <= cuts.length; k++) {
    const lo = k === 0 ? -Infinity : cuts[k - 1]!;
    const hi = k === cuts.length ? Infinity : cuts[k]!;
    const overlap = Math.min(x1, hi) - Math.max(x0, lo);
    if (overlap > bestOverlap) {
      bestOverlap = overlap;
      best = k;
    }
  }
  return best;
}

/**
 * The body's line pitch and row pitch: the smallest baseline step between two text lines of a
 * column (the largest of the steps within a pixel's jitter of it), and the next step, under
 * MAX_ROW_PITCH times the first (one row to the next, padding between).
 * Only one step (rows of one line each, or no padding between rows): undefined.
 */
function linePitches(byColumn: { baseline: number; numeric: boolean }[][], em: number): { pitch: number; rowPitch: number } | undefined {
  const steps = byColumn
    .flatMap((frags) => {
      const text = frags.filter((f) => !f.numeric);
      return text.slice(1).map((f, k) => f.baseline - text[k]!.baseline);
    })
    .filter((step) => step >= MIN_PITCH_EM * em)
    .sort((a, b) => a - b);
  if (steps[0] === undefined) return undefined;
  const pitch = Math.max(...steps.filter((step) => step <= steps[0]! + PITCH_JITTER_EM * em));
  const rowPitch = steps.find((step) => step > pitch && step < MAX_ROW_PITCH * steps[0]!);
  return rowPitch === undefined ? undefined : { pitch, rowPitch };
}

/** A column whose fragments on lines of amounts are mostly words, not numbers (names, not amounts or codes). */
function isTextColumn(frags: Fragment[]): boolean {
  const onRows = frags.filter((f) => f.anchor);
  return onRows.filter((f) => !f.numeric).length * 2 > onRows.length;
}

/**
 * A column's fragments top to bottom → its cells: a text line within `reach` below the last joins
 * its cell, unless both lie on lines of amounts (two rows). A number is a cell of its own.
 */
function stack(frags: Fragment[], column: number, reach: number): StackedCell[] {
  const cells: StackedCell[] = [];
  for (const f of frags) {
    const last = cells[cells.length - 1];
    const prev = last?.parts[last.parts.length - 1];
    const joins = last && prev && !f.numeric && !prev.numeric && f.baseline - prev.baseline <= reach && !(f.anchor && last.parts.some((p) => p.anchor));
    if (joins) {
      last.parts.push(f);
      last.bottom = Math.max(last.bottom, f.bottom);
    } else cells.push({ column, parts: [f], top: f.top, bottom: f.bottom });
  }
  return cells;
}

/** Cells whose vertical extents overlap, transitively: one row each, top to bottom. */
function overlapping(cells: StackedCell[]): StackedCell[][] {
  const sorted = [...cells].sort((a, b) => a.top - b.top);
  const groups: { bottom: number; cells: StackedCell[] }[] = [];
  for (const c of sorted) {
    const last = groups[groups.length - 1];
    if (last && c.top < last.bottom) {
      last.cells.push(c);
      last.bottom = Math.max(last.bottom, c.bottom);
    } else groups.push({ bottom: c.bottom, cells: [c] });
  }
  return groups.map((g) => g.cells);
}

const cellText = (c: StackedCell): string => c.parts.map((p) => p.text).reduce(joinText, '');

function blank(columns: [number, number][], k: number, top: number, bottom: number): Chunk {
  return { text: '', x0: columns[k]![0], x1: columns[k]![1], top, bottom };
}

function asChunk(cells: StackedCell[]): Chunk {
  return {
    text: cells.map(cellText).reduce(joinText, ''),
    x0: Math.min(...cells.map((c) => Math.min(...c.parts.map((p) => p.x0)))),
    x1: Math.max(...cells.map((c) => Math.max(...c.parts.map((p) => p.x1)))),
    top: Math.min(...cells.map((c) => c.top)),
    bottom: Math.max(...cells.map((c) => c.bottom)),
  };
}

/** One row, one cell per column (several cells of a column in one row joined top to bottom). */
function bodyRow(group: StackedCell[], columns: [number, number][]): BorderlessRow {
  const top = Math.min(...group.map((c) => c.top));
  const bottom = Math.max(...group.map((c) => c.bottom));
  const cells = columns.map((_, k) => {
    const own = group.filter((c) => c.column === k).sort((a, b) => a.top - b.top);
    return own.length ? asChunk(own) : blank(columns, k, top, bottom);
  });
  return { cells, top, bottom, header: false };
}

/**
 * Header cells stacked bottom-aligned: the lowest label of every column on the last line, the
 * label above it on the line before, so a group label sits over the first column it heads.
 */
function headerRows(group: StackedCell[], columns: [number, number][]): BorderlessRow[] {
  const stacks = columns.map((_, k) => group.filter((c) => c.column === k).sort((a, b) => a.top - b.top));
  const tiers = Math.max(...stacks.map((s) => s.length));
  const top = Math.min(...group.map((c) => c.top));
  const bottom = Math.max(...group.map((c) => c.bottom));
  return Array.from({ length: tiers }, (_, t) => {
    const cells = stacks.map((s, k) => {
      const c = s[s.length - tiers + t];
      return c ? asChunk([c]) : blank(columns, k, top, bottom);
    });
    return { cells, top, bottom, header: true };
  });
}

/** Overlapping (or touching) intervals merged, in order; two that overlap by less than `slack` and less than half the narrower are kept apart. */
export function unionIntervals(intervals: [number, number][], slack = 0): [number, number][] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [x0, x1] of sorted) {
    const last = out[out.length - 1];
    const overlap = last ? Math.min(last[1], x1) - x0 : -Infinity;
    // Apart only when the overlap is a sliver of both, never when one lies within the other.
    if (last && overlap >= 0 && (overlap >= slack || 2 * overlap >= Math.min(x1 - x0, last[1] - last[0]))) last[1] = Math.max(last[1], x1);
    else out.push([x0, x1]);
  }
  return out;
}
