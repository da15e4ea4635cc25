#!/usr/bin/env node
/**
 * Makes the office fixtures (tests/fixtures/office/): the five seed text dumps in samples/ as
 * workbooks, converted by LibreOffice into every format the office readers take, plus one small
 * case workbook holding what the reader tests pin (merged two-level header, hidden row and column,
 * number formats, a formula, a second sheet).
 *
 * The files are committed so tests and CI never need LibreOffice; rerun this script only when the
 * fixtures must change. Needs the Debian packages libreoffice-calc-nogui and
 * libreoffice-writer-nogui, and exceljs. Nothing is downloaded.
 *
 *   node scripts/make-office.mjs
 *
 * Seeds (seeds/<name>.xlsx|xls|ods|html|docx): one sheet per table, in order. The lines before a
 * table (its title, its unit, the prose since the previous table) are rows above it, merged
 * across the table's width; each tab-separated line is a row of cells. The leading rows without
 * a decimal number are the header: a label with blank cells to its right over labelled cells is
 * merged across them (一般公共预算 over 小计 / 其中：财政拨款), a label with blank cells below is
 * merged down (单位代码). Amounts with decimals are number cells with a number format that shows
 * them as printed (`#,##0.00` where the dump prints separators); codes and whole numbers stay
 * text, as most published workbooks keep them. Seed 004 is a space-separated dump with no cell
 * boundaries: its lines are rows of one cell, as its PDF rendering prints them as plain lines.
 *
 * The .xls, .ods and .html come from LibreOffice Calc; the .docx from LibreOffice Writer reading
 * Calc's HTML (Calc does not write Word files), so merged cells travel as colspan/rowspan into
 * gridSpan/vMerge.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'tests/fixtures/office');
const hasDecimal = (row) => row.some((c) => /\d\.\d/.test(c));
const DECIMAL = /^-?\d[\d,]*\.(\d+)$/;
const PERCENT = /^(\d+(?:\.(\d+))?)%$/;

/** Text dump → sections: the plain lines before a table, its rows (cells), and for the last table the lines after it. */
function sectionsOf(text) {
  const sections = [];
  let plain = [];
  let rows = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.includes('\t')) {
      rows.push(line.split('\t'));
      continue;
    }
    if (rows.length) {
      sections.push({ plain, rows, after: [] });
      plain = [];
      rows = [];
    }
    if (line.trim() !== '') plain.push(line.trim());
  }
  if (rows.length) sections.push({ plain, rows, after: [] });
  else if (sections.length) sections[sections.length - 1].after.push(...plain);
  else sections.push({ plain, rows: [], after: [] });
  return sections;
}

/** Merges of a header: [row0, col0, row1, col1] zero-based, inclusive. */
function headerMerges(header) {
  const merges = [];
  const covered = header.map((r) => r.map(() => false));
  header.forEach((row, r) => {
    const below = header[r + 1];
    row.forEach((text, c) => {
      if (text.trim() === '' || covered[r][c]) return;
      let c1 = c;
      while (below && c1 + 1 < row.length && row[c1 + 1].trim() === '' && !covered[r][c1 + 1] && (below[c1 + 1] ?? '').trim() !== '') c1++;
      let r1 = r;
      if (c1 === c) while (r1 + 1 < header.length && (header[r1 + 1][c] ?? '').trim() === '' && !covered[r1 + 1][c]) r1++;
      if (c1 === c && r1 === r) return;
      for (let rr = r; rr <= r1; rr++) for (let cc = c; cc <= c1; cc++) covered[rr][cc] = true;
      merges.push([r, c, r1, c1]);
    });
  });
  return merges;
}

/** A cell's value and number format: amounts with decimals as numbers shown as printed. */
function cellValue(text) {
  const t = text.trim();
  const d = DECIMAL.exec(t);
  if (d) return { value: Number(t.replace(/,/g, '')), numFmt: `${t.includes(',') ? '#,##0' : '0'}.${'0'.repeat(d[1].length)}` };
  const p = PERCENT.exec(t);
  if (p) return { value: Number(p[1]) / 100, numFmt: `0${p[2] ? `.${'0'.repeat(p[2].length)}` : ''}%` };
  return { value: t };
}

function addSection(wb, name, { plain, rows, after }) {
  const ws = wb.addWorksheet(name);
  const width = Math.max(1, ...rows.map((r) => r.length));
  const grid = rows.map((r) => [...r, ...Array(width - r.length).fill('')]);
  let r = 1;
  const addPlain = (line) => {
    ws.getCell(r, 1).value = line;
    if (width > 1) ws.mergeCells(r, 1, r, width);
    r++;
  };
  plain.forEach(addPlain);
  const headerRows = Math.max(0, grid.findIndex(hasDecimal));
  const top = r;
  grid.forEach((row) => {
    row.forEach((text, c) => {
      if (text.trim() === '') return;
      const { value, numFmt } = cellValue(text);
      const cell = ws.getCell(r, c + 1);
      cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
    });
    r++;
  });
  for (const [r0, c0, r1, c1] of headerMerges(grid.slice(0, headerRows))) ws.mergeCells(top + r0, c0 + 1, top + r1, c1 + 1);
  after.forEach(addPlain);
}

