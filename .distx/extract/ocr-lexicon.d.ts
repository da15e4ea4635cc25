/**
 * A row's classification code read by OCR, checked against its name through the national
 * classification (data/*-classification.json): the code is the row's key and its name is printed
 * beside it, so a misread digit is told from a code the document prints. Pure: readings in, the
 * correction out; the caller flags it `low_confidence`, with what the page read. (The name is
 * checked against its code later, once, by normalize/names.ts.)
 *
 * Only a close reading is corrected, and only to a single candidate: a code one digit from the one
 * read (changed, missing or extra) whose name is the row's name, read within NAME_EDIT_SHARE.
 */
/** Classification names by code, and codes by name (as `key` folds them). */
export interface Lexicon {
    namesOf: Map<string, string[]>;
    codesOf: Map<string, string[]>;
    /** Folds a word for comparison (width, spaces). */
    key: (text: string) => string;
}
export declare function buildLexicon(entries: {
    code: string;
    name: string;
    aliases?: string[];
}[], key: (text: string) => string): Lexicon;
/**
 * The listed code a misread code is, judged by the row's name: codes MAX_CODE_EDITS digit
 * from the one read whose name the row's name is (or is close to), narrowed, when several are, to
 * those under `parents` (the 类 and 款 above the row, as already settled). Undefined when the
 * code read is listed under the name read, or when not exactly one candidate is left.
 */
export declare function codeFor(lexicon: Lexicon, read: string, name: string, parents?: string[]): string | undefined;
