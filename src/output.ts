import { mkdir, rename, writeFile, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Writing inside the output folder only, atomically: a temp file renamed into place, so an
 * interrupted run never leaves half a file, and no derived name can climb out of `-o`.
 */

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
const MAX_NAME_BYTES = 180;

/** A file name derived from untrusted text: no separators, dots-only, control chars or reserved names. */
export function safeName(raw: string): string {
  let s = raw.normalize('NFC').replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').replace(/^\.+/, '_').trim();
  if (!s || WINDOWS_RESERVED.test(s)) s = `_${s}`;
  while (Buffer.byteLength(s) > MAX_NAME_BYTES) s = s.slice(0, -1);
  return s;
}

export function insideDir(root: string, rel: string): string {
  const target = resolve(root, rel);
  const r = relative(resolve(root), target);
  if (r.startsWith('..') || isAbsolute(r)) throw new Error(`refusing to write outside the output folder: ${rel}`);
  return target;
}

export async function writeAtomic(root: string, rel: string, data: string | Uint8Array): Promise<string> {
  const target = insideDir(root, rel);
  await mkdir(dirname(target), { recursive: true });
  const tmp = join(dirname(target), `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  return target;
}
