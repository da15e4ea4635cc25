import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename, extname, join } from 'node:path';
import { availableParallelism } from 'node:os';
import { countFacts, DEFAULT_TIMEOUT_SECONDS, expandInputs, resultOfDocuments, runBatch, type FileResult } from './batch.js';
import { documentToJson } from './export/json.js';
import { factsToCsv, wideCsvByType } from './export/csv.js';
import { dataPackageToJson, documentsToDataPackage } from './export/datapackage.js';
import { insideDir, safeName, writeAtomic } from './output.js';
import { Progress } from './progress.js';
import { findCodes } from './normalize/codes.js';
import { DEFAULT_TEXT_ROWS } from './compare/render.js';
import { DEFAULT_MAX_INPUT_BYTES, DEFAULT_MAX_PAGES } from './extract/limits.js';
import type { BudgetDocument, PageImage } from './model.js';
// Optional outputs (review pages, annotated PDF, workbook, Parquet) and `compare` are imported
// where used: this thread only coordinates the batch's worker threads, and pdf.js, ExcelJS and
// the pipeline cost it 80–150 MB at startup that a scan batch's peak then carries.

const HELP = `budget-extract — Chinese budget disclosures (部门预算/决算) to checked data

Usage:
  budget-extract <files or folders…> -o <dir> [options]
  budget-extract codes <code or name…> [--json]
  budget-extract merge <shard output dirs…> -o <dir>
  budget-extract compare <old> <new> [-o <dir>] [-f csv,html] [--json] [--rows N]
                        changes between two years of a department, in 元 and %:
                        documents, JSON outputs or folders (paired by department);
                        prints the largest changes; -o writes compare.csv (every
                        figure) and with -f html compare.html; --ocr and --password
                        as for extraction when a side is a disclosure
  budget-extract schema                 the JSON Schema of the document JSON

Options:
  -o, --output <dir>    output folder, or - for stdout (NDJSON documents, or facts CSV)
  -f, --format <list>   json,csv,facts,xlsx,datapackage,parquet,html,annotated (default:
                        json,csv,facts); xlsx writes budget.xlsx (a sheet per table type, checks);
                        parquet writes facts.parquet (the facts, typed; amount_yuan decimal);
                        datapackage writes facts and csv with datapackage.json;
                        html writes a review page <name>.html per document;
                        annotated writes <name>.annotated.pdf for PDF input: the
                        source with a box and note on every figure a check failed on
  -j, --jobs <n>        files processed at once, in worker threads (default: the cores)
      --timeout <s>     seconds one file may take (default 300)
      --max-pages <n>   pages one PDF may have (default ${DEFAULT_MAX_PAGES})
      --max-mb <n>      megabytes one input may have (default ${DEFAULT_MAX_INPUT_BYTES / 2 ** 20})
      --password <pw>   password for encrypted PDFs
      --ocr <mode>      auto (default): OCR scanned PDF pages and page images (PNG,
                        JPEG, TIFF); always: OCR every PDF page; never: no OCR
      --ocr-engine <e>  auto (default): PP-OCRv4 for bitonal pages, tesseract for
                        gray ones; or tesseract, or ppocr, for every page
      --ocr-det-limit <px>
                        ppocr: longest side a page is scaled to for text detection
                        (default 1600; a lower limit takes less memory)
      --rollup          add class/section rows summed from items (marked derived)
      --bom             CSV for spreadsheets: UTF-8 BOM, formula-like text neutralized
      --resume          skip inputs whose output matches their content hash
      --shard <i/n>     take share i (0-based) of n by content hash; auto/n reads
                        JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID
  -q, --quiet           no progress lines
  -h, --help            this help
  -v, --version         the version

Exit codes: 0 all files extracted, 1 some files failed, 2 usage error.`;

const FORMATS = new Set(['json', 'csv', 'facts', 'xlsx', 'datapackage', 'parquet', 'html', 'annotated']);
const MB = 1024 * 1024;
/** Run-level outputs a document's `<name>.json` must never replace (lower case). */
const RESERVED_NAMES = new Set(['summary', 'datapackage']);

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Why `-o` cannot take the run's files (it is a file, or cannot be made), or undefined when it can: it is made if missing. */
async function outputFolderProblem(out: string): Promise<string | undefined> {
  try {
    await mkdir(out, { recursive: true });
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') return `output '${out}' is a file, not a folder: give -o a folder (it is made if missing)`;
    return `cannot make the output folder '${out}' (${code ?? (e as Error).message}): give -o a folder you can write to`;
  }
}

