import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { expandInputs, runBatch } from '../batch.js';
import { compareDocuments, pairDocuments } from './compare.js';
/** A side of `compare` that gave no document: the path, and what to do. */
export class CompareError extends Error {
    code;
    file;
    constructor(code, file, message) {
        super(`${file}: ${message}`);
        this.code = code;
        this.file = file;
        this.name = 'CompareError';
    }
}
const isDocument = (x) => typeof x === 'object' && x !== null && 'source' in x && 'tables' in x && Array.isArray(x.tables);
async function readJsonDocument(path) {
    try {
        const x = JSON.parse(await readFile(path, 'utf8'));
        return isDocument(x) ? x : undefined;
    }
    catch {
        return undefined;
    }
}
export async function loadDocuments(path, options = {}) {
    const st = await stat(path).catch(() => undefined);
    if (!st)
        throw new CompareError('io', path, 'not found; give a document, its JSON output or a folder of either');
    if (st.isFile() && path.toLowerCase().endsWith('.json')) {
        const doc = await readJsonDocument(path);
        if (!doc)
            throw new CompareError('no_documents', path, 'not a budget-extract document JSON (summary.json and datapackage.json are not documents)');
        return { documents: [doc], failed: [] };
    }
    if (st.isDirectory()) {
        const jsons = (await readdir(path)).filter((f) => f.toLowerCase().endsWith('.json')).sort();
        const docs = (await Promise.all(jsons.map((f) => readJsonDocument(join(path, f))))).filter((d) => !!d);
        if (docs.length)
            return { documents: docs, failed: [] };
    }
    const inputs = (await expandInputs([path])).filter((p) => !p.toLowerCase().endsWith('.json'));
    if (!inputs.length)
        throw new CompareError('no_documents', path, 'holds no disclosure and no document JSON');
    const results = await runBatch(inputs, options);
    const failed = results.find((r) => r.status === 'failed');
    if (failed && !results.some((r) => r.documents?.length))
        throw new CompareError('extract_failed', basename(failed.path), failed.error?.message ?? 'extraction failed');
    return {
        documents: results.flatMap((r) => r.documents ?? []),
        failed: results.filter((r) => r.status === 'failed').map((r) => ({ file: r.file, message: r.error?.message ?? 'extraction failed' })),
    };
}
/** `compare OLD NEW`: both sides loaded, paired by department, each pair compared. */
export async function compareInputs(oldPath, newPath, options = {}) {
    const [olds, news] = [await loadDocuments(oldPath, options), await loadDocuments(newPath, options)];
    const pairing = pairDocuments(olds.documents, news.documents);
    return { ...pairing, comparisons: pairing.pairs.map(([o, n]) => compareDocuments(o, n)), failed: [...olds.failed, ...news.failed] };
}
