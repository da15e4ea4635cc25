import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from './seeds.js';

/**
 * The human-facing formats through the built CLI, as a user asks for them. Built into a package
 * folder of its own (package.json, data, schema, node_modules linked): other test files rebuild
 * dist/ at the same time, and a half-written dist/cli.js would fail a run at random.
 */
const pkg = mkdtempSync(join(tmpdir(), 'be-pkg-'));
const cli = join(pkg, 'dist/cli.js');

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  for (const f of ['package.json', 'data', 'schema', 'node_modules']) symlinkSync(join(root, f), join(pkg, f));
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', join(pkg, 'dist')], { cwd: root, stdio: 'ignore' });
}, 120_000);

afterAll(() => rmSync(pkg, { recursive: true, force: true }));

describe('CLI output formats', () => {
  it('should write budget.xlsx with --format xlsx', async () => {
    const out = mkdtempSync(join(tmpdir(), 'be-xlsx-'));
    expect(run(['samples', '-o', out, '-q', '--format', 'xlsx']).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['budget.xlsx', 'summary.json']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(out, 'budget.xlsx')) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain('checks');
  });

  it('should write one facts.parquet for --format parquet, and merge the shards of a split run into one equal file', async () => {
    const read = async (dir: string): Promise<string[]> => {
      const b = readFileSync(join(dir, 'facts.parquet'));
      const rows = await parquetReadObjects({ file: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer });
      return rows.map((r) => JSON.stringify(r)).sort();
    };
    const one = mkdtempSync(join(tmpdir(), 'be-pq-'));
    expect(run(['samples', '-o', one, '-q', '--format', 'parquet']).code).toBe(0);
    expect(readdirSync(one).sort()).toEqual(['facts.parquet', 'summary.json']);
    const shards = [0, 1].map((i) => {
      const dir = mkdtempSync(join(tmpdir(), `be-pq-shard${i}-`));
      expect(run(['samples', '-o', dir, '-q', '--shard', `${i}/2`, '--format', 'json,parquet']).code).toBe(0);
      return dir;
    });
    const merged = mkdtempSync(join(tmpdir(), 'be-pq-merged-'));
    expect(run(['merge', ...shards, '-o', merged]).code).toBe(0);
    const rows = await read(one);
    expect(rows.length).toBeGreaterThan(1000);
    expect(await read(merged)).toEqual(rows);
    expect((await Promise.all(shards.map(read))).flat().sort()).toEqual(rows);
  });

  it('should compare two JSON outputs: the largest changes on stdout, compare.csv and compare.html with -o, --json for programs', () => {
    const ex = mkdtempSync(join(tmpdir(), 'be-cmp-in-'));
    expect(run(['samples/002_46f91a7ccf92bf45.txt', 'samples/000_2f28e9293a4b3d29.txt', '-o', ex, '-q', '-f', 'json']).code).toBe(0);
    const [older, newer] = [join(ex, '002_46f91a7ccf92bf45.json'), join(ex, '000_2f28e9293a4b3d29.json')];
    const out = mkdtempSync(join(tmpdir(), 'be-cmp-'));
    const r = run(['compare', older, newer, '-o', out, '-f', 'csv,html', '--rows', '3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^002_46f91a7ccf92bf45\.txt — 延津县医疗保障局, 2024, 部门预算 {2}→ {2}000_2f28e9293a4b3d29\.txt — 新乡市凤泉区医疗保障局, 2025, 部门预算\n/);
    expect(readdirSync(out).sort()).toEqual(['compare.csv', 'compare.html']);
    const csv = readFileSync(join(out, 'compare.csv'), 'utf8').trim().split('\n');
    const json = JSON.parse(run(['compare', older, newer, '--json']).stdout) as { comparisons: { changes: unknown[] }[] };
    expect(csv.length - 1).toBe(json.comparisons[0]!.changes.length);
    expect(csv[0]).toBe('old_document,new_document,department,old_year,new_year,table,occurrence,key,name,old_name,measure,status,old_yuan,new_yuan,change_yuan,change_pct,prior_yuan,prior_disagrees,base');
    expect(run(['compare', older]).code).toBe(2);
    const missing = run(['compare', older, join(out, 'none.json')]);
    expect([missing.code, missing.stderr]).toEqual([1, expect.stringContaining('none.json: not found')]);
  });

  it('should write datapackage.json with the CSVs it describes for --format datapackage', () => {
    const out = mkdtempSync(join(tmpdir(), 'be-dp-'));
    expect(run(['samples', '-o', out, '-q', '--format', 'datapackage']).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['csv', 'datapackage.json', 'facts.csv', 'summary.json']);
    const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')) as { resources: { path: string; schema: { fields: { name: string }[] } }[] };
    for (const r of pkg.resources) {
      const header = readFileSync(join(out, r.path), 'utf8').split('\n')[0]!.split(',');
      expect(r.schema.fields.map((f) => f.name), r.path).toEqual(header);
    }
  });

  it('should write <name>.annotated.pdf for PDF input only with --format annotated, none for text or a failed input', () => {
    const out = mkdtempSync(join(tmpdir(), 'be-annot-'));
    const pdf = 'tests/fixtures/pdf/003_dc6b06a2998e57c3.pdf';
    const r = run([pdf, 'samples/000_2f28e9293a4b3d29.txt', 'tests/fixtures/bad/encrypted.pdf', '-o', out, '-q', '--format', 'annotated', '--password', 'wrong']);
    expect(r.code).toBe(1); // the encrypted file fails extraction; the others are whole
    expect(readdirSync(out).sort()).toEqual(['003_dc6b06a2998e57c3.annotated.pdf', 'summary.json']);
    const copy = readFileSync(join(out, '003_dc6b06a2998e57c3.annotated.pdf'));
    expect(copy.subarray(0, 5).toString()).toBe('%PDF-');
    expect(copy.length).toBeGreaterThan(readFileSync(join(root, pdf)).length / 2);
  });

  it('should embed the cited pages of a PDF in its review page, each once', () => {
    const out = mkdtempSync(join(tmpdir(), 'be-html-pdf-'));
    const r = run(['tests/fixtures/pdf/003_dc6b06a2998e57c3.pdf', '-o', out, '-q', '--format', 'json,html']);
    expect(r.stderr).toBe('');
    const html = readFileSync(join(out, '003_dc6b06a2998e57c3.html'), 'utf8');
    const doc = JSON.parse(readFileSync(join(out, '003_dc6b06a2998e57c3.json'), 'utf8')) as { tables: { rows: { sources: Record<string, { page?: number }> }[] }[] };
    const cited = new Set(doc.tables.flatMap((t) => t.rows.flatMap((row) => Object.values(row.sources).map((a) => a.page))));
    const embedded = [...html.matchAll(/<template id="P(\d+)"><img src="data:image\/jpeg;base64,/g)].map((m) => Number(m[1]));
    expect(new Set(embedded).size).toBe(embedded.length);
    for (const p of cited) expect(embedded).toContain(p);
  });

  it('should print the shipped JSON Schema with `budget-extract schema`', () => {
    const r = run(['schema']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(root, 'schema/budget-document.schema.json'), 'utf8'));
  });

  it('should write a review page per document with --format html, citing the input lines', () => {
    const out = mkdtempSync(join(tmpdir(), 'be-html-'));
    expect(run(['samples/000_2f28e9293a4b3d29.txt', '-o', out, '-q', '--format', 'json,html']).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['000_2f28e9293a4b3d29.html', '000_2f28e9293a4b3d29.json', 'summary.json']);
    const html = readFileSync(join(out, '000_2f28e9293a4b3d29.html'), 'utf8');
    expect(html).toContain('data-line="254"');
    expect(html).toContain('id="L254"');
    expect(html).toContain('class="v broken');
  });
});
