import type { PDFDocumentProxy } from './pdfjs.js';
import type { ImageFormat } from './image-header.js';
/**
 * Page images as OCR wants them: decoded to 8-bit gray, rendered from PDFs, straightened, their
 * ruling lines found and erased. Pure pixel work except the decoders and pdf.js rendering.
 */
/** An 8-bit grayscale page (0 black, 255 white), row-major, and the resolution it was made at. */
export interface GrayImage {
    width: number;
    height: number;
    data: Uint8Array;
    dpi: number;
}
/** A ruling line found in pixels: its extent along the line and across it, both inclusive. */
export interface PixelRule {
    horizontal: boolean;
    /** First and last row (horizontal) or column (vertical) it covers: its thickness. */
    across0: number;
    across1: number;
    /** First and last pixel along the line. */
    start: number;
    end: number;
    /**
     * Its centre line: across = (across0 + across1) / 2 + slope × (along − (start + end) / 2). A rule
     * of a page scanned off-square runs a little off the axis, so its band is wider than its ink.
     */
    slope: number;
    /** Its ink's thickness (pixels across, averaged along it). */
    thickness: number;
}
/** PDFs are rendered at this resolution for OCR: tesseract reads 10 pt CJK best at ≥ 300 dpi. */
export declare const RENDER_DPI = 300;
/** A page image without a usable resolution in its header is taken to be scanned at this. */
export declare const DEFAULT_IMAGE_DPI = 300;
/** Skew smaller than this is left alone: it moves a rule across A4 at 300 dpi by under a pixel. */
export declare const MIN_DESKEW_DEGREES = 0.02;
/** Gray level below which a pixel counts as ink where a cell or box is looked at for letters (both engines). */
export declare const INK_LEVEL = 128;
/** RGBA (straight alpha) laid over white → gray by Rec. 601 luma. */
export declare function rgbaToGray(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, dpi: number): GrayImage;
/**
 * The frames of a PNG, JPEG or TIFF as gray pages. Call after `checkImageBudget`: decoders
 * allocate what the header claims. Every decoder is pure JavaScript (pngjs, jpeg-js, UTIF), so a
 * hostile file can at worst throw: Skia's decoders (@napi-rs/canvas `loadImage`) crash the whole
 * process on a truncated PNG or any TIFF, and are never handed input bytes.
 */
export declare function decodeImage(bytes: Uint8Array, format: ImageFormat, file: string, maxPixels?: number): Promise<GrayImage[]>;
/** The resolution a PNG (pHYs) or JPEG (JFIF APP0) header states, if it makes a page-sized page. */
export declare function imageDpi(bytes: Uint8Array, format: ImageFormat, width: number, height: number): number;
export interface PdfRenderOptions {
    password?: string;
    maxImagePixels?: number;
    dpi?: number;
}
/**
 * Opens a PDF for rendering with pdf.ts's locked-down settings (nothing fetched, nothing run).
 * The caller has already passed it through `extractPdf`, which checks its envelope, page count
 * and decompression budget.
 */
export declare function openPdfForRender(bytes: Uint8Array, options: PdfRenderOptions): Promise<PDFDocumentProxy>;
/**
 * One page as gray pixels, or undefined when the page draws nothing (no text, path, image or
 * shading): a blank page needs no pixels, and a 2,000-page PDF of blank pages must not cost 2,000
 * renderings. A scan (one image drawn upright over the whole page, nothing else) at `dpi` is taken
 * as its own pixels: rendering it would copy them through a canvas at a cost. So is a bitonal scan
 * coarser than that, which rendering would enlarge by nearest neighbour, dust and stair-steps with
 * it (ocrPage enlarges it after its pixel work). Any other page is rendered at `dpi` (RENDER_DPI).
 */
export declare function renderPage(doc: PDFDocumentProxy, pageNo: number, dpi?: number): Promise<GrayImage | undefined>;
/**
 * The page with its paper made evenly white: each pixel divided by the paper's brightness around
 * it (measured per block, the brightest of each block's neighbours taken so a block full of ink
 * still sees paper, interpolated between block centres). A scan darker towards one corner then
 * has one ink threshold for the whole page. A page with white paper is returned as it is.
 */
