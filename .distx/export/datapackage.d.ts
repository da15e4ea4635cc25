import type { BudgetDocument, DocumentKind, TableType, Unit } from '../model.js';
import { type Phase } from './facts.js';
/**
 * `datapackage.json` beside the CSVs: a Frictionless (Tabular) Data Package, v1 profiles, so
 * frictionless, pandas-datapackage-reader, R's frictionless and OpenSpending read the CSVs with
 * the right types (codes stay strings, amounts are numbers, a blank is missing, not zero), plus
 * the Fiscal Data Package properties (currency, budget phase, classification dimensions in
 * `model`) that say what the numbers are. Units differ from table to table (a document of 元
 * tables may print its 三公 table in 万元), so every row names its unit and the fiscal measures are
 * the amounts converted to 元 (`amount_yuan`, `<measure>_yuan`, factor 1), never the printed value
 * under one factor for the whole package. Pure: documents in, descriptor out.
 */
export type FieldType = 'string' | 'number' | 'integer';
export interface Field {
    name: string;
    type: FieldType;
    title?: string;
    description?: string;
    /** Numbers are printed bare (no currency sign, no thousands separator, `.` decimals). */
    bareNumber?: boolean;
    decimalChar?: string;
    constraints?: {
        required?: boolean;
        enum?: string[];
    };
}
export interface Resource {
    profile: 'tabular-data-resource';
    name: string;
    path: string;
    title: string;
    description?: string;
    format: 'csv';
    mediatype: 'text/csv';
    encoding: 'utf-8';
    dialect: {
        delimiter: string;
        doubleQuote: boolean;
        quoteChar: string;
        lineTerminator: string;
        header: boolean;
    };
    schema: {
        fields: Field[];
        missingValues: string[];
    };
}
export interface UnitInfo {
    name: Unit;
    /** Multiply an amount by this to get yuan. */
    factor: number;
}
export type { Phase };
type Direction = 'expenditure' | 'revenue';
export interface Measure {
    source: string;
    resource: string;
    currency: 'CNY';
    factor?: number;
    phase?: Phase;
    direction?: Direction;
}
export interface Dimension {
    dimensionType: 'classification';
    classificationType: 'functional' | 'economic' | 'administrative';
    description: string;
    attributes: Record<string, {
        source: string;
        resource: string;
        labelfor?: string;
    }>;
    primaryKey: string;
}
export interface DocumentInfo {
    file: string;
    department?: string;
    year?: number;
    kind?: DocumentKind;
    phase?: Phase;
    unit: UnitInfo;
}
export interface DataPackage {
    profile: 'tabular-data-package';
    name: string;
    title: string;
    description: string;
    countryCode: 'CN';
    currency: 'CNY';
    granularity: 'aggregated';
    /** Set when every document of the run is of one phase; else see `documents`. */
    phase?: Phase;
    fiscalPeriod?: {
        start: string;
        end: string;
    };
    documents: DocumentInfo[];
    resources: Resource[];
    model: {
        measures: Record<string, Measure>;
        dimensions: Record<string, Dimension>;
    };
}
export interface DataPackageOptions {
    /** facts.csv is written. */
    facts: boolean;
    /** csv/<type>.csv are written. */
    wide: boolean;
}
export declare function factsResource(docs: BudgetDocument[]): Resource;
export declare function wideResource(docs: BudgetDocument[], type: TableType): Resource;
export declare function documentsToDataPackage(docs: BudgetDocument[], options: DataPackageOptions): DataPackage;
/** As the document JSON: `<`, `>`, `&`, U+2028/9 escaped, so department names stay inert when pasted into HTML. */
export declare function dataPackageToJson(pkg: DataPackage): string;
