import type { TableType } from '../model.js';
/** Table type from a printed title; titles nothing matches are `unknown`, never dropped. */
export declare function typeOfTitle(title: string): TableType;
/**
 * A document's tables typed as a set: a table that stands for another type (the central
 * template's 财政拨款支出表, its only general-budget expenditure table) takes that type when the
 * document prints no table of it; where both are printed (Jiangsu), they stay apart.
 */
export declare function withStandIns<T extends {
    type: TableType;
}>(tables: T[]): T[];
