#!/usr/bin/env node
/**
 * schema/budget-document.schema.json from src/model.ts: the JSON Schema (draft 2020-12) of the
 * document JSON, generated from the one model so it is never written twice by hand.
 *
 *   node scripts/build-schema.mjs            write the file (npm run schema)
 *   node scripts/build-schema.mjs --stdout   print it (the drift test compares this to the file)
 *
 * ts-json-schema-generator emits draft-07; the few places where 2020-12 differs are rewritten:
 * `definitions` → `$defs`, tuple `items: [...]` → `prefixItems`.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

const root = fileURLToPath(new URL('..', import.meta.url));
const OUT = `${root}schema/budget-document.schema.json`;

/** Draft-07 → 2020-12, in place, for the constructs the generator produces. */
function to2020(node) {
  if (Array.isArray(node)) return node.map(to2020);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'definitions') out.$defs = to2020(v);
    else if (k === '$ref' && typeof v === 'string') out.$ref = v.replace('#/definitions/', '#/$defs/');
    else if (k === 'items' && Array.isArray(v)) out.prefixItems = to2020(v);
    else if (k === 'additionalItems') out.items = to2020(v);
    else out[k] = to2020(v);
  }
  return out;
}

export function buildSchema() {
  const generated = createGenerator({
    path: `${root}src/model.ts`,
    tsconfig: `${root}tsconfig.json`,
    type: 'BudgetDocument',
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    // A property the model does not declare is an error: the schema notices when output drifts from it.
    additionalProperties: false,
    sortProps: true,
  }).createSchema('BudgetDocument');
  const { $schema: _draft07, ...rest } = to2020(generated);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/budget-extract/budget-extract/schema/budget-document.schema.json',
    title: 'budget-extract document',
    description: 'One JSON document per input (or per unit of a county bundle), as budget-extract writes it. Generated from src/model.ts by scripts/build-schema.mjs; do not edit.',
    ...rest,
  };
}

export const schemaText = () => `${JSON.stringify(buildSchema(), null, 2)}\n`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--stdout')) process.stdout.write(schemaText());
  else {
    mkdirSync(`${root}schema`, { recursive: true });
    writeFileSync(OUT, schemaText());
    process.stderr.write(`wrote ${OUT}\n`);
  }
}
