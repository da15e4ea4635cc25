/**
 * The classification reference: 支出功能分类 (functional, 201…234), 部门预算支出经济分类 (301…399)
 * and 政府预算支出经济分类 (501…599), read once from `data/` and checked at load. Everything here is
 * a pure lookup over that data: printed codes → canonical digits, line names → functional 类,
 * OCR-damaged codes → the listed code the row's name confirms.
 */
import { readFileSync } from 'node:fs';
import { distance } from 'fastest-levenshtein';
/** A data file entry that does not fit the schema; names the file, the entry and what is wrong. */
export class CodeDataError extends Error {
    file;
    index;
    entry;
    constructor(file, 
    /** 0-based position of the entry in the file's array; undefined when the file itself is malformed. */
    index, entry, detail) {
        super(index === undefined ? `data/${file}: ${detail}` : `data/${file} entry ${index} ${JSON.stringify(entry)}: ${detail}`);
        this.file = file;
        this.index = index;
        this.entry = entry;
        this.name = 'CodeDataError';
    }
}
const FUNCTIONAL_FILE = 'functional-classification.json';
const ECONOMIC_FILE = 'economic-classification.json';
const CORRESPONDENCE_FILE = 'economic-correspondence.json';
/** Resolved from the module so it works from src/normalize (vitest) and dist/normalize (built CLI). */
const DATA_DIR = new URL('../../data/', import.meta.url);
/** Editions outside this range are typos (`205`, `20245`), not old or future classifications. */
const EDITION_RANGE = { min: 2000, max: 2100 };
/** A line name must keep this many characters after its ordinal and 支出/事务 are stripped. */
const MIN_CLASS_NAME_LENGTH = 2;
/** Character-overlap score a line name needs to be taken for a class name it does not spell exactly. */
const CLASS_FUZZY_MIN = 0.75;
/** …and by how much it must beat the best other class, so a name halfway between two maps to neither. */
const CLASS_FUZZY_MARGIN = 0.1;
/** Names this long may differ from the reference by one character (one OCR slip) and still agree. */
const NAME_SLIP_MIN_LENGTH = 4;
/** Overlap score for the fuzzy tier of `findCodes`, looser than `CLASS_FUZZY_MIN` since a person reads the result. */
const FIND_FUZZY_MIN = 0.6;
const FIND_FUZZY_LIMIT = 10;
const FUNCTIONAL_LEVELS = { 3: 'class', 5: 'section', 7: 'item' };
const ECONOMIC_LEVELS = { 3: 'econ_class', 5: 'econ_section' };
const FUNCTIONAL_CODE = /^2\d{2}(?:\d{2}){0,2}$/;
const ECONOMIC_CODE = /^[35]\d{2}(?:\d{2})?$/;
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** Rejects keys the schema does not know, so a typo (`edition`, `nmae`) fails loudly instead of being ignored. */
function checkKeys(rec, allowed) {
    const extra = Object.keys(rec).filter((k) => !allowed.includes(k));
    return extra.length ? `unknown field ${extra.map((k) => `"${k}"`).join(', ')}` : undefined;
}
function checkName(v, what) {
    if (typeof v !== 'string' || v === '')
        return `${what} must be a non-empty string`;
    // Official names contain no spaces; one here is a copy-paste slip that would defeat exact matching.
    if (/\s/.test(v))
        return `${what} "${v}" contains whitespace`;
    return undefined;
}
function checkEditions(v) {
    if (!Array.isArray(v) || v.length === 0)
        return 'editions must be a non-empty array of years';
    for (let i = 0; i < v.length; i++) {
        const y = v[i];
        if (typeof y !== 'number' || !Number.isInteger(y) || y < EDITION_RANGE.min || y > EDITION_RANGE.max) {
            return `edition ${JSON.stringify(y)} is not a year between ${EDITION_RANGE.min} and ${EDITION_RANGE.max}`;
        }
        if (i > 0 && y <= v[i - 1])
            return 'editions must be listed in increasing order without repeats';
    }
    return undefined;
}
function functionalRecord(raw, index) {
    const fail = (detail) => {
        throw new CodeDataError(FUNCTIONAL_FILE, index, raw, detail);
    };
    if (!isRecord(raw))
        return fail('must be an object');
    const problem = checkKeys(raw, ['code', 'name', 'level', 'editions', 'aliases']) ??
        (typeof raw.code === 'string' && FUNCTIONAL_CODE.test(raw.code)
            ? undefined
            : 'code must be 3, 5 or 7 digits starting with 2') ??
        checkName(raw.name, 'name') ??
        checkEditions(raw.editions);
    if (problem)
        return fail(problem);
    const code = raw.code;
    const level = FUNCTIONAL_LEVELS[code.length];
    if (raw.level !== level)
        fail(`level ${JSON.stringify(raw.level)} does not fit a ${code.length}-digit code (want "${level}")`);
    const aliases = raw.aliases ?? [];
    if (!Array.isArray(aliases))
        return fail('aliases must be an array of names');
    // Only classOfName reads aliases, and it maps to 类; an alias elsewhere would silently do nothing.
    if (aliases.length && level !== 'class')
        fail('aliases are only read on 类 (3-digit) entries');
    for (const a of aliases) {
        const p = checkName(a, 'alias');
        if (p)
            fail(p);
    }
    const entry = {
        code,
        name: raw.name,
        level: level,
        classification: 'functional',
        editions: Object.freeze([...raw.editions]),
    };
    return { entry: Object.freeze(entry), aliases: aliases };
}
function economicEntry(raw, index) {
    const fail = (detail) => {
        throw new CodeDataError(ECONOMIC_FILE, index, raw, detail);
    };
    if (!isRecord(raw))
        return fail('must be an object');
    const problem = checkKeys(raw, ['code', 'name', 'kind', 'level', 'editions']) ??
        (typeof raw.code === 'string' && ECONOMIC_CODE.test(raw.code)
            ? undefined
            : 'code must be 3 or 5 digits starting with 3 or 5') ??
        checkName(raw.name, 'name') ??
        checkEditions(raw.editions);
    if (problem)
        return fail(problem);
    const code = raw.code;
    // 部门经济分类 codes are 3xx, 政府经济分类 codes 5xx: the kind is redundant, so a mismatch is a slip.
    const kind = code.startsWith('3') ? 'department' : 'government';
    if (raw.kind !== kind)
        fail(`kind ${JSON.stringify(raw.kind)} does not fit code ${code} (want "${kind}")`);
    const level = code.length === 3 ? 'class' : 'section';
    if (raw.level !== level)
        fail(`level ${JSON.stringify(raw.level)} does not fit a ${code.length}-digit code (want "${level}")`);
    return Object.freeze({
        code,
        name: raw.name,
        level: ECONOMIC_LEVELS[code.length],
        classification: kind === 'department' ? 'economic_department' : 'economic_government',
        editions: Object.freeze([...raw.editions]),
    });
}
function correspondenceEntry(raw, index, known) {
    const fail = (detail) => {
        throw new CodeDataError(CORRESPONDENCE_FILE, index, raw, detail);
    };
    if (!isRecord(raw))
        return fail('must be an object');
    const keyProblem = checkKeys(raw, ['department', 'administrative', 'institution']);
    if (keyProblem)
        fail(keyProblem);
    const fields = [
        ['department', /^3\d{4}$/],
        ['administrative', /^5\d{4}$/],
        ['institution', /^5\d{4}$/],
    ];
    for (const [field, shape] of fields) {
        const v = raw[field];
        if (v === undefined && field === 'institution')
            continue;
        if (typeof v !== 'string' || !shape.test(v))
            fail(`${field} must be a 5-digit ${field === 'department' ? '3xxxx' : '5xxxx'} code`);
        if (!known.has(v))
            fail(`${field} ${v} is not listed in data/${ECONOMIC_FILE}`);
    }
    const out = {
        department: raw.department,
        administrative: raw.administrative,
        ...(typeof raw.institution === 'string' ? { institution: raw.institution } : {}),
    };
    return Object.freeze(out);
}
function entriesOf(raw, file) {
    if (!Array.isArray(raw))
        throw new CodeDataError(file, undefined, raw, 'the file must hold a JSON array of entries');
    return raw;
}
/** Groups entries by code, rejecting a code listed twice for the same edition. */
function indexByCode(records) {
    const byCode = new Map();
    for (const { entry, file, index } of records) {
        const same = byCode.get(entry.code) ?? [];
        const clash = same.find((e) => e.editions.some((y) => entry.editions.includes(y)));
        if (clash)
            throw new CodeDataError(file, index, entry, `code ${entry.code} is already listed for an edition of ${JSON.stringify(clash.editions)}`);
        same.push(entry);
        byCode.set(entry.code, same);
    }
    return byCode;
}
function buildReference(raw) {
    const functional = entriesOf(raw.functional, FUNCTIONAL_FILE).map(functionalRecord);
    const economic = entriesOf(raw.economic, ECONOMIC_FILE).map(economicEntry);
    const byCode = indexByCode([
        ...functional.map((r, index) => ({ entry: r.entry, file: FUNCTIONAL_FILE, index })),
        ...economic.map((entry, index) => ({ entry, file: ECONOMIC_FILE, index })),
    ]);
    const correspondence = new Map();
    entriesOf(raw.correspondence, CORRESPONDENCE_FILE).forEach((r, index) => {
        const c = correspondenceEntry(r, index, byCode);
        if (correspondence.has(c.department))
            throw new CodeDataError(CORRESPONDENCE_FILE, index, r, `department ${c.department} is mapped twice`);
        correspondence.set(c.department, c);
    });
    const classKeys = functional
        .filter((r) => r.entry.level === 'class')
        .flatMap((r) => [r.entry.name, ...r.aliases].map((n) => ({ key: coreName(n), code: r.entry.code })));
    return {
        byCode,
        all: [...functional.map((r) => r.entry), ...economic],
        classKeys,
        correspondence,
    };
}
function readData(file) {
    return JSON.parse(readFileSync(new URL(file, DATA_DIR), 'utf8'));
}
let cached;
/** Read lazily, so importing this module never does I/O and a bad file fails where it is first used. */
function reference() {
    cached ??= buildReference({
        functional: readData(FUNCTIONAL_FILE),
        economic: readData(ECONOMIC_FILE),
        correspondence: readData(CORRESPONDENCE_FILE),
    });
    return cached;
}
let earliest;
/** The earliest edition of 《政府收支分类科目》 the reference lists. */
export function earliestEdition() {
    earliest ??= Math.min(...reference().all.flatMap((e) => e.editions));
    return earliest;
}
/** Checks data files' contents the way loading does; throws `CodeDataError` naming the first bad entry. */
export function validateReferenceData(raw) {
    buildReference(raw);
}
// ---------------------------------------------------------------------------------------------
// Codes
/** Between the 类/款/项 groups of a printed code: spaces, tabs, pipes, dots, dashes, slashes. */
const CODE_SEPARATORS = /[\s|/\\.\-_,、·]+/u;
/** Letters OCR reads for digits. Only substituted inside a token that also holds real digits. */
const OCR_DIGITS = { O: '0', o: '0', l: '1', I: '1', S: '5', s: '5', Z: '2', B: '8' };
const OCR_LETTER = new RegExp(`[${Object.keys(OCR_DIGITS).join('')}]`, 'g');
const DIGITS_OR_OCR = new RegExp(`^[0-9${Object.keys(OCR_DIGITS).join('')}]+$`);
/** Where a code may be broken between groups: after the 类 (3) and after the 款 (5). */
const GROUP_BREAKS = [3, 5];
/** Pieces → tokens; a blank piece between filled ones means a missing group, which no code survives. */
function codeTokens(parts) {
    const pieces = (typeof parts === 'string' ? [parts] : [...parts]).map((p) => p.normalize('NFKC').trim());
    while (pieces.length && pieces[0] === '')
        pieces.shift();
    while (pieces.length && pieces[pieces.length - 1] === '')
        pieces.pop();
    if (pieces.some((p) => p === ''))
        return undefined;
    return pieces.flatMap((p) => p.split(CODE_SEPARATORS)).filter((t) => t !== '');
}
function canonicalize(parts) {
    const tokens = codeTokens(parts);
    if (!tokens?.length)
        return undefined;
    let code = '';
    let substituted = false;
    for (const [i, token] of tokens.entries()) {
        if (!DIGITS_OR_OCR.test(token) || !/\d/.test(token))
            return undefined;
        const digits = token.replace(OCR_LETTER, (ch) => OCR_DIGITS[ch] ?? ch);
        substituted ||= digits !== token;
        code += digits;
        // A group break anywhere but after 类 or 款 (`2 08 05`, `208 5 01`) is not a code we can trust.
        if (i < tokens.length - 1 && !GROUP_BREAKS.includes(code.length))
            return undefined;
    }
    return isCodeShape(code) ? { code, substituted } : undefined;
}
function isCodeShape(code) {
    return FUNCTIONAL_CODE.test(code) || ECONOMIC_CODE.test(code);
}
/**
 * Printed code → canonical digits: `208 05 01`, `208|05|01`, `['208','05','01']`, `２０８０５０１`,
 * `2l01101` all give `2080501`/`2101101`. Functional codes are 3/5/7 digits starting with 2,
 * economic codes 3/5 digits starting with 3 or 5; anything else is undefined.
 */
