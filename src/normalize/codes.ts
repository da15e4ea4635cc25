// TEMPORARY STUB (to be replaced by the classification reference module).
export interface CodeEntry { code: string; name: string; level: string; classification: string; editions: number[] }
const CLASSES: [string, RegExp][] = [
  ['201', /一般公共服务/], ['202', /外交/], ['203', /国防/], ['204', /公共安全/], ['205', /教育/], ['206', /科学技术/],
  ['207', /文化/], ['208', /社会保障和就业/], ['209', /社会保险基金/], ['210', /卫生健康|医疗卫生/], ['211', /节能环保/],
  ['212', /城乡社区/], ['213', /农林水/], ['214', /交通运输/], ['215', /资源勘探/], ['216', /商业服务业/], ['217', /金融/],
  ['219', /援助其他地区/], ['220', /自然资源海洋气象|国土海洋气象/], ['221', /住房保障/], ['222', /粮油物资储备/], ['223', /^国有资本经营预算(支出)?$/],
  ['224', /灾害防治/], ['227', /预备费/], ['229', /^其他支出$/], ['230', /转移性支出/], ['231', /债务还本/], ['232', /债务付息/], ['233', /债务发行费用/], ['234', /抗疫特别国债/],
];
export function classOfName(name: string): CodeEntry | undefined {
  const t = name.replace(/\s+/g, '').replace(/^(?:[(（]?[一二三四五六七八九十]+[)）、.]|[一二三四五六七八九十]+、)/, '');
  const hit = CLASSES.find(([, re]) => re.test(t));
  return hit ? { code: hit[0], name: t, level: 'class', classification: 'functional', editions: [2025] } : undefined;
}
export function kindOf(code: string): 'class' | 'section' | 'item' | undefined {
  return code.length === 3 ? 'class' : code.length === 5 ? 'section' : code.length === 7 ? 'item' : undefined;
}
export function findCodes(_q: string): CodeEntry[] { return []; }
export function lookupCode(_c: string): CodeEntry | undefined { return undefined; }
export function canonicalCode(_c: string): string | undefined { return undefined; }
export function parentOf(_c: string): string | undefined { return undefined; }
