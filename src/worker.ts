import { parentPort } from 'node:worker_threads';
import { extractUnits } from './index.js';
import type { ExtractOptions } from './pipeline.js';
import { ExtractError } from './extract/errors.js';
import { stopPpocr } from './extract/ocr-ppocr.js';

/** A batch worker: extracts the files it is sent, one at a time, and posts each result back. */
export interface WorkRequest {
  id: number;
  path: string;
  options: ExtractOptions;
}

parentPort?.on('message', async (req: WorkRequest | { stop: true }) => {
  // Asked to stop (a timeout, or the batch ending): say so once no OCR run is under way.
  if ('stop' in req) {
    await stopPpocr();
    parentPort!.postMessage({ stopped: true });
    return;
  }
  try {
    const documents = await extractUnits(req.path, req.options);
    parentPort!.postMessage({ id: req.id, documents });
  } catch (e) {
    const error = e instanceof ExtractError ? { code: e.code, message: e.message } : { code: 'internal', message: (e as Error).message ?? String(e) };
    parentPort!.postMessage({ id: req.id, error });
  }
});
