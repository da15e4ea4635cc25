import { PDFDocument, PDFHexString, PDFName, PDFNumber, StandardFonts, degrees, rgb } from 'pdf-lib';
import { allIssues } from './where.js';
const COLORS = { error: rgb(0.85, 0.1, 0.1), warning: rgb(0.95, 0.55, 0) };
const ANNOTATION_COLORS = { error: [0.85, 0.1, 0.1], warning: [0.95, 0.55, 0] };
/** Points the drawn box stands off the value's own box, so it does not cover the digits. */
const BOX_MARGIN_PT = 1.5;
const LABEL_SIZE_PT = 6;
const LINE_WIDTH_PT = 1;
const ANNOTATION_AUTHOR = 'budget-extract';
/** The issues worth a box: failed checks, and OCR values to check against the scan. */
function marked(issue) {
    if (issue.at?.page === undefined || !issue.at.bbox)
        return false;
    return issue.severity === 'error' || (issue.kind === 'low_confidence' && issue.severity === 'warning');
}
/** `expected 1537.72, found 1669.72 (project_matches_expenditure)`: the label drawn beside a box. */
export function labelOf(issue) {
    const parts = [];
    if (issue.expected !== undefined)
        parts.push(`expected ${issue.expected}`);
    if (issue.found !== undefined)
        parts.push(`found ${issue.found}`);
    if (issue.printed !== undefined && issue.kind === 'low_confidence')
        parts.push(`OCR read ${issue.printed}`);
    const what = issue.check ?? issue.kind;
    const text = parts.length ? `${parts.join(', ')} (${what})` : what;
    // WinAnsi Helvetica: anything else would throw; the note carries the full text.
    return text.replace(/[^\x20-\x7e]/g, '?');
}
/** The boxes of a file's documents (several for a county bundle), one per distinct box and message. */
export function marksOf(docs) {
    const seen = new Set();
    const marks = [];
    for (const doc of docs) {
        for (const issue of allIssues(doc)) {
            if (!marked(issue))
                continue;
            const key = `${issue.at.page}|${issue.at.bbox.join(',')}|${issue.message}`;
            if (seen.has(key))
                continue;
            seen.add(key);
            marks.push({ page: issue.at.page, bbox: issue.at.bbox, severity: issue.severity === 'error' ? 'error' : 'warning', label: labelOf(issue), note: issue.message });
        }
    }
    return marks;
}
/**
 * pdf.js's viewport transform at scale 1 (PageViewport): PDF user space → the top-left-origin,
 * rotated space the extractor's boxes are in. `view` is the page's crop box clipped to its media
 * box, as pdf.js takes it.
 */
export function viewportTransform(view, rotation, userUnit = 1) {
    const centerX = (view[0] + view[2]) / 2;
    const centerY = (view[1] + view[3]) / 2;
    const r = ((rotation % 360) + 360) % 360;
    const [a, b, c, d] = r === 90 ? [0, 1, 1, 0] : r === 180 ? [-1, 0, 0, 1] : r === 270 ? [0, -1, -1, 0] : [1, 0, 0, -1];
    const s = userUnit;
    const offsetX = a === 0 ? Math.abs(centerY - view[1]) * s : Math.abs(centerX - view[0]) * s;
    const offsetY = a === 0 ? Math.abs(centerX - view[0]) * s : Math.abs(centerY - view[1]) * s;
    return [a * s, b * s, c * s, d * s, offsetX - a * s * centerX - c * s * centerY, offsetY - b * s * centerX - d * s * centerY];
}
/** A viewport point back in PDF user space (the inverse of `viewportTransform`). */
export function toUserSpace(m, x, y) {
    const [a, b, c, d, e, f] = m;
    const det = a * d - b * c;
    return [(d * (x - e) - c * (y - f)) / det, (-b * (x - e) + a * (y - f)) / det];
}
/** A viewport box as a user-space rectangle [x0, y0, x1, y1] (lower-left, upper-right). */
export function toUserRect(m, box) {
    const [p, q] = [toUserSpace(m, box[0], box[1]), toUserSpace(m, box[2], box[3])];
    return [Math.min(p[0], q[0]), Math.min(p[1], q[1]), Math.max(p[0], q[0]), Math.max(p[1], q[1])];
}
/** The page's view box as pdf.js computes it: crop box ∩ media box, else the media box. */
function viewOf(page) {
    const m = page.getMediaBox();
    const c = page.getCropBox();
    const media = [m.x, m.y, m.x + m.width, m.y + m.height];
    const crop = [Math.max(c.x, media[0]), Math.max(c.y, media[1]), Math.min(c.x + c.width, media[2]), Math.min(c.y + c.height, media[3])];
    return crop[2] > crop[0] && crop[3] > crop[1] ? crop : media;
}
function userUnitOf(page) {
    const u = page.node.get(PDFName.of('UserUnit'));
    return u instanceof PDFNumber && u.asNumber() > 0 ? u.asNumber() : 1;
}
/**
 * The source PDF with every mark drawn and annotated. Throws what pdf-lib throws for a PDF it
 * cannot rewrite (encrypted, damaged): the caller reports it and writes nothing.
 */
