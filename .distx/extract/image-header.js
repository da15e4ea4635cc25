import { ExtractError } from './errors.js';
import { DEFAULT_MAX_IMAGE_PIXELS, DEFAULT_MAX_PAGES } from './limits.js';
/** Largest width or height any of the three formats can state that we accept (PNG's own cap). */
const MAX_SIDE = 2 ** 31 - 1;
/** Parses the header of a PNG, JPEG or TIFF. Pure: bytes in, dimensions or a reason out. */
export function readImageHeader(bytes, maxFrames = DEFAULT_MAX_PAGES) {
    if (startsWith(bytes, PNG_SIGNATURE))
        return readPng(bytes);
    if (bytes[0] === 0xff && bytes[1] === 0xd8)
        return readJpeg(bytes);
    if (startsWith(bytes, [0x49, 0x49]) || startsWith(bytes, [0x4d, 0x4d]))
        return readTiff(bytes, maxFrames);
    return { format: 'unknown', malformed: 'not a PNG, JPEG or TIFF signature' };
}
/**
 * The header of an image input, or an ExtractError: `unsupported` for a header that cannot be
 * read, `too_large` for a frame over the pixel budget or a TIFF with too many frames.
 */
export function checkImageBudget(bytes, file, budget = {}) {
    const maxPixels = budget.maxPixels ?? DEFAULT_MAX_IMAGE_PIXELS;
    const maxFrames = budget.maxFrames ?? DEFAULT_MAX_PAGES;
    const header = readImageHeader(bytes, maxFrames + 1);
    if ('malformed' in header) {
        const format = header.format === 'unknown' ? 'image' : header.format.toUpperCase();
        throw new ExtractError('unsupported', file, `malformed ${format} header: ${header.malformed}`);
    }
    if (header.frames.length > maxFrames) {
        throw new ExtractError('too_large', file, `more than ${maxFrames} frames; raise the limit with --max-pages`);
    }
    header.frames.forEach((f, i) => {
        if (f.width * f.height > maxPixels) {
            const which = header.frames.length > 1 ? ` (frame ${i + 1})` : '';
            throw new ExtractError('too_large', file, `${f.width} × ${f.height} pixels${which} = ${megapixels(f.width * f.height)}, the limit is ${megapixels(maxPixels)}`);
        }
    });
    return header;
}
const megapixels = (n) => `${Math.round(n / 1e5) / 10} megapixels`;
function startsWith(bytes, prefix) {
    return prefix.every((b, i) => bytes[i] === b);
}
/** Width and height must be positive; 0 means "stated elsewhere", which we do not follow. */
function frame(width, height) {
    if (width < 1 || height < 1)
        return `zero width or height (${width} × ${height})`;
    if (width > MAX_SIDE || height > MAX_SIDE)
        return `width or height over 2^31 (${width} × ${height})`;
    return { width, height };
}
// ---- PNG: signature, then IHDR must be the first chunk ---------------------------------------
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const IHDR_LENGTH = 13;
/** Bit depths allowed per colour type (PNG spec 11.2.2). */
const PNG_DEPTHS = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
function readPng(bytes) {
    const bad = (malformed) => ({ format: 'png', malformed });
    const end = 8 + 8 + IHDR_LENGTH + 4;
    if (bytes.length < end)
        return bad('cut off before the end of IHDR');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.getUint32(8) !== IHDR_LENGTH || latin1(bytes, 12, 16) !== 'IHDR')
        return bad('the first chunk is not a 13-byte IHDR');
    if (crc32(bytes.subarray(12, 16 + IHDR_LENGTH)) !== view.getUint32(16 + IHDR_LENGTH))
        return bad('IHDR checksum mismatch');
    const [depth, colour, compression, filter, interlace] = [bytes[24], bytes[25], bytes[26], bytes[27], bytes[28]];
    if (!PNG_DEPTHS[colour]?.includes(depth))
        return bad(`bit depth ${depth} with colour type ${colour}`);
    if (compression !== 0 || filter !== 0 || interlace > 1)
        return bad('unknown compression, filter or interlace method');
    const f = frame(view.getUint32(16), view.getUint32(20));
    return typeof f === 'string' ? bad(f) : { format: 'png', frames: [f] };
}
// ---- JPEG: marker segments up to the first SOF (frame header) --------------------------------
/** SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
const isSof = (m) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
/** Markers without a length field: TEM, RST0-7, SOI. */
const isStandalone = (m) => m === 0x01 || (m >= 0xd0 && m <= 0xd8);
function readJpeg(bytes) {
    const bad = (malformed) => ({ format: 'jpeg', malformed });
    let i = 2;
    while (i < bytes.length) {
        if (bytes[i] !== 0xff)
            return bad(`no marker at byte ${i}`);
        while (bytes[i] === 0xff)
            i++; // fill bytes
        const marker = bytes[i++];
        if (marker === undefined)
            break;
        if (isStandalone(marker))
            continue;
        if (marker === 0xd9 || marker === 0xda)
            return bad('no frame header before the image data');
        if (i + 2 > bytes.length)
            break;
        const length = (bytes[i] << 8) | bytes[i + 1];
        if (length < 2)
            return bad(`segment length ${length} at byte ${i}`);
        if (isSof(marker)) {
            if (length < 8 || i + 7 > bytes.length)
                break;
            const height = (bytes[i + 3] << 8) | bytes[i + 4];
            const width = (bytes[i + 5] << 8) | bytes[i + 6];
            const f = frame(width, height);
            return typeof f === 'string' ? bad(f) : { format: 'jpeg', frames: [f] };
        }
        i += length;
    }
    return bad('cut off before the frame header');
}
// ---- TIFF: the IFD chain, ImageWidth (256) and ImageLength (257) of each -----------------------
const TAG_WIDTH = 256;
const TAG_HEIGHT = 257;
const TYPE_SHORT = 3;
const TYPE_LONG = 4;
const IFD_ENTRY_BYTES = 12;
function readTiff(bytes, maxFrames) {
    const bad = (malformed) => ({ format: 'tiff', malformed });
    if (bytes.length < 8)
        return bad('cut off before the first IFD offset');
    const little = bytes[0] === 0x49;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const u16 = (at) => view.getUint16(at, little);
    const u32 = (at) => view.getUint32(at, little);
    const magic = u16(2);
    if (magic === 43)
        return bad('BigTIFF is not supported');
    if (magic !== 42)
        return bad(`magic number ${magic}, not 42`);
    const frames = [];
    const seen = new Set();
    // Each IFD is visited once (a loop in the chain ends it) and at most maxFrames are read.
    for (let at = u32(4); at !== 0 && frames.length < maxFrames;) {
        if (seen.has(at))
            return bad(`the IFD chain loops back to byte ${at}`);
        seen.add(at);
        if (at + 2 > bytes.length)
            return bad(`IFD offset ${at} is past the end of the file`);
        const count = u16(at);
        const next = at + 2 + count * IFD_ENTRY_BYTES;
        if (next + 4 > bytes.length)
            return bad(`IFD at byte ${at} is cut off`);
        let width;
        let height;
        for (let e = at + 2; e < next; e += IFD_ENTRY_BYTES) {
            const tag = u16(e);
            if (tag !== TAG_WIDTH && tag !== TAG_HEIGHT)
                continue;
            const type = u16(e + 2);
            const value = type === TYPE_SHORT ? u16(e + 8) : type === TYPE_LONG ? u32(e + 8) : undefined;
            if (value === undefined || u32(e + 4) !== 1)
                return bad(`tag ${tag} is not a single SHORT or LONG`);
            if (tag === TAG_WIDTH)
                width = value;
            else
                height = value;
        }
        if (width === undefined || height === undefined)
            return bad(`IFD at byte ${at} has no ImageWidth or ImageLength`);
        const f = frame(width, height);
        if (typeof f === 'string')
            return bad(f);
        frames.push(f);
        at = u32(next);
    }
    if (!frames.length)
        return bad('no image file directory');
    return { format: 'tiff', frames };
}
// ---- helpers ----------------------------------------------------------------------------------
function latin1(bytes, from, to) {
    return String.fromCharCode(...bytes.subarray(from, to));
}
const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++)
        c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
});
/** CRC-32 as PNG chunks use it (ISO 3309), over a few bytes only. */
function crc32(bytes) {
    let c = 0xffffffff;
    for (const b of bytes)
        c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
}
