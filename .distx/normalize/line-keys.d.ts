export declare const NESTED: Set<string>;
export declare const isSubtotalLine: (key: string) => boolean;
export declare const ORDINAL: RegExp;
/** 合计, 总计, and the 收入总计 / 支出合计 of a table listing one side. */
export declare const TOTAL_LABEL: RegExp;
export declare const GRAND_TOTAL_LABEL: RegExp;
export declare function stripOrdinal(label: string): string;
export declare function lineKeyOf(label: string): string | undefined;
/** A table's rows followed by its subtotal lines (summary tables): every printed line it has. */
