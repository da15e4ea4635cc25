import { createCanvas } from '@napi-rs/canvas';
import type { BudgetDocument } from '../model.js';
import { LOCKED_DOWN } from '../extract/pdf.js';
import { AnnotationMode, getDocument } from '../extract/pdfjs.js';
import { allIssues, linesOf } from './where.js';

/**
 * Page images for the review page of a PDF: each page a value or an issue was printed on, rendered
 * once as a JPEG data URL, so the page can show any value's surroundings as a crop of its page.
 * Resolution and quality are chosen for reading printed digits, at about 60-120 KB a page.
 */

export interface PageImage {
  /** `data:image/jpeg;base64,…` */
  src: string;
  width: number;
  height: number;
  /** Image pixels per PDF point: a value's box times this is its place in the image. */
  scale: number;
}

/** Enough to read 9 pt digits; a page of a 100-page document stays near 100 KB. */
export const REVIEW_DPI = 100;
const JPEG_QUALITY = 60;
/** Pages larger than this (pixels at REVIEW_DPI) are rendered coarser, never larger. */
const MAX_PIXELS = 6_000_000;

/** The pages the document cites: where its values and its issues were printed. */
export function citedPages(doc: BudgetDocument): number[] {
  const pages = new Set<number>();
  for (const t of doc.tables) for (const r of linesOf(t)) for (const at of Object.values(r.sources)) if (at.page !== undefined) pages.add(at.page);
  for (const i of allIssues(doc)) if (i.at?.page !== undefined) pages.add(i.at.page);
  return [...pages].sort((a, b) => a - b);
}

/** The images of the pages one document cites (a county bundle's unit cites its own pages). */
export function imagesFor(doc: BudgetDocument, images: Map<number, PageImage>): Map<number, PageImage> {
  return new Map(citedPages(doc).flatMap((n) => (images.has(n) ? [[n, images.get(n)!] as const] : [])));
}

/**
 * The cited pages of a PDF rendered for the review page. Empty for other inputs; the caller
 * passes the bytes the documents were extracted from (it checks the hash).
 */
export async function pageImagesOf(bytes: Uint8Array, docs: BudgetDocument[], options: { password?: string } = {}): Promise<Map<number, PageImage>> {
  const images = new Map<number, PageImage>();
  const pages = [...new Set(docs.flatMap(citedPages))].sort((a, b) => a - b);
  if (!pages.length) return images;
  const pdf = await getDocument({ data: new Uint8Array(bytes), password: options.password, ...LOCKED_DOWN }).promise;
  try {
    for (const n of pages) {
      if (n < 1 || n > pdf.numPages) continue;
      const page = await pdf.getPage(n);
      try {
        const base = page.getViewport({ scale: 1 });
        const scale = Math.min(REVIEW_DPI / 72, Math.sqrt(MAX_PIXELS / (base.width * base.height)));
        const viewport = page.getViewport({ scale });
        const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
        const ctx = canvas.getContext('2d');
        ctx.fillStyle = 'white';
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport, annotationMode: AnnotationMode.DISABLE }).promise;
        const jpeg = await canvas.encode('jpeg', JPEG_QUALITY);
        images.set(n, { src: `data:image/jpeg;base64,${jpeg.toString('base64')}`, width: canvas.width, height: canvas.height, scale });
      } finally {
        page.cleanup();
      }
    }
  } finally {
    await pdf.destroy();
  }
  return images;
}
