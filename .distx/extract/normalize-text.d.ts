/**
 * Text folding every extractor applies: NFKC (full-width digits and punctuation, Kangxi radicals,
 * the ideographic space), then the radicals some fonts map their glyphs to (⻔ for 门) replaced by
 * the ideograph they stand for.
 */
export declare function foldText(raw: string): string;
