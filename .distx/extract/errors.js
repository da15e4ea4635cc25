/** What the user can do about each failure; appended to the message. */
const ADVICE = {
    empty: 'the file is empty: check that the download finished',
    binary: 'the file is binary, not text: pass a PDF, a spreadsheet (.xlsx, .xls, .ods), a Word file (.docx), a web page or a text dump',
    no_text_layer: 'no text could be read: the pages are blank, or scanned and OCR was off (--ocr never) or read nothing (rescan at 300 dpi)',
    encrypted: 'encrypted PDF: pass --password',
    invalid_pdf: 'the file is not a readable PDF (corrupt or truncated): download it again',
    invalid_office: 'the spreadsheet or Word file is damaged or truncated: download it again, or open it and save it again as .xlsx / .docx',
    unsupported_office: 'this office format cannot be read: open it in Excel, WPS or LibreOffice and save it as .xlsx (tables) or .docx (documents), or print it to PDF',
    too_large: 'the file exceeds the size limit: raise the limit or split the document',
    no_budget_table: 'no budget table was found: check that this is a 部门预算/决算 disclosure',
    unsupported: 'this input format is not supported: pass a PDF, a page image (PNG, JPEG, TIFF), a spreadsheet (.xlsx, .xls, .ods), a Word file (.docx), a web page (.html) or a text dump',
    timeout: 'extraction took too long: raise the timeout or split the document',
    io: 'the file could not be read: check the path and permissions',
};
export class ExtractError extends Error {
    name = 'ExtractError';
    code;
    file;
    page;
    /** `detail` says what was seen (e.g. the underlying parser message); advice is added. */
    constructor(code, file, detail, options) {
        const where = options?.page === undefined ? file : `${file} page ${options.page}`;
        super(`${where}: ${ADVICE[code]}${detail ? ` (${detail})` : ''}`, { cause: options?.cause });
        this.code = code;
        this.file = file;
        if (options?.page !== undefined)
            this.page = options.page;
    }
}