export function canonicalCode(parts) {
    return canonicalize(parts)?.code;
}
/** Functional level by length: 类 `208`, 款 `20805`, 项 `2080501`. Economic and other codes: undefined. */
export function kindOf(code) {
    if (!FUNCTIONAL_CODE.test(code))
        return undefined;
    return FUNCTIONAL_LEVELS[code.length];
}
/** `2080501` → `20805` → `208` → undefined; `30101` → `301`. */
export function parentOf(code) {
    if (!/^\d+$/.test(code) || (code.length !== 5 && code.length !== 7))
        return undefined;
    return code.slice(0, -2);
}
/** The entry whose newest edition ≤ year is latest; failing that the earliest edition after it. */
function pickEdition(entries, year) {
    const newest = (e) => e.editions[e.editions.length - 1] ?? 0;
    if (year === undefined)
        return [...entries].sort((a, b) => newest(b) - newest(a))[0];
    const atOrBefore = (e) => Math.max(-Infinity, ...e.editions.filter((y) => y <= year));
    const after = (e) => Math.min(Infinity, ...e.editions.filter((y) => y > year));
    const past = entries.filter((e) => atOrBefore(e) > -Infinity).sort((a, b) => atOrBefore(b) - atOrBefore(a));
    return past[0] ?? [...entries].sort((a, b) => after(a) - after(b))[0];
}
/**
 * The reference entry of a code (any printed form `canonicalCode` reads), in the edition closest
 * to `year` from below, else any edition.
 */
