export declare function parseAmount(text: string): number | undefined;
