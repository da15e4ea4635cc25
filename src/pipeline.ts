import { createHash } from 'node:crypto';
import type { BudgetDocument, Extracted, Line, SourceKind } from './model.js';
import { ExtractError } from './extract/errors.js';
import { extractText, sniffEncoding } from './extract/text.js';
import { checkInputSize, type Limits } from './extract/limits.js';
import { checkImageBudget } from './extract/image-header.js';
import { linesToBlocks } from './tables/segment.js';
import { blockToRawTable, unitOf } from './tables/build.js';
import { rawTableToTable } from './normalize/table.js';
import { documentMeta } from './normalize/meta.js';
import { validateDocument } from './normalize/validate.js';

/** Budgets (maxBytes, maxPages, maxImagePixels) default to src/extract/limits.ts. */
export interface ExtractOptions extends Limits {
  /** Password for encrypted PDFs. */
  password?: string;
  /** Add class and section rows summed from printed items (marked derived). */
  rollup?: boolean;
}

export type InputKind = 'pdf' | 'image' | 'text';

export function sniffKind(bytes: Uint8Array): InputKind {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (bytes[0] === 0x89 && head.startsWith('\x89PNG')) return 'image';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image';
  if (head.startsWith('II*\0') || head.startsWith('MM\0*')) return 'image';
  return 'text';
}

async function linesOf(bytes: Uint8Array, file: string, options: ExtractOptions): Promise<Extracted> {
  if (bytes.length === 0) throw new ExtractError('empty', file);
  checkInputSize(bytes.length, file, options.maxBytes);
  const kind = sniffKind(bytes);
  if (kind === 'pdf') {
    const { extractPdf } = await import('./extract/pdf.js');
    // pdf.js wants a plain Uint8Array (not a Buffer) and may detach it: hand it a copy.
    return extractPdf(new Uint8Array(bytes), file, { password: options.password, maxPages: options.maxPages, maxImagePixels: options.maxImagePixels });
  }
  if (kind === 'image') {
    // The pixel budget first, so whoever adds OCR inherits it: too_large or a malformed header.
    checkImageBudget(bytes, file, { maxPixels: options.maxImagePixels, maxFrames: options.maxPages });
    throw new ExtractError('unsupported', file, 'page images need OCR, which this build does not include yet');
  }
  const encoding = sniffEncoding(bytes);
  if (encoding === 'binary') throw new ExtractError('binary', file);
  return extractText(bytes, file, encoding);
}

/** Lines → the document: tables found, typed, keyed, placed and checked. */
export function linesToDocument(extracted: Extracted, file: string, sha256: string, options: ExtractOptions = {}): BudgetDocument {
  const lines: Line[] = extracted.lines;
  const blocks = linesToBlocks(lines);
  if (!blocks.length) throw new ExtractError('no_budget_table', file);
  const docUnit = unitOf(lines);
  const tables = blocks.map((b) => rawTableToTable(blockToRawTable(b, docUnit), options));
  const document = documentMeta(lines, tables);
  const source = { file, sha256, kind: extracted.kind as SourceKind, pages: extracted.pages };
  const { issues, validation } = validateDocument(tables, document, lines);
  return { source, document, tables, issues: [...extracted.issues, ...issues], validation };
}

export async function extractBytes(bytes: Uint8Array, file: string, options: ExtractOptions = {}): Promise<BudgetDocument> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const extracted = await linesOf(bytes, file, options);
  return linesToDocument(extracted, file, sha256, options);
}