async function seedWorkbook(text) {
  const wb = new ExcelJS.Workbook();
  sectionsOf(text).forEach((s, k) => addSection(wb, `Sheet${k + 1}`, s));
  return wb;
}

/** The reader-test case: what each reader test pins, in one small workbook. */
async function caseWorkbook() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表1');
  ws.getCell('A1').value = '2025年一般公共预算基本支出表';
  ws.mergeCells('A1:F1');
  ws.getCell('A2').value = '单位：万元';
  ws.getCell('A3').value = '经济分类科目';
  ws.mergeCells('A3:B3');
  ws.getCell('C3').value = '合计';
  ws.mergeCells('C3:C4');
  ws.getCell('D3').value = '基本支出';
  ws.mergeCells('D3:E3');
  ws.getCell('F3').value = '备注';
  ws.mergeCells('F3:F4');
  ws.getCell('A4').value = '科目编码';
  ws.getCell('B4').value = '科目名称';
  ws.getCell('D4').value = '人员经费';
  ws.getCell('E4').value = '公用经费';
  const body = [
    ['301', '工资福利支出', 1669.72, 1669.72, null, '#,##0.00'],
    ['30101', '基本工资', 60, 60, null, '0.00'],
    ['399', '隐藏的草稿行', 9999.99, 9999.99, null, '0.00'],
    ['302', '商品和服务支出', '15.20', null, '15.20', null],
    ['30201', '办公费', { formula: 'E9', result: 3 }, null, 3, '0.00'],
  ];
  body.forEach(([code, name, total, personnel, publicFunds, fmt], i) => {
    const row = ws.getRow(5 + i);
    row.values = [code, name, total, personnel, publicFunds];
    if (fmt) for (const c of [3, 4, 5]) row.getCell(c).numFmt = fmt;
  });
  ws.getRow(7).hidden = true;
  ws.getCell('F5').value = 0.125;
  ws.getCell('F5').numFmt = '0.0%';
  ws.getCell('G5').value = '草稿列';
  ws.getColumn(7).hidden = true;
  ws.getCell('A10').value = '合计';
  ws.mergeCells('A10:B10');
  ws.getCell('C10').value = { formula: 'SUM(C5:C6,C8:C9)', result: 1748.12 };
  ws.getCell('C10').numFmt = '#,##0.00';
  const second = wb.addWorksheet('表2');
  second.getCell('A1').value = '2025年部门收入预算表';
  second.getCell('A2').value = '科目';
  second.getCell('B2').value = '合计';
  second.getCell('A3').value = '行政运行';
  second.getCell('B3').value = 12.5;
  return wb;
}

function soffice(args, cwd) {
  execFileSync('soffice', ['--headless', '--norestore', ...args], { cwd, stdio: 'pipe' });
}

/** xlsx → xls, ods, html (Calc), and html → docx (Writer), into `dir` beside the xlsx. */
function convertAll(xlsx, dir) {
  const work = mkdtempSync(join(tmpdir(), 'office-'));
  try {
    for (const fmt of ['xls', 'ods', 'html']) soffice(['--convert-to', fmt, '--outdir', work, xlsx]);
    const name = basename(xlsx, '.xlsx');
    soffice(['--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', join(work, 'docx'), join(work, `${name}.html`)]);
    for (const fmt of ['xls', 'ods', 'html']) renameSync(join(work, `${name}.${fmt}`), join(dir, `${name}.${fmt}`));
    copyFileSync(join(work, 'docx', `${name}.docx`), join(dir, `${name}.docx`));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main() {
  const seedsDir = join(outDir, 'seeds');
  const casesDir = join(outDir, 'cases');
  mkdirSync(seedsDir, { recursive: true });
  mkdirSync(casesDir, { recursive: true });
  for (const file of readdirSync(join(root, 'samples')).filter((f) => f.endsWith('.txt')).sort()) {
    const name = basename(file, '.txt');
    const wb = await seedWorkbook(readFileSync(join(root, 'samples', file), 'utf8'));
    const xlsx = join(seedsDir, `${name}.xlsx`);
    await wb.xlsx.writeFile(xlsx);
    convertAll(xlsx, seedsDir);
    console.log(name);
  }
  const xlsx = join(casesDir, 'case.xlsx');
  await (await caseWorkbook()).xlsx.writeFile(xlsx);
  convertAll(xlsx, casesDir);
}

await main();
