import { mkdir, realpath, rename, writeFile, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve, isAbsolute, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
/**
 * Writing inside the output folder only, atomically: a temp file renamed into place, so an
 * interrupted run never leaves half a file, and no derived name can climb out of `-o`.
 */
/** Device names Windows reserves with any extension, and before trailing spaces (`CON .json`). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])\s*(\..*)?$/i;
/**
 * Characters never kept in a name: path separators and characters Windows forbids, C0/C1
 * controls, and invisible ones that make a name display as another (bidi overrides and marks,
 * zero-width characters, line separators, BOM).
 */
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f/\\:*?"<>|\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
/** Halves of a surrogate pair without the other half (not encodable as a UTF-8 file name). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** File systems allow 255 bytes; room is left for `-NN` de-duplication and an extension. */
const MAX_NAME_BYTES = 180;
/**
 * A file name derived from untrusted text (an input's base name, a department, a title): never
 * empty, `.`/`..` or hidden (no leading dot), no separators, control or invisible characters,
 * no trailing dots or spaces (Windows drops them), no reserved device names, at most
 * MAX_NAME_BYTES of UTF-8 cut between characters. Pure.
 */
export function safeName(raw) {
    let s = raw.normalize('NFC').replace(LONE_SURROGATE, '_').replace(UNSAFE_CHARS, '_').trim();
    s = s.replace(/^\.+/, '_').replace(/[. ]+$/, '_');
    if (!s || WINDOWS_RESERVED.test(s))
        s = `_${s}`;
    return truncateUtf8(s, MAX_NAME_BYTES);
}
/** The longest prefix of whole code points within `max` UTF-8 bytes. */
function truncateUtf8(s, max) {
    if (Buffer.byteLength(s) <= max)
        return s;
    let bytes = 0;
    let out = '';
    for (const ch of s) {
        bytes += Buffer.byteLength(ch);
        if (bytes > max)
            break;
        out += ch;
    }
    return out;
}
/** `rel` resolved under `root`, or an error when it is the root itself or outside it. */
export function insideDir(root, rel) {
    const target = resolve(root, rel);
    const r = relative(resolve(root), target);
    if (r === '' || r === '..' || r.startsWith(`..${sep}`) || isAbsolute(r)) {
        throw new Error(`refusing to write outside the output folder: ${rel}`);
    }
    return target;
}
/**
 * The folder a file goes into, checked once more after symbolic links are followed: a link
 * inside `-o` (say `csv -> /etc`) must not carry a write outside it.
 */
async function realFolderInside(root, folder) {
    const [realRoot, realFolder] = await Promise.all([realpath(root), realpath(folder)]);
    const r = relative(realRoot, realFolder);
    if (r === '..' || r.startsWith(`..${sep}`) || isAbsolute(r)) {
        throw new Error(`refusing to write outside the output folder: ${folder} leads to ${realFolder}`);
    }
}
export async function writeAtomic(root, rel, data) {
    const target = insideDir(root, rel);
    await mkdir(dirname(target), { recursive: true });
    await realFolderInside(root, dirname(target));
    const tmp = join(dirname(target), `.${randomBytes(6).toString('hex')}.tmp`);
    try {
        // 'wx': never write through something already at the temporary name.
        await writeFile(tmp, data, { flag: 'wx' });
        await rename(tmp, target);
    }
    catch (e) {
        await rm(tmp, { force: true });
        throw e;
    }
    return target;
}
