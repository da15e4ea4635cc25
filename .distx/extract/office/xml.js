import { parseDocument } from 'htmlparser2';
export const parseXml = (text) => parseDocument(text, { xmlMode: true });
export const parseHtml = (text) => parseDocument(text, { lowerCaseTags: true, lowerCaseAttributeNames: true });
export const isElement = (n) => n.type === 'tag' || n.type === 'script' || n.type === 'style';
export const childElements = (n) => n.children.filter(isElement);
/** Descendant elements named `name`, in document order (not entering matches). */
export function findAll(n, name) {
    const out = [];
    const stack = [...n.children].reverse();
    while (stack.length) {
        const c = stack.pop();
        if (!isElement(c))
            continue;
        if (c.name === name)
            out.push(c);
        else
            for (let i = c.children.length - 1; i >= 0; i--)
                stack.push(c.children[i]);
    }
    return out;
}
/** A non-negative integer attribute (spans, repeat counts), `fallback` when absent or malformed. */
export function intAttr(e, name, fallback) {
    const v = e.attribs[name];
    if (v === undefined)
        return fallback;
    const n = Number.parseInt(v, 10);
    return Number.isFinite(n) && n >= 0 ? n : fallback;
}
