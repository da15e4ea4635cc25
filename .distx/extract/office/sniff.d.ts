/**
 * Which office reader a file needs, from its first bytes only (the file name is never trusted).
 * Kept apart from the readers so that sniffing loads no parser.
 */
/** A ZIP local file header: .xlsx, .docx, .ods (and any other ZIP). */
export declare const isZip: (bytes: Uint8Array) => boolean;
export declare const isCfb: (bytes: Uint8Array) => boolean;
/**
 * A web page rather than a text dump: it opens with a document tag (after a BOM, whitespace,
 * comments), or with a bare <table> that has rows (a page saved as just its table).
 */
export declare function looksLikeHtml(bytes: Uint8Array): boolean;
/** True when a reader in src/extract/office takes the file. */
export declare const isOffice: (bytes: Uint8Array) => boolean;
