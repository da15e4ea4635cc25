import type { HeaderColumn, Line, TableType } from '../model.js';
/** The measure a header label names, ignoring 小计/合计 (resolved by position). */
export declare function measureOfLabel(label: string): string | undefined;
/**
 * A measure's name in a table of this type: in a table whose rows are functional classes,
 * 人员经费/公用经费 under 基本支出 are `basic_personnel`/`basic_public` (data/measures.json).
 */
export declare function measureNameIn(type: TableType, measure: string): string;
/** The usual header words of a measure (its first alias), or the measure itself. */
export declare function headerWordOf(measure: string): string;
type OrderFamily = 'expenditure' | 'income' | 'economic' | 'three_public';
export declare function orderFamily(type: TableType): OrderFamily;
/** Reading by words: which canonical measures the header text names, in canonical order. */
export declare function columnsByWords(headerText: string, type: TableType): HeaderColumn[];
/**
 * Reading by position: for every cell index from `firstValue` on, the deepest label printed at
 * that index names its measure; a 小计/合计 takes the group printed above it (nearest to its left).
 * Returns undefined when a value column has no label or two columns claim one measure.
 */
export declare function columnsByPosition(header: Line[], firstValue: number, width: number): (string | undefined)[] | undefined;
/** The value columns' end: a delimited header's trailing 备注 column holds no amount. */
export declare function valueWidth(header: Line[], width: number): number;
export {};
