/**
 * The ZIP container of .xlsx, .docx and .ods, read from its central directory. Every size is
 * checked before anything is inflated (a 40 KB part may claim, or really hold, 4 GB of XML), and
 * inflation itself stops at the size the directory declared, so a part lying about its size
 * cannot expand past the budget either.
 */
export interface ZipEntry {
    name: string;
    method: number;
    compressedSize: number;
    size: number;
    /** Offset of the entry's local header. */
    offset: number;
}
/** The entries of a ZIP, after checking the declared sizes against the budgets. */
export declare function zipEntries(bytes: Uint8Array, file: string): ZipEntry[];
/** One entry's bytes, inflated no further than its declared size. */
export declare function readEntry(bytes: Uint8Array, entry: ZipEntry, file: string): Buffer;
