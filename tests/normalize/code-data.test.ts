import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lookupCode } from '../../src/normalize/codes.js';

interface Listed {
  code: string;
  name: string;
  level: string;
  editions: number[];
  kind?: string;
  aliases?: string[];
}
interface Correspondence {
  department: string;
  administrative: string;
  institution?: string;
}

const read = <T>(file: string): T => JSON.parse(readFileSync(new URL(`../../data/${file}`, import.meta.url), 'utf8')) as T;
const functional = read<Listed[]>('functional-classification.json');
const economic = read<Listed[]>('economic-classification.json');
const correspondence = read<Correspondence[]>('economic-correspondence.json');

const editionsOf = (entries: Listed[]) => [...new Set(entries.flatMap((e) => e.editions))].sort();
const codesIn = (entries: Listed[], year: number) => entries.filter((e) => e.editions.includes(year)).map((e) => e.code);
const duplicates = (codes: string[]) => codes.filter((c, i) => codes.indexOf(c) !== i);

describe('data/functional-classification.json', () => {
  it.each(editionsOf(functional))('lists each code once in edition %i', (year) => {
    expect(duplicates(codesIn(functional, year))).toEqual([]);
  });

  it.each(editionsOf(functional))('lists the 款 and 类 of every 项, and the 类 of every 款, in edition %i', (year) => {
    const codes = new Set(codesIn(functional, year));
    const orphans = [...codes].filter((c) => (c.length >= 5 && !codes.has(c.slice(0, 3))) || (c.length === 7 && !codes.has(c.slice(0, 5))));
    expect(orphans).toEqual([]);
  });

  it('gives every entry a non-empty name without stray whitespace', () => {
    const bad = [...functional, ...economic].filter((e) => !/^\S+$/.test(e.name) || (e.aliases ?? []).some((a) => !/^\S+$/.test(a)));
    expect(bad).toEqual([]);
  });

  it('has every 类 from 201 to 234 that current editions use', () => {
    const classes = functional.filter((e) => e.level === 'class').map((e) => e.code);
    const expected = ['201', '202', '203', '204', '205', '206', '207', '208', '209', '210', '211', '212', '213', '214', '215', '216', '217',
      '219', '220', '221', '222', '223', '224', '227', '229', '230', '231', '232', '233', '234'];
    expect(classes).toEqual(expect.arrayContaining(expected));
  });

  it('spells the codes of the seed documents as they print them', () => {
    const pinned: [string, string][] = [
      ['208', '社会保障和就业支出'],
      ['20805', '行政事业单位养老支出'],
      ['2080501', '行政单位离退休'],
      ['2080505', '机关事业单位基本养老保险缴费支出'],
      ['2080599', '其他行政事业单位养老支出'],
      ['2089999', '其他社会保障和就业支出'],
      ['210', '卫生健康支出'],
      ['21011', '行政事业单位医疗'],
      ['2101101', '行政单位医疗'],
      ['2101102', '事业单位医疗'],
      ['2101103', '公务员医疗补助'],
      ['2101199', '其他行政事业单位医疗支出'],
      ['21012', '财政对基本医疗保险基金的补助'],
      ['2101202', '财政对城乡居民基本医疗保险基金的补助'],
      ['2101299', '财政对其他基本医疗保险基金的补助'],
      ['21013', '医疗救助'],
      ['2101301', '城乡医疗救助'],
      ['21015', '医疗保障管理事务'],
      ['2101501', '行政运行'],
      ['2101504', '信息化建设'],
      ['2101505', '医疗保障政策管理'],
      ['2101506', '医疗保障经办事务'],
      ['2101550', '事业运行'],
      ['2101599', '其他医疗保障管理事务支出'],
      ['221', '住房保障支出'],
      ['22102', '住房改革支出'],
      ['2210201', '住房公积金'],
    ];
    expect(pinned.filter(([code, name]) => lookupCode(code)?.name !== name)).toEqual([]);
  });
});

describe('data/economic-classification.json', () => {
  it.each(editionsOf(economic))('lists each code once in edition %i', (year) => {
    expect(duplicates(codesIn(economic, year))).toEqual([]);
  });

  it.each(editionsOf(economic))('lists the 类 of every 款 in edition %i', (year) => {
    const codes = new Set(codesIn(economic, year));
    expect([...codes].filter((c) => c.length === 5 && !codes.has(c.slice(0, 3)))).toEqual([]);
  });

  it('keeps 部门经济分类 in 3xx and 政府经济分类 in 5xx', () => {
    const misfiled = economic.filter((e) => (e.kind === 'department') !== e.code.startsWith('3'));
    expect(misfiled).toEqual([]);
  });
});

describe('data/economic-correspondence.json', () => {
  const sections = (kind: string) => new Set(economic.filter((e) => e.kind === kind && e.level === 'section').map((e) => e.code));

  it('maps only listed 部门经济分类 款', () => {
    const listed = sections('department');
    expect(correspondence.filter((c) => !listed.has(c.department))).toEqual([]);
  });

  it('maps every 301xx … 399xx to a 5xxxx 款 that exists', () => {
    const listed = sections('government');
    const dangling = correspondence.filter((c) => !listed.has(c.administrative) || (c.institution !== undefined && !listed.has(c.institution)));
    expect(dangling).toEqual([]);
  });

  it('maps each 部门经济分类 款 once', () => {
    expect(duplicates(correspondence.map((c) => c.department))).toEqual([]);
  });

  it('reports 事业单位 wages and running costs under 对事业单位经常性补助', () => {
    const institution = (dept: string) => correspondence.find((c) => c.department === dept)?.institution;
    expect(correspondence.filter((c) => /^30[12]/.test(c.department)).map((c) => institution(c.department))).not.toContain(undefined);
    expect(institution('30101')).toBe('50501');
    expect(institution('30201')).toBe('50502');
  });
});
