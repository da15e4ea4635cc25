import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkImageBudget, readImageHeader } from '../../src/extract/image-header.js';
import { ExtractError } from '../../src/extract/errors.js';
import { extractBytes } from '../../src/pipeline.js';

/** Image dimensions from headers only, and the pixel budget applied before any decoding. */

const hostile = (name: string) => readFileSync(new URL(`../fixtures/hostile/${name}`, import.meta.url));

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Uint8Array) => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function png(width: number, height: number, { depth = 8, colour = 6 } = {}): Buffer {
  const body = Buffer.alloc(17);
  body.write('IHDR', 0, 'latin1');
  body.writeUInt32BE(width, 4);
  body.writeUInt32BE(height, 8);
  body[12] = depth;
  body[13] = colour;
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), body, crc]);
}

function jpeg(segments: number[][]): Buffer {
  return Buffer.from([0xff, 0xd8, ...segments.flat(), 0xff, 0xd9]);
}
const sof = (marker: number, width: number, height: number) => [0xff, marker, 0, 11, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0];
const app = [0xff, 0xe1, 0, 6, 1, 2, 3, 4];

/** A TIFF with one IFD per frame; `link` overrides the next-IFD offset of the last one. */
function tiff(frames: [number, number][], { big = false, link = 0 } = {}): Buffer {
  const ifd = 2 + 2 * 12 + 4;
  const b = Buffer.alloc(8 + frames.length * ifd);
  const u16 = (v: number, at: number) => (big ? b.writeUInt16BE(v, at) : b.writeUInt16LE(v, at));
  const u32 = (v: number, at: number) => (big ? b.writeUInt32BE(v, at) : b.writeUInt32LE(v, at));
  b.write(big ? 'MM' : 'II', 0, 'latin1');
  u16(42, 2);
  u32(8, 4);
  frames.forEach(([w, h], i) => {
    const at = 8 + i * ifd;
    u16(2, at);
    [[256, w], [257, h]].forEach(([tag, v], e) => {
      u16(tag!, at + 2 + e * 12);
      u16(4, at + 4 + e * 12);
      u32(1, at + 6 + e * 12);
      u32(v!, at + 10 + e * 12);
    });
    u32(i + 1 < frames.length ? at + ifd : link, at + 2 + 24);
  });
  return b;
}

describe('readImageHeader', () => {
  it('reads PNG, JPEG (after other segments and fill bytes) and TIFF in both byte orders', () => {
    expect(readImageHeader(png(640, 480))).toEqual({ format: 'png', frames: [{ width: 640, height: 480 }] });
    expect(readImageHeader(jpeg([app, [0xff], sof(0xc2, 2480, 3508)]))).toEqual({ format: 'jpeg', frames: [{ width: 2480, height: 3508 }] });
    expect(readImageHeader(tiff([[100, 200], [300, 400]]))).toEqual({ format: 'tiff', frames: [{ width: 100, height: 200 }, { width: 300, height: 400 }] });
    expect(readImageHeader(tiff([[5, 6]], { big: true }))).toEqual({ format: 'tiff', frames: [{ width: 5, height: 6 }] });
  });

  it('reads the hostile headers as the gigapixel images they claim to be', () => {
    expect(readImageHeader(hostile('huge.png'))).toEqual({ format: 'png', frames: [{ width: 100_000, height: 100_000 }] });
    expect(readImageHeader(hostile('huge.jpg'))).toEqual({ format: 'jpeg', frames: [{ width: 65_500, height: 65_500 }] });
    expect(readImageHeader(hostile('huge.tif'))).toEqual({ format: 'tiff', frames: [{ width: 100_000, height: 100_000 }] });
  });

  it('says why a header is malformed', () => {
    const bad = (bytes: Uint8Array) => (readImageHeader(bytes) as { malformed?: string }).malformed;
    expect(bad(hostile('malformed.png'))).toMatch(/cut off/);
    const flipped = png(10, 10);
    flipped[20] = flipped[20]! ^ 1;
    expect(bad(flipped)).toMatch(/checksum/);
    expect(bad(png(10, 10, { depth: 3 }))).toMatch(/bit depth 3/);
    expect(bad(png(0, 10))).toMatch(/zero width/);
    expect(bad(jpeg([app, [0xff, 0xda, 0, 2]]))).toMatch(/no frame header/);
    expect(bad(jpeg([sof(0xc0, 100, 0)]))).toMatch(/zero width or height/);
    expect(bad(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x40, 0x00]))).toMatch(/cut off/);
    expect(bad(tiff([[1, 1]], { link: 8 }))).toMatch(/loops/);
    expect(bad(tiff([[1, 1]], { link: 1_000_000 }))).toMatch(/past the end/);
    const big = tiff([[1, 1]]);
    big.writeUInt16LE(43, 2);
    expect(bad(big)).toMatch(/BigTIFF/);
  });
});

describe('checkImageBudget', () => {
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e instanceof ExtractError ? [e.code, e.message] : ['other', String(e)];
    }
    return ['none', ''];
  };

  it('passes a page scan and refuses more pixels or frames than the budget', () => {
    expect(checkImageBudget(png(2480, 3508), 'a4.png').frames).toHaveLength(1);
    expect(code(() => checkImageBudget(hostile('huge.png'), 'huge.png'))).toEqual(['too_large', expect.stringMatching(/10000 megapixels, the limit is 100 megapixels/)]);
    expect(code(() => checkImageBudget(png(2000, 2000), 'x.png', { maxPixels: 1_000_000 }))[0]).toBe('too_large');
    expect(code(() => checkImageBudget(tiff([[1, 1], [1, 1], [1, 1]]), 'x.tif', { maxFrames: 2 }))).toEqual(['too_large', expect.stringMatching(/more than 2 frames/)]);
    expect(code(() => checkImageBudget(hostile('malformed.png'), 'm.png'))).toEqual(['unsupported', expect.stringMatching(/malformed PNG header/)]);
  });

  it('runs in the pipeline before the no-OCR refusal', async () => {
    const failure = (bytes: Uint8Array) => extractBytes(bytes, 'img').catch((e: ExtractError) => e.code);
    expect(await failure(hostile('huge.tif'))).toBe('too_large');
    expect(await failure(png(100, 100))).toBe('unsupported');
  });
});
