import { loadJson } from '../data.js';
/** CJK Radicals Supplement → ideograph (Kangxi radicals are already folded by NFKC). */
const RADICALS = loadJson('cjk-radicals.json').map;
/**
 * Text folding every extractor applies: NFKC (full-width digits and punctuation, Kangxi radicals,
 * the ideographic space), then the radicals some fonts map their glyphs to (⻔ for 门) replaced by
 * the ideograph they stand for.
 */
export function foldText(raw) {
    return raw.normalize('NFKC').replace(SUPPLEMENT_RADICAL, (ch) => RADICALS[ch] ?? ch);
}
/** The CJK Radicals Supplement block, where every key of RADICALS lies. */
const SUPPLEMENT_RADICAL = /[\u2E80-\u2EFF]/g;
