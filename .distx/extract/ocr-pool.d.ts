import type Tesseract from 'tesseract.js';
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
export declare const OCR_MODEL = "4.0.0_best_int";
/** Simplified Chinese; its unicharset has the digits and Latin letters the tables print. */
export declare const OCR_LANG = "chi_sim";
/** `@tesseract.js-data/<lang>/<model>/`, holding `<lang>.traineddata.gz`: a directory on disk, never a URL. */
export declare function langPath(lang?: string): string;
/** What a recognition returns, narrowed to what OCR uses (tesseract.js's Page). */
export type OcrPage = Tesseract.Page;
/** Runs `job` on a pool worker; the pool's threads keep the process alive only while jobs run. */
export declare function withOcrWorker<T>(job: (w: Tesseract.Worker) => Promise<T>, poolSize?: number): Promise<T>;
/** Size the pool will have (or has): for callers that run that many pages at once. */
export declare function ocrPoolSize(poolSize?: number): number;
/** Terminates the pool's workers (and releases PP-OCR's sessions); the next OCR creates a new pool. */
export declare function closeOcr(): Promise<void>;
