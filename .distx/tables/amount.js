/**
 * Amounts as printed: `1,050.00`, `1794.14`, `0`, `-3.5`, `(3.50)`. Full-width digits are already
 * folded by NFKC upstream. Returns undefined for anything that is not an amount, so a blank or a
 * label never becomes 0.
 */
const AMOUNT = /^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const PAREN_NEGATIVE = /^\((\d[\d,]*(?:\.\d+)?)\)$/;
export function parseAmount(text) {
    const t = text.trim().replace(/\s+/g, '');
    if (t === '')
        return undefined;
    const paren = PAREN_NEGATIVE.exec(t);
    if (paren?.[1]) {
        const inner = parseAmount(paren[1]);
        return inner === undefined ? undefined : -inner;
    }
    if (!AMOUNT.test(t))
        return undefined;
    const n = Number(t.replace(/,/g, '').replace('−', '-'));
    return Number.isFinite(n) ? n : undefined;
}