export function lookupCode(code, year) {
    const c = canonicalCode(code) ?? code;
    const entries = reference().byCode.get(c);
    return entries ? pickEdition(entries, year) : undefined;
}
/** The 政府经济分类 款 a 部门经济分类 款 is reported under, for 行政单位 or 事业单位. */
export function governmentCodeOf(departmentCode, unit = 'administrative') {
    const c = reference().correspondence.get(departmentCode);
    if (!c)
        return undefined;
    return unit === 'institution' ? (c.institution ?? c.administrative) : c.administrative;
}
// ---------------------------------------------------------------------------------------------
// Names
/** Ordinals printed before summary lines: `八、`, `（一）`, `(八)`, `十三、`, `1.`, `八 `. */
const ORDINAL = /^\s*(?:\(?[一二三四五六七八九十百零〇]+\)|[一二三四五六七八九十百零〇]+(?:[、.,:]|\s+)|\(?\d{1,2}\)|\d{1,2}[、.](?!\d))\s*/u;
/** Punctuation that varies between prints of the same name (half/full width already folded by NFKC). */
const NAME_PUNCTUATION = /[\s()[\]{}【】《》<>“”"'‘’、,，.。:：;；·\-—_|/]/gu;
/**
 * Characters OCR returns for the ones in official names (岀 for 出 in 支出, 亚 for 业 in 就业).
 * Applied to both sides of every comparison, so mapping a real character is harmless.
 */
const NAME_CONFUSABLES = { 岀: '出', 亚: '业', 巳: '已', 己: '已', 曰: '日' };
const NAME_CONFUSABLE = new RegExp(`[${Object.keys(NAME_CONFUSABLES).join('')}]`, 'gu');
/** Suffixes old, local and official names add or drop (`城乡社区事务`, `商业服务业等`, `金融支出`). */
const NAME_SUFFIX = /(?:支出|事务|等)$/u;
/** Income, total and carry-over lines of a summary table are never expenditure classes. */
const NOT_EXPENDITURE = /收入|收人|合计|总计|小计|结转|结余/u;
/** NFKC, ordinal and punctuation dropped, OCR look-alikes folded: the form names are compared in. */
function normalizeName(name) {
    return name
        .normalize('NFKC')
        .replace(ORDINAL, '')
        .replace(NAME_PUNCTUATION, '')
        .replace(NAME_CONFUSABLE, (ch) => NAME_CONFUSABLES[ch] ?? ch);
}
/** `normalizeName` without trailing 支出/事务/等, so `卫生健康`, `卫生健康支出` compare equal. */
function coreName(name) {
    let s = normalizeName(name);
    for (let t = s.replace(NAME_SUFFIX, ''); t !== s && t !== ''; t = s.replace(NAME_SUFFIX, ''))
        s = t;
    return s;
}
/** Dice coefficient over the names' character multisets: the share of characters both have. */
function overlapScore(a, b) {
    const left = new Map();
    for (const ch of a)
        left.set(ch, (left.get(ch) ?? 0) + 1);
    let common = 0;
    for (const ch of b) {
        const n = left.get(ch) ?? 0;
        if (n > 0) {
            common++;
            left.set(ch, n - 1);
        }
    }
    const total = [...a].length + [...b].length;
    return total === 0 ? 0 : (2 * common) / total;
}
/** Same name up to width, punctuation, 支出/事务 and — for names long enough to tell apart — one OCR slip. */
function namesAgree(printed, listed) {
    // Compared with and without the suffix: a slip inside 事务 (`亊务`) hides the suffix from `coreName`.
    return [normalizeName, coreName].some((form) => {
        const a = form(printed);
        const b = form(listed);
        if (a === '' || b === '')
            return false;
        if (a === b)
            return true;
        return Math.min([...a].length, [...b].length) >= NAME_SLIP_MIN_LENGTH && distance(a, b) <= 1;
    });
}
/** Best class for a name by overlap, if it clears the threshold and beats every other class clearly. */
function fuzzyClass(core, keys) {
    const best = new Map();
    for (const k of keys)
        best.set(k.code, Math.max(best.get(k.code) ?? 0, overlapScore(core, k.key)));
    const ranked = [...best.entries()].sort((a, b) => b[1] - a[1]);
    const [first, second] = ranked;
    if (!first || first[1] < CLASS_FUZZY_MIN)
        return undefined;
    if (second && first[1] - second[1] < CLASS_FUZZY_MARGIN)
        return undefined;
    return first[0];
}
/**
 * A summary-table line name → its functional 类: `八、社会保障和就业` → 208, `十、医疗卫生` → 210,
 * `（十）卫生健康支岀` → 210, `十二、城乡社区事务` → 212. Income, total and carry-over lines and
 * names matching no class (`人行科目`) give undefined.
 */
export function classOfName(name, year) {
    if (NOT_EXPENDITURE.test(normalizeName(name)))
        return undefined;
    const core = coreName(name);
    if ([...core].length < MIN_CLASS_NAME_LENGTH)
        return undefined;
    const keys = reference().classKeys;
    const code = keys.find((k) => k.key === core)?.code ?? fuzzyClass(core, keys);
    return code === undefined ? undefined : lookupCode(code, year);
}
let economicByName;
/**
 * The economic entries (部门 and 政府) a row name spells exactly, up to width and punctuation:
 * `办公费` → 30201, `维修(护)费` → 30213 and 50209. A name shared by several codes gives them all;
 * which one a row means is its table's business (the classification it uses, the class above it).
 */
export function economicEntriesOfName(name) {
    if (!economicByName) {
        economicByName = new Map();
        for (const e of reference().all) {
            if (e.classification === 'functional')
                continue;
            const list = economicByName.get(normalizeName(e.name)) ?? [];
            if (!list.some((x) => x.code === e.code))
                list.push(e);
            economicByName.set(normalizeName(e.name), list);
        }
    }
    return economicByName.get(normalizeName(name)) ?? [];
}
// ---------------------------------------------------------------------------------------------
// Repair and search
/** The printed code with separators gone and OCR letters read as digits; other characters stay and count as slips. */
function looseDigits(printed) {
    return printed
        .normalize('NFKC')
        .split(CODE_SEPARATORS)
        .join('')
        .replace(OCR_LETTER, (ch) => OCR_DIGITS[ch] ?? ch);
}
/** Listed codes one slip from the printed form whose reference name agrees with the row's name. */
function nameConfirmedNeighbours(printed, name, year) {
    const loose = looseDigits(printed);
    if (loose === '')
        return [];
    const codes = new Set();
    for (const [code, entries] of reference().byCode) {
        if (distance(loose, code) > 1)
            continue;
        const entry = pickEdition(entries, year);
        if (entry && namesAgree(name, entry.name))
            codes.add(code);
    }
    return [...codes];
}
/**
 * Checks a printed code against the reference and the row's name. A listed code is returned as is
 * (`nameMatches` says whether the names agree). An unlisted one is replaced only when exactly one
 * listed code is one character away and its name agrees with the row's; otherwise it is kept as
 * printed (canonical digits when it has a code's shape) with `known: false`.
 */
export function repairCode(printed, name, year) {
    const canon = canonicalize(printed);
    const listed = canon ? lookupCode(canon.code, year) : undefined;
    if (canon && listed) {
        return { code: canon.code, repaired: canon.substituted, nameMatches: namesAgree(name, listed.name), known: true };
    }
    const [only, ...others] = nameConfirmedNeighbours(printed, name, year);
    if (only !== undefined && others.length === 0)
        return { code: only, repaired: true, nameMatches: true, known: true };
    return { code: canon?.code ?? printed.trim(), repaired: false, nameMatches: false, known: false };
}
function byCodeThenEdition(a, b) {
    return a.code.localeCompare(b.code) || (a.editions[0] ?? 0) - (b.editions[0] ?? 0);
}
/**
 * Entries for a lookup command: a code or code prefix (`208`, `208 05`) lists the codes under it;
 * a name lists entries whose name contains it, else the closest names. A class's old name
 * (`医疗卫生`) also finds the class.
 */
export function findCodes(query) {
    const ref = reference();
    const prefix = query.normalize('NFKC').split(CODE_SEPARATORS).join('');
    if (/^\d+$/.test(prefix))
        return ref.all.filter((e) => e.code.startsWith(prefix)).sort(byCodeThenEdition);
    const q = normalizeName(query);
    if (q === '')
        return [];
    const cls = classOfName(query);
    const hits = ref.all.filter((e) => normalizeName(e.name).includes(q) || (cls !== undefined && e.code === cls.code));
    if (hits.length)
        return hits.sort(byCodeThenEdition);
    return ref.all
        .map((e) => ({ e, score: overlapScore(q, normalizeName(e.name)) }))
        .filter((s) => s.score >= FIND_FUZZY_MIN)
        .sort((a, b) => b.score - a.score || byCodeThenEdition(a.e, b.e))
        .slice(0, FIND_FUZZY_LIMIT)
        .map((s) => s.e);
}
