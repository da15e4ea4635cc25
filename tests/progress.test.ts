import { describe, expect, it } from 'vitest';
import { Progress } from '../src/progress.js';
import type { FileResult } from '../src/batch.js';

function stream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const s = { text: '', isTTY, write(chunk: string) { s.text += chunk; return true; } };
  return s as unknown as NodeJS.WriteStream & { text: string };
}
const ok: FileResult = { file: 'a.txt', path: 'a.txt', status: 'ok', pages: 2, tables: { summary: 1, income: 1 }, identities_broken: 0, seconds: 0.1 };
const bad: FileResult = { file: 'b.pdf', path: 'b.pdf', status: 'failed', seconds: 0.1, error: { code: 'encrypted', message: 'b.pdf: encrypted PDF: pass --password' } };

describe('batch progress', () => {
  it('should print one plain line per file when not on a terminal, failures included', () => {
    const s = stream(false);
    const p = new Progress(2, s);
    p.add(ok);
    p.add(bad);
    expect(s.text).toBe('[1/2] a.txt: 2 tables, 0 identities broken\nbudget-extract: b.pdf: encrypted PDF: pass --password\n');
  });

  it('should redraw one status line with done/total, pages/s, ETA and failures on a terminal', () => {
    const s = stream(true);
    const p = new Progress(3, s);
    p.add(ok);
    p.add(bad);
    expect(p.status()).toMatch(/^2\/3 files, [\d.]+ pages\/s, ETA \d+ s, 1 failed$/);
    expect(s.text).toContain('\r\x1b[2K');
    expect(s.text).toContain('budget-extract: b.pdf: encrypted PDF');
  });

  it('should print only failures when quiet', () => {
    const s = stream(false);
    const p = new Progress(2, s, true);
    p.add(ok);
    p.add(bad);
    expect(s.text).toBe('budget-extract: b.pdf: encrypted PDF: pass --password\n');
  });
});
