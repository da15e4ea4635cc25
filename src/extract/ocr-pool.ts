import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type Tesseract from 'tesseract.js';
import { closePpocr, ppocrLoaded } from './ocr-ppocr.js';

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
export function langPath(lang: string = OCR_LANG): string {
  return join(dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), OCR_MODEL);
}

/** What a recognition returns, narrowed to what OCR uses (tesseract.js's Page). */
export type OcrPage = Tesseract.Page;

interface Pool {
  size: number;
  workers: Tesseract.Worker[];
  idle: Tesseract.Worker[];
  waiting: ((w: Tesseract.Worker) => void)[];
  busy: number;
  creating: number;
}

let pool: Pool | undefined;

/** Threads of the pool's workers (tesseract.js keeps the Node Worker on `.worker`). */
function thread(w: Tesseract.Worker): { ref(): void; unref(): void } | undefined {
  const t = (w as unknown as { worker?: unknown }).worker;
  return typeof t === 'object' && t !== null && 'unref' in t ? (t as { ref(): void; unref(): void }) : undefined;
}

async function createWorker(): Promise<Tesseract.Worker> {
  const { default: tesseract } = await import('tesseract.js');
  return tesseract.createWorker(OCR_LANG, tesseract.OEM.LSTM_ONLY, {
    langPath: langPath(OCR_LANG),
    gzip: true,
    cacheMethod: 'none',
    // Without a handler tesseract.js rethrows a worker's error inside its message listener,
    // where nothing can catch it; with one, the rejected job reports it to its caller.
    errorHandler: () => {},
  });
}

/** Pool size for this process: set once, by the first call (`ocrWorkers`, else the cores). */
function getPool(size?: number): Pool {
  pool ??= { size: Math.max(1, size ?? availableParallelism()), workers: [], idle: [], waiting: [], busy: 0, creating: 0 };
  return pool;
}

async function acquire(p: Pool): Promise<Tesseract.Worker> {
  const ready = p.idle.pop();
  if (ready) return ready;
  if (p.workers.length + p.creating < p.size) {
    p.creating++;
    try {
      const w = await createWorker();
      p.workers.push(w);
      return w;
    } finally {
      p.creating--;
    }
  }
  return new Promise((resolve) => p.waiting.push(resolve));
}

function release(p: Pool, w: Tesseract.Worker): void {
  const next = p.waiting.shift();
  if (next) next(w);
  else p.idle.push(w);
}

/** Runs `job` on a pool worker; the pool's threads keep the process alive only while jobs run. */
export async function withOcrWorker<T>(job: (w: Tesseract.Worker) => Promise<T>, poolSize?: number): Promise<T> {
  const p = getPool(poolSize);
  if (p.busy++ === 0) for (const w of p.workers) thread(w)?.ref();
  try {
    const w = await acquire(p);
    try {
      return await job(w);
    } finally {
      release(p, w);
    }
  } finally {
    if (--p.busy === 0 && pool === p) for (const w of p.workers) thread(w)?.unref();
  }
}

/** Size the pool will have (or has): for callers that run that many pages at once. */
export function ocrPoolSize(poolSize?: number): number {
  return getPool(poolSize).size;
}

/** Terminates the pool's workers (and releases PP-OCR's sessions); the next OCR creates a new pool. */
export async function closeOcr(): Promise<void> {
  await Promise.all([closeTesseract(), closePpocr()]);
}

async function closeTesseract(): Promise<void> {
  const p = pool;
  pool = undefined;
  await Promise.all((p?.workers ?? []).map((w) => w.terminate()));
}

/** The engines this process holds now (loaded, idle or reading). */
export function loadedEngines(): ('tesseract' | 'ppocr')[] {
  return [...(pool && pool.workers.length + pool.creating > 0 ? ['tesseract' as const] : []), ...(ppocrLoaded() ? ['ppocr' as const] : [])];
}

/** Pages reading with each engine now. */
const reading: Record<'tesseract' | 'ppocr', number> = { tesseract: 0, ppocr: 0 };

/**
 * Marks a page as reading with `engine` until the returned function is called. The other engine,
 * when no page is reading with it, is released first: a process holds one engine at a time, as
 * a batch of scans is mostly of one kind (tesseract's workers keep the memory of the largest page
 * they read, PP-OCR's sessions theirs; both at once in each of two jobs broke 1 GB). A document
 * that mixes gray and bitonal pages reloads an engine when it changes (about 0.7 s).
 */
export async function useEngine(engine: 'tesseract' | 'ppocr'): Promise<() => void> {
  reading[engine]++;
  if (engine === 'ppocr' && reading.tesseract === 0 && pool) await closeTesseract();
  if (engine === 'tesseract' && reading.ppocr === 0) await closePpocr();
  return () => void reading[engine]--;
}
