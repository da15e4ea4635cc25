import type { At, Line } from '../model.js';
/**
 * Body lines → raw rows: the codes, labels and numbers a printed row carries, before any column
 * is assigned. Delimited lines keep each number's cell index; space-separated dumps, whose rows
 * wrap over several lines (code on one, name on the next, numbers on a third), are joined first.
 */
export type TokenKind = 'digits' | 'amount' | 'label';
export interface Token {
    kind: TokenKind;
    text: string;
    /** Cell index in a delimited line; undefined for space-separated text. */
    idx?: number;
    at: At;
}
export interface NumberCell {
    value: number;
    idx?: number;
    at: At;
}
export interface RawRow {
    /** Digit groups printed before and between labels: functional, economic, unit or project codes. */
    codes: string[];
    labels: string[];
    numbers: NumberCell[];
    at: At;
    /** True when the numbers came with printed cell positions. */
    positioned: boolean;
    tokens: Token[];
}
export declare function classify(text: string): TokenKind | undefined;
export declare function tokensOf(line: Line): Token[];
/**
 * A space-separated dump splits `2024 年中央财政…` and `…配套资金 2024` at the space: a year
 * followed by 年, or standing between two labels, belongs to the label (no code has 4 digits).
 */
export declare function withYearsInLabels<T extends {
    text: string;
    at: At;
}>(items: T[], isLabel: (item: T) => boolean): T[];
/**
 * Integers printed after a row's first label are amounts (`117`, `0`, `50`), except one directly
 * followed by a label, which is a code (`30101 基本工资 50101 工资奖金津补贴 9.56`).
 */
export declare function rowOf(tokens: Token[], at: At, positioned: boolean): RawRow;
/** Text in a cell after the row's name that is a figure read badly (`b26-86`, `1-858 28 858. 28`), not words (2024年第1批). */
export declare function isUnreadFigure(text: string): boolean;
/**
 * Digit cells in a row → codes: `208 05 01` → `2080501` (a 类 followed by 2-digit 款/项), and a
 * unit code printed beside it stays separate (`208 05 01 309001` → `2080501`, `309001`).
 */
export declare function joinCodeParts(parts: string[]): string[];
/** A line that starts a row in a space-separated dump: it opens with a code or a total label. */
export declare function startsRow(tokens: Token[]): boolean;
/**
 * A table flattened onto one line (cells in scrambled order): each number goes to the nearest
 * code. The printed order being lost, only the largest number of each pseudo-row is kept: the
 * total column is at least any of its parts, and the parts cannot be told apart.
 */
export declare function splitFlattened(tokens: Token[]): Token[][] | undefined;
/** Joins the lines of space-separated rows; delimited lines are a row each. */
export declare function linesToRawRows(lines: Line[], options?: {
    serialColumn?: boolean;
}): RawRow[];