function usage(message: string): never {
  process.stderr.write(`budget-extract: ${message}\nTry 'budget-extract --help'.\n`);
  process.exit(2);
}

async function codesCommand(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const queries = args.filter((a) => a !== '--json');
  if (!queries.length) usage('codes: give a code or a name');
  const results = queries.map((q) => ({ query: q, matches: findCodes(q) }));
  if (json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else {
    for (const r of results) {
      if (!r.matches.length) process.stdout.write(`${r.query}: no match\n`);
      for (const m of r.matches) process.stdout.write(`${m.code}\t${m.level}\t${m.name}\t${m.editions.join(',')}\n`);
    }
  }
  return results.every((r) => r.matches.length) ? 0 : 1;
}

/** Output names by input path: the base name, de-duplicated so two inputs never overwrite each other. */
function outputNames(paths: string[]): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const p of paths) {
    const base = safeName(basename(p, extname(p)));
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()) || RESERVED_NAMES.has(name.toLowerCase()); k++) name = `${base}-${k}`;
    used.add(name.toLowerCase());
    names.set(p, name);
  }
  return names;
}

function sha256Of(path: string): string {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return createHash('sha256').update(path).digest('hex');
  }
}

/**
 * `--shard i/n`: the inputs whose content hash falls in share i of n (0-based), stable across
 * machines; `auto/n` reads the index from JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or
 * SLURM_ARRAY_TASK_ID (Slurm array).
 */
export function shardOf(paths: string[], spec: string | undefined): string[] {
  if (!spec) return paths;
  const m = /^(\d+|auto)\/(\d+)$/.exec(spec);
  if (!m) usage(`--shard must be i/n or auto/n, not '${spec}'`);
  const n = Number(m[2]);
  const raw = m[1] === 'auto' ? (process.env.JOB_COMPLETION_INDEX ?? process.env.SLURM_ARRAY_TASK_ID) : m[1];
  const i = Number(raw);
  if (!(n >= 1) || !Number.isInteger(i) || i < 0 || i >= n) usage(`--shard index must be 0…${n - 1} (got '${raw ?? 'no JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID'}')`);
  return paths.filter((p) => parseInt(sha256Of(p).slice(0, 12), 16) % n === i);
}

/** A file's JSON outputs: `<name>.json`, or `<name>-unit<k>.json` per unit of a county bundle. */
function outputFiles(name: string, units: number): string[] {
  return units === 1 ? [`${name}.json`] : Array.from({ length: units }, (_, k) => `${name}-unit${k + 1}.json`);
}

async function writeDocuments(out: string, name: string, docs: BudgetDocument[]): Promise<void> {
  const files = outputFiles(name, docs.length);
  for (let k = 0; k < docs.length; k++) await writeAtomic(out, files[k]!, `${documentToJson(docs[k]!)}\n`);
}

/**
 * `--format html`: a review page per document, beside its JSON. Text input: the page shows the
 * lines each value came from, read again here. PDF input: the pages values were printed on,
 * rendered here, so a value shows a crop of its page. Only from the very bytes the documents were
 * extracted from (the input may have changed or gone since): else the page goes without.
 */
async function writeReviewPages(out: string, name: string, path: string, docs: BudgetDocument[], password: string | undefined, warn: (s: string) => void): Promise<void> {
  let bytes: Uint8Array | undefined;
  try {
    bytes = readFileSync(path);
    if (createHash('sha256').update(bytes).digest('hex') !== docs[0]?.source.sha256) bytes = undefined;
  } catch {
    // moved or deleted since: pages without sources
  }
  const kind = docs[0]?.source.kind;
  const [{ documentToReviewHtml }, { pageImagesOf, sourceLinesOf }, { imagesFor }] = await Promise.all([
    import('./export/review.js'),
    import('./review-sources.js'),
    import('./export/page-images.js'),
  ]);
  let pageImages: Map<number, PageImage> | undefined;
  if (bytes && (kind === 'pdf' || kind === 'pdf-ocr')) {
    try {
      pageImages = await pageImagesOf(bytes, docs, { password });
    } catch (e) {
      warn(`${path}: review page without page images (${(e as Error).message})`);
    }
  }
  const files = outputFiles(name, docs.length).map((f) => f.replace(/\.json$/, '.html'));
  for (let k = 0; k < docs.length; k++) {
    await writeAtomic(out, files[k]!, documentToReviewHtml(docs[k]!, { sourceLines: bytes && sourceLinesOf(bytes, docs[k]!), pageImages: pageImages && imagesFor(docs[k]!, pageImages) }));
  }
}

