import { parseDocument } from 'htmlparser2';
/**
 * XML and HTML as a tree, through htmlparser2: a tokenizer and tree builder only. It resolves no
 * entities beyond the built-in ones, loads no DTD and fetches nothing, so an untrusted document
 * can neither expand entities (billion laughs) nor reach the network or disk.
 */
/** The tree's node types, taken from htmlparser2 itself (domhandler is its dependency, not ours). */
export type ChildNode = ReturnType<typeof parseDocument>['children'][number];
export type Element = Extract<ChildNode, {
    attribs: Record<string, string>;
}>;
export declare const parseXml: (text: string) => import("domhandler").Document;
export declare const parseHtml: (text: string) => import("domhandler").Document;
export declare const isElement: (n: ChildNode) => n is Element;
export declare const childElements: (n: {
    children: ChildNode[];
}) => Element[];
/** Descendant elements named `name`, in document order (not entering matches). */
export declare function findAll(n: {
    children: ChildNode[];
}, name: string): Element[];
/** A non-negative integer attribute (spans, repeat counts), `fallback` when absent or malformed. */
export declare function intAttr(e: Element, name: string, fallback: number): number;
