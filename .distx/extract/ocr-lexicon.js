import { distance } from 'fastest-levenshtein';
/** A name read with this share of its letters wrong (or missing or extra) or fewer is the name it is that close to. */
const NAME_EDIT_SHARE = 1 / 3;
/** Names shorter than this are taken only as read exactly: one letter of two is a different word. */
const MIN_NAME_FOR_EDITS = 3;
/** A code read with this many digits wrong, missing or extra is the listed code its name says, when only one is. */
const MAX_CODE_EDITS = 1;
export function buildLexicon(entries, key) {
    const namesOf = new Map();
    const codesOf = new Map();
    for (const e of entries) {
        for (const name of [e.name, ...(e.aliases ?? [])]) {
            const names = namesOf.get(e.code) ?? [];
            if (!names.includes(name))
                namesOf.set(e.code, [...names, name]);
            const k = key(name);
            const codes = codesOf.get(k) ?? [];
            if (!codes.includes(e.code))
                codesOf.set(k, [...codes, e.code]);
        }
    }
    return { namesOf, codesOf, key };
}
/** How many edits a name of this many letters may be read with and still be recognized. */
function allowedEdits(length) {
    return length < MIN_NAME_FOR_EDITS ? 0 : Math.floor(length * NAME_EDIT_SHARE);
}
/** How close a reading is to a name: its edits, when within what the name's length allows. */
function closeness(read, name) {
    const d = distance(read, name);
    return d <= allowedEdits([...name].length) ? d : undefined;
}
/**
 * The listed code a misread code is, judged by the row's name: codes MAX_CODE_EDITS digit
 * from the one read whose name the row's name is (or is close to), narrowed, when several are, to
 * those under `parents` (the 类 and 款 above the row, as already settled). Undefined when the
 * code read is listed under the name read, or when not exactly one candidate is left.
 */
export function codeFor(lexicon, read, name, parents = []) {
    const k = lexicon.key(name);
    // The code as read, listed under a name the reading is close to, is confirmed by it.
    if (k === '' || (lexicon.namesOf.get(read) ?? []).some((n) => closeness(k, lexicon.key(n)) !== undefined))
        return undefined;
    const candidates = new Map();
    for (const [nameKey, codes] of lexicon.codesOf) {
        const d = closeness(k, nameKey);
        if (d === undefined)
            continue;
        for (const c of codes) {
            if (c === read || Math.abs(c.length - read.length) > MAX_CODE_EDITS || distance(c, read) > MAX_CODE_EDITS)
                continue;
            candidates.set(c, Math.min(candidates.get(c) ?? Infinity, d));
        }
    }
    if (candidates.size === 0)
        return undefined;
    const best = Math.min(...candidates.values());
    let left = [...candidates].filter(([, d]) => d === best).map(([c]) => c);
    if (left.length > 1)
        left = left.filter((c) => parents.some((p) => p.length < c.length && c.startsWith(p)));
    return left.length === 1 ? left[0] : undefined;
}
