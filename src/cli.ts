#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { availableParallelism } from 'node:os';
import { DEFAULT_TIMEOUT_SECONDS, expandInputs, runBatch, type FileResult } from './batch.js';
import { documentToJson } from './export/json.js';
import { factsToCsv, wideCsvByType } from './export/csv.js';
import { safeName, writeAtomic } from './output.js';
import { findCodes } from './normalize/codes.js';
import type { BudgetDocument } from './model.js';

const HELP = `budget-extract — Chinese budget disclosures (部门预算/决算) to checked data

Usage:
  budget-extract <files or folders…> -o <dir> [options]
  budget-extract codes <code or name…> [--json]

Options:
  -o, --output <dir>    output folder, or - for stdout (NDJSON documents, or facts CSV)
  -f, --format <list>   json,csv,facts (default: all three)
  -j, --jobs <n>        files processed at once, in worker threads (default: the cores)
      --timeout <s>     seconds one file may take (default 300)
      --password <pw>   password for encrypted PDFs
      --rollup          add class/section rows summed from items (marked derived)
      --bom             write CSV with a UTF-8 BOM (for Excel on Windows)
  -q, --quiet           no progress lines
  -h, --help            this help
  -v, --version         the version

Exit codes: 0 all files extracted, 1 some files failed, 2 usage error.`;

const FORMATS = new Set(['json', 'csv', 'facts']);

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
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

/** Output names: the input's base name, de-duplicated so two inputs never overwrite each other. */
function outputNames(results: FileResult[]): Map<FileResult, string> {
  const names = new Map<FileResult, string>();
  const used = new Set<string>();
  for (const r of results) {
    let name = safeName(basename(r.file, extname(r.file)));
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${safeName(basename(r.file, extname(r.file)))}-${k}`;
    used.add(name.toLowerCase());
    names.set(r, name);
  }
  return names;
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'codes') return codesCommand(argv.slice(1));
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
        password: { type: 'string' },
        rollup: { type: 'boolean', default: false },
        bom: { type: 'boolean', default: false },
        quiet: { type: 'boolean', short: 'q', default: false },
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
  const jobs = Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) usage(`--jobs must be a positive integer, not '${values.jobs}'`);

  const timeoutSeconds = Number(values.timeout);
  if (!(timeoutSeconds > 0)) usage(`--timeout must be a positive number of seconds, not '${values.timeout}'`);
  const inputs = await expandInputs(positionals);
  if (!inputs.length) usage('no input files found');
  const toStdout = values.output === '-';
  const log = (s: string): void => {
    if (!values.quiet) process.stderr.write(`${s}\n`);
  };
  let done = 0;
  const results = await runBatch(inputs, {
    jobs,
    timeoutSeconds,
    password: values.password,
    rollup: values.rollup,
    onResult: (r) => {
      done++;
      if (r.status === 'failed') process.stderr.write(`budget-extract: ${r.error!.message}\n`);
      else log(`[${done}/${inputs.length}] ${r.file}: ${Object.values(r.tables ?? {}).reduce((a, b) => a + b, 0)} tables, ${r.identities_broken ?? 0} identities broken`);
    },
  });
  const docs = results.map((r) => r.document).filter((d): d is BudgetDocument => d !== undefined);

  if (toStdout) {
    if (formats.includes('json')) for (const d of docs) process.stdout.write(`${documentToJson(d, false)}\n`);
    else if (formats.includes('facts')) process.stdout.write(await factsToCsv(docs, { bom: values.bom }));
  } else {
    const out = values.output;
    const names = outputNames(results);
    for (const r of results) {
      if (r.document && formats.includes('json')) await writeAtomic(out, `${names.get(r)}.json`, `${documentToJson(r.document)}\n`);
    }
    if (formats.includes('facts')) await writeAtomic(out, 'facts.csv', await factsToCsv(docs, { bom: values.bom }));
    if (formats.includes('csv')) for (const [type, text] of await wideCsvByType(docs, { bom: values.bom })) await writeAtomic(out, `csv/${type}.csv`, text);
    const summary = results.map(({ document: _d, ...rest }) => ({ ...rest, output: rest.status === 'ok' ? `${names.get(results.find((x) => x.path === rest.path)!)}.json` : undefined }));
    await writeAtomic(out, 'summary.json', `${JSON.stringify({ files: summary, ok: docs.length, failed: results.length - docs.length }, null, 2)}\n`);
  }
  const failed = results.filter((r) => r.status === 'failed').length;
  log(`${docs.length} of ${results.length} files extracted${failed ? `, ${failed} failed` : ''}`);
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`budget-extract: ${(e as Error).message ?? String(e)}\n`);
    process.exit(1);
  },
);
