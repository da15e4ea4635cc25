import type { TableType } from '../model.js';
import { NOT_APPLICABLE, docIssue, instance, label, requiredFile, type CheckDef, type Context, type Instance, type Outcome } from './shared.js';

/** Completeness: the tables a disclosure of its kind must publish. */

export function requiredTables(ctx: Context, def: CheckDef): Outcome {
  const set = ctx.meta.kind ? requiredFile.sets[requiredFile.kinds[ctx.meta.kind] ?? ''] : undefined;
  if (!set) return NOT_APPLICABLE;
  const instances = set.map(({ anyOf }) => requirementInstance(ctx, def, anyOf));
  return { applicable: true, instances };
}

export function requirementInstance(ctx: Context, def: CheckDef, anyOf: TableType[]): Instance {
  const found = ctx.tables.filter((t) => anyOf.includes(t.type));
  const names = anyOf.join(' or ');
  if (!found.length) {
    const message = `no ${names} table found: a ${ctx.meta.kind} disclosure must publish one`;
    return instance('broken', [{ issue: docIssue('table_missing', def.severity, def.id, message, anyOf[0]) }]);
  }
  if (found.some((t) => !t.empty)) return instance('held');
  // Printed with no figures (表示无数据) is still published: worth a note, not a warning.
  const t = found[0]!;
  const message = `${label(t)} is printed but empty`;
  return instance('held', [{ issue: { ...docIssue('table_empty', 'info', def.id, message, t.type), at: t.at } }]);
}
