/** Reads a JSON file of facts under `data/` (resolved from src/ and dist/ alike). */
export declare function loadJson<T>(name: string): T;
/** A list of data/layout-words.json as one pattern: whole cell (`exact`), its start (`prefix`) or anywhere (`contained`). */
export declare function layoutWords(name: string): RegExp;
