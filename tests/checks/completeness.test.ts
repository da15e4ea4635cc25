import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../src/checks/index.js';
import { tocEntries } from '../../src/checks/completeness.js';
import type { At, CheckResult, DocumentMeta, Issue, Line, Row, Table, TableType } from '../../src/model.js';

const FILE = 'a.pdf';
const META: DocumentMeta = { unit: '万元', kind: '部门预算', year: 2018 };

/** Lines as the PDF reader gives them, `page|text`. */
const lines = (spec: string[]): Line[] =>
  spec.map((s, i) => {
    const [page, text] = s.split('|') as [string, string];
    const at: At = { file: FILE, page: Number(page), bbox: [0, i * 10, 100, i * 10 + 8] };
    return { text, cells: [{ text, at }], at, delimited: false };
  });

/** The 目录 of 2018年省检察院部门预算公开.pdf, page 2, and the start of its body. */
const JIANGSU_TOC = lines([
  '1|江苏省人民检察院',
  '1|2018年部门预算',
  '2|目 录',
  '2|第一部分 部门概况',
  '2|一、主要职能',
  '2|二、部门机构设置和预算单位构成情况',
  '2|第二部分 2018 年度部门预算表',
  '2|一、收支预算总表',
  '2|二、收入预算总表',
  '2|三、支出预算总表',
  '2|四、财政拨款收支预算总表',
  '2|五、财政拨款支出预算表',
  '2|六、财政拨款基本支出预算表',
  '2|七、一般公共预算支出预算表',
  '2|八、一般公共预算基本支出预算表',
  '2|九、一般公共预算“三公”经费、会议费、培训费支出预算',
  '2|表',
  '2|十、政府性基金财政拨款支出预算表',
  '2|十一、一般公共预算机关运行经费支出预算表',
  '2|十二、政府采购支出预算表',
  '2|第三部分 2018 年度部门预算情况说明',
  '2|第四部分 名词解释',
  '2|第一部分 部门概况',
  '3|一、主要职责',
  '3|人民检察院是国家的法律监督机关。省检察院的主要任务是领导全省各级检察院依法履行法律监督职责。',
]);

const row = (total: number): Row => ({ key: 'total', kind: 'total', name: '合计', values: { total }, sources: {}, at: { file: FILE, page: 9 } });
const table = (type: TableType, title: string, empty = false): Table => ({
  type, title, unit: '万元', pages: [9], empty, columns: [{ measure: 'total', path: ['合计'], children: [] }], rows: empty ? [] : [row(1)], issues: [], at: { file: FILE, page: 9 },
});
const result = (checks: CheckResult[], id: string): CheckResult => checks.find((c) => c.check === id)!;
const missing = (issues: Issue[]): Issue[] => issues.filter((i) => i.kind === 'table_missing');

describe('toc_tables: the tables the document’s own 目录 lists', () => {
  const entries = tocEntries(JIANGSU_TOC);
  const tablesOf = (skip?: string): Table[] => entries.filter((e) => !e.text.startsWith(skip ?? '#')).map((e) => table(e.type, e.text.replace(/^[一二三四五六七八九十]+、/, '')));

  it('should read the twelve table entries, joining one a line break cut, and stop where the body repeats an entry', () => {
    expect(entries.map((e) => e.text)).toEqual([
      '一、收支预算总表', '二、收入预算总表', '三、支出预算总表', '四、财政拨款收支预算总表', '五、财政拨款支出预算表', '六、财政拨款基本支出预算表',
      '七、一般公共预算支出预算表', '八、一般公共预算基本支出预算表', '九、一般公共预算“三公”经费、会议费、培训费支出预算表', '十、政府性基金财政拨款支出预算表',
      '十一、一般公共预算机关运行经费支出预算表', '十二、政府采购支出预算表',
    ]);
    expect(entries[8]).toMatchObject({ type: 'three_public', at: { page: 2 } });
  });

  it('should pass when every listed table is found', () => {
    const { issues, validation } = validateDocument(tablesOf(), META, JIANGSU_TOC);
    expect(result(validation.checks, 'toc_tables')).toMatchObject({ status: 'pass', evaluated: 12, failed: 0 });
    expect(missing(issues)).toEqual([]);
  });

  it('should report a listed table the document lacks, with its 目录 line, once', () => {
    const { issues, validation } = validateDocument(tablesOf('九、'), META, JIANGSU_TOC);
    expect(result(validation.checks, 'toc_tables')).toMatchObject({ status: 'fail', failed: 1 });
    expect(missing(issues)).toEqual([
      {
        kind: 'table_missing', severity: 'warning', check: 'toc_tables', table: 'three_public', at: JIANGSU_TOC[15]!.at,
        message: 'the 目录 lists 「九、一般公共预算“三公”经费、会议费、培训费支出预算表」 but no three_public table was found in the document',
      },
    ]);
  });

  it('should not judge a volume with no table (its tables are published apart)', () => {
    const { validation } = validateDocument([], META, JIANGSU_TOC);
    expect(result(validation.checks, 'toc_tables').status).toBe('not_applicable');
    expect(result(validation.checks, 'required_tables').status).toBe('not_applicable');
  });
});

