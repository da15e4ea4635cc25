import { describe, expect, it } from 'vitest';
import { nameFromReference, repairOcrNames } from '../../src/normalize/names.js';

describe('nameFromReference', () => {
  it('takes the reference name for a one-character OCR slip', () => {
    expect(nameFromReference('行政单位高退休', '行政单位离退休')).toBe('行政单位离退休');
  });

  it('takes the reference name for a dropped character', () => {
    expect(nameFromReference('信息建设', '信息化建设')).toBe('信息化建设');
  });

  it('takes the reference name when a wrapped second line was lost', () => {
    expect(nameFromReference('行政单位', '行政单位医疗')).toBe('行政单位医疗');
    expect(nameFromReference('财政对城乡居民基本医疗保', '财政对城乡居民基本医疗保险基金的补助')).toBe('财政对城乡居民基本医疗保险基金的补助');
  });

  it('allows slips up to a quarter of the name', () => {
    expect(nameFromReference('其他医疗保障官埋竺务支出', '其他医疗保障管理事务支出')).toBe('其他医疗保障管理事务支出');
    expect(nameFromReference('其他医疗官埋竺务费用支出', '其他医疗保障管理事务支出')).toBeUndefined();
  });

  it('ignores marks a speck leaves at the end of a name', () => {
    expect(nameFromReference('其他医疗保障官埋委务支出;', '其他医疗保障管理事务支出')).toBe('其他医疗保障管理事务支出');
    expect(nameFromReference('行政运行,', '行政运行')).toBe('行政运行');
  });

  it('drops a neighbouring amount run into the name', () => {
    expect(nameFromReference('财政对城乡居民基本医疗保险基金的补助1.050.00', '财政对城乡居民基本医疗保险基金的补助')).toBe('财政对城乡居民基本医疗保险基金的补助');
  });

  it('leaves a name that already is the reference, or another name, alone', () => {
    expect(nameFromReference('行政运行', '行政运行')).toBeUndefined();
    expect(nameFromReference('行 政 运 行', '行政运行')).toBeUndefined();
    expect(nameFromReference('住房改革支出', '行政单位医疗')).toBeUndefined();
  });

  it('never repairs two-character names by edit distance, nor keeps a one-character prefix', () => {
    expect(nameFromReference('奖全', '奖金')).toBeUndefined();
    expect(nameFromReference('行', '行政运行')).toBeUndefined();
  });

  it('repairs a name read with up to a third of its letters wrong', () => {
    // Two of six, as OCR reads thin print scanned bitonal at 200 dpi (江苏 检察院 2018).
    expect(nameFromReference('其他安授费用', '其他交通费用')).toBe('其他交通费用');
    expect(nameFromReference('社会保障和就业支出', '住房保障支出')).toBeUndefined();
  });
});

describe('repairOcrNames', () => {
  const at = { file: 'scan.pdf', page: 5 };

  it('renames a listed code read with a slip and reports what OCR read', () => {
    const row = { key: '2080501', name: '行政单位高退休' };
    const issues = repairOcrNames([{ k: row, at }], 'general_expenditure');
    expect(row.name).toBe('行政单位离退休');
    expect(issues).toEqual([expect.objectContaining({ kind: 'low_confidence', key: '2080501', printed: '行政单位高退休', table: 'general_expenditure' })]);
  });

  it('uses the department code of an economic key', () => {
    const row = { key: '30302|50905', name: '退体费' };
    repairOcrNames([{ k: row, at }], 'basic_expenditure');
    expect(row.name).toBe('退休费');
  });

  it('leaves unlisted codes and far names alone', () => {
    const rows = [
      { key: '2089998', name: '其他支山' },
      { key: '2101101', name: '住房公积金' },
    ];
    expect(repairOcrNames(rows.map((k) => ({ k, at })), 'expenditure')).toEqual([]);
    expect(rows.map((r) => r.name)).toEqual(['其他支山', '住房公积金']);
  });
});
