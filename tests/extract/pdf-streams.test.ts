import { readFileSync, readdirSync } from 'node:fs';
import { deflateRawSync, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ascii85Decode, filtersOf, hexDecode, lzwDecode, runLengthDecode, scanStreams } from '../../src/extract/pdf-streams.js';

/** The decompression budget checked before pdf.js: small budgets, small bombs. */

const KB = 1024;
const budget = { maxStreamBytes: 256 * KB, maxTotalBytes: 1024 * KB };
const spaces = (n: number) => Buffer.alloc(n, 0x20);

/** One stream object as a PDF writes it (the scanner needs no more than this). */
function streamObject(n: number, dict: string, data: Uint8Array, length = String(data.length)): Buffer {
  return Buffer.concat([Buffer.from(`${n} 0 obj\n<< ${dict} /Length ${length} >>\nstream\n`), data, Buffer.from('\nendstream\nendobj\n')]);
}
const pdf = (...objects: Buffer[]) => Buffer.concat([Buffer.from('%PDF-1.7\n'), ...objects, Buffer.from('%%EOF\n')]);

/** 9-12 bit LZW codes, MSB first, widths as the decoder (and pdf.js, EarlyChange 1) expects them. */
function lzwCodes(codes: number[]): Uint8Array {
  const out: number[] = [];
  let [acc, bits, width, next, first] = [0, 0, 9, 258, true];
  for (const c of codes) {
    acc = (acc << width) | c;
    bits += width;
    while (bits >= 8) {
      out.push((acc >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    acc &= (1 << bits) - 1;
    if (c === 256) [width, next, first] = [9, 258, true];
    else {
      if (!first && next < 4096) next++;
      first = false;
      if (width < 12 && next + 1 >= 1 << width) width++;
    }
  }
  if (bits > 0) out.push((acc << (8 - bits)) & 0xff);
  return Uint8Array.from(out);
}

describe('decoders', () => {
  it('decodes the LZW example of the PDF specification', () => {
    const out = lzwDecode(Uint8Array.from([0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01]), 1000);
    expect(Buffer.from(out.bytes!).toString('latin1')).toBe('-----A---B');
  });

  it('stops an LZW bomb at the cap: 10 KB of codes for ~19 MB of output', () => {
    const codes = [256, 65, ...Array.from({ length: 4096 - 258 }, (_, i) => 258 + i), ...Array<number>(3000).fill(4095), 257];
    const data = lzwCodes(codes);
    expect(data.length).toBeLessThan(12 * KB);
    const small = lzwDecode(lzwCodes([256, 65, 258, 259, 257]), 1000);
    expect(Buffer.from(small.bytes!).toString('latin1')).toBe('A'.repeat(1 + 2 + 3));
    const bomb = lzwDecode(data, 1024 * KB);
    expect(bomb.bytes).toBeUndefined();
    expect(bomb.size).toBeGreaterThan(1024 * KB);
  });

  it('decodes RunLength, ASCIIHex and ASCII85, each bounded', () => {
    expect(Buffer.from(runLengthDecode(Uint8Array.from([2, 65, 66, 67, 253, 68, 128, 69]), 100).bytes!).toString()).toBe('ABCDDDD');
    expect(runLengthDecode(Buffer.from(Array.from({ length: 1000 }, (_, i) => (i % 2 ? 32 : 129))), 10 * KB).bytes).toBeUndefined();
    expect(Buffer.from(hexDecode(Buffer.from('48 65 6c6C 6f7>zz'), 100).bytes!).toString('latin1')).toBe('Hello\x70');
    expect(Buffer.from(ascii85Decode(Buffer.from('87cURD_*#TDfTZ)+T~>'), 100).bytes!).toString()).toBe('Hello, world!');
    expect(Buffer.from(ascii85Decode(Buffer.from('z@:E^~>'), 100).bytes!).toString('latin1')).toBe('\0\0\0\0abc');
  });
});

describe('filtersOf', () => {
  it('reads names, arrays, abbreviations and #-escaped names', () => {
    expect(filtersOf('<< /Length 5 >>')).toEqual([]);
    expect(filtersOf('<< /Filter /FlateDecode /Length 5 >>')).toEqual(['flate']);
    expect(filtersOf('<< /Filter [/ASCII85Decode /FlateDecode] >>')).toEqual(['a85', 'flate']);
    expect(filtersOf('<< /Filter[/AHx/Fl/LZW/RL/DCTDecode] >>')).toEqual(['hex', 'flate', 'lzw', 'runlength', 'other']);
    expect(filtersOf('<< /Filter /Fl#61teDecode >>')).toEqual(['flate']);
  });

  it('gives up on filters it cannot read from the text, so the data is tried as Flate', () => {
    expect(filtersOf('<< /Filter 12 0 R >>')).toBeUndefined();
  });
});

describe('scanStreams', () => {
  const bomb = deflateSync(deflateSync(spaces(2 * 1024 * KB)));

  it('passes the seed PDFs and every PDF fixture', async () => {
    const dir = new URL('../fixtures/pdf/', import.meta.url);
    const files = [...readdirSync(dir).filter((f) => f.endsWith('.pdf')), ...readdirSync(new URL('cases/', dir)).map((f) => `cases/${f}`)];
    for (const f of files) expect((await scanStreams(readFileSync(new URL(f, dir)))).ok, f).toBe(true);
  });

  it('refuses a twice-deflated stream over the per-stream budget', async () => {
    const scan = await scanStreams(pdf(streamObject(5, '/Filter [/FlateDecode /FlateDecode]', bomb)), budget);
    expect(scan).toMatchObject({ ok: false, over: 'stream' });
  });

  it('refuses many streams each under the budget but over the total', async () => {
    const one = deflateSync(spaces(200 * KB));
    const objects = Array.from({ length: 8 }, (_, i) => streamObject(i + 5, '/Filter /FlateDecode', one));
    expect(await scanStreams(pdf(...objects.slice(0, 4)), budget)).toMatchObject({ ok: true, streams: 4 });
    expect(await scanStreams(pdf(...objects), budget)).toMatchObject({ ok: false, over: 'total' });
  });

  it('finds bombs behind an indirect or escaped filter name, or an ASCIIHex wrapper', async () => {
    for (const [dict, data] of [
      ['/Filter 9 0 R', bomb],
      ['/Filter [/Fl#61teDecode /Fl]', bomb],
      ['/Filter [/AHx /FlateDecode /FlateDecode]', Buffer.from(`${bomb.toString('hex')}>`)],
    ] as const) {
      expect(await scanStreams(pdf(streamObject(5, dict, data)), budget), dict).toMatchObject({ ok: false });
    }
  });

  it('reads Flate data past a planted `endstream`, and counts through a corrupt tail', async () => {
    // A zlib stream whose first (stored) block holds the bytes `endstream`, then the bomb, then a bad checksum.
    const planted = Buffer.from('endstream');
    const stored = Buffer.from([0x00, planted.length, 0, ~planted.length & 0xff, 0xff]);
    const data = Buffer.concat([Buffer.from([0x78, 0x01]), stored, planted, deflateRawSync(spaces(512 * KB)), Buffer.from('garbage')]);
    // The length is an indirect object, so only the data itself says where it ends.
    expect(await scanStreams(pdf(streamObject(5, '/Filter /FlateDecode', data, '9 0 R')), budget)).toMatchObject({ ok: false, over: 'stream' });
  });

  it('lets ordinary streams through and leaves image codecs to pdf.js', async () => {
    const content = deflateSync(Buffer.from('BT /F1 12 Tf 72 760 Td (Budget) Tj ET'));
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);
    const scan = await scanStreams(pdf(streamObject(5, '/Filter /FlateDecode', content), streamObject(6, '/Filter /DCTDecode', jpeg)), budget);
    expect(scan).toMatchObject({ ok: true, streams: 2 });
  });
});
