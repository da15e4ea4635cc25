import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { closePpocr } from './ocr-ppocr.js';
/**
 * The tesseract.js workers OCR runs on: one pool per process (per batch worker thread), created
 * lazily on the first page that needs OCR, grown up to its size as pages queue, reused across
 * pages and files, terminated by `closeOcr()`. Its threads are unreferenced while idle, so a
 * program that extracts and returns exits without calling `closeOcr()`.
 *
 * Offline by construction: the wasm core is `require`d from tesseract.js-core (tesseract.js's
 * Node worker never fetches it), the worker script is the one in node_modules, and the model is
 * read from @tesseract.js-data on disk (`langPath` a directory, not a URL, so the worker's
 * `fetch` is never reached); `cacheMethod: 'none'` neither reads nor writes a cache copy.
 */
/**
 * Model: tessdata_best integerized LSTM (1.7 MB for chi_sim). Measured against 4.0.0 (tessdata,
 * 20 MB with the legacy engine) on seed 003's scanned 支出表: the same words, 0.7 s instead of
 * 1.1 s to load per worker, no slower to recognize (README, "OCR").
 */
export const OCR_MODEL = '4.0.0_best_int';
/** Simplified Chinese; its unicharset has the digits and Latin letters the tables print. */
export const OCR_LANG = 'chi_sim';
const require = createRequire(import.meta.url);
/** `@tesseract.js-data/<lang>/<model>/`, holding `<lang>.traineddata.gz`: a directory on disk, never a URL. */
export function langPath(lang = OCR_LANG) {
    return join(dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), OCR_MODEL);
}
let pool;
/** Threads of the pool's workers (tesseract.js keeps the Node Worker on `.worker`). */
function thread(w) {
    const t = w.worker;
    return typeof t === 'object' && t !== null && 'unref' in t ? t : undefined;
}
async function createWorker() {
    const { default: tesseract } = await import('tesseract.js');
    return tesseract.createWorker(OCR_LANG, tesseract.OEM.LSTM_ONLY, {
        langPath: langPath(OCR_LANG),
        gzip: true,
        cacheMethod: 'none',
        // Without a handler tesseract.js rethrows a worker's error inside its message listener,
        // where nothing can catch it; with one, the rejected job reports it to its caller.
        errorHandler: () => { },
    });
}
/** Pool size for this process: set once, by the first call (`ocrWorkers`, else the cores). */
function getPool(size) {
    pool ??= { size: Math.max(1, size ?? availableParallelism()), workers: [], idle: [], waiting: [], busy: 0, creating: 0 };
    return pool;
}
async function acquire(p) {
    const ready = p.idle.pop();
    if (ready)
        return ready;
    if (p.workers.length + p.creating < p.size) {
        p.creating++;
        try {
            const w = await createWorker();
            p.workers.push(w);
            return w;
        }
        finally {
            p.creating--;
        }
    }
    return new Promise((resolve) => p.waiting.push(resolve));
}
function release(p, w) {
    const next = p.waiting.shift();
    if (next)
        next(w);
    else
        p.idle.push(w);
}
/** Runs `job` on a pool worker; the pool's threads keep the process alive only while jobs run. */
export async function withOcrWorker(job, poolSize) {
    const p = getPool(poolSize);
    if (p.busy++ === 0)
        for (const w of p.workers)
            thread(w)?.ref();
    try {
        const w = await acquire(p);
        try {
            return await job(w);
        }
        finally {
            release(p, w);
        }
    }
    finally {
        if (--p.busy === 0 && pool === p)
            for (const w of p.workers)
                thread(w)?.unref();
    }
}
/** Size the pool will have (or has): for callers that run that many pages at once. */
export function ocrPoolSize(poolSize) {
    return getPool(poolSize).size;
}
/** Terminates the pool's workers (and releases PP-OCR's sessions); the next OCR creates a new pool. */
export async function closeOcr() {
    const p = pool;
    pool = undefined;
    await Promise.all([...(p?.workers ?? []).map((w) => w.terminate()), closePpocr()]);
}
