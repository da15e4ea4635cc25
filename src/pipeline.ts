import { createHash } from 'node:crypto';
import type { BudgetDocument, Extracted, Issue, Line, NarrativeStatement, SourceKind, Table } from './model.js';
import { ExtractError } from './extract/errors.js';
import type { OcrEngine } from './extract/ocr.js';
import { extractText, sniffEncoding } from './extract/text.js';
import { checkInputSize, type Limits } from './extract/limits.js';
import { checkImageBudget } from './extract/image-header.js';
import { isOffice } from './extract/office/sniff.js';
import { linesToBlocks, type Block } from './tables/segment.js';
import { withStandIns } from './tables/detect.js';
import { earliestEdition } from './normalize/codes.js';
import { blockToRawTable, unitOf } from './tables/build.js';
import { rawTableToTable } from './normalize/table.js';
import { documentMeta, metaConflicts } from './normalize/meta.js';
import { findNarrativeStatements, validateDocument } from './checks/index.js';

/** Budgets (maxBytes, maxPages, maxImagePixels) default to src/extract/limits.ts. */
export interface ExtractOptions extends Limits {
  /** Password for encrypted PDFs. */
  password?: string;
  /** Add class and section rows summed from printed items (marked derived). */
  rollup?: boolean;
  /** OCR (src/extract/ocr.ts): `auto` (default) reads scanned pages and page images, `always` every PDF page, `never` none. */
  ocr?: 'auto' | 'always' | 'never';
  /** Tesseract workers of this process's OCR pool (default: the cores). */
  ocrWorkers?: number;
  /** The OCR recognizer (src/extract/ocr.ts `OcrEngine`): `auto` (default: by page, ocr.ts autoEngine), `tesseract` or `ppocr`. */
  ocrEngine?: OcrEngine;
  /** PP-OCR's detection: the page's longer side scaled to at most this many pixels (default 1600). */
  ocrDetLimit?: number;
}

export type InputKind = 'pdf' | 'image' | 'office' | 'text';

export function sniffKind(bytes: Uint8Array): InputKind {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (bytes[0] === 0x89 && head.startsWith('\x89PNG')) return 'image';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image';
  if (head.startsWith('II*\0') || head.startsWith('MM\0*')) return 'image';
  // Spreadsheets, Word files (ZIP or OLE2 containers) and web pages.
  if (isOffice(bytes)) return 'office';
  return 'text';
}

async function linesOf(bytes: Uint8Array, file: string, options: ExtractOptions): Promise<Extracted> {
  if (bytes.length === 0) throw new ExtractError('empty', file);
  checkInputSize(bytes.length, file, options.maxBytes);
  const kind = sniffKind(bytes);
  if (kind === 'pdf') {
    const { extractPdf } = await import('./extract/pdf.js');
    const pdfOptions = { password: options.password, maxPages: options.maxPages, maxImagePixels: options.maxImagePixels };
    const mode = options.ocr ?? 'auto';
    const ocrOptions = { ...pdfOptions, mode, workers: options.ocrWorkers, engine: options.ocrEngine, detLimit: options.ocrDetLimit };
    let textLayer: Extracted;
    try {
      // pdf.js wants a plain Uint8Array (not a Buffer) and may detach it: hand it a copy.
      textLayer = await extractPdf(new Uint8Array(bytes), file, pdfOptions);
    } catch (e) {
      // A scanned PDF (no page has text): OCR reads its pages, unless told never to.
      if (mode === 'never' || !(e instanceof ExtractError) || e.code !== 'no_text_layer') throw e;
      return (await import('./extract/ocr.js')).ocrPdf(new Uint8Array(bytes), file, ocrOptions, { noText: e });
    }
    // Pages pdf.ts could not read report `text_dropped` warnings; without any, OCR has nothing to add.
    const unread = textLayer.issues.some((i) => i.kind === 'text_dropped' && i.severity === 'warning');
    if (mode === 'never' || (mode === 'auto' && !unread)) return textLayer;
    return (await import('./extract/ocr.js')).ocrPdf(new Uint8Array(bytes), file, ocrOptions, { textLayer });
  }
  if (kind === 'image') {
    // The pixel budget first, before any decoder allocates: too_large or a malformed header.
    const header = checkImageBudget(bytes, file, { maxPixels: options.maxImagePixels, maxFrames: options.maxPages });
    if (options.ocr === 'never') throw new ExtractError('unsupported', file, 'a page image can only be read by OCR, and --ocr never was given');
    return (await import('./extract/ocr.js')).extractImage(bytes, file, header, { maxImagePixels: options.maxImagePixels, workers: options.ocrWorkers, engine: options.ocrEngine, detLimit: options.ocrDetLimit });
  }
  if (kind === 'office') return (await import('./extract/office/index.js')).extractOffice(bytes, file);
  const encoding = sniffEncoding(bytes);
  if (encoding === 'binary') throw new ExtractError('binary', file);
  return extractText(bytes, file, encoding);
}

