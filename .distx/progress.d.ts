import type { FileResult } from './batch.js';
/**
 * Batch progress: on a terminal one status line redrawn in place (files done/total, pages/s,
 * ETA, failures so far); elsewhere (a log file, CI) one plain line per file.
 */
export declare class Progress {
    private readonly total;
    private readonly stream;
    private readonly quiet;
    private done;
    private failed;
    private pages;
    private readonly started;
    constructor(total: number, stream?: NodeJS.WriteStream, quiet?: boolean);
    /** Records one finished file; failures are always printed, as a line of their own. */
    add(r: FileResult): void;
    status(): string;
    /** Ends the status line before other output. */
    clear(): void;
    finish(): void;
}
