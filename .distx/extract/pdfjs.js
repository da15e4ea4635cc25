/**
 * pdf.js, loaded once for every module that needs it (import it from here, never from
 * pdfjs-dist directly).
 *
 * The legacy build is the one that runs on Node 20, and it bundles core-js. On Node 20's V8, core-js
 * swaps Array.prototype.push, JSON.parse and JSON.stringify for its own JavaScript versions. The
 * reasons are edge cases this program never meets: push onto an array whose length is frozen, and
 * access to JSON source text. The swapped versions are several times slower, and they apply to the
 * whole process. On the seed PDFs, push alone took 8% of the CPU profile.
 *
 * The natives are restored once pdf.js and its worker (the fake worker runs in this thread) have
 * loaded. The methods core-js adds and that pdf.js relies on (Promise.withResolvers,
 * Uint8Array.prototype.toHex …) stay.
 */
const natives = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
// Sets globalThis.pdfjsWorker, which pdf.js's fake worker uses instead of importing it later.
await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
restore(Array.prototype, 'push', natives.push);
restore(JSON, 'parse', natives.parse);
restore(JSON, 'stringify', natives.stringify);
function restore(target, key, native) {
    if (target[key] !== native) {
        Object.defineProperty(target, key, { value: native, writable: true, configurable: true, enumerable: false });
    }
}
export const { getDocument, OPS, AnnotationMode, ImageKind, VerbosityLevel } = pdfjs;
