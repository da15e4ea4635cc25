import * as XLSX from '@e965/xlsx';
import { ExtractError } from '../errors.js';
import { readDocx } from './docx.js';
import { rowsToLines } from './grid.js';
import { readHtml } from './html.js';
import { readOds } from './ods.js';
import { readWorkbook } from './workbook.js';
import { isCfb, isZip } from './sniff.js';
import { readEntry, zipEntries } from './zip.js';
const unsupported = (file, what) => new ExtractError('unsupported_office', file, what);
export function extractOffice(bytes, file) {
    try {
        if (isZip(bytes))
            return fromZip(bytes, file);
        if (isCfb(bytes))
            return fromCfb(bytes, file);
        const { lines, issues } = readHtml(bytes, file);
        return { kind: 'html', pages: 1, lines, issues };
    }
    catch (e) {
        if (e instanceof ExtractError)
            throw e;
        // A parser tripping over a malformed file (or a stack overflow on absurd nesting) ends this file only.
        throw new ExtractError('invalid_office', file, e instanceof Error ? e.message : String(e), { cause: e });
    }
}
function fromZip(bytes, file) {
    const entries = zipEntries(bytes, file);
    const parts = new Map(entries.map((e) => [e.name, e]));
    if (parts.has('word/document.xml')) {
        const { lines, issues } = readDocx(bytes, parts, file);
        return { kind: 'docx', pages: 1, lines, issues };
    }
    if (parts.has('xl/workbook.xml') || parts.has('xl/workbook.bin')) {
        // SheetJS inflates the parts itself: inflate each once here first, so that no part can expand
        // past the size its directory entry declared (checked against the budgets by zipEntries).
        for (const e of entries)
            readEntry(bytes, e, file);
        const { sheets, issues } = readWorkbook(bytes, file);
        return sheetsToExtracted('xlsx', sheets, [...workbookWarnings(parts, file), ...issues]);
    }
    const mime = parts.get('mimetype');
    const type = mime ? readEntry(bytes, mime, file).toString('latin1').trim() : '';
    if (type === 'application/vnd.oasis.opendocument.spreadsheet') {
        const { sheets, issues } = readOds(bytes, parts, file);
        return sheetsToExtracted('ods', sheets, issues);
    }
    if (type === 'application/vnd.oasis.opendocument.text')
        throw unsupported(file, 'an OpenDocument text (.odt)');
    if (parts.has('ppt/presentation.xml'))
        throw unsupported(file, 'a PowerPoint presentation (.pptx)');
    throw new ExtractError('unsupported', file, 'a ZIP archive that is not a spreadsheet or Word file: unpack it and pass the files inside');
}
function workbookWarnings(parts, file) {
    const issues = [];
    if (parts.has('xl/vbaProject.bin'))
        issues.push({ kind: 'text_dropped', severity: 'warning', message: 'the workbook holds macros (VBA); they were neither run nor read', at: { file } });
    const links = [...parts.keys()].filter((n) => n.startsWith('xl/externalLinks/') && n.endsWith('.xml')).length;
    if (links) {
        issues.push({
            kind: 'text_dropped',
            severity: 'warning',
            message: `the workbook links to ${links} other file(s): formulas using them show the values last saved with this file; the linked files were not opened`,
            at: { file },
        });
    }
    return issues;
}
function fromCfb(bytes, file) {
    let names;
    try {
        names = XLSX.CFB.read(bytes, { type: 'buffer' }).FullPaths.map((p) => p.replace(/\/$/, '').split('/').pop() ?? '');
    }
    catch (e) {
        throw new ExtractError('invalid_office', file, e instanceof Error ? e.message : String(e), { cause: e });
    }
    const has = (n) => names.includes(n);
    if (has('EncryptedPackage'))
        throw unsupported(file, 'a password-protected Office file: open it, remove the password and save it again');
    if (has('Workbook') || has('Book')) {
        const { sheets, issues } = readWorkbook(bytes, file);
        const macros = has('_VBA_PROJECT_CUR') || has('VBA');
        const warned = macros ? [{ kind: 'text_dropped', severity: 'warning', message: 'the workbook holds macros (VBA); they were neither run nor read', at: { file } }] : [];
        return sheetsToExtracted('xls', sheets, [...warned, ...issues]);
    }
    if (has('WordDocument'))
        throw unsupported(file, 'a Word 97-2003 (.doc) or WPS (.wps) document, which no maintained package reads cell for cell');
    if (has('PowerPoint Document'))
        throw unsupported(file, 'a PowerPoint 97-2003 presentation (.ppt)');
    throw unsupported(file, 'an OLE2 compound file that is neither a workbook nor a document');
}
function sheetsToExtracted(kind, sheets, issues) {
    const lines = sheets.flatMap((s) => rowsToLines(s.rows));
    return { kind, pages: Math.max(1, sheets.length), lines, issues };
}
