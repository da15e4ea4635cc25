/**
 * Why an input could not be extracted at all. Extractors throw this (instead of returning an
 * empty result) so the CLI can tell the user what to do about it and pick an exit status.
 */
export type ExtractErrorCode = 'empty' | 'binary' | 'no_text_layer' | 'encrypted' | 'invalid_pdf' | 'invalid_office' | 'unsupported_office' | 'too_large' | 'no_budget_table' | 'unsupported' | 'timeout' | 'io';
export declare class ExtractError extends Error {
    readonly name = "ExtractError";
    readonly code: ExtractErrorCode;
    readonly file: string;
    readonly page?: number;
    /** `detail` says what was seen (e.g. the underlying parser message); advice is added. */
    constructor(code: ExtractErrorCode, file: string, detail?: string, options?: {
        page?: number;
        cause?: unknown;
    });
}
