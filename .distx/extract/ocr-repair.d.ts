/**
 * What a numeric table cell read by OCR can be corrected to by knowledge alone, never by
 * invention: letters tesseract confuses with digits (O/0, l/1, I/1, S/5, B/8) inside a cell that
 * is otherwise a number, and a decimal point lost in a column whose other values all print the
 * same number of decimals. Pure: text in, the reading and what was changed out. The caller
 * flags every changed value `low_confidence`; nothing here is accepted silently.
 */
export type RepairKind = 'lookalike' | 'separator' | 'decimal_point';
export interface NumberReading {
    /** The amount as it will be printed in the cell (separators as read, decimals restored). */
    text: string;
    /** What was changed from the OCR reading, in order; empty when the reading was already clean. */
    repairs: RepairKind[];
}
/** True for a clean printed amount (`1,794.14`, `0.77`, `-3.50`). */
export declare function isAmount(text: string): boolean;
/** Decimals an amount prints (`867.02` → 2, `350` → 0). */
export declare function decimalsOf(text: string): number;
/**
 * A cell's OCR text read as an amount, with look-alike letters replaced and stray edge marks
 * dropped; undefined when it is not a number (a name, a code with letters, empty).
 */
export declare function readAmount(raw: string): NumberReading | undefined;
/**
 * The decimals a column prints, from its amounts other than the one being judged: defined when
 * at least DECIMALS_MAJORITY of them (and MIN_COLUMN_AMOUNTS or more) agree.
 */
export declare function columnDecimals(others: string[]): number | undefined;
/**
 * An amount that does not print the column's decimals, restored when the difference can only be
 * a lost or misread point: `86702` → `867.02`, `867,02` → `867.02` in a two-decimal column.
 * Undefined when it cannot be (too few digits, or extra decimals): that reading stays suspect.
 */
export declare function restoreDecimals(text: string, decimals: number): string | undefined;
/**
 * A cell that is not an amount as read, but is one with its decimal point read as a gap: the
 * last group of digits, after a space, has the table's `decimals` and nothing else prints a
 * point (`10, 191 56` in a two-decimal table is 10,191.56). Undefined otherwise.
 */
export declare function readGappedAmount(raw: string, decimals: number | undefined): NumberReading | undefined;
/**
 * A cell that is not an amount as read, but is one with a thousands separator read as a gap: its
 * digits in groups of three after the first, at least one of them after a comma (a gap alone may
 * part two numbers), the gaps where the other commas are (`1 200, 000` is 1,200,000; the dark
 * scans of 上海市财政局 print 1,200,000 and 4,200,000 read so). Undefined otherwise.
 */
export declare function readGappedThousands(raw: string): NumberReading | undefined;
/**
 * An amount whose separators and point were read as other marks (`9; 022.18`, `15, 176, 76`,
 * `1、165. 08`), in a table printing `decimals` decimals: digit groups only, the first of one to
 * three digits, the others of three, the last of `decimals` (its mark the point). Anything else,
 * a letter among them above all, is no reading. Undefined otherwise.
 */
export declare function readMarkedAmount(raw: string, decimals: number | undefined): NumberReading | undefined;
/** An amount's value in cents (integers add exactly), or undefined for text that is not one; a blank cell is 0. */
export declare function cents(text: string): number | undefined;
/** A sum a column should satisfy: the amount of `parent` equals the sum of those of `children` (row indices). */
export interface SumIdentity {
    parent: number;
    children: number[];
}
/**
 * The classification sums of a grid: each row whose code is a 类 or 款 equals the sum of the
 * rows below it whose codes are one level finer and start with its code (up to the next row of
 * its level or coarser; a row without a code is passed over). `codes` holds each row's code as
 * read (digits, or undefined). Rows
 * without children on the page give no identity: a table cut by the page foot cannot be summed.
 */
export declare function sumIdentities(codes: (string | undefined)[]): SumIdentity[];
/**
 * Which one cell of a broken identity a second reading settles: given the amounts as read
 * (undefined where the reading is not an amount) and, per row, the amount read again alone
 * (undefined where there is none), the single row whose second reading makes the parent equal
 * the sum of its children. Undefined when none does, or more than one would (then nothing is known).
 */
export declare function settleIdentity(identity: SumIdentity, read: (number | undefined)[], again: (number | undefined)[]): number | undefined;
/**
 * Which one digit of a broken identity was misread for its look-alike (DIGIT_LOOKALIKES): given
 * the members' texts as read, all amounts, the single (row, text) with one digit swapped for its
 * look-alike under which the parent equals the sum of its children. Rows in `held` (the totals of
 * sums that hold) are not changed: their items vouch for them. Undefined when none does, or more
 * than one would: the sums alone then do not say which figure is wrong. Pure.
 */
export declare function settleByLookalike(identity: SumIdentity, texts: string[], held?: ReadonlySet<number>): {
    row: number;
    text: string;
    read: string;
    as: string;
} | undefined;
/**
 * The known header word a reading stands for with one letter misread (基本文出 for 基本支出): as
 * long, at least MIN_HEADER_WORD_CHARS letters, differing in exactly one, and the only known word
 * that close. Undefined for a known word itself and for anything else. Pure.
 */
export declare function headerWordFor(read: string, words: readonly string[]): string | undefined;
