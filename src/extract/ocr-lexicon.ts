import { distance } from 'fastest-levenshtein';

/**
 * A row's classification code read by OCR, checked against its name through the national
 * classification (data/*-classification.json): the code is the row's key and its name is printed
 * beside it, so a misread digit is told from a code the document prints. Pure: readings in, the
 * correction out; the caller flags it `low_confidence`, with what the page read. (The name is
 * checked against its code later, once, by normalize/names.ts.)
 *
 * Only a close reading is corrected, and only to a single candidate: a code one digit from the one
 * read (changed, missing or extra) whose name is the row's name, read within NAME_EDIT_SHARE.
 */

/** Classification names by code, and codes by name (as `key` folds them). */
export interface Lexicon {
  namesOf: Map<string, string[]>;
  codesOf: Map<string, string[]>;
  /** Folds a word for comparison (width, spaces). */
  key: (text: string) => string;
}

/** A name read with this share of its letters wrong (or missing or extra) or fewer is the name it is that close to. */
const NAME_EDIT_SHARE = 1 / 3;
/** Names shorter than this are taken only as read exactly: one letter of two is a different word. */
const MIN_NAME_FOR_EDITS = 3;
/** A code read with this many digits wrong, missing or extra is the listed code its name says, when only one is. */
const MAX_CODE_EDITS = 1;

export function buildLexicon(entries: { code: string; name: string; aliases?: string[] }[], key: (text: string) => string): Lexicon {
  const namesOf = new Map<string, string[]>();
  const codesOf = new Map<string, string[]>();
  for (const e of entries) {
    for (const name of [e.name, ...(e.aliases ?? [])]) {
      const names = namesOf.get(e.code) ?? [];
      if (!names.includes(name)) namesOf.set(e.code, [...names, name]);
      const k = key(name);
      const codes = codesOf.get(k) ?? [];
      if (!codes.includes(e.code)) codesOf.set(k, [...codes, e.code]);
    }
  }
  return { namesOf, codesOf, key };
}


/** How many edits a name of this many letters may be read with and still be recognized. */
function allowedEdits(length: number): number {
  return length < MIN_NAME_FOR_EDITS ? 0 : Math.floor(length * NAME_EDIT_SHARE);
}

/** How close a reading is to a name: its edits, when within what the name's length allows. */
function closeness(read: string, name: string): number | undefined {
  const d = distance(read, name);
  return d <= allowedEdits([...name].length) ? d : undefined;
}

/** True when `code` is listed under a name `name` reads as (within NAME_EDIT_SHARE). */
export function listedAs(lexicon: Lexicon, code: string, name: string): boolean {
  const k = lexicon.key(name);
  return k !== '' && (lexicon.namesOf.get(code) ?? []).some((n) => closeness(k, lexicon.key(n)) !== undefined);
}

/**
 * The listed code a misread code is, judged by the row's name: codes MAX_CODE_EDITS digit
 * from the one read whose name the row's name is (or is close to), narrowed, when several are, to
 * those under `parents` (the 类 and 款 above the row, as already settled). Undefined when the
 * code read is listed under the name read and stands under its parents, or when not exactly one
 * candidate is left.
 */
export function codeFor(lexicon: Lexicon, read: string, name: string, parents: string[] = []): string | undefined {
  const k = lexicon.key(name);
  if (k === '') return undefined;
  // A row sits under the nearest coarser code above it: 2040101 under 20404 is out of place.
  const under = parents.filter((p) => p.length < read.length).sort((a, b) => b.length - a.length)[0];
  const inPlace = (c: string) => under === undefined || c.startsWith(under);
  // The code as read, listed under a name the reading is close to, is confirmed by it, where it
  // stands in place; out of place, only a code in place one digit from it and as close by its name
  // replaces it (a 4 read 1: 2040101 行政运行 under 20404 is 2040401).
  const own = Math.min(...(lexicon.namesOf.get(read) ?? []).map((n) => closeness(k, lexicon.key(n)) ?? Infinity));
  if (own < Infinity && inPlace(read)) return undefined;
  const candidates = new Map<string, number>();
  for (const [nameKey, codes] of lexicon.codesOf) {
    const d = closeness(k, nameKey);
    if (d === undefined) continue;
    for (const c of codes) {
      if (c === read || Math.abs(c.length - read.length) > MAX_CODE_EDITS || distance(c, read) > MAX_CODE_EDITS) continue;
      candidates.set(c, Math.min(candidates.get(c) ?? Infinity, d));
    }
  }
  if (own < Infinity) for (const [c, d] of candidates) if (!inPlace(c) || d > own) candidates.delete(c);
  if (candidates.size === 0) return undefined;
  const best = Math.min(...candidates.values());
  let left = [...candidates].filter(([, d]) => d === best).map(([c]) => c);
  // Several: those under the nearest parent, else under any (a 款 row may be missing).
  if (left.length > 1 && left.some(inPlace)) left = left.filter(inPlace);
  if (left.length > 1) left = left.filter((c) => parents.some((p) => p.length < c.length && c.startsWith(p)));
  return left.length === 1 ? left[0] : undefined;
}
