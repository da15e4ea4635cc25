import type { Issue, Line } from '../../model.js';
/**
 * Web pages: the text outside tables as plain lines, each data table as rows of cells (colspan
 * and rowspan expanded as merged cells). The page is only parsed: scripts and styles are
 * dropped unread, nothing is fetched (no images, frames or links followed), hidden elements
 * (`display:none`, `hidden`) are skipped. A table holding another table is page layout, not
 * data: its cells are read as text blocks and the tables inside it as tables.
 */
export type HtmlEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';
/**
 * The page's encoding: a byte-order mark; else UTF-8 when the bytes are valid UTF-8 (pages
 * declaring gb2312 are often re-saved as UTF-8 without the meta tag changed, while GBK text is
 * almost never valid UTF-8); else the <meta> charset; else GB18030, the superset of GBK/GB2312.
 */
export declare function sniffHtmlEncoding(bytes: Uint8Array): HtmlEncoding;
export declare function readHtml(bytes: Uint8Array, file: string): {
    lines: Line[];
    issues: Issue[];
};