/** Lines → the document: tables found, typed, keyed, placed and checked. */
export function linesToDocument(extracted: Extracted, file: string, sha256: string, options: ExtractOptions = {}): BudgetDocument {
  const blocks = linesToBlocks(extracted.lines);
  if (!blocks.length) return narrativeOnlyDocument(extracted, file, sha256);
  return blocksToDocument(extracted, extracted.lines, blocks, file, sha256, options);
}

function blocksToDocument(extracted: Extracted, lines: Line[], blocks: Block[], file: string, sha256: string, options: ExtractOptions): BudgetDocument {
  const docUnit = unitOf(lines);
  const read = withStandIns(blocks).map((b) => rawTableToTable(blockToRawTable(b, docUnit), options));
  const document = documentMeta(lines, read);
  const tables = read.map((t) => ({ ...t, issues: t.issues.map((i) => withEdition(i, document.year)) }));
  const source = { file, sha256, kind: extracted.kind as SourceKind, pages: extracted.pages };
  const { issues, validation } = validateDocument(tables, document, lines);
  if (isProseReadAsTables(tables)) return narrativeOnlyDocument(extracted, file, sha256);
  return { source, document, tables, issues: [...extracted.issues, ...metaConflicts(lines, tables), ...issues], validation };
}

/**
 * A code the reference lacks, in a document older than the reference's earliest edition, was
 * most likely listed in the edition of its year (2080504 未归口管理的行政单位离退休, 2017–2019):
 * said as information, not as a warning about the document.
 */
function withEdition(issue: Issue, year: number | undefined): Issue {
  const earliest = earliestEdition();
  if (issue.kind !== 'code_unknown' || year === undefined || year >= earliest) return issue;
  return { ...issue, severity: 'info', message: `${issue.message}; the reference lists the ${earliest} edition on, and this ${year} document may follow its own year's edition` };
}

/** Budget prose states at least this many figures (收入, 基本支出, 项目支出 …); fewer is not a budget volume. */
const MIN_NARRATIVE_FIGURES = 2;
const BUDGET_WORD = /预算|决算/;

/**
 * A volume with budget prose and no table (…部门预算公开文件: its tables are a separate 公开表
 * volume) → a document with no tables, a `narrative_only` note and the figures its prose states.
 * Anything else without a table is not a disclosure: `no_budget_table`.
 */
function narrativeOnlyDocument(extracted: Extracted, file: string, sha256: string): BudgetDocument {
  const statements = findNarrativeStatements(extracted.lines);
  const isBudget = extracted.lines.some((l) => BUDGET_WORD.test(l.text));
  if (statements.length < MIN_NARRATIVE_FIGURES || !isBudget) throw new ExtractError('no_budget_table', file);
  const document = documentMeta(extracted.lines, []);
  const metaIssues = metaConflicts(extracted.lines, []);
  const source = { file, sha256, kind: extracted.kind as SourceKind, pages: extracted.pages };
  const { issues, validation } = validateDocument([], document, extracted.lines);
  const note: Issue = {
    kind: 'narrative_only',
    severity: 'info',
    message: `this volume prints no tables; its tables are published as a separate 公开表 volume. The ${statements.length} figures its prose states are in \`narrative\``,
  };
  return { source, document, tables: [], issues: [...extracted.issues, note, ...metaIssues, ...issues], validation, narrative: distinctStatements(statements) };
}

