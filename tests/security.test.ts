import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseString } from '@fast-csv/parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPdf } from '../src/extract/pdf.js';
import { ExtractError } from '../src/extract/errors.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../src/extract/limits.js';

/**
 * Every input is untrusted: the built CLI over the hostile corpus (tests/fixtures/hostile, made by
 * scripts/make-hostile.mjs) plus inputs too big or too odd to commit, made here — a 100 MB single
 * line, a file over the size budget, a device, file names built to collide or to escape — in ONE
 * batch. Each file must end in a clean output or a clear error within its time limit, the batch
 * must go on, nothing may be written outside -o, no code from a file may run, and the outputs must
 * carry hostile text only as inert data.
 */

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'dist/cli.js');
const hostile = join(root, 'tests/fixtures/hostile');

/** Per-file limit given to the CLI; every hostile file must end well before it. */
const FILE_TIMEOUT_S = 60;
/**
 * Peak resident memory of the whole run (main thread and both workers), the documented budget
 * (README, Security). Measured 0.6-0.7 GB; without the decompression check the bomb alone took 12.7 GB.
 */
const PEAK_RSS_BUDGET_MB = 1024;
/** Marker file every code-execution payload in eval-font.pdf tries to create. */
const MARKER = join(tmpdir(), 'budget-extract-pwned');

const SCRIPT = '<script>alert(1)</script>';
const FORMULA = '=HYPERLINK("http://x","y")';

/** Files whose names are hostile; each holds a good seed, so each must get its own output. */
const HOSTILE_NAMES = [
  'CON.txt',
  'summary.txt',
  'datapackage.txt',
  'evil\u202etxt.exe.txt',
  'new\nline\r.txt',
  `${'长'.repeat(80)}.txt`,
  ' .txt',
  '=cmd.txt',
];

interface Summary {
  files: { file: string; path: string; status: 'ok' | 'failed'; seconds: number; error?: { code: string; message: string }; output?: string }[];
  ok: number;
  failed: number;
}

type Snapshot = Map<string, string>;

/** Every entry under `dir` (except `skip`) with its type, size and mtime. */
function snapshot(dir: string, skip: string): Snapshot {
  const out: Snapshot = new Map();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (p === skip) continue;
      const st = lstatSync(p);
      out.set(relative(dir, p), `${st.isDirectory() ? 'd' : st.isSymbolicLink() ? 'l' : 'f'} ${st.size} ${st.mtimeMs}`);
      if (st.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f));
}

function parseCsv(text: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString(text.replace(/^\uFEFF/, ''))
      .on('data', (r: string[]) => rows.push(r))
      .on('end', () => resolve(rows))
      .on('error', reject);
  });
}

/** What a spreadsheet would evaluate: text starting with = + - @ (numbers excepted), tab or CR. */
const evaluable = (cell: string): boolean => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell);

let parent: string;
let out: string;
let before: Snapshot;
let run: { code: number | null; stderr: string; wallSeconds: number; peakRssMb: number };
let summary: Summary;
const byFile = (name: string) => summary.files.find((f) => f.file === name)!;

beforeAll(() => {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'ignore' });
  parent = mkdtempSync(join(tmpdir(), 'be-hostile-'));
  const input = join(parent, 'in');
  mkdirSync(join(input, 'dup/a'), { recursive: true });
  mkdirSync(join(input, 'dup/b'));
  for (const f of readdirSync(hostile)) copyFileSync(join(hostile, f), join(input, f));
  const seed = join(root, 'samples/003_dc6b06a2998e57c3.txt');
  for (const name of HOSTILE_NAMES) copyFileSync(seed, join(input, name));
  copyFileSync(seed, join(input, 'dup/a/report.txt'));
  copyFileSync(seed, join(input, 'dup/b/report.txt'));
  copyFileSync(join(hostile, 'script-table.pdf'), join(input, 'dup/report.pdf'));
  // A table, then one 100 MB line of tab-separated numbers (the costliest kind to tokenize).
  const fd = openSync(join(input, 'long-line.txt'), 'w');
  writeSync(fd, '新乡市测试局2025年部门预算公开\n2025年部门支出预算表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t3.00\t1.00\t2.00\n');
  const chunk = Buffer.from('1.00\t'.repeat(200_000));
  for (let i = 0; i < 100; i++) writeSync(fd, chunk);
  writeSync(fd, '\n');
  closeSync(fd);
  // One byte over the input budget; sparse, and never read.
  writeFileSync(join(input, 'oversize.txt'), '');
  truncateSync(join(input, 'oversize.txt'), DEFAULT_MAX_INPUT_BYTES + 1);

  out = join(parent, 'out');
  before = snapshot(parent, out);
  rmSync(MARKER, { force: true });
  // Peak RSS of the CLI process (its worker threads included), printed by a preloaded hook.
  const probe = join(mkdtempSync(join(tmpdir(), 'be-probe-')), 'rss.cjs');
  writeFileSync(probe, "process.on('exit', () => process.stderr.write(`\\npeak_rss_kb ${process.resourceUsage().maxRSS}\\n`));\n");
  const started = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--require', probe, cli, input, '/dev/zero', '-o', out, '--bom', '--jobs', '2', '--timeout', String(FILE_TIMEOUT_S)],
    { encoding: 'utf8', timeout: 240_000 },
  );
  const peak = /peak_rss_kb (\d+)/.exec(r.stderr);
  run = { code: r.status, stderr: r.stderr, wallSeconds: (performance.now() - started) / 1000, peakRssMb: peak ? Number(peak[1]) / 1024 : Infinity };
  summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
}, 300_000);

