import { inflateRawSync } from 'node:zlib';
import { ExtractError } from '../errors.js';
import { MAX_ZIP_ENTRIES, MAX_ZIP_PART_BYTES, MAX_ZIP_TOTAL_BYTES, megabytes } from '../limits.js';
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end-of-directory record is 22 bytes plus a comment of at most 65,535. */
const EOCD_SEARCH = 22 + 0xffff;
const STORED = 0;
const DEFLATED = 8;
const corrupt = (file, detail) => new ExtractError('invalid_office', file, detail);
/** The entries of a ZIP, after checking the declared sizes against the budgets. */
export function zipEntries(bytes, file) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let end = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - EOCD_SEARCH); i--) {
        if (view.getUint32(i, true) === EOCD) {
            end = i;
            break;
        }
    }
    if (end < 0)
        throw corrupt(file, 'no ZIP directory at the end: the file is truncated');
    const count = view.getUint16(end + 10, true);
    const dirSize = view.getUint32(end + 12, true);
    const dirOffset = view.getUint32(end + 16, true);
    if (count === 0xffff || dirOffset === 0xffffffff)
        throw new ExtractError('too_large', file, 'a ZIP64 container; office files that need one are far past every budget');
    if (count > MAX_ZIP_ENTRIES)
        throw new ExtractError('too_large', file, `${count} parts in the ZIP container, more than ${MAX_ZIP_ENTRIES}`);
    if (dirOffset + dirSize > end)
        throw corrupt(file, 'the ZIP directory points past the end of the file');
    const entries = [];
    let total = 0;
    let p = dirOffset;
    for (let k = 0; k < count; k++) {
        if (p + 46 > end || view.getUint32(p, true) !== CENTRAL)
            throw corrupt(file, 'a broken ZIP directory entry');
        const nameLength = view.getUint16(p + 28, true);
        const entry = {
            method: view.getUint16(p + 10, true),
            compressedSize: view.getUint32(p + 20, true),
            size: view.getUint32(p + 24, true),
            offset: view.getUint32(p + 42, true),
            name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength)),
        };
        if (entry.size > MAX_ZIP_PART_BYTES) {
            throw new ExtractError('too_large', file, `the part ${entry.name} expands to ${megabytes(entry.size)}, more than the limit of ${megabytes(MAX_ZIP_PART_BYTES)} (a decompression bomb, or a sheet far larger than any disclosure)`);
        }
        total += entry.size;
        if (total > MAX_ZIP_TOTAL_BYTES)
            throw new ExtractError('too_large', file, `the ZIP parts expand to more than ${megabytes(MAX_ZIP_TOTAL_BYTES)} together`);
        entries.push(entry);
        p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    }
    return entries;
}
/** One entry's bytes, inflated no further than its declared size. */
export function readEntry(bytes, entry, file) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (entry.offset + 30 > bytes.length || view.getUint32(entry.offset, true) !== LOCAL)
        throw corrupt(file, `the part ${entry.name} is missing: the file is truncated`);
    const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
    if (start + entry.compressedSize > bytes.length)
        throw corrupt(file, `the part ${entry.name} is cut off: the file is truncated`);
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (entry.method === STORED)
        return Buffer.from(data);
    if (entry.method !== DEFLATED)
        throw corrupt(file, `the part ${entry.name} uses compression method ${entry.method}, which office files do not`);
    let out;
    try {
        // One byte over the declared size is enough to tell a lying part from an honest one.
        out = inflateRawSync(data, { maxOutputLength: entry.size + 1 });
    }
    catch (e) {
        if (e instanceof RangeError || e.code === 'ERR_BUFFER_TOO_LARGE') {
            throw new ExtractError('too_large', file, `the part ${entry.name} expands past the ${entry.size} bytes it declares (a decompression bomb)`);
        }
        throw corrupt(file, `the part ${entry.name} does not inflate (${e instanceof Error ? e.message : String(e)}): the file is damaged`);
    }
    if (out.length > entry.size)
        throw new ExtractError('too_large', file, `the part ${entry.name} expands past the ${entry.size} bytes it declares (a decompression bomb)`);
    return out;
}