export async function annotatePdf(bytes, marks) {
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const pages = pdf.getPages();
    const labelsByPage = new Map();
    for (const mark of marks) {
        const page = pages[mark.page - 1];
        if (!page)
            continue;
        if (!labelsByPage.has(mark.page))
            labelsByPage.set(mark.page, []);
        drawMark(pdf, page, font, mark, labelsByPage.get(mark.page));
    }
    return pdf.save({ useObjectStreams: false });
}
/**
 * Where a label goes: just above its box, or higher still while it would overlap a label already
 * drawn on the page (two failed cells side by side in one row). Viewport space.
 */
export function placeLabel(box, width, height, placed, pageWidth) {
    // Kept on the page: a box at the right edge gets its label ending there.
    const x0 = Math.max(0, Math.min(box[0], pageWidth - width));
    let label = [x0, box[1] - height - 0.5, x0 + width, box[1] - 0.5];
    const overlaps = (b) => b[0] < label[2] && label[0] < b[2] && b[1] < label[3] && label[1] < b[3];
    while (placed.some(overlaps))
        label = [label[0], label[1] - height, label[2], label[3] - height];
    placed.push(label);
    return label;
}
function drawMark(pdf, page, font, mark, labels) {
    const rotation = ((page.getRotation().angle % 360) + 360) % 360;
    const m = viewportTransform(viewOf(page), rotation, userUnitOf(page));
    const [x0, y0, x1, y1] = mark.bbox;
    const box = [x0 - BOX_MARGIN_PT, y0 - BOX_MARGIN_PT, x1 + BOX_MARGIN_PT, y1 + BOX_MARGIN_PT];
    const rect = toUserRect(m, box);
    const color = COLORS[mark.severity];
    page.drawRectangle({ x: rect[0], y: rect[1], width: rect[2] - rect[0], height: rect[3] - rect[1], borderColor: color, borderWidth: LINE_WIDTH_PT });
    // The label sits above the box as the page is displayed, and is turned with the page so it
    // reads upright.
    const view = viewOf(page);
    const pageWidth = (rotation % 180 === 0 ? view[2] - view[0] : view[3] - view[1]) * userUnitOf(page);
    const label = placeLabel(box, font.widthOfTextAtSize(mark.label, LABEL_SIZE_PT), LABEL_SIZE_PT * 1.3, labels, pageWidth);
    const [lx, ly] = toUserSpace(m, label[0], label[3] - LABEL_SIZE_PT * 0.2);
    page.drawText(mark.label, { x: lx, y: ly, size: LABEL_SIZE_PT, font, color, rotate: degrees(rotation) });
    const annotation = pdf.context.obj({
        Type: 'Annot',
        Subtype: 'Square',
        Rect: rect,
        C: [...ANNOTATION_COLORS[mark.severity]],
        Border: [0, 0, 0],
        F: 4, // print
        T: PDFHexString.fromText(ANNOTATION_AUTHOR),
        Contents: PDFHexString.fromText(mark.note),
    });
    page.node.addAnnot(pdf.context.register(annotation));
}
