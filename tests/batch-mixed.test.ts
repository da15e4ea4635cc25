import { spawnSync, execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';

/**
 * A mixed batch: good text dumps and PDFs with every bad input of tests/fixtures/bad and a 50 MB
 * single-line dump. Every good file's output is what it is alone; every bad file has its error
 * in summary.json; exit 1; no partial files.
 */
const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'dist/cli.js');
const bad = join(root, 'tests/fixtures/bad');

beforeAll(() => execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'ignore' }), 120_000);

describe('a mixed batch', () => {
  it('keeps every good output whole and records every bad input', async () => {
    const input = mkdtempSync(join(tmpdir(), 'be-mixed-'));
    for (const f of readdirSync(join(root, 'samples'))) copyFileSync(join(root, 'samples', f), join(input, f));
    for (const f of ['000_2f28e9293a4b3d29.pdf', '003_dc6b06a2998e57c3.pdf']) copyFileSync(join(root, 'tests/fixtures/pdf', f), join(input, `rendered-${f}`));
    for (const f of readdirSync(bad).filter((x) => x !== 'README.md')) copyFileSync(join(bad, f), join(input, `bad-${f}`));
    writeFileSync(join(input, 'bad-one-line-50mb.txt'), '预算 '.repeat(7_000_000));
    const out = mkdtempSync(join(tmpdir(), 'be-mixed-out-'));
    const r = spawnSync(process.execPath, [cli, input, '-o', out, '-q'], { encoding: 'utf8', timeout: 300_000 });
    expect(r.status).toBe(1);

    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { files: { file: string; status: string; error?: { code: string }; output?: string }[] };
    const byFile = new Map(summary.files.map((f) => [f.file, f]));
    expect(summary.files).toHaveLength(readdirSync(input).length);
    const expected: Record<string, string> = {
      'bad-empty.txt': 'empty',
      'bad-binary.txt': 'binary',
      'bad-truncated.pdf': 'invalid_pdf',
      'bad-encrypted.pdf': 'encrypted',
      'bad-no-text-layer.pdf': 'no_text_layer',
      'bad-non-budget.pdf': 'no_budget_table',
    };
    for (const [file, code] of Object.entries(expected)) expect(byFile.get(file)?.error?.code, file).toBe(code);
    expect(byFile.get('bad-one-line-50mb.txt')?.status).toBeDefined();
    expect(byFile.get('bad-gbk-no-declaration.txt')?.status).toBe('ok');
    expect(byFile.get('bad-pdf-named-as.txt')?.status).toBe('ok');

    // Good files: complete output, the same as extracting each alone.
    for (const f of summary.files.filter((x) => x.status === 'ok' && !x.file.startsWith('bad-one-line'))) {
      const written = JSON.parse(readFileSync(join(out, f.output!), 'utf8'));
      const alone = await extract(join(input, f.file));
      expect(written.tables, f.file).toEqual(JSON.parse(JSON.stringify(alone.tables)));
    }
    // Failed files wrote nothing; nothing half-written is left.
    const written = readdirSync(out);
    for (const f of summary.files.filter((x) => x.status === 'failed')) expect(written).not.toContain(`${basename(f.file).replace(/\.[^.]+$/, '')}.json`);
    expect(written.some((f) => f.endsWith('.tmp'))).toBe(false);
  }, 300_000);
});