export declare function flattenBackground(image: GrayImage): GrayImage;
/**
 * The page with specks of ink (connected dark pixels covering less than SPECK_PT square) made
 * paper: a noisy or bitonal scan's dust, which tesseract reads as marks among the words. A speck
 * close to print (other specks and clusters of them are not print) is a decimal point or a dot
 * and stays; on a page peppered with dust (NOISY_SPECKS_PER_SQ_IN), where every word has some
 * beside it, only a decimal point stays: a speck sitting on the foot of print on both sides; and
 * marks up to a letter's size away from print go too (specks run together).
 */
export declare function removeSpecks(image: GrayImage, threshold: number): GrayImage;
/** Otsu's threshold over the gray histogram, kept within [MIN_THRESHOLD, MAX_THRESHOLD]. */
export declare function otsuThreshold(image: GrayImage): number;
/** 1 where the page is ink (darker than the threshold), 0 where it is paper. */
export declare function binarize(image: GrayImage, threshold?: number): Uint8Array;
/** Share of ink pixels: a page below a few per ten thousand holds no text worth reading. */
export declare function inkShare(ink: Uint8Array): number;
/**
 * The page's skew in degrees (positive: its lines fall to the right, i.e. the content is rotated
 * clockwise), from the direction of its long ink runs: rule pieces and horizontal strokes. Each
 * run votes with its length into a row profile sheared by the candidate angle; the angle that
 * piles the runs into the fewest rows (largest sum of squares) wins.
 */
export declare function estimateSkew(ink: Uint8Array, width: number, height: number, dpi: number): number;
/** The image rotated by `degrees` (clockwise positive) about its centre, bilinear, paper-white fill. */
export declare function rotate(image: GrayImage, degrees: number): GrayImage;
/**
 * How far the page's vertical rules lean (pixels across per pixel down, their length-weighted
 * mean) once its horizontal ones are straight: a page scanned off-square, a shear a rotation
 * cannot undo. 0 without vertical rules.
 */
export declare function verticalLean(rules: PixelRule[]): number;
/** The image sheared so that a line leaning `lean` (x per y) stands upright: row y shifted by lean × (y − centre), bilinear. */
export declare function unshear(image: GrayImage, lean: number): GrayImage;
/** Horizontal and vertical ruling lines of a (straightened) page, in pixels. */
export declare function findPixelRules(ink: Uint8Array, width: number, height: number, dpi: number): PixelRule[];
/**
 * The candidates that are rules: the long ones, and short ones an end of which meets a rule
 * already kept (repeated, so a header's short borders reach the frame through each other).
 */
export declare function joinedRules(candidates: PixelRule[], dpi: number): PixelRule[];
/**
 * Pixels well lighter than the ink threshold (WHITEN_SHARE) set to paper white, darker ones kept
 * (their gray edges help recognition). Scanner noise and JPEG blotches on the paper go; a small cell cut out for a
 * second reading then has no background texture for tesseract's own thresholding to take for ink.
 */
export declare function whitenPaper(image: GrayImage, threshold: number): GrayImage;
/**
 * A copy of the page with its rules (and their halo) painted white, so OCR sees only text. Each
 * rule is erased along its centre line, its ink's thickness wide plus the halo: a rule off the
 * axis covers a wide band, and erasing the band took the first stroke of the text beside it
 * (一般 read -般).
 */
export declare function eraseRules(image: GrayImage, rules: PixelRule[]): GrayImage;
export declare function isBitonal(image: GrayImage): boolean;
/** The page blurred as a bitonal page is before recognition (BITONAL_SMOOTH_PT): separable Gaussian. */
export declare function smoothBitonal(image: GrayImage): GrayImage;
/**
 * The box [x0, y0, x1) × [y0, y1) around the page's ink (pixels at or below `threshold`), `margin`
 * pixels wider on each side within the page; undefined for a page without ink. Recognition reads
 * this part of a page only: its blank margins cost tesseract memory and layout time for nothing.
 */
export declare function inkFrame(image: GrayImage, threshold: number, margin: number): [number, number, number, number] | undefined;
/** The pixels inside [x0, x1) × [y0, y1), framed by `pad` pixels of paper (tesseract wants a margin). */
export declare function crop(image: GrayImage, x0: number, y0: number, x1: number, y1: number, pad: number): GrayImage;
/** The image enlarged `factor` times (bilinear), its resolution with it: small print read again larger. */
export declare function enlarge(image: GrayImage, factor: number): GrayImage;
/** Binary PGM (P5): no compression to spend time on, and Leptonica reads it natively. A Buffer, as tesseract.js takes it (no second copy). */
export declare function encodePgm(image: GrayImage): Buffer;
