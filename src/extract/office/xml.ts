import { parseDocument } from 'htmlparser2';

/**
 * XML and HTML as a tree, through htmlparser2: a tokenizer and tree builder only. It resolves no
 * entities beyond the built-in ones, loads no DTD and fetches nothing, so an untrusted document
 * can neither expand entities (billion laughs) nor reach the network or disk.
 */

/** The tree's node types, taken from htmlparser2 itself (domhandler is its dependency, not ours). */
export type ChildNode = ReturnType<typeof parseDocument>['children'][number];
export type Element = Extract<ChildNode, { attribs: Record<string, string> }>;

export const parseXml = (text: string) => parseDocument(text, { xmlMode: true });
export const parseHtml = (text: string) => parseDocument(text, { lowerCaseTags: true, lowerCaseAttributeNames: true });

export const isElement = (n: ChildNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';

export const childElements = (n: { children: ChildNode[] }): Element[] => n.children.filter(isElement);

/** Descendant elements named `name`, in document order (not entering matches). */
export function findAll(n: { children: ChildNode[] }, name: string): Element[] {
  const out: Element[] = [];
  const stack = [...n.children].reverse();
  while (stack.length) {
    const c = stack.pop()!;
    if (!isElement(c)) continue;
    if (c.name === name) out.push(c);
    else for (let i = c.children.length - 1; i >= 0; i--) stack.push(c.children[i]!);
  }
  return out;
}

/** A non-negative integer attribute (spans, repeat counts), `fallback` when absent or malformed. */
export function intAttr(e: Element, name: string, fallback: number): number {
  const v = e.attribs[name];
  if (v === undefined) return fallback;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}