/**
 * `--format annotated`: `<name>.annotated.pdf` beside the JSON, for PDF input (text and image input
 * have no PDF to annotate). Written only from the bytes the documents were extracted from; a PDF
 * pdf-lib cannot rewrite (encrypted, damaged) gets a warning line and no file, never a failure.
 */
async function writeAnnotatedPdf(out: string, name: string, path: string, docs: BudgetDocument[], warn: (s: string) => void): Promise<void> {
  const source = docs[0]?.source;
  if (source?.kind !== 'pdf' && source?.kind !== 'pdf-ocr') return;
  try {
    const bytes = readFileSync(path);
    if (createHash('sha256').update(bytes).digest('hex') !== source.sha256) throw new Error('the file changed after it was extracted');
    const { annotatePdf, marksOf } = await import('./export/annotated.js');
    await writeAtomic(out, `${name}.annotated.pdf`, await annotatePdf(bytes, marksOf(docs)));
  } catch (e) {
    warn(`${path}: annotated PDF not written (${(e as Error).message}); the JSON and other outputs are complete`);
  }
}

/** `--resume`: documents already written for inputs whose content has not changed. */
async function resumable(paths: string[], names: Map<string, string>, out: string): Promise<Map<string, BudgetDocument[]>> {
  const done = new Map<string, BudgetDocument[]>();
  const read = (f: string): BudgetDocument => JSON.parse(readFileSync(join(out, f), 'utf8')) as BudgetDocument;
  for (const p of paths) {
    try {
      const name = names.get(p)!;
      let first: BudgetDocument;
      try {
        first = read(`${name}.json`);
      } catch {
        first = read(outputFiles(name, 2)[0]!);
      }
      const units = first.source?.part?.of ?? 1;
      const docs = [first, ...outputFiles(name, units).slice(1).map(read)];
      if (docs.every((d) => d.source?.sha256 === sha256Of(p))) done.set(p, docs);
    } catch {
      // not written yet, or unreadable: extract again
    }
  }
  return done;
}

/** The run-level files: facts, wide CSV per table type, and the summary listing every input. */
async function writeRunOutputs(out: string, results: FileResult[], names: Map<string, string>, formats: string[], bom: boolean): Promise<void> {
  const docs = results.flatMap((r) => r.documents ?? []);
  if (formats.includes('facts')) await writeAtomic(out, 'facts.csv', await factsToCsv(docs, { bom }));
  if (formats.includes('csv')) for (const [type, text] of await wideCsvByType(docs, { bom })) await writeAtomic(out, `csv/${type}.csv`, text);
  if (formats.includes('xlsx')) await writeAtomic(out, 'budget.xlsx', await (await import('./export/xlsx.js')).documentsToWorkbook(docs));
  if (formats.includes('parquet')) await writeAtomic(out, 'facts.parquet', (await import('./export/parquet.js')).factsToParquet(docs));
  if (formats.includes('datapackage')) await writeAtomic(out, 'datapackage.json', dataPackageToJson(documentsToDataPackage(docs, { facts: formats.includes('facts'), wide: formats.includes('csv') })));
  const files = results.map(({ documents, ...rest }) => {
    const outputs = rest.status === 'ok' ? outputFiles(names.get(rest.path)!, documents?.length ?? 1) : undefined;
    return { ...rest, sha256: documents?.[0]?.source.sha256, output: outputs?.[0], outputs };
  });
  const ok = results.filter((r) => r.status === 'ok').length;
  // `document_count`, not `documents`: tools that read every JSON file of a folder (score.mjs) take a `documents` key for a list of documents.
  await writeAtomic(out, 'summary.json', `${JSON.stringify({ files, ok, failed: results.length - ok, document_count: docs.length, facts: countFacts(docs) }, null, 2)}\n`);
}

/** `schema`: the JSON Schema shipped in the package (generated from src/model.ts by `npm run schema`). */
function schemaCommand(): number {
  process.stdout.write(readFileSync(new URL('../schema/budget-document.schema.json', import.meta.url), 'utf8'));
  return 0;
}

/** `merge`: the outputs of several shards → one complete set. */
async function mergeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { output: { type: 'string', short: 'o' }, bom: { type: 'boolean', default: false } } });
  if (!values.output || !positionals.length) usage('merge: budget-extract merge <shard dirs…> -o <dir>');
  const results: FileResult[] = [];
  for (const dir of positionals) {
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as { files: (FileResult & { output?: string; outputs?: string[] })[] };
    for (const { outputs, output: _first, ...f } of summary.files) {
      // A shard's summary names its own files: never one outside that shard's folder.
      const documents = outputs?.map((o) => JSON.parse(readFileSync(insideDir(dir, o), 'utf8')) as BudgetDocument);
      results.push({ ...f, documents });
    }
  }
  const names = outputNames(results.map((r) => r.path));
  for (const r of results) if (r.documents) await writeDocuments(values.output, names.get(r.path)!, r.documents);
  await writeRunOutputs(values.output, results, names, [...FORMATS], values.bom);
  return results.some((r) => r.status === 'failed') ? 1 : 0;
}

