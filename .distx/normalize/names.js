import { lookupCode } from './codes.js';
import { distance } from 'fastest-levenshtein';
/**
 * Row names read by OCR, repaired by knowledge: a row whose code the classification reference
 * lists, and whose name as read is that code's reference name with a slip or two (行政单位高退休
 * for 行政单位离退休, 信息建设 for 信息化建设) or with a wrapped line lost (行政单位 for
 * 行政单位医疗), takes the reference name; what was read is reported. Never applied to text or
 * born-digital PDF input, whose names are printed, not guessed; never touches a number.
 */
/** Slips allowed: this share of the reference name's characters (rounded down), at least one (a quarter lost 其他安授费用 for 其他交通费用: hard set bitonal 200 dpi 0.786 → 0.793 with a third). */
const MAX_SLIP_SHARE = 1 / 3;
/** Names shorter than this (characters) are never repaired by edit distance: 奖全 could be anything. */
const MIN_SLIP_NAME_CHARS = 3;
/** A name cut by a lost wrapped line keeps at least this share of the reference name… */
const MIN_KEPT_SHARE = 0.4;
/** …and at least this many characters. */
const MIN_KEPT_CHARS = 2;
/** Digits and separators a numeric neighbour cell can leave at the end of a name (`…补助1.050.00`). */
const RUN_IN_NUMBER = /[\d.,，。·\s]+$/u;
/** Marks OCR leaves at a name's ends (a speck read as ; or ,): not part of any reference name. */
const EDGE_MARKS = /^[;；,，.。:：、'"‘’“”`]+|[;；,，.。:：、'"‘’“”`]+$/gu;
/** Spaces and parenthesis widths do not make two names differ… */
function compacted(name) {
    return name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}
/** …nor do stray marks at their ends. */
function normalized(name) {
    return compacted(name).replace(EDGE_MARKS, '');
}
/**
 * The reference name an OCR reading stands for, or undefined when the reading already is it or is
 * too far from it to say. Pure.
 * @example nameFromReference('行政单位高退休', '行政单位离退休') === '行政单位离退休'
 * @example nameFromReference('行政单位', '行政单位医疗') === '行政单位医疗'  // wrapped line lost
 * @example nameFromReference('住房改革支出', '行政单位医疗') === undefined
 */
export function nameFromReference(read, reference) {
    const ref = normalized(reference);
    const cleaned = normalized(read);
    const r = cleaned.replace(RUN_IN_NUMBER, '') || cleaned;
    if (ref === '' || r === '')
        return undefined;
    if (r === ref)
        return compacted(read) === compacted(reference) ? undefined : reference;
    const refLength = [...ref].length;
    const readLength = [...r].length;
    const kept = readLength >= MIN_KEPT_CHARS && readLength >= MIN_KEPT_SHARE * refLength;
    if (kept && (ref.startsWith(r) || ref.endsWith(r)))
        return reference;
    if (refLength < MIN_SLIP_NAME_CHARS)
        return undefined;
    const allowed = Math.max(1, Math.floor(MAX_SLIP_SHARE * refLength));
    return distance(r, ref) <= allowed ? reference : undefined;
}
/**
 * OCR rows whose code is listed take the reference name their reading stands for (the first
 * code's, for an economic `30101|50101` key). Returns a `low_confidence` issue for each, with
 * what was read as `printed`.
 */
export function repairOcrNames(rows, table, year) {
    const issues = [];
    for (const { k, at } of rows) {
        const code = k.key.split('|')[0];
        const listed = lookupCode(code, year);
        if (!listed || !k.name)
            continue;
        const name = nameFromReference(k.name, listed.name);
        if (name === undefined || name === k.name)
            continue;
        issues.push({
            kind: 'low_confidence',
            severity: 'warning',
            message: `OCR read the name of ${code} as ${k.name}; taken as the reference name ${name}`,
            at,
            table,
            key: k.key,
            printed: k.name,
        });
        k.name = name;
    }
    return issues;
}
