import { createCanvas } from '@napi-rs/canvas';
import { LOCKED_DOWN } from './pdf.js';
import { AnnotationMode, getDocument } from './pdfjs.js';
import { decodeText, sniffEncoding } from './text.js';
/**
 * What the review page shows of the source, read here so that exporters never read an input:
 * the printed lines of a text input, and the rendered pages of a PDF.
 */
/** Longest line shown; longer lines (a flattened table) are cut. */
const MAX_SHOWN_CHARS = 1000;
/** The wanted lines of a text input, numbered as the extractor numbered them (same decoding, same line breaks). */
export function readSourceLines(bytes, wanted) {
    const encoding = sniffEncoding(bytes);
    if (encoding === 'binary')
        return undefined;
    const lines = decodeText(bytes, encoding).split(/\r\n|\r|\n/);
    const out = new Map();
    for (const n of [...wanted].sort((x, y) => x - y)) {
        const text = lines[n - 1];
        if (text !== undefined)
            out.set(n, text.length > MAX_SHOWN_CHARS ? `${text.slice(0, MAX_SHOWN_CHARS)}…` : text);
    }
    return out;
}
/** Enough to read 9 pt digits; a page of a 100-page document stays near 100 KB. */
export const REVIEW_DPI = 100;
const JPEG_QUALITY = 60;
/** Pages larger than this (pixels at REVIEW_DPI) are rendered coarser, never larger. */
const MAX_PIXELS = 6_000_000;
/** Pages of a PDF rendered as JPEG data URLs, for the review page (pages out of range are skipped). */
export async function renderPages(bytes, pages, options = {}) {
    const images = new Map();
    if (!pages.length)
        return images;
    const pdf = await getDocument({ data: new Uint8Array(bytes), password: options.password, ...LOCKED_DOWN }).promise;
    try {
        for (const n of pages) {
            if (n < 1 || n > pdf.numPages)
                continue;
            const page = await pdf.getPage(n);
            try {
                const base = page.getViewport({ scale: 1 });
                const scale = Math.min(REVIEW_DPI / 72, Math.sqrt(MAX_PIXELS / (base.width * base.height)));
                const viewport = page.getViewport({ scale });
                const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
                const ctx = canvas.getContext('2d');
                ctx.fillStyle = 'white';
                ctx.fillRect(0, 0, canvas.width, canvas.height);
                await page.render({ canvas: canvas, viewport, annotationMode: AnnotationMode.DISABLE }).promise;
                const jpeg = await canvas.encode('jpeg', JPEG_QUALITY);
                images.set(n, { src: `data:image/jpeg;base64,${jpeg.toString('base64')}`, width: canvas.width, height: canvas.height, scale });
            }
            finally {
                page.cleanup();
            }
        }
    }
    finally {
        await pdf.destroy();
    }
    return images;
}