/** `compare OLD NEW`: the library compares, this prints and writes. */
async function compareCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        format: { type: 'string', short: 'f', default: 'csv' },
        json: { type: 'boolean', default: false },
        rows: { type: 'string', default: String(DEFAULT_TEXT_ROWS) },
        ocr: { type: 'string', default: 'auto' },
        password: { type: 'string' },
      },
    });
  } catch (e) {
    usage((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 2) usage('compare: budget-extract compare <old> <new> (documents, JSON outputs or folders)');
  const formats = values.format.split(',').map((f) => f.trim()).filter(Boolean);
  const bad = formats.find((f) => f !== 'csv' && f !== 'html');
  if (bad) usage(`compare: unknown format '${bad}' (choose from csv, html)`);
  const rows = Number(values.rows);
  if (!Number.isInteger(rows) || rows < 0) usage(`--rows must be a whole number, not '${values.rows}'`);
  const ocr = values.ocr;
  if (ocr !== 'auto' && ocr !== 'always' && ocr !== 'never') usage(`--ocr must be auto, always or never, not '${ocr}'`);
  const { CompareError, compareInputs, comparisonsToCsv, comparisonsToHtml, comparisonToText } = await import('./compare/index.js');
  let result;
  try {
    result = await compareInputs(positionals[0]!, positionals[1]!, { ocr, password: values.password, jobs: availableParallelism() });
  } catch (e) {
    if (e instanceof CompareError) {
      process.stderr.write(`budget-extract compare: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const { comparisons, unpaired, failed } = result;
  if (values.json) process.stdout.write(`${JSON.stringify({ comparisons, unpaired, failed }, null, 2)}\n`);
  else process.stdout.write(comparisons.map((c) => comparisonToText(c, rows)).join('\n'));
  for (const f of failed) process.stderr.write(`budget-extract compare: ${f.message}; not compared\n`);
  for (const u of unpaired) process.stderr.write(`${u.file}: no document of the same department in the ${u.side === 'old' ? 'newer' : 'older'} set; not compared\n`);
  if (values.output) {
    if (formats.includes('csv')) await writeAtomic(values.output, 'compare.csv', await comparisonsToCsv(comparisons));
    if (formats.includes('html')) await writeAtomic(values.output, 'compare.html', comparisonsToHtml(comparisons));
  }
  return comparisons.length ? 0 : 1;
}

/** The command line's arguments → its exit code (0 all files extracted, 1 some failed, 2 usage). */
export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'codes') return codesCommand(argv.slice(1));
  if (argv[0] === 'compare') return compareCommand(argv.slice(1));
  if (argv[0] === 'merge') return mergeCommand(argv.slice(1));
  if (argv[0] === 'schema') return schemaCommand();
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        format: { type: 'string', short: 'f', default: 'json,csv,facts' },
        jobs: { type: 'string', short: 'j', default: String(availableParallelism()) },
        timeout: { type: 'string', default: String(DEFAULT_TIMEOUT_SECONDS) },
        'max-pages': { type: 'string', default: String(DEFAULT_MAX_PAGES) },
        'max-mb': { type: 'string', default: String(DEFAULT_MAX_INPUT_BYTES / MB) },
        password: { type: 'string' },
        ocr: { type: 'string', default: 'auto' },
        'ocr-engine': { type: 'string', default: 'auto' },
        'ocr-det-limit': { type: 'string' },
        rollup: { type: 'boolean', default: false },
        bom: { type: 'boolean', default: false },
        quiet: { type: 'boolean', short: 'q', default: false },
        resume: { type: 'boolean', default: false },
        shard: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (e) {
    usage((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if (!positionals.length) usage('no input files or folders given');
  if (!values.output) usage('no output folder given (-o <dir>, or -o - for stdout)');
  const formats = values.format.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = formats.find((f) => !FORMATS.has(f));
  if (bad) usage(`unknown format '${bad}' (choose from ${[...FORMATS].join(', ')})`);
  // A data package describes the CSVs beside it: it brings them along.
  if (formats.includes('datapackage')) formats.push('facts', 'csv');
  const jobs = Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) usage(`--jobs must be a positive integer, not '${values.jobs}'`);

  const timeoutSeconds = Number(values.timeout);
  if (!(timeoutSeconds > 0)) usage(`--timeout must be a positive number of seconds, not '${values.timeout}'`);
  const maxPages = Number(values['max-pages']);
  if (!Number.isInteger(maxPages) || maxPages < 1) usage(`--max-pages must be a positive integer, not '${values['max-pages']}'`);
  const maxMb = Number(values['max-mb']);
  if (!(maxMb > 0)) usage(`--max-mb must be a positive number, not '${values['max-mb']}'`);
  const ocr = values.ocr;
  if (ocr !== 'auto' && ocr !== 'always' && ocr !== 'never') usage(`--ocr must be auto, always or never, not '${ocr}'`);
  const ocrEngine = values['ocr-engine'];
  if (ocrEngine !== 'auto' && ocrEngine !== 'tesseract' && ocrEngine !== 'ppocr') usage(`--ocr-engine must be auto, tesseract or ppocr, not '${ocrEngine}'`);
  const ocrDetLimit = values['ocr-det-limit'] === undefined ? undefined : Number(values['ocr-det-limit']);
  if (ocrDetLimit !== undefined && !(Number.isInteger(ocrDetLimit) && ocrDetLimit >= 32)) usage(`--ocr-det-limit must be a whole number of pixels from 32, not '${values['ocr-det-limit']}'`);
  const inputs = await expandInputs(positionals);
  if (!inputs.length) usage('no input files found');
  const toStdout = values.output === '-';
  const log = (s: string): void => {
    if (!values.quiet) process.stderr.write(`${s}\n`);
  };
  const toRun = shardOf(inputs, values.shard);
  const names = outputNames(toRun);
  const out = values.output;
  // Said before any work: a write that fails mid-batch would cost the files read so far.
  if (!toStdout) {
    const problem = await outputFolderProblem(out);
    if (problem) usage(problem);
  }
  const resumed = values.resume && !toStdout ? await resumable(toRun, names, out) : new Map<string, BudgetDocument[]>();
  const progress = new Progress(toRun.length - resumed.size, process.stderr, values.quiet);
  const fresh = await runBatch(
    toRun.filter((p) => !resumed.has(p)),
    {
      jobs,
      timeoutSeconds,
      maxPages,
      maxBytes: Math.round(maxMb * MB),
      password: values.password,
      rollup: values.rollup,
      ocr,
      ocrEngine,
      ocrDetLimit,
      onResult: async (r) => {
        progress.add(r);
        // Written as each file finishes, so a crash loses only the files in flight.
        if (!toStdout && r.documents && formats.includes('json')) await writeDocuments(out, names.get(r.path)!, r.documents);
      },
    },
  );
  progress.finish();
  const results = [...[...resumed].map(([path, documents]) => resultOfDocuments(path, documents)), ...fresh].sort((a, b) => toRun.indexOf(a.path) - toRun.indexOf(b.path));
  const docs = results.flatMap((r) => r.documents ?? []);

  if (toStdout) {
    if (formats.includes('json')) for (const d of docs) process.stdout.write(`${documentToJson(d, false)}\n`);
    else if (formats.includes('facts')) process.stdout.write(await factsToCsv(docs, { bom: values.bom }));
  } else {
    await writeRunOutputs(out, results, names, formats, values.bom);
    const warn = (s: string): void => void process.stderr.write(`${s}\n`);
    if (formats.includes('html')) for (const r of results) if (r.documents) await writeReviewPages(out, names.get(r.path)!, r.path, r.documents, values.password, warn);
    if (formats.includes('annotated')) {
      for (const r of results) if (r.documents) await writeAnnotatedPdf(out, names.get(r.path)!, r.path, r.documents, warn);
    }
  }
  const failed = results.filter((r) => r.status === 'failed').length;
  const checks = docs.reduce((a, d) => ({ run: a.run + d.validation.run, held: a.held + d.validation.held, broken: a.broken + d.validation.broken }), { run: 0, held: 0, broken: 0 });
  log(`${results.length - failed} of ${results.length} files extracted${docs.length > results.length - failed ? ` (${docs.length} documents)` : ""}${failed ? `, ${failed} failed` : ''}; checks: ${checks.run} run, ${checks.held} held, ${checks.broken} broken`);
  const repeated = countFacts(docs).duplicates.flatMap((d) => d.not_counted);
  if (repeated.length) log(`${repeated.length} document(s) repeat another's department and year or content, counted once: ${repeated.join(', ')} (summary.json facts.duplicates)`);
  return failed ? 1 : 0;
}
