import { readFileSync } from 'node:fs';

/** Reads a JSON file of facts under `data/` (resolved from src/ and dist/ alike). */
export function loadJson<T>(name: string): T {
  const url = new URL(`../data/${name}`, import.meta.url);
  try {
    return JSON.parse(readFileSync(url, 'utf8')) as T;
  } catch (e) {
    throw new Error(`cannot load data/${name}: ${(e as Error).message}`);
  }
}