describe('required_tables: the minimum set by kind and template', () => {
  const central: Table[] = [
    table('summary', '西南大学收支预算总表'), table('income', '西南大学收入预算表'), table('expenditure', '西南大学支出预算表'),
    table('general_expenditure', '西南大学财政拨款支出预算表'),
  ];
  const shanghaiTypes: TableType[] = ['summary', 'income', 'expenditure', 'fiscal_summary', 'general_expenditure', 'fund_expenditure', 'state_capital_expenditure', 'basic_expenditure', 'three_public'];
  const shanghai = (skip: TableType): Table[] =>
    shanghaiTypes.filter((t) => t !== skip).map((t) => table(t, t === 'summary' ? '2025年预算单位财务收支预算总表' : `2025年预算单位${t}表`, t === 'fund_expenditure'));

  it('should hold the central template’s four tables to the minimum, not to a twelve-table list', () => {
    const { issues, validation } = validateDocument(central, META, []);
    expect(result(validation.checks, 'required_tables')).toMatchObject({ status: 'pass', evaluated: 4 });
    expect(missing(issues)).toEqual([]);
  });

  it('should report a table of the minimum that is missing', () => {
    const { issues } = validateDocument(central.slice(0, 3), { ...META, kind: '部门决算' }, []);
    expect(missing(issues)).toMatchObject([{ check: 'required_tables', table: 'general_expenditure', message: 'no general_expenditure or fiscal_summary table found: a 部门决算 publishes one' }]);
  });

  it('should hold a Shanghai budget to its nine tables, an empty one counting as present', () => {
    const whole = validateDocument(shanghai('unknown'), { ...META, kind: '单位预算' }, []);
    expect(result(whole.validation.checks, 'required_tables')).toMatchObject({ status: 'pass', evaluated: 9 });
    expect(whole.issues.filter((i) => i.kind === 'table_empty')).toMatchObject([{ severity: 'info', table: 'fund_expenditure' }]);
    const lacking = validateDocument(shanghai('three_public'), { ...META, kind: '单位预算' }, []);
    expect(missing(lacking.issues)).toMatchObject([{ table: 'three_public', message: 'no three_public table found: a 单位预算 of the Shanghai template publishes one' }]);
  });
});

describe('required_tables beside a 目录', () => {
  it('should leave to toc_tables every table the 目录 lists: not applicable when it lists them all', () => {
    const entries = tocEntries(JIANGSU_TOC);
    const { validation } = validateDocument(entries.map((e) => table(e.type, e.text)), META, JIANGSU_TOC);
    expect(result(validation.checks, 'required_tables').status).toBe('not_applicable');
  });
});

describe('toc_tables and a table typed by the document’s set', () => {
  it('should match an entry to a table whose title names the entry’s type though the table was typed as another', () => {
    const toc = lines(['2|目录', '2|(一) 高等学校收支决算总表', '2|(四) 高等学校财政拨款支出决算表', '3|一、学校概况']);
    const [first] = tocEntries(toc);
    // The 决算's only 财政拨款 table may be typed general_expenditure; its title still reads as the entry does.
    const tables = [table(first!.type, '表 1:高等学校收支决算总表'), table('general_expenditure', '表 4:高等学校财政拨款支出决算表')];
    const { validation } = validateDocument(tables, META, toc);
    expect(result(validation.checks, 'toc_tables')).toMatchObject({ status: 'pass', evaluated: 2 });
  });
});
