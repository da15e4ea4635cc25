export type CodeKind = 'class' | 'section' | 'item' | 'econ_class' | 'econ_section';
export type Classification = 'functional' | 'economic_department' | 'economic_government';
/**
 * One listed code in one or more editions of 《政府收支分类科目》.
 * @example { code: '2080501', name: '行政单位离退休', level: 'item', classification: 'functional', editions: [2024, 2025] }
 */
export interface CodeEntry {
    readonly code: string;
    readonly name: string;
    readonly level: CodeKind;
    readonly classification: Classification;
    readonly editions: readonly number[];
}
/**
 * A 部门经济分类 款 and the 政府经济分类 款 it is reported under: for 行政单位 (and 参公事业单位),
 * and, where it differs, for 事业单位.
 * @example { department: '30101', administrative: '50101', institution: '50501' }
 */
export interface EconomicCorrespondence {
    readonly department: string;
    readonly administrative: string;
    readonly institution?: string;
}
/**
 * What `repairCode` made of a printed code.
 * @example { code: '2101101', repaired: true, nameMatches: true, known: true } // printed 2101109 行政单位医疗
 */
export interface CodeRepair {
    code: string;
    /** The code differs from the printed digits: an OCR letter read as a digit, or a slip the name confirmed. */
    repaired: boolean;
    /** The printed name agrees with the reference name of `code` (after normalization). */
    nameMatches: boolean;
    /** `code` is in the reference. */
    known: boolean;
}
/** The raw JSON of the three data files, as `validateReferenceData` takes it. */
export interface RawReference {
    functional: unknown;
    economic: unknown;
    correspondence: unknown;
}
/** A data file entry that does not fit the schema; names the file, the entry and what is wrong. */
export declare class CodeDataError extends Error {
    readonly file: string;
    /** 0-based position of the entry in the file's array; undefined when the file itself is malformed. */
    readonly index: number | undefined;
    readonly entry: unknown;
    constructor(file: string, 
    /** 0-based position of the entry in the file's array; undefined when the file itself is malformed. */
    index: number | undefined, entry: unknown, detail: string);
}
/** The earliest edition of 《政府收支分类科目》 the reference lists. */
export declare function earliestEdition(): number;
/** Checks data files' contents the way loading does; throws `CodeDataError` naming the first bad entry. */
export declare function validateReferenceData(raw: RawReference): void;
/**
 * Printed code → canonical digits: `208 05 01`, `208|05|01`, `['208','05','01']`, `２０８０５０１`,
 * `2l01101` all give `2080501`/`2101101`. Functional codes are 3/5/7 digits starting with 2,
 * economic codes 3/5 digits starting with 3 or 5; anything else is undefined.
 */
export declare function canonicalCode(parts: string | readonly string[]): string | undefined;
/** Functional level by length: 类 `208`, 款 `20805`, 项 `2080501`. Economic and other codes: undefined. */
export declare function kindOf(code: string): 'class' | 'section' | 'item' | undefined;
/** `2080501` → `20805` → `208` → undefined; `30101` → `301`. */
export declare function parentOf(code: string): string | undefined;
/**
 * The reference entry of a code (any printed form `canonicalCode` reads), in the edition closest
 * to `year` from below, else any edition.
 */
export declare function lookupCode(code: string, year?: number): CodeEntry | undefined;
/** The 政府经济分类 款 a 部门经济分类 款 is reported under, for 行政单位 or 事业单位. */
export declare function governmentCodeOf(departmentCode: string, unit?: 'administrative' | 'institution'): string | undefined;
/**
 * A summary-table line name → its functional 类: `八、社会保障和就业` → 208, `十、医疗卫生` → 210,
 * `（十）卫生健康支岀` → 210, `十二、城乡社区事务` → 212. Income, total and carry-over lines and
 * names matching no class (`人行科目`) give undefined.
 */
export declare function classOfName(name: string, year?: number): CodeEntry | undefined;
/**
 * The economic entries (部门 and 政府) a row name spells exactly, up to width and punctuation:
 * `办公费` → 30201, `维修(护)费` → 30213 and 50209. A name shared by several codes gives them all;
 * which one a row means is its table's business (the classification it uses, the class above it).
 */
export declare function economicEntriesOfName(name: string): readonly CodeEntry[];
/**
 * Checks a printed code against the reference and the row's name. A listed code is returned as is
 * (`nameMatches` says whether the names agree). An unlisted one is replaced only when exactly one
 * listed code is one character away and its name agrees with the row's; otherwise it is kept as
 * printed (canonical digits when it has a code's shape) with `known: false`.
 */
export declare function repairCode(printed: string, name: string, year?: number): CodeRepair;
/**
 * Entries for a lookup command: a code or code prefix (`208`, `208 05`) lists the codes under it;
 * a name lists entries whose name contains it, else the closest names. A class's old name
 * (`医疗卫生`) also finds the class.
 */
export declare function findCodes(query: string): CodeEntry[];
