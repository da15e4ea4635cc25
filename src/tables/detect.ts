import type { TableType } from '../model.js';
import { loadJson } from '../data.js';

interface Signature {
  type: TableType;
  title: RegExp;
}

interface SignatureFile {
  types: { type: TableType; title: string }[];
}

const signatures: Signature[] = loadJson<SignatureFile>('table-types.json').types.map((s) => {
  try {
    return { type: s.type, title: new RegExp(s.title) };
  } catch {
    throw new Error(`data/table-types.json: bad title pattern for ${s.type}: ${s.title}`);
  }
});

/** Table type from a printed title; titles nothing matches are `unknown`, never dropped. */
export function typeOfTitle(title: string): TableType {
  const t = title.replace(/\s+/g, '');
  return signatures.find((s) => s.title.test(t))?.type ?? 'unknown';
}
