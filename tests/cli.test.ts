import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/** The CLI as a user runs it: the built dist/cli.js, real files, exit codes and stderr. */
const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'dist/cli.js');

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'ignore' });
}, 120_000);

describe('budget-extract CLI', () => {
  it('should leave push, JSON.parse and JSON.stringify native once pdf.js is loaded (its core-js swaps them for slower ones)', () => {
    const script = `
      const before = [Array.prototype.push, JSON.parse, JSON.stringify];
      const { extract } = await import(${JSON.stringify(join(root, 'dist/index.js'))});
      await extract(${JSON.stringify(join(root, 'tests/fixtures/pdf/003_dc6b06a2998e57c3.pdf'))});
      const after = [Array.prototype.push, JSON.parse, JSON.stringify];
      console.log(JSON.stringify({ same: before.map((f, i) => f === after[i]), withResolvers: typeof Promise.withResolvers }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: root });
    expect(r.stderr).toBe('');
    // The natives are back, and what pdf.js needs from core-js on Node 20 is still there.
    expect(JSON.parse(r.stdout)).toEqual({ same: [true, true, true], withResolvers: 'function' });
  });

  it('should print help and version, exit 0', () => {
    expect(run(['--help'])).toMatchObject({ code: 0 });
    expect(run(['--help']).stdout).toContain('Usage:');
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.runIf(process.platform === 'linux')('should run the command with glibc told to give large freed buffers back, keeping what the user set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'be-env-'));
    const preload = join(dir, 'env.cjs');
    writeFileSync(preload, "process.on('exit', () => process.stderr.write(`env ${process.env.MALLOC_MMAP_THRESHOLD_} ${process.env.MALLOC_ARENA_MAX}\\n`));");
    const envLines = (env: Record<string, string | undefined>) => {
      const r = spawnSync(process.execPath, ['-r', preload, cli, '--version'], { encoding: 'utf8', env: { ...process.env, MALLOC_MMAP_THRESHOLD_: undefined, MALLOC_ARENA_MAX: undefined, ...env } });
      expect(r.status).toBe(0);
      return r.stderr.split('\n').filter((l) => l.startsWith('env '));
    };
    // The command's process first, then the launcher's.
    expect(envLines({})).toEqual(['env 8388608 2', 'env undefined undefined']);
    expect(envLines({ MALLOC_ARENA_MAX: '4' })).toEqual(['env 8388608 4', 'env undefined 4']);
    // A threshold of the user's own: no relaunch.
    expect(envLines({ MALLOC_MMAP_THRESHOLD_: '65536' })).toEqual(['env 65536 undefined']);
  });

  it.runIf(process.platform === 'linux')('should end the whole run when the launcher is sent SIGTERM, and exit by it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'be-sig-'));
    const pids = join(dir, 'pids');
    const preload = join(dir, 'pid.cjs');
    writeFileSync(preload, `require('fs').appendFileSync(${JSON.stringify(pids)}, process.pid + '\\n');`);
    const { spawn } = await import('node:child_process');
    const launcher = spawn(process.execPath, ['-r', preload, cli, 'samples', '-o', join(dir, 'out'), '-q', '--jobs', '1'], { cwd: root, stdio: 'ignore' });
    const listed = () => (existsSync(pids) ? readFileSync(pids, 'utf8').trim().split('\n').map(Number) : []);
    while (listed().length < 2) await new Promise((r) => setTimeout(r, 20));
    const ended = new Promise<NodeJS.Signals | null>((resolve) => launcher.on('exit', (_code, signal) => resolve(signal)));
    launcher.kill('SIGTERM');
    expect(await ended).toBe('SIGTERM');
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (let k = 0; k < 50 && listed().some(alive); k++) await new Promise((r) => setTimeout(r, 20));
    expect(listed().filter(alive)).toEqual([]);
  });

  it('should exit 2 on a usage error', () => {
    expect(run([]).code).toBe(2);
    expect(run(['samples']).code).toBe(2);
    expect(run(['samples', '-o', '/tmp/x', '--format', 'docx']).stderr).toContain("unknown format 'docx'");
    // An output path that is a file is said before any input is read (it was an EEXIST from mkdir
    // after the first file, and with OCR workers running, an abort).
    const file = join(mkdtempSync(join(tmpdir(), 'be-out-')), 'taken');
    writeFileSync(file, 'x');
    const r = run(['samples', '-o', file, '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`output '${file}' is a file, not a folder`);
  });

  it('should extract samples/ into JSON, facts and wide CSV, exit 0', () => {
    const out = mkdtempSync(join(tmpdir(), 'be-cli-'));
    const r = run(['samples', '-o', out, '-q']);
    expect(r.code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual(expect.arrayContaining(['000_2f28e9293a4b3d29.json', 'facts.csv', 'summary.json', 'csv']));
    expect(readdirSync(join(out, 'csv'))).toContain('expenditure.csv');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.ok).toBe(5);
    expect(summary.document_count).toBe(5);
    // `npm run score` points score.mjs at this very folder, summary.json included; #5 asks F1 ≥ 0.995.
    const scorer = join(root, '../shared/tools/score.mjs');
    if (existsSync(scorer)) {
      const score = spawnSync(process.execPath, [scorer, '--golden', join(root, '../shared/golden'), '--output', out, '--min-f1', '0.995'], { encoding: 'utf8' });
      expect(score.stderr).toBe('');
      expect(score.stdout).toMatch(/fact F1 (0\.99[5-9]|1\.000) \(recall 1\.000/);
      expect(score.status).toBe(0);
    }
  });

  it('should write NDJSON to stdout with -o -', () => {
    const r = run(['samples/003_dc6b06a2998e57c3.txt', '-o', '-', '-q']);
    expect(r.code).toBe(0);
    const docs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(docs).toHaveLength(1);
    expect(docs[0].source.file).toBe('003_dc6b06a2998e57c3.txt');
  });

  it('should give bad inputs a one-line error naming the file, exit 1, and write no partial output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'be-bad-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31) % 256)));
    writeFileSync(join(dir, 'no-table.txt'), '这是一份普通的通知。\n没有任何预算表格，只有文字说明。\n');
    const seed = readFileSync(join(root, 'samples/000_2f28e9293a4b3d29.txt'), 'utf8');
    writeFileSync(join(dir, 'truncated.txt'), seed.slice(0, seed.indexOf('附件')));
    writeFileSync(join(dir, 'good.txt'), seed);
    const out = mkdtempSync(join(tmpdir(), 'be-out-'));
    const r = run([dir, '-o', out, '-q']);
    expect(r.code).toBe(1);
    const errors = r.stderr.trim().split('\n');
    expect(errors).toHaveLength(4);
    for (const name of ['empty.txt', 'binary.txt', 'no-table.txt', 'truncated.txt']) expect(errors.some((e) => e.includes(name))).toBe(true);
    expect(existsSync(join(out, 'good.json'))).toBe(true);
    expect(readdirSync(out).filter((f) => f.endsWith('.json')).sort()).toEqual(['good.json', 'summary.json']);
    expect(readdirSync(out).some((f) => f.endsWith('.tmp'))).toBe(false);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const byFile = Object.fromEntries(summary.files.map((f: { file: string; error?: { code: string } }) => [f.file, f.error?.code]));
    expect(byFile).toEqual({ 'binary.txt': 'binary', 'empty.txt': 'empty', 'good.txt': undefined, 'no-table.txt': 'no_budget_table', 'truncated.txt': 'no_budget_table' });
  });

  it('should stop a file that runs past --timeout mid-OCR and finish the batch', () => {
    // Two bitonal scans (read by PP-OCR, the PDF's two pages for 15 s or more) stopped at 3 s, with a
    // text dump beside them: terminating a worker while onnxruntime was running took the whole
    // process down (std::terminate, exit 134), and the dump's output was never written.
    const out = mkdtempSync(join(tmpdir(), 'be-timeout-'));
    const r = run(['tests/fixtures/scans/project-pages-bitonal-200dpi.pdf', 'tests/fixtures/scans/code-names-bitonal-200dpi.png', 'samples/003_dc6b06a2998e57c3.txt', '-o', out, '--timeout', '3', '-q']);
    expect(r.stderr).not.toContain('terminate called');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('project-pages-bitonal-200dpi.pdf: extraction took longer than 3 s');
    expect(existsSync(join(out, '003_dc6b06a2998e57c3.json'))).toBe(true);
  }, 60_000);

  it('should look up a classification code', () => {
    const r = run(['codes', '2080501', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0].matches[0]).toMatchObject({ code: '2080501', name: '行政单位离退休' });
  });

  it('should split inputs into 3 stable shards whose merge equals one run, and resume without redoing work', () => {
    const one = mkdtempSync(join(tmpdir(), 'be-one-'));
    expect(run(['samples', '-o', one, '-q']).code).toBe(0);
    const shards = [0, 1, 2].map((i) => {
      const dir = mkdtempSync(join(tmpdir(), `be-shard${i}-`));
      expect(run(['samples', '-o', dir, '-q', '--shard', `${i}/3`]).code).toBe(0);
      return dir;
    });
    const perShard = shards.map((d) => readdirSync(d).filter((f) => f.endsWith('.json') && f !== 'summary.json'));
    expect(perShard.flat().sort()).toEqual(readdirSync(one).filter((f) => f.endsWith('.json') && f !== 'summary.json').sort());
    const merged = mkdtempSync(join(tmpdir(), 'be-merged-'));
    expect(run(['merge', ...shards, '-o', merged]).code).toBe(0);
    const facts = (d: string): string[] => readFileSync(join(d, 'facts.csv'), 'utf8').trim().split('\n').sort();
    expect(facts(merged)).toEqual(facts(one));
    const again = run(['samples', '-o', one, '--resume']);
    expect(again.code).toBe(0);
    expect(again.stderr).not.toMatch(/\[\d\/5\]/); // nothing re-extracted
    expect(facts(one)).toEqual(facts(merged));
  });

  const corpus = join(root, '../shared/corpus/peer-pdfs');
  // OCR off: the test is about every file ending in a record; its nine scans would add minutes of
  // OCR to every run (tests/extract/ocr.test.ts reads scans; README "OCR" has the corpus with OCR).
  it.skipIf(!existsSync(corpus))('should end every PDF of the peer corpus in a clear record, exit 0 or 1', () => {
    const out = mkdtempSync(join(tmpdir(), 'be-peer-'));
    const r = spawnSync(process.execPath, [cli, corpus, '-o', out, '-q', '--timeout', '60', '--ocr', 'never'], { encoding: 'utf8', timeout: 540_000 });
    expect([0, 1]).toContain(r.status);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const pdfs = readdirSync(corpus, { recursive: true }).filter((f) => String(f).toLowerCase().endsWith('.pdf'));
    expect(summary.files).toHaveLength(pdfs.length);
    for (const f of summary.files) {
      expect(f.status === 'ok' || (typeof f.error?.code === 'string' && f.error.message.length > 10)).toBe(true);
      expect(f.error?.code).not.toBe('internal');
    }
  }, 600_000);
});

