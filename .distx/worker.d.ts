import type { ExtractOptions } from './pipeline.js';
/** A batch worker: extracts the files it is sent, one at a time, and posts each result back. */
export interface WorkRequest {
    id: number;
    path: string;
    options: ExtractOptions;
}
