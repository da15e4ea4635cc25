/**
 * A file name derived from untrusted text (an input's base name, a department, a title): never
 * empty, `.`/`..` or hidden (no leading dot), no separators, control or invisible characters,
 * no trailing dots or spaces (Windows drops them), no reserved device names, at most
 * MAX_NAME_BYTES of UTF-8 cut between characters. Pure.
 */
export declare function safeName(raw: string): string;
/** `rel` resolved under `root`, or an error when it is the root itself or outside it. */
export declare function insideDir(root: string, rel: string): string;
export declare function writeAtomic(root: string, rel: string, data: string | Uint8Array): Promise<string>;
