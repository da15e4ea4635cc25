import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { BudgetDocument } from '../model.js';
import { expandInputs, runBatch, type BatchOptions } from '../batch.js';
import { compareDocuments, pairDocuments, type Comparison, type Pairing } from './compare.js';

/** A side of `compare` that gave no document: the path, and what to do. */
export class CompareError extends Error {
  constructor(
    readonly code: 'io' | 'no_documents' | 'extract_failed',
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'CompareError';
  }
}

const isDocument = (x: unknown): x is BudgetDocument => typeof x === 'object' && x !== null && 'source' in x && 'tables' in x && Array.isArray((x as BudgetDocument).tables);

async function readJsonDocument(path: string): Promise<BudgetDocument | undefined> {
  try {
    const x: unknown = JSON.parse(await readFile(path, 'utf8'));
    return isDocument(x) ? x : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The documents one side of `compare` names: a JSON output of budget-extract, a disclosure
 * (extracted now), or a folder of either (JSON outputs when it holds any, as a run's `-o` folder
 * does; else every disclosure in it).
 */
export interface Loaded {
  documents: BudgetDocument[];
  /** Files of a folder that did not extract (the others are compared): file and what to do. */
  failed: { file: string; message: string }[];
}

export async function loadDocuments(path: string, options: BatchOptions = {}): Promise<Loaded> {
  const st = await stat(path).catch(() => undefined);
  if (!st) throw new CompareError('io', path, 'not found; give a document, its JSON output or a folder of either');
  if (st.isFile() && path.toLowerCase().endsWith('.json')) {
    const doc = await readJsonDocument(path);
    if (!doc) throw new CompareError('no_documents', path, 'not a budget-extract document JSON (summary.json and datapackage.json are not documents)');
    return { documents: [doc], failed: [] };
  }
  if (st.isDirectory()) {
    const jsons = (await readdir(path)).filter((f) => f.toLowerCase().endsWith('.json')).sort();
    const docs = (await Promise.all(jsons.map((f) => readJsonDocument(join(path, f))))).filter((d): d is BudgetDocument => !!d);
    if (docs.length) return { documents: docs, failed: [] };
  }
  const inputs = (await expandInputs([path])).filter((p) => !p.toLowerCase().endsWith('.json'));
  if (!inputs.length) throw new CompareError('no_documents', path, 'holds no disclosure and no document JSON');
  const results = await runBatch(inputs, options);
  const failed = results.find((r) => r.status === 'failed');
  if (failed && !results.some((r) => r.documents?.length)) throw new CompareError('extract_failed', basename(failed.path), failed.error?.message ?? 'extraction failed');
  return {
    documents: results.flatMap((r) => r.documents ?? []),
    failed: results.filter((r) => r.status === 'failed').map((r) => ({ file: r.file, message: r.error?.message ?? 'extraction failed' })),
  };
}

export interface CompareResult extends Pairing {
  comparisons: Comparison[];
  failed: Loaded['failed'];
}

/** `compare OLD NEW`: both sides loaded, paired by department, each pair compared. */
export async function compareInputs(oldPath: string, newPath: string, options: BatchOptions = {}): Promise<CompareResult> {
  const [olds, news] = [await loadDocuments(oldPath, options), await loadDocuments(newPath, options)];
  const pairing = pairDocuments(olds.documents, news.documents);
  return { ...pairing, comparisons: pairing.pairs.map(([o, n]) => compareDocuments(o, n)), failed: [...olds.failed, ...news.failed] };
}
