/**
 * Why an input could not be extracted at all. Extractors throw this (instead of returning an
 * empty result) so the CLI can tell the user what to do about it and pick an exit status.
 */
export type ExtractErrorCode =
  | 'empty'
  | 'binary'
  | 'no_text_layer'
  | 'encrypted'
  | 'invalid_pdf'
  | 'too_large'
  | 'no_budget_table'
  | 'unsupported'
  | 'timeout'
  | 'io';

/** What the user can do about each failure; appended to the message. */
const ADVICE: Record<ExtractErrorCode, string> = {
  empty: 'the file is empty: check that the download finished',
  binary: 'the file is binary, not text: pass a PDF or a text dump',
  no_text_layer: 'no text could be read: the pages are blank, or scanned and OCR was off (--ocr never) or read nothing (rescan at 300 dpi)',
  encrypted: 'encrypted PDF: pass --password',
  invalid_pdf: 'the file is not a readable PDF (corrupt or truncated): download it again',
  too_large: 'the file exceeds the size limit: raise the limit or split the document',
  no_budget_table: 'no budget table was found: check that this is a 部门预算/决算 disclosure',
  unsupported: 'this input format is not supported: pass a PDF, a page image (PNG, JPEG, TIFF) or a text dump',
  timeout: 'extraction took too long: raise the timeout or split the document',
  io: 'the file could not be read: check the path and permissions',
};

export class ExtractError extends Error {
  override readonly name = 'ExtractError';
  readonly code: ExtractErrorCode;
  readonly file: string;
  readonly page?: number;

  /** `detail` says what was seen (e.g. the underlying parser message); advice is added. */
  constructor(code: ExtractErrorCode, file: string, detail?: string, options?: { page?: number; cause?: unknown }) {
    const where = options?.page === undefined ? file : `${file} page ${options.page}`;
    super(`${where}: ${ADVICE[code]}${detail ? ` (${detail})` : ''}`, { cause: options?.cause });
    this.code = code;
    this.file = file;
    if (options?.page !== undefined) this.page = options.page;
  }
}
