/**
 * Which office reader a file needs, from its first bytes only (the file name is never trusted).
 * Kept apart from the readers so that sniffing loads no parser.
 */
/** Compound File (OLE2) signature: .xls, .doc, .et, .wps, .ppt and encrypted OOXML. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** A ZIP local file header: .xlsx, .docx, .ods (and any other ZIP). */
export const isZip = (bytes) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
export const isCfb = (bytes) => bytes.length >= 8 && CFB_MAGIC.every((b, i) => bytes[i] === b);
/**
 * A web page rather than a text dump: it opens with a document tag (after a BOM, whitespace,
 * comments), or with a bare <table> that has rows (a page saved as just its table).
 */
export function looksLikeHtml(bytes) {
    const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
    const head = utf16 ? new TextDecoder(utf16).decode(bytes.subarray(0, 2048)) : Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
    const opening = /^(?:\ufeff|\xef\xbb\xbf)?\s*(?:<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|table)[\s>]/i.exec(head)?.[1];
    if (!opening)
        return false;
    return opening.toLowerCase() !== 'table' || /<tr[\s>]/i.test(head);
}
/** True when a reader in src/extract/office takes the file. */
export const isOffice = (bytes) => isZip(bytes) || isCfb(bytes) || looksLikeHtml(bytes);