/**
 * A row name that is a piece of a sentence (`万元,与上年相比增加`, `万元、拟采购工程支出`,
 * `…说明本表(公开`), not a budget line (`项目资金(万元)` is one).
 */
const PROSE_ROW = /^万元|[，。；,;]|本表/;

/**
 * Prose a narrative volume's headings made look like tables (`…机关运行经费预算` followed by
 * sentences): at least half the rows are sentence pieces. A real table's rows are budget lines.
 */
function isProseReadAsTables(tables: Table[]): boolean {
  const rows = tables.flatMap((t) => t.rows).filter((r) => r.kind !== 'total');
  const prose = rows.filter((r) => PROSE_ROW.test(r.name)).length;
  return tables.length > 0 && prose > 0 && prose * 2 >= rows.length;
}

/** Each stated figure once per distinct amount, where it is first printed. */
function distinctStatements(statements: NarrativeStatement[]): NarrativeStatement[] {
  const seen = new Set<string>();
  return statements.filter((s) => {
    const id = `${s.statement}\u0000${s.amount}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** A unit's disclosure has at least this many tables; fewer after a split means no bundle. */
const MIN_TABLES_PER_UNIT = 3;

/**
 * A county bundle (several units' disclosures in one file) → one block group per unit. Every
 * disclosure prints one 收支总表, so a second one starts the next unit; the split is kept only
 * when every unit has a table set of its own.
 */
export function blocksToUnits(blocks: Block[]): Block[][] {
  const groups: Block[][] = [];
  for (const b of blocks) {
    const current = groups[groups.length - 1];
    if (!current || (b.type === 'summary' && current.some((x) => x.type === 'summary'))) groups.push([b]);
    else current.push(b);
  }
  return groups.length > 1 && groups.every((g) => g.length >= MIN_TABLES_PER_UNIT) ? groups : [blocks];
}

/**
 * Lines → one document per unit (one, unless the file is a bundle). A unit's lines run from the
 * end of the previous unit's last table, so the prose printed before its tables is its own.
 */
export function linesToDocuments(extracted: Extracted, file: string, sha256: string, options: ExtractOptions = {}): BudgetDocument[] {
  const blocks = linesToBlocks(extracted.lines);
  if (!blocks.length) return [narrativeOnlyDocument(extracted, file, sha256)];
  const units = blocksToUnits(blocks);
  if (units.length === 1) return [blocksToDocument(extracted, extracted.lines, blocks, file, sha256, options)];
  const index = new Map(extracted.lines.map((l, i) => [l, i]));
  const lastLine = (g: Block[]): number => {
    const last = g[g.length - 1]!;
    return index.get(last.lines[last.lines.length - 1] ?? last.titleLine) ?? 0;
  };
  return units.map((g, k) => {
    const from = k === 0 ? 0 : lastLine(units[k - 1]!) + 1;
    const to = k === units.length - 1 ? extracted.lines.length : lastLine(g) + 1;
    const doc = blocksToDocument(extracted, extracted.lines.slice(from, to), g, file, sha256, options);
    return { ...doc, source: { ...doc.source, part: { index: k + 1, of: units.length } } };
  });
}

/** Every unit's document of a file: one, or one per unit of a county bundle. */
export async function extractUnitsBytes(bytes: Uint8Array, file: string, options: ExtractOptions = {}): Promise<BudgetDocument[]> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return linesToDocuments(await linesOf(bytes, file, options), file, sha256, options);
}

/** The whole file as one document (a bundle's units together; `extractUnitsBytes` splits them). */
export async function extractBytes(bytes: Uint8Array, file: string, options: ExtractOptions = {}): Promise<BudgetDocument> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const extracted = await linesOf(bytes, file, options);
  return linesToDocument(extracted, file, sha256, options);
}
