import { parentPort } from 'node:worker_threads';
import { extractUnits } from './index.js';
import { ExtractError } from './extract/errors.js';
parentPort?.on('message', async (req) => {
    try {
        const documents = await extractUnits(req.path, req.options);
        parentPort.postMessage({ id: req.id, documents });
    }
    catch (e) {
        const error = e instanceof ExtractError ? { code: e.code, message: e.message } : { code: 'internal', message: e.message ?? String(e) };
        parentPort.postMessage({ id: req.id, error });
    }
});
