import { loadJson } from '../data.js';
import { compact } from './built.js';
const lineKeyData = loadJson('line-keys.json');
const LINE_KEYS = lineKeyData.lines.map((l) => ({ key: l.key, re: new RegExp(l.pattern) }));
export const NESTED = new Set(lineKeyData.nested_under_carryover);
const SUBTOTAL_KEYS = lineKeyData.subtotal_lines.keys;
export const isSubtotalLine = (key) => SUBTOTAL_KEYS.some((k) => (k.endsWith('.*') ? key.startsWith(k.slice(0, -1)) : key === k));
export const ORDINAL = /^(?:[(（]?[一二三四五六七八九十]+[)）、.]|[一二三四五六七八九十]+、|\d+、|\d+\.(?!\d))/;
/** 合计, 总计, and the 收入总计 / 支出合计 of a table listing one side. */
export const TOTAL_LABEL = /^(收入|支出)?(合计|总计)[:：]?$/;
export const GRAND_TOTAL_LABEL = /^(合\s*计|总\s*计)/;
export function stripOrdinal(label) {
    return compact(label).replace(ORDINAL, '');
}
export function lineKeyOf(label) {
    const t = stripOrdinal(label).replace(/[:：]$/, '');
    return LINE_KEYS.find((k) => k.re.test(t))?.key;
}
/** A table's rows followed by its subtotal lines (summary tables): every printed line it has. */
