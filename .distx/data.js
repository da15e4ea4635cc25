import { readFileSync } from 'node:fs';
/** Reads a JSON file of facts under `data/` (resolved from src/ and dist/ alike). */
export function loadJson(name) {
    const url = new URL(`../data/${name}`, import.meta.url);
    try {
        return JSON.parse(readFileSync(url, 'utf8'));
    }
    catch (e) {
        throw new Error(`cannot load data/${name}: ${e.message}`);
    }
}
/** A list of data/layout-words.json as one pattern: whole cell (`exact`), its start (`prefix`) or anywhere (`contained`). */
export function layoutWords(name) {
    const list = loadJson('layout-words.json')[name];
    if (!list)
        throw new Error(`data/layout-words.json: no list ${name}`);
    const alt = (words) => words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    if (list.exact)
        return new RegExp(`^(?:${alt(list.exact)})$`);
    if (list.prefix)
        return new RegExp(`^(?:${alt(list.prefix)})`);
    if (list.contained)
        return new RegExp(alt(list.contained));
    throw new Error(`data/layout-words.json: list ${name} has no words`);
}
