import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import pLimit from 'p-limit';
import type { BudgetDocument } from './model.js';
import { extract } from './index.js';
import type { ExtractOptions } from './pipeline.js';
import { ExtractError } from './extract/errors.js';

/** Inputs → documents, one file at a time per job; a failing file is recorded, never fatal. */

const INPUT_EXTENSIONS = new Set(['.txt', '.pdf', '.png', '.jpg', '.jpeg', '.tif', '.tiff', '.text', '.tsv', '.csv', '']);

export async function expandInputs(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const st = await stat(p).catch(() => undefined);
    if (!st) {
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
  error?: { code: string; message: string };
  document?: BudgetDocument;
}

export async function runBatch(paths: string[], options: ExtractOptions & { jobs?: number; onResult?: (r: FileResult) => void | Promise<void> }): Promise<FileResult[]> {
  const limit = pLimit(Math.max(1, options.jobs ?? 1));
  return Promise.all(
    paths.map((path) =>
      limit(async () => {
        const started = performance.now();
        let result: FileResult;
        try {
          const doc = await extract(path, options);
          const tables: Record<string, number> = {};
          for (const t of doc.tables) tables[t.type] = (tables[t.type] ?? 0) + 1;
          result = {
            file: basename(path),
            path,
            status: 'ok',
            kind: doc.source.kind,
            pages: doc.source.pages,
            tables,
            identities_broken: doc.validation.broken,
            seconds: (performance.now() - started) / 1000,
            document: doc,
          };
        } catch (e) {
          const err = e instanceof ExtractError ? { code: e.code, message: e.message } : { code: 'internal', message: `${basename(path)}: ${(e as Error).message ?? String(e)}` };
          result = { file: basename(path), path, status: 'failed', seconds: (performance.now() - started) / 1000, error: err };
        }
        await options.onResult?.(result);
        return result;
      }),
    ),
  );
}
