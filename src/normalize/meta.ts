import type { DocumentKind, DocumentMeta, Line, Table, Unit } from '../model.js';

/** Department, year, unit and kind of a disclosure, from its own words. */

const DEPARTMENT_LINE = /(?:部门|单位)(?:\(单位\))?名称[:：]\s*([^\s:：]+?)(?:\s|单位[:：]|$)/;
const UNIT_CODE_LINE = /^\d{6}\s+(\S+?)(?:\s|$)/;
const TITLE_DEPARTMENT = /^(.{2,40}?)\s*(?:\d{4}\s*年度?)?\s*(?:部门|单位)(?:预算|决算)/;
const YEAR = /(20\d{2})\s*年/g;

export function documentMeta(lines: Line[], tables: Table[]): DocumentMeta {
  return {
    department: departmentOf(lines),
    year: yearOf(tables.map((t) => t.title).join(' ')) ?? yearOf(lines.slice(0, 80).map((l) => l.text).join(' ')),
    unit: unitOfDocument(tables),
    kind: kindOf(lines),
  };
}

function departmentOf(lines: Line[]): string | undefined {
  for (const l of lines) {
    const m = DEPARTMENT_LINE.exec(l.text);
    if (m?.[1]) return m[1];
  }
  for (const l of lines) {
    const m = UNIT_CODE_LINE.exec(l.text.trim());
    if (m?.[1] && /局|委|院|中心|办|厅|所|站|队|会|校|部|处|室/.test(m[1])) return m[1];
  }
  for (const l of lines.slice(0, 40)) {
    const m = TITLE_DEPARTMENT.exec(l.text.replace(/\s+/g, ''));
    if (m?.[1] && !/^\d/.test(m[1])) return m[1];
  }
  return undefined;
}

function yearOf(text: string): number | undefined {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(YEAR)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
}

function unitOfDocument(tables: Table[]): Unit {
  const wan = tables.filter((t) => t.unit === '万元').length;
  return tables.length && wan * 2 < tables.length ? '元' : '万元';
}

function kindOf(lines: Line[]): DocumentKind | undefined {
  const head = lines.slice(0, 120).map((l) => l.text.replace(/\s+/g, '')).join(' ');
  const count = (w: string): number => head.split(w).length - 1;
  const kinds: DocumentKind[] = ['部门预算', '单位预算', '部门决算', '单位决算'];
  const best = kinds.map((k) => [k, count(k)] as const).sort((a, b) => b[1] - a[1])[0]!;
  if (best[1] > 0) return best[0];
  if (/决算/.test(head)) return '部门决算';
  return /预算/.test(head) ? '部门预算' : undefined;
}
