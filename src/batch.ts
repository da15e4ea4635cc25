import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import pLimit from 'p-limit';
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { BudgetDocument, TableType } from './model.js';
import type { ExtractOptions } from './pipeline.js';
import { ExtractError } from './extract/errors.js';
import { documentToFacts, phaseOf, toYuan, type Phase } from './export/facts.js';

/** Inputs → documents, one file at a time per job; a failing file is recorded, never fatal. */

const INPUT_EXTENSIONS = new Set(['.txt', '.pdf', '.png', '.jpg', '.jpeg', '.tif', '.tiff', '.text', '.tsv', '.csv', '.xlsx', '.xlsm', '.xls', '.et', '.ods', '.docx', '.docm', '.doc', '.wps', '.html', '.htm', '']);

/** A glob (`*`, `**`, `?`, `{a,b}`) as a regular expression over '/'-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',' && glob.lastIndexOf('{', i) > glob.lastIndexOf('}', i)) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const GLOB_CHARS = /[*?{]/;

/** The files a quoted glob names: walk its fixed leading folder, keep the paths that match. */
async function expandGlob(glob: string): Promise<string[]> {
  const parts = glob.split('/');
  const fixed = parts.slice(0, parts.findIndex((s) => GLOB_CHARS.test(s))).join('/') || '.';
  const re = globToRegExp(glob.replace(/^\.\//, ''));
  const entries = await readdir(fixed, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .filter((f) => re.test(f.replace(/^\.\//, '')))
    .sort();
}

export async function expandInputs(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const st = await stat(p).catch(() => undefined);
    if (!st && GLOB_CHARS.test(p)) {
      out.push(...(await expandGlob(p)));
    } else if (!st) {
      out.push(p); // reported as an io failure
    } else if (st.isDirectory()) {
      const entries = await readdir(p, { recursive: true, withFileTypes: true });
      for (const e of entries.filter((e) => e.isFile() && !e.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name))) {
        const full = join(e.parentPath ?? (e as unknown as { path: string }).path, e.name);
        if (INPUT_EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(full);
      }
    } else out.push(p);
  }
  return [...new Set(out)];
}

export interface FileResult {
  file: string;
  path: string;
  status: 'ok' | 'failed';
  kind?: string;
  pages?: number;
  tables?: Record<string, number>;
  identities_broken?: number;
  seconds: number;
  /** Documents the file held: 1, or the units of a county bundle. */
  units?: number;
  error?: { code: string; message: string };
  /** One document, or one per unit of a county bundle. */
  documents?: BudgetDocument[];
}

/** The summary record of a file that extracted: kind, pages, tables by type, identities broken. */
export function resultOfDocuments(path: string, documents: BudgetDocument[]): FileResult {
  const tables: Record<string, number> = {};
  for (const d of documents) for (const t of d.tables) tables[t.type] = (tables[t.type] ?? 0) + 1;
  const first = documents[0]!;
  const broken = documents.reduce((a, d) => a + (d.validation?.broken ?? 0), 0);
  return { file: basename(path), path, status: 'ok', kind: first.source.kind, pages: first.source.pages, units: documents.length, tables, identities_broken: broken, seconds: 0, documents };
}

export interface BatchOptions extends ExtractOptions {
  jobs?: number;
  /** Seconds one file may take before it is recorded as timed out. */
  timeoutSeconds?: number;
  onResult?: (r: FileResult) => void | Promise<void>;
}

/** Default per-file time limit: a 500-page PDF takes well under this on a laptop. */
export const DEFAULT_TIMEOUT_SECONDS = 300;
/**
 * JS heap a worker may use before it is stopped and its file recorded as `too_large`: token and
 * object explosions end there, not in swap. It does not count ArrayBuffers (pdf.js's decoded
 * streams), which is why PDFs are checked for decompression bombs before parsing (pdf-streams.ts).
 */
export const WORKER_HEAP_MB = 1536;
/** How long a worker asked to stop may take to finish its OCR run (one PP-OCR run takes a few seconds at most) before it is terminated anyway. */
const STOP_GRACE_MS = 15_000;

type Outcome = { documents: BudgetDocument[] } | { error: { code: string; message: string } };

/** A worker that died: over its heap (the file needs more memory than any disclosure), or a bug. */
function workerError(file: string, e: Error): { code: string; message: string } {
  if (/memory/i.test(e.message)) {
    return { code: 'too_large', message: `${file}: needs more than the ${WORKER_HEAP_MB} MB worker heap (${e.message}); split the document` };
  }
  return { code: 'internal', message: `${file}: ${e.message}` };
}

/**
 * Extraction in worker threads when running from the built package (every core used, a hung or
 * exploding file stopped by terminating its worker); in-process under the TypeScript sources.
 */
function makeRunner(options: BatchOptions): { run: (path: string) => Promise<Outcome>; close: () => Promise<void> } {
  const workerUrl = new URL('./worker.js', import.meta.url);
  const timeoutMs = (options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
  const extractOptions: ExtractOptions = {
    password: options.password,
    rollup: options.rollup,
    maxBytes: options.maxBytes,
    maxPages: options.maxPages,
    maxImagePixels: options.maxImagePixels,
    ocr: options.ocr,
    ocrEngine: options.ocrEngine,
    ocrDetLimit: options.ocrDetLimit,
    // Each job's OCR pool gets its share of the cores: jobs × workers stays at the core count.
    ocrWorkers: options.ocrWorkers ?? Math.max(1, Math.floor(availableParallelism() / Math.max(1, options.jobs ?? 1))),
  };
  if (!import.meta.url.endsWith('.js')) {
    return {
      run: async (path) => {
        try {
          const { extractUnits } = await import('./index.js');
          return { documents: await extractUnits(path, extractOptions) };
        } catch (e) {
          return { error: e instanceof ExtractError ? { code: e.code, message: e.message } : { code: 'internal', message: `${basename(path)}: ${(e as Error).message}` } };
        }
      },
      close: async () => {},
    };
  }
  const idle: Worker[] = [];
  const all = new Set<Worker>();
  const retiring = new Set<Promise<void>>();
  // A worker is terminated once it says its OCR runs are done (terminated mid-run, onnxruntime
  // takes the process down: ocr-ppocr.ts), or after STOP_GRACE_MS when it cannot say (a hang).
  const retire = (w: Worker, alive: boolean): void => {
    all.delete(w);
    const done = new Promise<void>((resolve) => {
      const end = (): void => {
        clearTimeout(grace);
        w.off('message', onStopped);
        void w.terminate().then(() => resolve(), () => resolve());
      };
      const onStopped = (m: { stopped?: boolean }): void => {
        if (m.stopped) end();
      };
      const grace = setTimeout(end, alive ? STOP_GRACE_MS : 0);
      w.on('message', onStopped);
      if (alive) w.postMessage({ stop: true });
    });
    retiring.add(done);
  };
  let nextId = 0;
  const spawn = (): Worker => {
    const w = new Worker(workerUrl, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    w.unref();
    all.add(w);
    return w;
  };
  const run = (path: string): Promise<Outcome> =>
    new Promise((resolve) => {
      const w = idle.pop() ?? spawn();
      const id = nextId++;
      const finish = (o: Outcome, then: 'reuse' | 'stop' | 'gone'): void => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        if (then === 'reuse') idle.push(w);
        else retire(w, then === 'stop');
        resolve(o);
      };
      const onMessage = (m: { id: number } & Outcome): void => {
        if (m.id === id) finish(m, 'reuse');
      };
      const onError = (e: Error): void => finish({ error: workerError(basename(path), e) }, 'gone');
      const onExit = (): void => finish({ error: { code: 'internal', message: `${basename(path)}: the worker stopped` } }, 'gone');
      const timer = setTimeout(
        () => finish({ error: { code: 'timeout', message: `${basename(path)}: extraction took longer than ${timeoutMs / 1000} s (raise --timeout or split the document)` } }, 'stop'),
        timeoutMs,
      );
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.postMessage({ id, path, options: extractOptions });
    });
  return {
    run,
    close: async () => {
      for (const w of [...all]) retire(w, true);
      await Promise.all(retiring);
    },
  };
}

export async function runBatch(paths: string[], options: BatchOptions): Promise<FileResult[]> {
  const limit = pLimit(Math.max(1, options.jobs ?? 1));
  const runner = makeRunner(options);
  try {
    return await Promise.all(
      paths.map((path) =>
        limit(async () => {
          const started = performance.now();
          const outcome = await runner.run(path);
          const seconds = (performance.now() - started) / 1000;
          let result: FileResult;
          if ('documents' in outcome) result = { ...resultOfDocuments(path, outcome.documents), seconds };
          else result = { file: basename(path), path, status: 'failed', seconds, error: outcome.error };
          await options.onResult?.(result);
          return result;
        }),
      ),
    );
  } finally {
    await runner.close();
  }
}

/** A document of a run by name: its file, and its unit for a county bundle (`a.pdf#2`). */
export const documentId = (d: BudgetDocument): string => (d.source.part ? `${d.source.file}#${d.source.part.index}` : d.source.file);

/**
 * Documents of a run that hold the same figures as an earlier one: the same content extracted
 * twice (`same_content`), or a second disclosure of the same department, year and phase with the
 * same headline total (`same_department_year`: a 部门 and a 单位 disclosure of a one-unit
 * department repeat each other). The total must agree too, because a department name can be
 * misread alike for two offices (both `省级`): their figures differ, and they are not merged.
 * Only `kept` is counted in the run's totals; every document's facts stay in its own outputs.
 */
export interface Duplicate {
  reason: 'same_content' | 'same_department_year';
  department?: string;
  /** The headline total the documents share, in 元 (`same_department_year`). */
  total_yuan?: number;
  year?: number;
  phase?: Phase;
  kept: string;
  not_counted: string[];
}

/** What a panel of the run holds: facts by department (or unit) and by year, duplicates counted once. */
export interface FactCounts {
  /** Facts in facts.csv (every document). */
  facts: number;
  /** Facts of the documents counted: each department and year once. */
  counted: number;
  by_department: Record<string, number>;
  by_year: Record<string, number>;
  duplicates: Duplicate[];
}

/** Department names compared as printed but for width and spacing (NFKC, no whitespace). */
const sameName = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '');
/** A department's own disclosure consolidates its units: it is kept before a 单位 one. */
const KIND_RANK = (d: BudgetDocument): number => (d.document.kind?.startsWith('部门') ? 0 : 1);
const UNKNOWN = '(unknown)';

/** Where a document prints its total spending, in order of preference: (table, row key, measure). */
const HEADLINE_TOTALS: [TableType, string, string][] = [
  ['summary', 'expenditure_grand_total', 'amount'],
  ['general_expenditure', 'total', 'total'],
  ['expenditure', 'total', 'total'],
];

/** The document's total spending in 元, from the first table that prints one. */
function headlineTotal(d: BudgetDocument): string | undefined {
  for (const [type, key, measure] of HEADLINE_TOTALS) {
    for (const t of d.tables.filter((x) => x.type === type)) {
      const v = t.rows.find((r) => r.key === key)?.values[measure];
      if (v !== undefined) return toYuan(v, t.unit);
    }
  }
  return undefined;
}

/** Pure: the documents of a run in, the fact counts and duplicates of its summary out. */
export function countFacts(docs: BudgetDocument[]): FactCounts {
  const groups = new Map<string, { reason: Duplicate['reason']; docs: BudgetDocument[] }>();
  const add = (key: string, reason: Duplicate['reason'], d: BudgetDocument): void => {
    const g = groups.get(key) ?? { reason, docs: [] };
    g.docs.push(d);
    groups.set(key, g);
  };
  for (const d of docs) add(`content:${d.source.sha256}#${d.source.part?.index ?? 0}`, 'same_content', d);
  const duplicates: Duplicate[] = [];
  const dropped = new Set<BudgetDocument>();
  const record = (reason: Duplicate['reason'], same: BudgetDocument[], total?: string): void => {
    const [kept, ...rest] = [...same].sort((a, b) => KIND_RANK(a) - KIND_RANK(b));
    rest.forEach((d) => dropped.add(d));
    const { department, year, kind } = kept!.document;
    duplicates.push({
      reason,
      ...(department ? { department } : {}),
      ...(total !== undefined ? { total_yuan: Number(total) } : {}),
      ...(year !== undefined ? { year } : {}),
      ...(phaseOf(kind) ? { phase: phaseOf(kind) } : {}),
      kept: documentId(kept!),
      not_counted: rest.map(documentId),
    });
  };
  for (const g of groups.values()) if (g.docs.length > 1) record(g.reason, g.docs);
  // Then by department, year and total, among what is left; an unknown department, year or total never pairs.
  const byDepartmentYear = new Map<string, BudgetDocument[]>();
  const totals = new Map<string, string>();
  for (const d of docs.filter((x) => !dropped.has(x))) {
    const { department, year, kind } = d.document;
    const total = headlineTotal(d);
    if (!department || year === undefined || total === undefined) continue;
    const key = `${sameName(department)}|${year}|${phaseOf(kind) ?? ''}|${total}`;
    byDepartmentYear.set(key, [...(byDepartmentYear.get(key) ?? []), d]);
    totals.set(key, total);
  }
  for (const [key, same] of byDepartmentYear) if (same.length > 1) record('same_department_year', same, totals.get(key));
  const by_department: Record<string, number> = {};
  const by_year: Record<string, number> = {};
  let facts = 0;
  let counted = 0;
  for (const d of docs) {
    const n = documentToFacts(d).length;
    facts += n;
    if (dropped.has(d)) continue;
    counted += n;
    const department = d.document.department ?? UNKNOWN;
    const year = d.document.year === undefined ? UNKNOWN : String(d.document.year);
    by_department[department] = (by_department[department] ?? 0) + n;
    by_year[year] = (by_year[year] ?? 0) + n;
  }
  return { facts, counted, by_department, by_year, duplicates };
}
