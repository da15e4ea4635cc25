import { loadJson } from '../data.js';

/** CJK Radicals Supplement → ideograph (Kangxi radicals are already folded by NFKC). */
const RADICALS = loadJson<{ map: Record<string, string> }>('cjk-radicals.json').map;

/**
 * Text folding every extractor applies: NFKC (full-width digits and punctuation, Kangxi radicals,
 * the ideographic space), then the radicals some fonts map their glyphs to (⻔ for 门) replaced by
 * the ideograph they stand for.
 */
export function foldText(raw: string): string {
  let out = '';
  for (const ch of raw.normalize('NFKC')) out += RADICALS[ch] ?? ch;
  return out;
}
