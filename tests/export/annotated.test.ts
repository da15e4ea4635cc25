import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, degrees } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { annotatePdf, labelOf, marksOf, placeLabel, viewportTransform, type Mark } from '../../src/export/annotated.js';
import { getDocument } from '../../src/extract/pdfjs.js';
import { extract } from '../../src/index.js';

const root = new URL('../..', import.meta.url).pathname;
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(root, 'tests/fixtures/pdf', name)));

/** pdf.js's own reading of a PDF: per page its viewport transform and its annotations. */
async function readBack(bytes: Uint8Array): Promise<{ transform: number[]; annotations: { subtype: string; rect: number[]; contents: string }[] }[]> {
  const doc = await getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const annotations = (await page.getAnnotations()) as { subtype: string; rect: number[]; contentsObj?: { str: string } }[];
      pages.push({
        transform: page.getViewport({ scale: 1 }).transform,
        annotations: annotations.map((a) => ({ subtype: a.subtype, rect: a.rect, contents: a.contentsObj?.str ?? '' })),
      });
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** A viewport box → user space → back through pdf.js's transform: the box it lands on. */
function throughPdfjs(transform: number[], rect: number[]): [number, number, number, number] {
  const [a, b, c, d, e, f] = transform as [number, number, number, number, number, number];
  const p = [a * rect[0]! + c * rect[1]! + e, b * rect[0]! + d * rect[1]! + f];
  const q = [a * rect[2]! + c * rect[3]! + e, b * rect[2]! + d * rect[3]! + f];
  return [Math.min(p[0]!, q[0]!), Math.min(p[1]!, q[1]!), Math.max(p[0]!, q[0]!), Math.max(p[1]!, q[1]!)];
}

describe('viewportTransform', () => {
  it.each([0, 90, 180, 270])('is pdf.js getViewport({ scale: 1 }).transform for /Rotate %i and an offset crop box', async (rotation) => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([600, 800]);
    page.setCropBox(20, 30, 560, 760);
    page.setRotation(degrees(rotation));
    const [read] = await readBack(await pdf.save());
    const ours = viewportTransform([20, 30, 580, 790], rotation);
    ours.forEach((v, i) => expect(v).toBeCloseTo(read!.transform[i]!, 6));
  });
});

describe('annotated PDF', () => {
  it("boxes seed 000's failed checks where they are printed, with the full message as the note", async () => {
    const bytes = fixture('000_2f28e9293a4b3d29.pdf');
    const doc = await extract({ bytes, file: '000_2f28e9293a4b3d29.pdf' });
    const marks = marksOf([doc]);
    const failures = [...doc.issues, ...doc.tables.flatMap((t) => t.issues)].filter((i) => i.severity === 'error' && i.at?.bbox && i.at.page);
    expect(failures.length).toBeGreaterThan(0);
    expect(marks.filter((m) => m.severity === 'error')).toHaveLength(new Set(failures.map((i) => `${i.at!.page}|${i.at!.bbox}|${i.message}`)).size);
    // The project-performance break the README lists: 8 projects sum to 1537.72, table 3 prints 1669.72.
    const project = marks.find((m) => m.note.includes('1537.72') && m.note.includes('1669.72'));
    expect(project).toBeDefined();

    const pages = await readBack(await annotatePdf(bytes, marks));
    for (const mark of marks) {
      const page = pages[mark.page - 1]!;
      const note = page.annotations.find((a) => a.subtype === 'Square' && a.contents === mark.note);
      expect(note, mark.note).toBeDefined();
      // Back in the extractor's space, the annotation's rectangle holds the value's box.
      const [x0, y0, x1, y1] = throughPdfjs(page.transform, note!.rect);
      expect(x0).toBeLessThanOrEqual(mark.bbox[0]);
      expect(y0).toBeLessThanOrEqual(mark.bbox[1]);
      expect(x1).toBeGreaterThanOrEqual(mark.bbox[2]);
      expect(y1).toBeGreaterThanOrEqual(mark.bbox[3]);
      expect(x1 - x0).toBeLessThan(mark.bbox[2] - mark.bbox[0] + 5);
    }
  });

  it('lands a box on the printed value of a /Rotate 90 page', async () => {
    const bytes = fixture('cases/rotated.pdf');
    const doc = await extract({ bytes, file: 'rotated.pdf' });
    const cell = doc.tables.flatMap((t) => t.rows).flatMap((r) => Object.values(r.sources))[0]!;
    expect(cell.bbox).toBeDefined();
    const mark: Mark = { page: cell.page!, bbox: cell.bbox!, severity: 'error', label: 'test', note: '测试：检查这个数' };
    const [page] = (await readBack(await annotatePdf(bytes, [mark]))).filter((_, i) => i === cell.page! - 1);
    const note = page!.annotations.find((a) => a.subtype === 'Square')!;
    expect(note.contents).toBe('测试：检查这个数');
    const [x0, y0, x1, y1] = throughPdfjs(page!.transform, note.rect);
    expect([x0 <= cell.bbox![0], y0 <= cell.bbox![1], x1 >= cell.bbox![2], y1 >= cell.bbox![3]]).toEqual([true, true, true, true]);
    expect(x1 - x0).toBeLessThan(cell.bbox![2] - cell.bbox![0] + 5);
  });

  it('refuses an encrypted PDF instead of writing a broken copy', async () => {
    const encrypted = new Uint8Array(readFileSync(join(root, 'tests/fixtures/bad/encrypted.pdf')));
    await expect(annotatePdf(encrypted, [])).rejects.toThrow(/encrypt/i);
  });

  it('labels in ASCII what the note says in full', () => {
    expect(labelOf({ kind: 'identity_broken', severity: 'error', message: '…', check: 'column_sum', expected: 10.5, found: 10.25 })).toBe('expected 10.5, found 10.25 (column_sum)');
    expect(labelOf({ kind: 'low_confidence', severity: 'warning', message: '…', printed: '1O5.2', found: 105.2 })).toBe('found 105.2, OCR read 1O5.2 (low_confidence)');
    expect(labelOf({ kind: 'narrative_mismatch' as never, severity: 'error', message: '…', printed: '三公' } as never)).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe('placeLabel', () => {
  it('stacks labels that would overlap and keeps them on the page', () => {
    const placed: [number, number, number, number][] = [];
    const first = placeLabel([100, 50, 140, 60], 80, 8, placed, 500);
    const second = placeLabel([120, 50, 160, 60], 80, 8, placed, 500);
    expect(first[3]).toBeLessThanOrEqual(50);
    expect(second[3]).toBeLessThanOrEqual(first[1]);
    const edge = placeLabel([480, 200, 495, 210], 80, 8, placed, 500);
    expect(edge[2]).toBeLessThanOrEqual(500);
  });
});
