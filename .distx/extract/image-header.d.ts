/**
 * Image dimensions from the header alone (PNG IHDR, JPEG SOF, TIFF IFDs), before any decoder
 * runs: a decoder allocates width × height × channels first, so a 1 KB file claiming
 * 100,000 × 100,000 pixels asks for 40 GB. Call `checkImageBudget` before decoding (OCR) an
 * image; it never reads past the headers and does work linear in the bytes it looks at.
 */
export type ImageFormat = 'png' | 'jpeg' | 'tiff';
export interface Frame {
    width: number;
    height: number;
}
/** A page image's format and the size of each frame (one, except multi-page TIFF). */
export interface ImageHeader {
    format: ImageFormat;
    frames: Frame[];
}
/** Why a header could not be read: the file is cut off, or its fields contradict the format. */
export interface MalformedHeader {
    format: ImageFormat | 'unknown';
    malformed: string;
}
/** Parses the header of a PNG, JPEG or TIFF. Pure: bytes in, dimensions or a reason out. */
export declare function readImageHeader(bytes: Uint8Array, maxFrames?: number): ImageHeader | MalformedHeader;
export interface ImageBudget {
    /** Pixels of one frame (default DEFAULT_MAX_IMAGE_PIXELS). */
    maxPixels?: number;
    /** Frames of a multi-page TIFF (default DEFAULT_MAX_PAGES). */
    maxFrames?: number;
}
/**
 * The header of an image input, or an ExtractError: `unsupported` for a header that cannot be
 * read, `too_large` for a frame over the pixel budget or a TIFF with too many frames.
 */
export declare function checkImageBudget(bytes: Uint8Array, file: string, budget?: ImageBudget): ImageHeader;
