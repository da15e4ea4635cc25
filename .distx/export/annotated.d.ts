import type { BudgetDocument, Issue } from '../model.js';
/**
 * `--format annotated`: a copy of the source PDF with a box and a note on every figure a check
 * failed on (red) and every value OCR read with low confidence (orange), so a reader sees the
 * problem where it is printed. Each box is drawn into the page (visible in every viewer and on
 * paper) and carries a Square annotation whose note is the issue's full message (Unicode, so the
 * Chinese table names show in the viewer's popup). The drawn label is ASCII only: the standard
 * fonts a PDF can use without embedding one cannot draw CJK.
 */
export interface Mark {
    page: number;
    /** pdf.js viewport box at scale 1 (top-left origin, page rotation applied), as in `At.bbox`. */
    bbox: [number, number, number, number];
    severity: 'error' | 'warning';
    /** Short ASCII text drawn beside the box. */
    label: string;
    /** The issue's full message, the annotation's popup text. */
    note: string;
}
/** `expected 1537.72, found 1669.72 (project_matches_expenditure)`: the label drawn beside a box. */
export declare function labelOf(issue: Issue): string;
/** The boxes of a file's documents (several for a county bundle), one per distinct box and message. */
export declare function marksOf(docs: BudgetDocument[]): Mark[];
type Matrix = [number, number, number, number, number, number];
/**
 * pdf.js's viewport transform at scale 1 (PageViewport): PDF user space → the top-left-origin,
 * rotated space the extractor's boxes are in. `view` is the page's crop box clipped to its media
 * box, as pdf.js takes it.
 */
export declare function viewportTransform(view: [number, number, number, number], rotation: number, userUnit?: number): Matrix;
/** A viewport point back in PDF user space (the inverse of `viewportTransform`). */
export declare function toUserSpace(m: Matrix, x: number, y: number): [number, number];
/** A viewport box as a user-space rectangle [x0, y0, x1, y1] (lower-left, upper-right). */
export declare function toUserRect(m: Matrix, box: [number, number, number, number]): [number, number, number, number];
/**
 * The source PDF with every mark drawn and annotated. Throws what pdf-lib throws for a PDF it
 * cannot rewrite (encrypted, damaged): the caller reports it and writes nothing.
 */
export declare function annotatePdf(bytes: Uint8Array, marks: Mark[]): Promise<Uint8Array>;
type Box = [number, number, number, number];
/**
 * Where a label goes: just above its box, or higher still while it would overlap a label already
 * drawn on the page (two failed cells side by side in one row). Viewport space.
 */
export declare function placeLabel(box: Box, width: number, height: number, placed: Box[], pageWidth: number): Box;
export {};
