/**
 * Text folding every extractor applies: NFKC (full-width digits and punctuation, Kangxi radicals)
 * and the ideographic space. Names keep their characters otherwise.
 */
export function foldText(s: string): string {
  return s.normalize('NFKC').replace(/\u3000/g, ' ');
}
