/**
 * Batch progress: on a terminal one status line redrawn in place (files done/total, pages/s,
 * ETA, failures so far); elsewhere (a log file, CI) one plain line per file.
 */
export class Progress {
    total;
    stream;
    quiet;
    done = 0;
    failed = 0;
    pages = 0;
    started = performance.now();
    constructor(total, stream = process.stderr, quiet = false) {
        this.total = total;
        this.stream = stream;
        this.quiet = quiet;
    }
    /** Records one finished file; failures are always printed, as a line of their own. */
    add(r) {
        this.done++;
        this.pages += r.pages ?? 0;
        if (r.status === 'failed') {
            this.failed++;
            this.clear();
            this.stream.write(`budget-extract: ${r.error.message}\n`);
        }
        if (this.quiet)
            return;
        if (this.stream.isTTY)
            this.stream.write(`\r\x1b[2K${this.status()}`);
        else if (r.status === 'ok')
            this.stream.write(`[${this.done}/${this.total}] ${r.file}: ${Object.values(r.tables ?? {}).reduce((a, b) => a + b, 0)} tables, ${r.identities_broken ?? 0} identities broken\n`);
    }
    status() {
        const seconds = (performance.now() - this.started) / 1000;
        const rate = this.done / Math.max(seconds, 1e-3);
        const eta = rate > 0 ? (this.total - this.done) / rate : 0;
        return `${this.done}/${this.total} files, ${(this.pages / Math.max(seconds, 1e-3)).toFixed(1)} pages/s, ETA ${formatSeconds(eta)}, ${this.failed} failed`;
    }
    /** Ends the status line before other output. */
    clear() {
        if (this.stream.isTTY && !this.quiet)
            this.stream.write('\r\x1b[2K');
    }
    finish() {
        this.clear();
    }
}
function formatSeconds(s) {
    if (s < 60)
        return `${Math.round(s)} s`;
    if (s < 3600)
        return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
    return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}
