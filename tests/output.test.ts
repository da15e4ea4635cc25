import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { insideDir, safeName, writeAtomic } from '../src/output.js';
import { capLine, extractText } from '../src/extract/text.js';
import { MAX_LINE_CHARS } from '../src/extract/limits.js';

/** Outputs stay inside -o whatever the names derived from inputs, departments or titles are. */

describe('safeName', () => {
  it('neutralizes traversal, separators, reserved and invisible characters', () => {
    expect(safeName('../../etc/passwd')).toBe('__.._etc_passwd');
    expect(safeName('..')).toBe('_');
    expect(safeName('.')).toBe('_');
    expect(safeName(' .hidden ')).toBe('_hidden');
    expect(safeName('C:\\Windows\\win.ini')).toBe('C__Windows_win.ini');
    expect(safeName('/abs/path')).toBe('_abs_path');
    expect(safeName('CON')).toBe('_CON');
    expect(safeName('lpt1.txt')).toBe('_lpt1.txt');
    expect(safeName('CONOUT$')).toBe('_CONOUT$');
    expect(safeName('report.')).toBe('report_');
    expect(safeName('a\u202egnp.exe')).toBe('a_gnp.exe');
    expect(safeName('new\nline\u0085\u2028x')).toBe('new_line__x');
    expect(safeName('\ud800lone')).toBe('_lone');
    expect(safeName('')).toBe('_');
    expect(safeName('部门预算')).toBe('部门预算');
  });

  it('cuts long names to 180 UTF-8 bytes between characters', () => {
    const cut = safeName('预'.repeat(100) + '😀'.repeat(10));
    expect(Buffer.byteLength(cut)).toBe(180);
    expect(cut).toBe('预'.repeat(60));
    expect(safeName('😀'.repeat(100))).toBe('😀'.repeat(45));
  });

  it('always gives a name that resolves to a file directly inside the folder', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (raw) => {
        const name = safeName(raw);
        expect(name.length).toBeGreaterThan(0);
        expect(name).not.toMatch(/[/\\\u0000-\u001f]|^\.|[. ]$/);
        expect(Buffer.byteLength(name)).toBeLessThanOrEqual(180);
        expect(insideDir('/out', `${name}.json`)).toBe(join('/out', `${name}.json`));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('insideDir and writeAtomic', () => {
  it('refuses the folder itself and anything outside it', () => {
    for (const rel of ['', '.', '..', '../x', 'a/../../x', '/etc/passwd']) expect(() => insideDir('/out', rel), rel).toThrow(/outside the output folder/);
    expect(insideDir('/out', 'csv/expenditure.csv')).toBe('/out/csv/expenditure.csv');
    expect(insideDir('/out', '..x.json')).toBe('/out/..x.json');
  });

  it('refuses to write through a symbolic link that leaves the folder', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'be-outside-'));
    const out = mkdtempSync(join(tmpdir(), 'be-out-'));
    symlinkSync(outside, join(out, 'csv'));
    await expect(writeAtomic(out, 'csv/expenditure.csv', 'x')).rejects.toThrow(/outside the output folder/);
    expect(readdirSync(outside)).toEqual([]);
    await writeAtomic(out, 'ok.json', '{}');
    expect(readFileSync(join(out, 'ok.json'), 'utf8')).toBe('{}');
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(join(outside, 'expenditure.csv'))).toBe(false);
  });
});

describe('text line budget', () => {
  it('cuts a line over MAX_LINE_CHARS, never inside a surrogate pair, with an issue', () => {
    expect(capLine('abc')).toBe('abc');
    expect(capLine('x'.repeat(MAX_LINE_CHARS + 5))).toHaveLength(MAX_LINE_CHARS);
    const pairs = 'a' + '😀'.repeat(MAX_LINE_CHARS);
    expect(capLine(pairs)).toHaveLength(MAX_LINE_CHARS - 1);
    const text = `2025年部门支出预算表\n${'1.00\t'.repeat(2 * MAX_LINE_CHARS)}\n`;
    const started = performance.now();
    const extracted = extractText(Buffer.from(text), 'long.txt', 'utf-8');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(extracted.lines[1]!.text.length).toBeLessThanOrEqual(MAX_LINE_CHARS);
    expect(extracted.issues).toEqual([expect.objectContaining({ kind: 'text_dropped', at: { file: 'long.txt', line: 2 } })]);
  });
});