afterAll(() => {
  if (parent) rmSync(parent, { recursive: true, force: true });
});

describe('the hostile corpus in one batch', () => {
  it('ends every input in a clean output or a clear error, in time, and exits 1', () => {
    expect(run.code).toBe(1);
    expect(summary.files).toHaveLength(readdirSync(hostile).length + HOSTILE_NAMES.length + 3 + 2 + 1);
    for (const f of summary.files) {
      expect(f.seconds, f.file).toBeLessThan(FILE_TIMEOUT_S / 4);
      if (f.status === 'failed') {
        expect(f.error?.code, f.file).not.toMatch(/^(internal|timeout)$/);
        expect(f.error!.message.length, f.file).toBeGreaterThan(20);
      }
    }
    expect(run.wallSeconds).toBeLessThan(120);
    console.info(`hostile batch: ${summary.files.length} files in ${run.wallSeconds.toFixed(1)} s, peak RSS ${run.peakRssMb.toFixed(0)} MB`);
  });

  it('records what each attack ran into', () => {
    const expected: Record<string, string | undefined> = {
      'flate-bomb.pdf': 'too_large',
      'many-pages.pdf': 'too_large',
      'huge.png': 'too_large',
      'huge.jpg': 'too_large',
      'huge.tif': 'too_large',
      'oversize.txt': 'too_large',
      'malformed.png': 'unsupported',
      'nested-arrays.pdf': 'invalid_pdf',
      'nested-content.pdf': 'no_budget_table',
      'pages-bomb.pdf': 'no_budget_table',
      'eval-font.pdf': 'no_budget_table',
      zero: 'io',
      'script-table.pdf': undefined,
      'script-table.txt': undefined,
      'formula-department.txt': undefined,
      'long-line.txt': undefined,
    };
    for (const [file, code] of Object.entries(expected)) expect(byFile(file).error?.code, file).toBe(code);
    expect(byFile('flate-bomb.pdf').error!.message).toMatch(/inflates to more than 128 MB/);
    expect(byFile('many-pages.pdf').error!.message).toMatch(/2001 pages, the limit is 2000; raise it with --max-pages/);
    expect(byFile('huge.png').error!.message).toMatch(/100000 × 100000 pixels/);
  });

  it('reads the 100 MB line quickly, cut with an issue', () => {
    expect(byFile('long-line.txt').seconds).toBeLessThan(5);
    const doc = JSON.parse(readFileSync(join(out, byFile('long-line.txt').output!), 'utf8'));
    expect(doc.issues.some((i: { kind: string; message: string }) => i.kind === 'text_dropped' && /100000000 characters/.test(i.message))).toBe(true);
  });

  it('writes nothing outside -o, and only plain files with safe names inside it', () => {
    expect(snapshot(parent, out)).toEqual(before);
    expect(existsSync(MARKER)).toBe(false);
    for (const f of filesUnder(out)) {
      const st = lstatSync(f);
      expect(st.isFile() || st.isDirectory(), f).toBe(true);
      const name = relative(out, f);
      expect(name, JSON.stringify(name)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\\:*?"<>|]|^\.|(^|\/)\.\.($|\/)/);
      expect(Buffer.byteLength(name.split('/').pop()!)).toBeLessThanOrEqual(200);
    }
  });

  it('gives every good input its own output: same base names and reserved names never overwrite', () => {
    const ok = summary.files.filter((f) => f.status === 'ok');
    const outputs = ok.map((f) => f.output!);
    expect(new Set(outputs.map((o) => o.toLowerCase())).size).toBe(ok.length);
    const jsons = readdirSync(out).filter((f) => f.endsWith('.json'));
    expect(jsons.sort()).toEqual([...outputs, 'summary.json'].sort());
    for (const f of ok) expect(JSON.parse(readFileSync(join(out, f.output!), 'utf8')).source.file, f.path).toBe(f.file);
    const outputOf = (path: string) => summary.files.find((f) => f.path.endsWith(path))!.output;
    expect([outputOf('dup/a/report.txt'), outputOf('dup/b/report.txt'), outputOf('dup/report.pdf')].sort()).toEqual(['report-2.json', 'report-3.json', 'report.json']);
    expect(outputOf('/summary.txt')).toBe('summary-2.json');
    expect(outputOf('/datapackage.txt')).toBe('datapackage-2.json');
    expect(outputOf('/CON.txt')).toBe('_CON.json');
    expect(outputOf('/ .txt')).toBe('_.json');
    expect(outputOf('/new\nline\r.txt')).toBe('new_line_.json');
    expect(outputOf('/evil\u202etxt.exe.txt')).toBe('evil_txt.exe.json');
  });

  it('keeps peak memory under the budget', () => {
    expect(run.peakRssMb).toBeLessThan(PEAK_RSS_BUDGET_MB);
  });

  it('carries the script strings in JSON only as escaped data', () => {
    for (const file of ['script-table.pdf', 'script-table.txt']) {
      const raw = readFileSync(join(out, byFile(file).output!), 'utf8');
      expect(raw).not.toMatch(/<|>/);
      expect(raw).toContain('\\u003cscript\\u003ealert(1)\\u003c/script\\u003e');
      expect(raw).toContain(JSON.stringify(FORMULA));
      const doc = JSON.parse(raw);
      expect(doc.document.department).toMatch(new RegExp(`${SCRIPT.replace(/[()/]/g, '\\$&')}$`));
      const names = doc.tables.flatMap((t: { rows: { name: string }[] }) => t.rows.map((r) => r.name));
      expect(names).toEqual(expect.arrayContaining([SCRIPT, FORMULA, expect.stringMatching(/^<img/)]));
    }
  });

  it('writes spreadsheet CSV (--bom) with no cell a spreadsheet would evaluate', async () => {
    const csvs = [join(out, 'facts.csv'), ...readdirSync(join(out, 'csv')).map((f) => join(out, 'csv', f))];
    expect(csvs.length).toBeGreaterThan(2);
    let hostileCells = 0;
    for (const file of csvs) {
      const text = readFileSync(file, 'utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      for (const cell of (await parseCsv(text)).flat()) {
        expect(evaluable(cell), `${relative(out, file)}: ${cell}`).toBe(false);
        if (/HYPERLINK|@SUM|^'[=+\-@]/.test(cell)) hostileCells++;
      }
    }
    expect(hostileCells).toBeGreaterThan(5); // the hostile cells are there, neutralized
  });
});

describe('code in a PDF never runs', () => {
  it('evaluates neither the font matrix (CVE-2024-4367) nor document JavaScript or XFA, in-process', async () => {
    rmSync(MARKER, { force: true });
    const bytes = new Uint8Array(readFileSync(join(hostile, 'eval-font.pdf')));
    const error = await extractPdf(bytes, 'eval-font.pdf').then(
      () => undefined,
      (e: unknown) => e,
    );
    // The page has Latin text only; what matters is that nothing ran.
    expect(error === undefined || error instanceof ExtractError).toBe(true);
    expect((globalThis as { __budgetExtractPwned?: unknown }).__budgetExtractPwned).toBeUndefined();
    expect(existsSync(MARKER)).toBe(false);
  });
});

describe('budgets can be raised', () => {
  it('reads a file over the page budget with --max-pages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'be-pages-'));
    const r = spawnSync(process.execPath, [cli, join(hostile, 'many-pages.pdf'), '-o', dir, '-q', '--max-pages', '2001'], { encoding: 'utf8' });
    const f = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')).files[0];
    expect(r.status).toBe(1);
    expect(f.error.code).toBe('no_text_layer'); // blank pages: read, then found empty
    expect(spawnSync(process.execPath, [cli, join(hostile, 'many-pages.pdf'), '-o', dir, '--max-pages', 'x']).status).toBe(2);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a file over --max-mb before reading it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'be-mb-'));
    writeFileSync(join(dir, 'seed.txt'), readFileSync(join(root, 'samples/003_dc6b06a2998e57c3.txt')));
    const r = spawnSync(process.execPath, [cli, join(dir, 'seed.txt'), '-o', join(dir, 'out'), '-q', '--max-mb', '0.01'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/seed\.txt: .*bytes, more than the limit of 0\.01 MB; raise it with --max-mb/);
    expect(statSync(join(dir, 'out/summary.json')).isFile()).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});
